"""The API's answers kept in the page cache under the content token, its rate
limit counting every request all the same, and ?updated_since= for harvesters
(portal/opendata/api/views.py)."""

import datetime

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event
from portal.core.content import token_memo
from portal.core.models import Place, Status
from portal.opendata.api.views import parse_moment
from portal.ops.pagecache import CACHE_ALIAS, STATUS_HEADER
from tests.builders import make_event, make_indicator, make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    caches[CACHE_ALIAS].clear()
    token_memo.forget()
    yield
    caches[CACHE_ALIAS].clear()
    token_memo.forget()


def state(response):
    return response.get(STATUS_HEADER)


def test_an_api_list_is_answered_from_the_cache_like_the_pages(client, page_cache):
    make_event(slug="talks-in-baku")
    url = "/api/v1/events/?type=talks"
    first = client.get(url)
    assert (first.status_code, state(first)) == (200, "miss")
    with CaptureQueriesContext(connection) as captured:
        second = client.get(url)
    assert state(second) == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == "application/json"
    assert second["Content-Language"] == "en"
    # The content token alone (no rate limit here): no record is read.
    assert len(captured) == 1
    # A record's own answer too.
    assert state(client.get("/api/v1/events/talks-in-baku/")) == "miss"
    assert state(client.get("/api/v1/events/talks-in-baku/")) == "hit"


def test_parameters_the_api_does_not_read_share_an_entry(client, page_cache):
    for number in range(3):
        make_event(slug=f"event-{number}")
    url = "/api/v1/events/?page_size=2"
    assert state(client.get(url)) == "miss"
    other = client.get(f"{url}&utm_source=mail&x=1")
    assert state(other) == "hit"
    # Its links carry only what the API reads, in their canonical order.
    assert "utm_source" not in other.json()["next"]
    assert state(client.get("/api/v1/events/?page_size=2&page=2")) == "miss"
    assert state(client.get("/api/v1/events/?page=2&page_size=2")) == "hit"


def test_each_language_has_its_own_entry(client, page_cache):
    make_event(slug="talks", title_en="Talks", title_az="Danışıqlar")
    assert client.get("/api/v1/events/").json()["results"][0]["title"] == "Talks"
    az = client.get("/api/v1/events/?lang=az")
    assert state(az) == "miss"
    assert az.json()["results"][0]["title"] == "Danışıqlar"
    header = client.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="az")
    assert header.json()["results"][0]["title"] == "Danışıqlar"
    assert state(client.get("/api/v1/events/")) == "hit"


def test_a_change_is_in_the_next_answer(client, page_cache):
    url = "/api/v1/events/"
    make_event(slug="first")
    client.get(url)
    make_event(slug="second")
    response = client.get(url)
    assert state(response) == "miss"
    assert {record["slug"] for record in response.json()["results"]} == {
        "first",
        "second",
    }


def test_a_cached_answer_still_counts_against_the_rate_limit(
    client, page_cache, settings
):
    settings.API_RATE_LIMIT = "3/min"
    caches["default"].clear()
    make_event()
    answers = [client.get("/api/v1/events/") for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert [state(answer) for answer in answers[:3]] == ["miss", "hit", "hit"]
    assert "no-store" in answers[3]["Cache-Control"]


def test_a_304_still_counts_against_the_rate_limit(client, settings):
    settings.API_RATE_LIMIT = "2/min"
    caches["default"].clear()
    make_event()
    etag = client.get("/api/v1/events/")["ETag"]
    assert client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    refused = client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=etag)
    assert refused.status_code == 429


# ?updated_since= ----------------------------------------------------------------

NOW = datetime.datetime(2026, 6, 30, 12, 0, tzinfo=datetime.UTC)


