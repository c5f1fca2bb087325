"""Detail pages link across the record: events to what was signed and started
at them, projects to their events and agreements, people to everything they
took part in. Only published records are linked."""

import datetime

import pytest

from portal.core.models import Status
from portal.core.views import RELATED_LIMIT
from tests.builders import (
    add_participant,
    add_partner,
    make_agreement,
    make_event,
    make_organization,
    make_person,
    make_place,
    make_project,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def web():
    person = make_person(name="Ilham Aliyev", slug="aliyev")
    visit = make_event(title="State visit to Beijing", slug="visit")
    add_participant(visit, person)
    declaration = make_agreement(
        title="Joint Declaration", slug="declaration", event=visit
    )
    hidden = make_agreement(
        title="Draft memorandum", slug="draft", event=visit, status=Status.DRAFT
    )
    plant = make_project(title="Wind plant", slug="wind")
    plant.events.add(visit)
    plant.agreements.add(declaration, hidden)
    unpublished = make_project(title="Secret plan", slug="secret", status=Status.DRAFT)
    unpublished.events.add(visit)
    return person, visit, declaration, plant


def test_a_person_links_to_their_events_and_what_came_of_them(client, web):
    person, visit, declaration, plant = web
    text = client.get(person.get_absolute_url()).text
    for record in (visit, declaration, plant):
        assert f'href="{record.get_absolute_url()}"' in text
    assert "Agreements signed at these events" in text
    assert "Draft memorandum" not in text
    assert "Secret plan" not in text


def test_an_event_links_to_its_agreements_and_projects(client, web):
    _person, visit, declaration, plant = web
    text = client.get(visit.get_absolute_url()).text
    assert f'href="{declaration.get_absolute_url()}"' in text
    assert f'href="{plant.get_absolute_url()}"' in text
    assert "Draft memorandum" not in text
    assert "Secret plan" not in text


def test_a_project_links_to_its_events_and_agreements(client, web):
    _person, visit, declaration, plant = web
    text = client.get(plant.get_absolute_url()).text
    assert f'href="{visit.get_absolute_url()}"' in text
    assert f'href="{declaration.get_absolute_url()}"' in text
    assert "Draft memorandum" not in text


def test_long_lists_show_the_latest_and_link_to_all_of_them(client):
    person = make_person(slug="busy")
    baku = make_place(name="Baku", slug="baku")
    company = make_organization(slug="company")
    for day in range(1, RELATED_LIMIT + 3):
        event = make_event(slug=f"talks-{day}", date=datetime.date(2025, 1, day))
        event.place = baku
        event.save()
        add_participant(event, person)
        event.organizations.add(company)
        add_partner(make_project(slug=f"plant-{day}"), company)
    total = RELATED_LIMIT + 2
    for page, link in [
        (person, "/en/events/?person=busy"),
        (baku, "/en/events/?place=baku"),
        (company, "/en/events/?organization=company"),
    ]:
        text = client.get(page.get_absolute_url()).text
        assert f'<a href="{link}">All {total} events</a>' in text
        assert "talks-1/" not in text  # the oldest are on the list linked
        assert f"talks-{total}/" in text
    text = client.get(company.get_absolute_url()).text
    assert f'<a href="/en/projects/?partner=company">All {total} projects</a>' in text
