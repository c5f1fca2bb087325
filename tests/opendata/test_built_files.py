"""Built files are made once per content token (portal/core/datacache.py): a
sitemap section by one request while the others wait for it (built_file), a
list's download and the calendar as they are streamed to the first reader
(keeping), so that every later request, with whatever parameters, in any
process, gets the kept file."""

import threading
import time

import pytest
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connection, connections
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from portal.core import content, datacache
from portal.core.models import Status
from portal.opendata import downloads
from portal.ops import pagecache
from tests.builders import make_event

SECTION = "/sitemap-events-en.xml"
EVENTS_JSON = reverse("download", kwargs={"kind": "events", "fmt": "json"})


@pytest.fixture
def kept(settings, media, monkeypatch):
    """Built files kept (DATA_CACHE_SECONDS on), in a media folder of the test's,
    with build locks of the test's own (not shared with the other worker's
    tests, whose files may hash to the same lock)."""
    monkeypatch.setattr(datacache, "LOCKS", media.parent / "build-locks")
    settings.DATA_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    content.token_memo.forget()
    caches[pagecache.CACHE_ALIAS].clear()
    yield media
    content.token_memo.forget()
    caches[pagecache.CACHE_ALIAS].clear()


@pytest.fixture
def sections_built(monkeypatch):
    """Each sitemap section built, counted; slow enough that concurrent
    requests meet."""
    calls = []
    real = sitemap_views.sitemap

    def counted(request, sitemaps, section=None, **kwargs):
        calls.append(section)
        time.sleep(0.3)
        return real(request, sitemaps, section=section, **kwargs)

    monkeypatch.setattr(sitemap_views, "sitemap", counted)
    return calls


