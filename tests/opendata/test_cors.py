"""Every open-data exit (the API, GeoJSON, downloads, the dataset, feeds, the
calendar, the sitemap) may be read by browser code on any other site: CORS for
any origin without credentials, Cross-Origin-Resource-Policy: cross-origin, the
headers a client needs exposed, and preflights answered. Pages and the admin
stay same-origin (portal/ops/middleware.py)."""

import io

import pytest
from django.core.management import call_command
from django.urls import get_resolver, reverse

from events.models import Event
from projects.models import Project

pytestmark = pytest.mark.django_db

ORIGIN = "https://tools.example.org"
EXPOSED = {"retry-after", "etag", "last-modified", "content-disposition"}


@pytest.fixture
def dataset_built(seeded, media):
    call_command("build_dataset", "--language", "en", stdout=io.StringIO())


def open_exits():
    """Every kind of open-data exit: name, address, status it answers."""
    event = Event.objects.published().filter(place__isnull=False).first()
    project = Project.objects.published().first()
    return {
        "api list": ("/api/v1/events/", 200),
        "api record": (f"/api/v1/events/{event.slug}/", 200),
        "api schema": ("/api/v1/schema/", 200),
        "api not found": ("/api/v1/events/no-such-event/", 404),
        "site geojson": (reverse("map"), 200),
        "record geojson": (
            reverse("map-record", kwargs={"kind": "event", "slug": event.slug}),
            200,
        ),
        "projects geojson": (reverse("projects:map"), 200),
        "unknown record geojson": (
            reverse("map-record", kwargs={"kind": "event", "slug": "nothing"}),
            404,
        ),
        "download": (reverse("download", args=["events", "csv"]), 200),
        "download json": (reverse("download", args=["projects", "json"]), 200),
        "download with a bad filter": (
            reverse("download", args=["events", "csv"]) + "?type=nonsense",
            400,
        ),
        "key figures download": (reverse("download", args=["key-figures", "csv"]), 200),
        "dataset": (reverse("dataset"), 200),
        "event rss": (reverse("event-feed-rss"), 200),
        "event atom": (reverse("event-feed-atom"), 200),
        "project rss": (reverse("project-feed-rss"), 200),
        "project atom": (reverse("project-feed-atom"), 200),
        "feed with a bad filter": (reverse("event-feed-rss") + "?type=nonsense", 400),
        "calendar": (reverse("event-calendar"), 200),
        "calendar in azerbaijani": ("/az/events/calendar.ics", 200),
        "sitemap": (reverse("sitemap"), 200),
        "sitemap section": ("/sitemap-events-en.xml", 200),
        "project": (project.get_absolute_url(), None),
    }


def pages():
    """Addresses that stay same-origin."""
    return {
        "home": "/en/",
        "list": "/en/events/?type=talks",
        "record": Event.objects.published().first().get_absolute_url(),
        "search": "/en/search/?q=baku",
        "not found": "/en/no-such-page/",
        "admin": "/admin/login/",
    }


def test_every_open_data_exit_is_readable_from_any_origin(client, dataset_built):
    exits = open_exits()
    exits.pop("project")
    for name, (url, status) in exits.items():
        response = client.get(url, HTTP_ORIGIN=ORIGIN)
        assert response.status_code == status, name
        assert response["Access-Control-Allow-Origin"] == "*", name
        assert "Access-Control-Allow-Credentials" not in response, name
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin", name
        exposed = {
            header.strip().lower()
            for header in response["Access-Control-Expose-Headers"].split(",")
        }
        assert exposed >= EXPOSED, name
        # A shared cache keeps an answer per origin, or none at all.
        assert "origin" in response["Vary"].lower(), name


def test_a_304_of_an_open_data_exit_carries_cors_too(client, dataset_built):
    for url in (reverse("event-feed-atom"), reverse("map"), "/api/v1/events/"):
        etag = client.get(url)["ETag"]
        response = client.get(url, HTTP_ORIGIN=ORIGIN, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304, url
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin", url


def test_the_redirect_to_a_feeds_address_with_its_slash_is_readable(client, db):
    response = client.get("/en/events/feed/atom", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 301
    assert response["Location"] == "/en/events/feed/atom/"
    assert response["Access-Control-Allow-Origin"] == "*"
    # A page's redirect is not.
    page = client.get("/en/events", HTTP_ORIGIN=ORIGIN)
    assert page.status_code == 301
    assert "Access-Control-Allow-Origin" not in page


def test_preflights_of_open_data_exits_allow_reading_only(client, dataset_built):
    exits = open_exits()
    exits.pop("project")
    for name, (url, _status) in exits.items():
        preflight = client.options(
            url,
            HTTP_ORIGIN=ORIGIN,
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
            HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
        )
        assert preflight.status_code == 200, name
        assert preflight["Access-Control-Allow-Origin"] == "*", name
        methods = {
            method.strip()
            for method in preflight["Access-Control-Allow-Methods"].split(",")
        }
        assert methods == {"GET", "HEAD", "OPTIONS"}, name
        assert "if-none-match" in preflight["Access-Control-Allow-Headers"], name
        assert preflight["Cross-Origin-Resource-Policy"] == "cross-origin", name


def test_pages_and_the_admin_stay_same_origin(client, seeded):
    for name, url in pages().items():
        response = client.get(url, HTTP_ORIGIN=ORIGIN)
        assert "Access-Control-Allow-Origin" not in response, name
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", name
        preflight = client.options(
            url, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
        )
        assert "Access-Control-Allow-Origin" not in preflight, name
        assert "Access-Control-Allow-Methods" not in preflight, name


def test_a_record_page_beside_its_geojson_stays_same_origin(client, seeded):
    url, _status = open_exits()["project"]
    response = client.get(url, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_429_tells_browser_code_when_to_try_again(client, settings, db):
    settings.API_RATE_LIMIT = "1/min"
    client.get("/api/v1/events/", HTTP_ORIGIN=ORIGIN)
    response = client.get("/api/v1/events/", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 429
    assert response["Access-Control-Allow-Origin"] == "*"
    assert int(response["Retry-After"]) > 0
    assert "retry-after" in response["Access-Control-Expose-Headers"].lower()


def marked_views(patterns, namespace=""):
    """The names of the routes whose view is marked open data."""
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from marked_views(pattern.url_patterns, inner)
        elif getattr(pattern.callback, "open_data", False) is True:
            yield f"{namespace}{pattern.name}"


def test_only_the_open_data_exits_are_marked():
    # Under /api/ everything is open already; the rest says so view by view.
    assert set(marked_views(get_resolver().url_patterns)) == {
        "map",
        "map-record",
        "map-page-data",
        "projects:map",
        "event-feed-rss",
        "event-feed-atom",
        "project-feed-rss",
        "project-feed-atom",
        "event-calendar",
        "download",
        "dataset",
        "sitemap",
        "sitemap-section",
    }
