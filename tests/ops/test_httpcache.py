"""HTTP caching (portal/ops/httpcache.py): every exit readers use carries an
ETag and Last-Modified from the content token and a public Cache-Control, and
a conditional request that still holds is answered 304, before rendering where
the view has no rate limit; editors, forms and errors are kept out of shared
caches."""

import email.utils
import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from events.models import Event
from portal.core.content import token_memo
from portal.core.models import Status
from portal.ops import pagecache
from portal.ops.httpcache import HttpCacheMiddleware
from tests.builders import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_token(settings):
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    token_memo.forget()
    yield
    token_memo.forget()


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def dataset_built(seeded, media):
    """The dataset is built ahead by its command; before that it is a 404."""
    call_command("build_dataset", "--language", "en", stdout=io.StringIO())


def exits():
    """Every kind of exit readers use: (name, address)."""
    event = Event.objects.published().first()
    return {
        "home": "/en/",
        "list": "/en/events/?type=talks",
        "record": event.get_absolute_url(),
        "search": "/en/search/?q=baku",
        "feed": reverse("event-feed-rss"),
        "atom": reverse("project-feed-atom"),
        "calendar": reverse("event-calendar"),
        "geojson": reverse("map"),
        "download": reverse("download", args=["events", "csv"]),
        "dataset": reverse("dataset"),
        "sitemap": reverse("sitemap"),
        "api list": "/api/v1/events/",
        "api record": f"/api/v1/events/{event.slug}/",
        "api index": "/api/v1/",
        "api schema": "/api/v1/schema/",
    }


def test_every_exit_carries_validators_and_a_public_cache_control(
    reader, dataset_built, settings
):
    settings.HTTP_CACHE_MAX_AGE = 61
    settings.HTTP_CACHE_S_MAXAGE = 301
    for name, url in exits().items():
        response = reader.get(url)
        assert response.status_code == 200, name
        assert response["ETag"].startswith('W/"'), name
        modified = email.utils.parsedate_to_datetime(response["Last-Modified"])
        assert modified <= timezone.now(), name
        control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert control == {"public", "max-age=61", "s-maxage=301"}, name


def test_a_matching_etag_is_answered_304_for_every_exit(reader, dataset_built):
    for name, url in exits().items():
        first = reader.get(url)
        again = reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, name
        assert again.content == b"", name
        assert again["ETag"] == first["ETag"], name
        assert again["Cache-Control"] == first["Cache-Control"], name
        other = reader.get(url, HTTP_IF_NONE_MATCH='W/"something-else"')
        assert other.status_code == 200, name


def test_if_modified_since_is_answered_304_until_the_content_changes(reader, seeded):
    url = reverse("events:list")
    first = reader.get(url)
    since = first["Last-Modified"]
    assert reader.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    earlier = http_date(email.utils.parsedate_to_datetime(since).timestamp() - 3600)
    assert reader.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_a_304_is_answered_before_the_page_is_rendered(reader, seeded):
    url = reverse("events:list") + "?type=talks"
    etag = reader.get(url)["ETag"]
    with CaptureQueriesContext(connection) as captured:
        response = reader.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    # The content token alone.
    assert len(captured) == 1


def test_a_change_readers_see_changes_the_etag_and_last_modified(reader, seeded):
    url = reverse("events:list")
    first = reader.get(url)
    event = make_event(title="News of the day", status=Status.DRAFT)
    # A draft changes the token too (editors' changes are not told apart)…
    event.status = Status.PUBLISHED
    event.save()
    response = reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert "News of the day" in response.text
    assert response["ETag"] != first["ETag"]
    assert response["Last-Modified"] >= first["Last-Modified"]


def test_a_scheduled_publication_coming_due_changes_the_validators(reader, seeded):
    url = reverse("events:list")
    publish_at = timezone.now() + timedelta(hours=2)
    make_event(title="Scheduled", published_at=publish_at)
    first = reader.get(url)
    with time_machine.travel(publish_at + timedelta(seconds=1)):
        later = reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert later.status_code == 200
    assert "Scheduled" in later.text
    modified = email.utils.parsedate_to_datetime(later["Last-Modified"])
    assert modified == publish_at.replace(microsecond=0)


