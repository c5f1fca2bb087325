"""The dataset and the lists' downloads are built once per content token
(portal/core/datacache.py built_file, portal/opendata/downloads.py): every later
request, with whatever parameters, in any process, gets the kept file; concurrent
requests wait for the one building it."""

import threading
import time

import pytest
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connections
from django.test import Client
from django.urls import reverse

from portal.core import content, datacache
from portal.core.models import Status
from portal.opendata import downloads
from portal.ops import pagecache
from tests.builders import make_event

URL = "/en/data/portal-dataset.zip"


@pytest.fixture
def kept(settings, tmp_path):
    """Built files kept (DATA_CACHE_SECONDS on), in a media folder of the test's."""
    settings.DATA_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path
    content.token_memo.forget()
    caches[pagecache.CACHE_ALIAS].clear()
    yield tmp_path
    content.token_memo.forget()
    caches[pagecache.CACHE_ALIAS].clear()


@pytest.fixture
def builds(monkeypatch):
    """Each dataset build, counted; slow enough that concurrent requests meet."""
    calls = []
    real = downloads._readme  # written once into each dataset built

    def counted(request, language):
        calls.append(language)
        time.sleep(0.3)
        return real(request, language)

    monkeypatch.setattr(downloads, "_readme", counted)
    return calls


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("page_cache", [0, 300], ids=["no page cache", "page cache"])
def test_32_requests_with_junk_parameters_build_the_dataset_once(
    kept, builds, settings, page_cache
):
    settings.PAGE_CACHE_SECONDS = page_cache
    make_event(title="Talks in Baku", slug="talks")
    start = threading.Barrier(32)
    answers = [None] * 32

    def read(number):
        client = Client()
        start.wait()
        try:
            answers[number] = client.get(f"{URL}?x={number}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=read, args=[n]) for n in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert [answer.status_code for answer in answers] == [200] * 32
    assert len({answer.content for answer in answers}) == 1
    assert builds == ["en"]


@pytest.mark.django_db
def test_the_dataset_is_built_again_once_the_content_changes(client, kept, builds):
    event = make_event(title="Talks in Baku", slug="talks")
    first = client.get(URL).content
    assert client.get(f"{URL}?again=1").content == first
    assert client.get("/az/data/portal-dataset.zip").status_code == 200
    assert builds == ["en", "az"]
    event.title = "Talks held in Baku"
    event.save()
    assert client.get(URL).content != first
    assert builds == ["en", "az", "en"]


@pytest.mark.django_db
def test_files_built_for_older_tokens_are_deleted(client, kept, monkeypatch):
    monkeypatch.setattr(datacache, "OLD_FILES_SECONDS", -1)
    event = make_event(title="Talks in Baku", slug="talks")
    client.get(URL)
    _folders, _files = default_storage.listdir(datacache.BUILT)
    (old,) = _folders
    event.save()
    client.get(URL)
    (current,) = default_storage.listdir(datacache.BUILT)[0]
    assert current != old


@pytest.mark.django_db
def test_a_download_with_the_same_filters_is_built_once(client, kept, monkeypatch):
    serialized = []
    real = downloads._serialize

    def counted(serializer_class, queryset, request):
        serialized.append(serializer_class)
        return real(serializer_class, queryset, request)

    monkeypatch.setattr(downloads, "_serialize", counted)
    make_event(title="Talks in Baku", slug="talks")
    url = reverse("download", kwargs={"kind": "events", "fmt": "json"})
    first = client.get(f"{url}?type=talks&x=1")
    again = client.get(f"{url}?utm=2&type=talks&page=3")
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert first.json()["source"] == f"http://testserver{url}?type=talks"
    assert len(serialized) == 1
    # Other filters are another file.
    client.get(f"{url}?type=forum")
    assert len(serialized) == 2


@pytest.mark.django_db
def test_drafts_never_reach_a_kept_file(client, kept):
    make_event(title="Talks in Baku", slug="talks")
    client.get(URL)
    make_event(title="Secret", slug="secret", status=Status.DRAFT)
    assert b"secret" not in client.get(URL).content


@pytest.mark.django_db
def test_a_request_waiting_too_long_for_another_s_build_is_told_to_retry(
    client, kept, monkeypatch
):
    monkeypatch.setattr(datacache, "BUILD_WAIT_SECONDS", 0.2)
    make_event(title="Talks in Baku", slug="talks")
    # Another request holds the build lock of every file (all share one here).
    monkeypatch.setattr(datacache, "LOCK_COUNT", 1)
    with datacache._lock("anything"):
        response = client.get(URL)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "being prepared" in response.text


@pytest.mark.django_db
def test_without_a_token_to_key_it_every_request_builds(client, settings, builds):
    settings.DATA_CACHE_SECONDS = 0
    make_event(title="Talks in Baku", slug="talks")
    client.get(URL)
    client.get(URL)
    assert builds == ["en", "en"]
