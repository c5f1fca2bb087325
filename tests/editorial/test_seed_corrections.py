"""The seed says no more than the interview (issue 17): each over-claim the
review found is corrected on the page, and the interview's facts the seed did
not hold are there, each with its passage."""

import re

import pytest
from django.urls import reverse

from events.models import Agreement, Event
from projects.models import Project

pytestmark = pytest.mark.django_db


def page(client, record, language="en"):
    response = client.get(record.get_absolute_url().replace("/en/", f"/{language}/", 1))
    assert response.status_code == 200
    return response.text


def definition(text, term):
    """The text of the <dd> after the <dt> `term` on a page."""
    match = re.search(rf"<dt>{re.escape(term)}</dt>\s*<dd>(.*?)</dd>", text, re.S)
    assert match, term
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


@pytest.mark.parametrize(
    "slug",
    [
        "heydar-aliyev-visit-to-china-1994",
        "ilham-aliyev-state-visit-to-china-april-2025",
        "su-hui-visit-to-azerbaijan-2025",
        "shahin-mustafayev-visit-to-china-2025-first",
        "shahin-mustafayev-visit-to-china-2025-second",
    ],
)
def test_visits_the_interview_calls_visits_are_typed_so(seeded, client, slug):
    text = page(client, Event.objects.get(slug=slug))
    assert definition(text, "Type") == "Visit"
    assert "State visit" not in text and "Official visit" not in text


def test_the_april_2025_visit_is_not_called_a_state_visit(seeded, client):
    event = Event.objects.get(slug="ilham-aliyev-state-visit-to-china-april-2025")
    assert "state visit" not in event.title_en.lower()
    assert "dövlət səfəri" not in event.title_az
    assert "国事访问" not in event.title_zh_hans


def test_the_joint_declaration_is_dated_only_by_its_year(seeded, client):
    declaration = Agreement.objects.get(
        slug="china-azerbaijan-comprehensive-strategic-partnership-declaration-2025"
    )
    assert declaration.event is None
    text = page(client, declaration)
    assert definition(text, "Signed") == "2025"
    assert "April" not in definition(text, "Signed")


def test_neither_the_demining_nor_the_visa_agreement_claims_a_status(seeded, client):
    demining = Project.objects.get(slug="anama-demining-assistance")
    assert definition(page(client, demining), "Status") == "Not stated"
    visa = Agreement.objects.get(slug="china-azerbaijan-visa-abolition-agreement-2025")
    assert definition(page(client, visa), "Status") == "Not stated"


def test_the_byd_plant_is_not_placed_where_its_buses_run(seeded, client):
    plant = Project.objects.get(slug="byd-electric-bus-plant")
    assert set(plant.places.values_list("slug", flat=True)) == {"azerbaijan"}
    listed = client.get(reverse("projects:list") + "?place=baku")
    assert plant not in listed.context["object_list"]


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        ("lu-mei-statement-belt-and-road-early-member", "among the first countries"),
        ("lu-mei-statement-support-for-sovereignty", "territorial integrity"),
        ("lu-mei-statement-chinese-companies-sectors", "retail trade"),
        ("lu-mei-statement-record-delegations-2025", "new historical high"),
    ],
)
def test_the_interviews_unheld_facts_are_held_with_their_passage(
    seeded, client, slug, words
):
    event = Event.objects.get(slug=slug)
    for language in ("en", "az", "zh-hans"):
        text = page(client, event, language)
        assert words in text
    assert event.participations.get().person.slug == "lu-mei"
