"""Detail pages link across the record: events to what was signed and started
at them, projects to their events and agreements, people to everything they
took part in. Only published records are linked."""

import pytest

from portal.models import Status
from tests.builders import (
    add_participant,
    make_agreement,
    make_event,
    make_person,
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