def slugs(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content
    return {record["slug"] for record in response.json()["results"]}


def test_updated_since_lists_only_what_changed_or_was_published_since(client):
    with time_machine.travel(NOW - datetime.timedelta(days=10), tick=False):
        old = make_event(slug="old")
        edited = make_event(slug="edited")
        make_event(slug="scheduled", published_at=NOW - datetime.timedelta(hours=1))
        make_event(slug="draft", status=Status.DRAFT)
    with time_machine.travel(NOW - datetime.timedelta(hours=2), tick=False):
        edited.title = "Edited since"
        edited.save()
    with time_machine.travel(NOW, tick=False):
        since = slugs(client, "/api/v1/events/?updated_since=2026-06-30T09:00:00Z")
        assert since == {"edited", "scheduled"}
        # A date is its first moment, in UTC.
        assert slugs(client, "/api/v1/events/?updated_since=2026-06-30") == since
        assert slugs(client, "/api/v1/events/?updated_since=2026-06-20") == {
            "old",
            "edited",
            "scheduled",
        }
        # An offset, and one whose "+" arrived as a space.
        for value in ("2026-06-30T13:00:00%2B04:00", "2026-06-30T13:00:00+04:00"):
            assert slugs(client, f"/api/v1/events/?updated_since={value}") == since
        # Without an offset: UTC. With the other filters.
        assert slugs(
            client, "/api/v1/events/?updated_since=2026-06-30T11:00:00&type=talks"
        ) == {"scheduled"}
        assert old.slug not in slugs(client, "/api/v1/events/?updated_since=2026-07-01")


def test_every_api_list_takes_updated_since(client):
    with time_machine.travel(NOW - datetime.timedelta(days=10), tick=False):
        make_event(slug="old-event")
        make_indicator(slug="old-indicator")
        make_place(slug="old-place")
    with time_machine.travel(NOW, tick=False):
        make_place(slug="new-place")
        for name in (
            "events",
            "agreements",
            "projects",
            "people",
            "organisations",
            "places",
            "indicators",
            "sources",
        ):
            everything = client.get(f"/api/v1/{name}/").json()["count"]
            recent = client.get(f"/api/v1/{name}/?updated_since=2026-06-29")
            assert recent.status_code == 200, name
            assert recent.json()["count"] <= everything
        assert slugs(client, "/api/v1/places/?updated_since=2026-06-29") == {
            "new-place"
        }
        assert not slugs(client, "/api/v1/indicators/?updated_since=2026-06-29")
        assert Place.objects.count() == 2


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2026-13-01",
        "2026-02-30",
        "2026-06-30T25:00:00Z",
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:59:59-05:00",
        "2026-06-30T12:00:00+99:00",
        "1" * 300,
    ],
)
def test_updated_since_refuses_what_is_not_a_moment_with_a_400(client, value):
    make_event()
    response = client.get("/api/v1/events/", {"updated_since": value})
    assert response.status_code == 400
    (message,) = response.json()["updated_since"]
    assert "ISO 8601" in message
    assert value[:40] in message


def test_updated_since_is_explained_in_every_language(client):
    messages = {
        language: client.get(f"/api/v1/events/?updated_since=x&lang={language}").json()[
            "updated_since"
        ][0]
        for language in ("en", "az", "zh-hans")
    }
    assert messages["en"].startswith("“x” is not a date")
    assert len(set(messages.values())) == 3
    assert all("ISO 8601" in message for message in messages.values())


def test_an_empty_updated_since_is_no_filter(client):
    make_event(slug="any")
    assert slugs(client, "/api/v1/events/?updated_since=") == {"any"}


def test_the_schema_describes_updated_since(client, db):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    for path in ("/api/v1/events/", "/api/v1/places/", "/api/v1/indicators/"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert "ISO 8601" in parameters["updated_since"]["description"], path
    detail = schema["paths"]["/api/v1/events/{slug}/"]["get"].get("parameters", [])
    assert "updated_since" not in {p["name"] for p in detail}


def test_parse_moment_reads_iso_8601():
    utc = datetime.UTC
    assert parse_moment("2026-06-30") == datetime.datetime(2026, 6, 30, tzinfo=utc)
    assert parse_moment("2026-06-30T10:00:00.5+04:00") == datetime.datetime(
        2026, 6, 30, 6, 0, 0, 500000, tzinfo=utc
    )
    assert parse_moment(" 2026-06-30T10:00Z ") == datetime.datetime(
        2026, 6, 30, 10, 0, tzinfo=utc
    )
    assert parse_moment("30/06/2026") is None
    assert timezone.is_aware(parse_moment("2026-06-30T10:00"))


def test_events_changed_since_is_the_querysets_verb():
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
        make_event(slug="before")
    with time_machine.travel(NOW, tick=False):
        make_event(slug="after")
    changed = Event.objects.published().changed_since(NOW)
    assert set(changed.values_list("slug", flat=True)) == {"after"}