@pytest.fixture
def serialized(monkeypatch):
    """The chunks of records each download serialized."""
    calls = []
    real = downloads._serialize

    def counted(serializer_class, records, request):
        calls.append(serializer_class)
        return real(serializer_class, records, request)

    monkeypatch.setattr(downloads, "_serialize", counted)
    return calls


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("page_cache", [0, 300], ids=["no page cache", "page cache"])
def test_32_requests_with_junk_parameters_build_a_section_once(
    kept, sections_built, settings, page_cache
):
    settings.PAGE_CACHE_SECONDS = page_cache
    make_event(title="Talks in Baku", slug="talks")
    start = threading.Barrier(32)
    answers = [None] * 32

    def read(number):
        client = Client()
        # Set up before they meet (whitenoise lists the static files then), so
        # that only the requests run together.
        client.handler.load_middleware()
        start.wait()
        try:
            answers[number] = client.get(f"{SECTION}?x={number}")
        except Exception as error:
            answers[number] = error
            raise
        finally:
            connections.close_all()

    threads = [threading.Thread(target=read, args=[n]) for n in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [getattr(answer, "status_code", answer) for answer in answers] == [200] * 32
    assert len({answer.content for answer in answers}) == 1
    assert sections_built == ["events-en"]


@pytest.mark.django_db
def test_a_download_is_kept_as_it_streams_and_served_from_the_file(
    client, kept, serialized
):
    make_event(title="Talks in Baku", slug="talks")
    first = client.get(f"{EVENTS_JSON}?type=talks&x=1")
    assert isinstance(first, StreamingHttpResponse)
    assert not isinstance(first, FileResponse)
    first_content = first.getvalue()
    again = client.get(f"{EVENTS_JSON}?utm=2&type=talks&page=3")
    assert isinstance(again, FileResponse)
    assert again.getvalue() == first_content
    assert again["Content-Type"] == "application/json"
    assert again["Content-Disposition"] == 'attachment; filename="events-en.json"'
    assert len(serialized) == 1
    # Other filters are another file.
    other = client.get(f"{EVENTS_JSON}?type=forum")
    assert not isinstance(other, FileResponse)
    assert b'"count":0' in other.getvalue()


@pytest.mark.django_db
def test_a_download_is_made_again_once_the_content_changes(client, kept, serialized):
    event = make_event(title="Talks in Baku", slug="talks")
    url = reverse("download", kwargs={"kind": "events", "fmt": "csv"})
    first = client.get(url).getvalue()
    assert client.get(f"{url}?again=1").getvalue() == first
    client.get("/az/download/events.csv").getvalue()
    assert len(serialized) == 2
    event.title = "Talks held in Baku"
    event.save()
    changed = client.get(url).getvalue()
    assert changed != first
    assert len(serialized) == 3


@pytest.mark.django_db
def test_a_stream_cut_short_keeps_nothing(client, kept, serialized, monkeypatch):
    make_event(title="Talks in Baku", slug="talks")
    url = reverse("event-calendar")
    response = client.get(url)
    stream = iter(response.streaming_content)
    next(stream)
    # The reader went away after the first chunk: the server closes the
    # response. Its request_finished signal has close_old_connections close
    # the database connection, as after every request; here that connection
    # holds the test's transaction (on PostgreSQL the next request would find
    # it closed and answer 503), so it is kept open.
    with monkeypatch.context() as patch:
        patch.setattr(connection, "close_if_unusable_or_obsolete", lambda: None)
        response.close()
    again = client.get(url)
    assert again.status_code == 200
    assert not isinstance(again, FileResponse)
    # Read to its end, that one is kept.
    again.getvalue()
    assert isinstance(client.get(url), FileResponse)


@pytest.mark.django_db
def test_two_first_readers_at_once_each_get_the_whole_file_and_one_is_kept(
    client, kept, serialized
):
    make_event(title="Talks in Baku", slug="talks")
    for number in range(3):
        make_event(title=f"Forum {number}", slug=f"forum-{number}")
    first = client.get(f"{EVENTS_JSON}?reader=1")
    stream = iter(first.streaming_content)
    start = next(stream)  # the first reader is keeping the file now
    # A second first reader meanwhile: streamed in full, not kept by it.
    second = client.get(f"{EVENTS_JSON}?reader=2")
    assert not isinstance(second, FileResponse)
    second_content = second.getvalue()
    # Read to its end, the stream closes its response (the test client's
    # wrapper, as a server does once the last chunk is sent).
    first_content = start + b"".join(stream)

    assert first_content == second_content
    assert len(serialized) == 2
    assert b"Forum 2" in first_content
    third = client.get(f"{EVENTS_JSON}?reader=3")
    assert isinstance(third, FileResponse)
    assert third.getvalue() == first_content
    # One file kept (and the marker saying it is whole), no second copy.
    ((folder,), _files) = default_storage.listdir(datacache.BUILT)
    kept_files = default_storage.listdir(f"{datacache.BUILT}/{folder}")[1]
    assert len(kept_files) == 2, kept_files
    assert sum(name.endswith(".done") for name in kept_files) == 1


@pytest.mark.django_db
def test_the_calendar_is_kept_too(client, kept):
    make_event(title="Talks in Baku", slug="talks")
    url = reverse("event-calendar")
    first = client.get(f"{url}?type=talks").getvalue()
    again = client.get(f"{url}?type=talks&utm=1")
    assert isinstance(again, FileResponse)
    assert again.getvalue() == first
    assert again["Content-Type"] == "text/calendar; charset=utf-8"


@pytest.mark.django_db
def test_files_built_for_older_tokens_are_deleted(client, kept, monkeypatch):
    monkeypatch.setattr(datacache, "OLD_FILES_SECONDS", -1)
    event = make_event(title="Talks in Baku", slug="talks")
    client.get(EVENTS_JSON).getvalue()
    (old,) = default_storage.listdir(datacache.BUILT)[0]
    event.save()
    client.get(EVENTS_JSON).getvalue()
    (current,) = default_storage.listdir(datacache.BUILT)[0]
    assert current != old


@pytest.mark.django_db
def test_drafts_never_reach_a_kept_file(client, kept):
    make_event(title="Talks in Baku", slug="talks")
    client.get(EVENTS_JSON).getvalue()
    client.get(SECTION)
    make_event(title="Secret", slug="secret", status=Status.DRAFT)
    assert b"secret" not in client.get(EVENTS_JSON).getvalue()
    assert b"secret" not in client.get(SECTION).content


@pytest.mark.django_db
def test_a_request_waiting_too_long_for_another_s_build_is_told_to_retry(
    client, kept, monkeypatch
):
    monkeypatch.setattr(datacache, "BUILD_WAIT_SECONDS", 0.2)
    make_event(title="Talks in Baku", slug="talks")
    # Another request holds the build lock of every file (all share one here).
    monkeypatch.setattr(datacache, "LOCK_COUNT", 1)
    with datacache._lock("anything"):
        response = client.get(SECTION)
        # A stream never waits: it is made, just not kept.
        download = client.get(EVENTS_JSON)
        assert b"Talks in Baku" in download.getvalue()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "being prepared" in response.text
    assert not isinstance(client.get(EVENTS_JSON), FileResponse)


@pytest.mark.django_db
def test_without_a_token_to_key_it_every_request_builds(
    client, settings, sections_built, serialized
):
    settings.DATA_CACHE_SECONDS = 0
    make_event(title="Talks in Baku", slug="talks")
    for _ in range(2):
        client.get(SECTION)
        download = client.get(EVENTS_JSON)
        assert not isinstance(download, FileResponse)
        download.getvalue()
    assert sections_built == ["events-en", "events-en"]
    assert len(serialized) == 2
