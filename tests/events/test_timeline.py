"""The timeline: a decade overview, and a page per year with its neighbours."""

import datetime

import pytest
from django.urls import reverse

from events.views import TIMELINE_PER_YEAR, EventYearView
from portal.core.dates import Precision
from portal.core.models import Status
from tests.builders import make_event

pytestmark = pytest.mark.django_db


def on(year, month=6, **fields):
    return make_event(
        slug=f"event-{year}-{month}", date=datetime.date(year, month, 1), **fields
    )


def test_a_year_page_lists_that_years_events_in_date_order(client):
    late, early = on(2025, 11), on(2025, 2)
    on(2024)
    on(2025, 3, status=Status.DRAFT)
    response = client.get("/en/events/2025/")
    assert response.status_code == 200
    assert [event.slug for event in response.context["object_list"]] == [
        early.slug,
        late.slug,
    ]
    assert "<h1>Events in 2025</h1>" in response.text


def test_year_pages_link_to_the_nearest_years_with_events(client):
    on(1994), on(2015), on(2025)
    text = client.get(reverse("events:year", args=[2015])).text
    assert '<a href="/en/events/1994/" rel="prev">' in text
    assert '<a href="/en/events/2025/" rel="next">' in text
    first = client.get("/en/events/1994/").text
    assert 'rel="prev"' not in first
    assert '<a href="/en/events/2015/" rel="next">' in first


def test_a_year_known_only_as_a_year_is_listed_under_it(client):
    event = make_event(
        slug="ties", date=datetime.date(1994, 1, 1), date_precision=Precision.YEAR
    )
    response = client.get("/en/events/1994/")
    assert list(response.context["object_list"]) == [event]
    assert "1994" in response.text


@pytest.mark.parametrize("year", ["2003", "0000", "9999", "1"])
def test_a_year_without_published_events_is_not_found(client, year):
    on(2025)
    on(2003, status=Status.DRAFT)
    assert client.get(f"/en/events/{year}/").status_code == 404


def test_a_future_year_with_a_planned_event_is_listed(client):
    next_year = datetime.date.today().year + 1
    on(next_year)
    assert client.get(f"/en/events/{next_year}/").status_code == 200


def test_the_timeline_shows_every_decade_with_each_years_count(client):
    on(1994), on(2025, 2), on(2025, 9), on(2026)
    response = client.get(reverse("events:timeline"))
    decades = dict(response.context["decades"])
    assert list(decades) == [2020, 1990]
    assert dict(decades[2020])[2025] == 2
    assert dict(decades[2020])[2024] == 0
    assert dict(decades[1990])[1994] == 1
    text = response.text
    assert '<a href="/en/events/2025/"><span class="year">2025</span>' in text
    assert "2 events" in text
    assert '<span class="year empty">2024</span>' in text


def test_year_pages_speak_each_language(client):
    on(2025)
    assert "2025" in client.get("/az/events/2025/").text
    chinese = client.get("/zh-hans/events/2025/")
    assert chinese.status_code == 200
    assert chinese.context["LANGUAGE_CODE"] == "zh-hans"


def test_the_timeline_shows_each_years_latest_events_and_links_to_all(client):
    for day in range(1, TIMELINE_PER_YEAR + 3):
        make_event(slug=f"event-2025-{day}", date=datetime.date(2025, 1, day))
    on(2024)
    response = client.get(reverse("events:timeline"))
    years = dict(response.context["years"])
    assert len(years[2025]) == TIMELINE_PER_YEAR
    assert years[2025][0].slug == f"event-2025-{TIMELINE_PER_YEAR + 2}"
    assert len(years[2024]) == 1
    assert f"All {TIMELINE_PER_YEAR + 2} events of 2025" in response.text
    assert "events of 2024" not in response.text


def test_a_year_page_is_paginated(client):
    for number in range(EventYearView.paginate_by + 1):
        make_event(slug=f"event-{number}", date=datetime.date(2025, 1, 1))
    first = client.get("/en/events/2025/")
    assert len(first.context["object_list"]) == EventYearView.paginate_by
    assert f"{EventYearView.paginate_by + 1} published events in 2025" in first.text
    second = client.get("/en/events/2025/?page=2")
    assert len(second.context["object_list"]) == 1
