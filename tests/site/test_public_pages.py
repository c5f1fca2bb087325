"""Every public page answers with seed data; nothing unpublished is reachable."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Agreement, Event
from portal.core.models import Indicator, Organization, Person, Place, Source, Status
from projects.models import Project
from tests.builders import make_event, make_organization, make_person, make_project

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    "home",
    "events:list",
    "events:timeline",
    "agreements:list",
    "projects:list",
    "people:list",
    "organizations:list",
    "key-figures",
    "about",
]


@pytest.mark.parametrize("name", LIST_PAGES)
def test_every_site_page_answers(client, seeded, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("model", [Event, Agreement, Project, Person, Organization])
def test_every_published_record_has_a_working_page(client, seeded, model):
    records = list(model.objects.published())
    assert records, f"the seed holds no published {model.__name__}"
    for record in records:
        response = client.get(record.get_absolute_url())
        assert response.status_code == 200, record.get_absolute_url()
        assert str(record.title if hasattr(record, "title") else record.name) in (
            response.text.replace("&#x27;", "'").replace("&quot;", '"')
        )


def test_every_place_and_source_has_a_working_page(client, seeded):
    for record in [*Place.objects.all(), *Source.objects.all()]:
        assert client.get(record.get_absolute_url()).status_code == 200


def test_every_key_figure_appears_with_its_source(client, seeded):
    text = client.get(reverse("key-figures")).text
    for indicator in Indicator.objects.published():
        assert indicator.name in text.replace("&#x27;", "'")
    assert "USD 2.44 billion" in text
    assert "+21.9%" in text
    assert "more than 57,000 tourists" in text


def test_home_shows_figures_latest_events_and_featured_projects(client, seeded):
    response = client.get(reverse("home"))
    assert "USD 2.44 billion" in response.text
    assert list(response.context["events"]) == list(Event.objects.published()[:6])
    assert response.context["projects"]
    assert all(project.featured for project in response.context["projects"])


@pytest.mark.parametrize(
    "make", [make_event, make_project, make_person, make_organization]
)
@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.ARCHIVED},
        {"published_at": "future"},
    ],
    ids=["draft", "review", "archived", "scheduled"],
)
def test_unpublished_records_are_not_found(client, make, hidden):
    if hidden.get("published_at") == "future":
        hidden = {"published_at": timezone.now() + datetime.timedelta(days=2)}
    record = make(**hidden)
    assert client.get(record.get_absolute_url()).status_code == 404


def test_unpublished_records_stay_out_of_lists(client):
    make_event(title="Visible talks")
    make_event(title="Draft talks", status=Status.DRAFT)
    make_event(
        title="Scheduled talks",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    text = client.get(reverse("events:list")).text
    assert "Visible talks" in text
    assert "Draft talks" not in text
    assert "Scheduled talks" not in text


def test_a_published_event_does_not_reveal_draft_agreements_or_projects(client):
    event = make_event()
    Agreement.objects.create(
        title="Secret draft memorandum",
        slug="secret",
        summary="x",
        kind="memorandum",
        event=event,
    )
    make_project(title="Unannounced plant", status=Status.DRAFT).events.add(event)
    text = client.get(event.get_absolute_url()).text
    assert "Secret draft memorandum" not in text
    assert "Unannounced plant" not in text


def test_unknown_addresses_get_the_friendly_404_page(client):
    response = client.get("/en/events/no-such-event/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'href="/en/events/"' in response.text


def test_the_500_page_renders_without_a_request(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_static_files_are_served_with_hashed_names(client):
    text = client.get(reverse("about")).text
    assert "/static/css/site." in text
    assert "/static/css/site.css" not in text
