import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Event
from portal.core.models import Person, Status
from projects.models import Project
from tests.builders import (
    add_observation,
    make_event,
    make_indicator,
    make_person,
    make_place,
    make_project,
)

pytestmark = pytest.mark.django_db


def rejected(make, **fields):
    """True when the database refuses the row (checked inside a savepoint)."""
    try:
        with transaction.atomic():
            make(**fields)
    except IntegrityError:
        return True
    return False


def test_an_event_cannot_end_before_it_starts():
    assert rejected(
        make_event, date=datetime.date(2025, 5, 2), end_date=datetime.date(2025, 5, 1)
    )


def test_a_project_cannot_end_before_it_starts():
    assert rejected(
        make_project,
        start_date=datetime.date(2025, 5, 2),
        end_date=datetime.date(2024, 5, 1),
    )


def test_slugs_are_unique():
    make_event(slug="same")
    assert rejected(make_event, slug="same")


def test_coordinates_must_be_on_the_globe():
    assert rejected(make_place, latitude=91, longitude=10)
    assert rejected(make_place, latitude=10, longitude=-181)
    assert not rejected(make_place, latitude=40.4, longitude=49.9)


def test_observations_are_non_negative_and_their_period_runs_forward():
    indicator = make_indicator()
    assert rejected(add_observation, indicator=indicator, value=-1)
    assert rejected(
        add_observation,
        indicator=indicator,
        period_start=datetime.date(2025, 5, 1),
        period_end=datetime.date(2025, 4, 1),
    )


def test_a_published_row_without_a_publication_time_is_refused():
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(published_at=None)


def test_published_hides_drafts_reviews_archives_and_scheduled_records():
    visible = make_event()
    make_event(status=Status.DRAFT)
    make_event(status=Status.REVIEW)
    make_event(status=Status.ARCHIVED)
    make_event(published_at=timezone.now() + datetime.timedelta(days=1))
    assert list(Event.objects.published()) == [visible]


def test_a_scheduled_record_appears_once_its_time_has_come():
    person = make_person(published_at=timezone.now() + datetime.timedelta(hours=1))
    assert not Person.objects.published().exists()
    Person.objects.filter(pk=person.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert list(Person.objects.published()) == [person]


def test_publishing_without_a_time_stamps_the_current_time():
    before = timezone.now()
    project = make_project()
    assert project.published_at >= before
    assert make_project(status=Status.DRAFT).published_at is None


def test_place_filters_include_places_inside_them():
    country = make_place(name="Azerbaijan", kind="country")
    city = make_place(name="Baku", parent=country)
    district = make_place(name="Khazar", kind="district", parent=city)
    inside = make_event(place=district)
    make_event(place=make_place(name="Elsewhere"))
    assert list(Event.objects.at_place(country)) == [inside]
    assert list(Project.objects.at_place(country)) == []


def test_every_model_has_a_readable_name_and_an_address():
    event = make_event(title="Talks in Beijing")
    assert str(event) == "Talks in Beijing"
    assert event.get_absolute_url() == f"/en/events/{event.slug}/"