def test_the_etag_holds_only_what_the_answer_depends_on(reader, seeded):
    def etag(url, **headers):
        return reader.get(url, **headers)["ETag"]

    base = etag("/en/events/?type=talks")
    # Parameters the list does not read, and the order of those it does.
    assert etag("/en/events/?utm_source=mail&type=talks") == base
    assert etag("/en/events/?year=2025&type=talks") == etag(
        "/en/events/?type=talks&year=2025"
    )
    # Another filter value, another language.
    assert etag("/en/events/?type=forum") != base
    assert etag("/az/events/?type=talks") != base
    # The API's language: ?lang= or Accept-Language.
    api = etag("/api/v1/events/")
    assert etag("/api/v1/events/?lang=az") != api
    assert etag("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="zh-hans") != api
    assert etag("/api/v1/events/?junk=1") == api


def test_a_new_release_changes_every_etag(reader, seeded, monkeypatch):
    url = reverse("events:list")
    before = reader.get(url)["ETag"]
    monkeypatch.setattr(pagecache, "release", lambda: "another release")
    response = reader.get(url, HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200
    assert response["ETag"] != before


def test_answers_say_what_they_vary_by(reader, seeded):
    page = reader.get("/en/events/")
    # The same for everyone: no Vary: Cookie, and the language is in the path.
    assert "Vary" not in page
    for url in ("/api/v1/events/", "/sitemap.xml"):
        first = reader.get(url)
        assert "Accept-Language" in first["Vary"]
        assert "Cookie" not in first["Vary"]
        again = reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert "Accept-Language" in again["Vary"]


def test_the_schema_has_an_etag_per_format(reader, seeded):
    url = "/api/v1/schema/"
    yaml = reader.get(url)
    json = reader.get(url, HTTP_ACCEPT="application/json")
    assert json["Content-Type"].startswith("application/json")
    assert yaml["ETag"] != json["ETag"]
    asked = reader.get(
        url, HTTP_ACCEPT="application/json", HTTP_IF_NONE_MATCH=yaml["ETag"]
    )
    assert asked.status_code == 200


def test_a_signed_in_editor_gets_private_answers(reader, editor_client, seeded):
    url = reverse("events:list")
    etag = reader.get(url)["ETag"]
    response = editor_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "ETag" not in response
    control = response["Cache-Control"]
    assert "private" in control and "no-store" in control
    assert "public" not in control
    api = editor_client.get("/api/v1/events/")
    assert "private" in api["Cache-Control"]


def test_forms_and_errors_are_kept_out_of_shared_caches(reader, seeded):
    event = Event.objects.published().first()
    form = reader.get(reverse("suggest-correction", args=["event", event.slug]))
    assert form.status_code == 200
    assert "ETag" not in form
    assert {"private", "no-store"} <= {
        part.strip() for part in form["Cache-Control"].split(",")
    }
    for url, status in (
        ("/en/events/no-such-event/", 404),
        ("/api/v1/events/?year=never", 400),
        ("/api/v1/events/?updated_since=yesterday", 400),
        ("/en/download/events.csv?year=never", 400),
    ):
        response = reader.get(url)
        assert response.status_code == status, url
        assert "ETag" not in response, url
        assert "no-store" in response["Cache-Control"], url
        assert "public" not in response["Cache-Control"], url


def test_nothing_is_validated_before_the_first_change(reader, db):
    response = reader.get("/en/about/")
    assert response.status_code == 200
    assert "ETag" not in response and "Last-Modified" not in response
    assert "public" in response["Cache-Control"]


# Streams: the headers come from the token, never from the body ----------------


class Untouchable:
    """A stream's body that fails the test if anything reads it."""

    closed = False

    def __iter__(self):
        return self

    def __next__(self):
        raise AssertionError("the body was read")

    def close(self):
        self.closed = True


def test_a_stream_gets_the_headers_and_a_304_without_its_body_being_read(seeded):
    url = reverse("event-calendar")
    body = Untouchable()

    def stream(request):
        # Closing the response closes the body (a server-side cursor).
        return StreamingHttpResponse(body, content_type="text/calendar")

    middleware = HttpCacheMiddleware(stream)
    response = middleware(RequestFactory().get(url))
    assert response.streaming
    assert response["ETag"].startswith('W/"')
    assert "public" in response["Cache-Control"]
    assert not body.closed

    conditional = RequestFactory().get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    called = []
    answered = HttpCacheMiddleware(lambda request: called.append(1) or stream(request))(
        conditional
    )
    assert answered.status_code == 304
    assert called == []  # answered before the view


def test_a_stream_from_a_view_that_counts_requests_is_closed_unread(seeded):
    # The API answers its conditional requests after its rate limit: the
    # middleware makes the 304 from the view's answer, and closes that unread.
    body = Untouchable()

    def stream(request):
        return StreamingHttpResponse(body, content_type="application/json")

    url = "/api/v1/events/"
    etag = HttpCacheMiddleware(stream)(RequestFactory().get(url))["ETag"]
    body.closed = False
    answered = HttpCacheMiddleware(stream)(
        RequestFactory().get(url, HTTP_IF_NONE_MATCH=etag)
    )
    assert answered.status_code == 304
    assert body.closed


def test_only_readers_reads_of_public_addresses_are_marked_public(seeded):
    def ok(request):
        return HttpResponse("fine")

    factory = RequestFactory()
    # An address outside the language prefixes that does not say what it reads.
    assert "Cache-Control" not in HttpCacheMiddleware(ok)(factory.get("/admin/"))
    # A POST.
    posted = HttpCacheMiddleware(ok)(factory.post("/en/events/"))
    assert "ETag" not in posted and "Cache-Control" not in posted


def test_a_failed_precondition_is_a_412_no_cache_keeps(reader, seeded):
    url = reverse("events:list")
    since = reader.get(url)["Last-Modified"]
    earlier = http_date(email.utils.parsedate_to_datetime(since).timestamp() - 60)
    refused = reader.get(url, HTTP_IF_UNMODIFIED_SINCE=earlier)
    assert refused.status_code == 412
    assert "ETag" not in refused
    assert "no-store" in refused["Cache-Control"]
    api = reader.get("/api/v1/events/", HTTP_IF_MATCH='"something-else"')
    assert api.status_code == 412
    assert "no-store" in api["Cache-Control"]
