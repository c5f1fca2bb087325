"""/healthz and /readyz (portal/ops/health.py), and pages that keep working while the
cache (Redis) is down."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import Event
from portal.core.content import content_models
from portal.editorial.models import Correction
from portal.ops import health
from tests.builders import make_event
from tests.production.test_faults import ROOT, cut, free_port

pytestmark = pytest.mark.django_db

# What a load balancer sends: the instance's own address, not a site name.
INSTANCE = "10.0.3.17"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_healthz_says_ok_without_database_or_cache(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-store" in response["Cache-Control"]


def test_the_probes_are_where_a_load_balancer_looks():
    assert reverse("healthz") == "/healthz"
    assert reverse("readyz") == "/readyz"
    with translation.override("az"):
        assert reverse("readyz") == "/readyz"  # no language prefix


def test_the_probes_answer_whatever_the_host(client):
    assert client.get("/healthz", HTTP_HOST=INSTANCE).status_code == 200
    response = client.get("/readyz", HTTP_HOST=INSTANCE)
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert client.head("/readyz", HTTP_HOST=INSTANCE).status_code == 200


def test_every_other_address_still_refuses_an_unknown_host():
    client = Client(raise_request_exception=False)
    for address in ("/en/", "/az/events/", "/api/v1/events/", "/sitemap.xml"):
        response = client.get(address, HTTP_HOST=INSTANCE)
        assert response.status_code == 400, address
    assert INSTANCE not in client.get("/en/", HTTP_HOST=INSTANCE).content.decode()


def test_the_probes_only_read(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


def test_the_probes_answer_over_plain_http_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST=INSTANCE).status_code == 200
    assert client.get("/readyz", HTTP_HOST=INSTANCE).status_code == 200
    assert client.get("/en/about/").status_code == 301


def test_the_probes_are_not_in_the_sitemap(client):
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert "healthz" not in sitemap
    assert "readyz" not in sitemap


def test_readyz_answers_503_naming_the_database_when_it_is_down(monkeypatch, caplog):
    client = Client(raise_request_exception=False)
    cut(monkeypatch)
    response = client.get("/readyz", HTTP_HOST=INSTANCE)
    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    # The failure is logged once, as a warning: probes repeat every few seconds.
    assert [(r.name, r.levelname) for r in caplog.records] == [
        ("portal.ops.faults", "WARNING")
    ]
    # And /healthz keeps saying the process is alive.
    assert client.get("/healthz", HTTP_HOST=INSTANCE).status_code == 200


# The cache down. REDIS_URL points at a port where nothing listens, or at one
# that accepts connections and never answers, as a hung Redis does.


def caches_for(redis_url):
    """CACHES as portal/settings.py builds it for this REDIS_URL."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "REDIS_URL": redis_url,
    }
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps([settings.CACHES, settings.RATELIMIT_FAIL_OPEN]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    caches, fail_open = json.loads(result.stdout)
    assert caches["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert fail_open is True
    return caches


@pytest.fixture(params=["refused", "silent"])
def redis_down(request, settings):
    if request.param == "refused":
        settings.CACHES = caches_for(f"redis://127.0.0.1:{free_port()}/0")
        yield request.param
        return
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        port = silent.getsockname()[1]
        settings.CACHES = caches_for(f"redis://127.0.0.1:{port}/0")
        yield request.param


def timed(call, *args, **kwargs):
    started = time.monotonic()
    response = call(*args, **kwargs)
    return response, time.monotonic() - started


def test_pages_the_api_and_the_correction_form_work_while_the_cache_is_down(
    client, redis_down
):
    event = make_event(title="Talks in Baku")
    form = reverse("suggest-correction", kwargs={"kind": "event", "slug": event.slug})
    # The API's throttle and the form's rate limit each read and write the
    # cache; a hung Redis costs them half a second per try. The budgets leave
    # room for a loaded CI machine; without socket timeouts a hung Redis
    # would hold the request for minutes.
    budget = 3.0 if redis_down == "refused" else 6.0
    for url in (
        reverse("home"),
        reverse("events:list"),
        event.get_absolute_url(),
        reverse("api:event-list"),
        form,
    ):
        response, seconds = timed(client.get, url)
        assert response.status_code == 200, url
        assert seconds < budget, (url, seconds)

    # The rate limit cannot count, so it lets the reader through.
    message = "The talks were on 16 September."
    response, seconds = timed(
        client.post, form, {"message": message, "name": "", "email": "", "website": ""}
    )
    assert response.status_code == 302
    assert seconds < budget
    assert Correction.objects.get().message == message


def test_readyz_stays_ready_while_only_the_cache_is_down(client, redis_down):
    # Pages keep working without the cache (above), so a load balancer must
    # not take every server out over it: the body reports it, the status not.
    response, seconds = timed(client.get, "/readyz", HTTP_HOST=INSTANCE)
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "error"}
    # set, get and delete: half a second each at most, plus room for load.
    assert seconds < 4.0
    assert client.get("/healthz").status_code == 200


# A locked table: pages wait on it, so the instance is not ready.


def test_readyz_reads_every_table_readers_pages_read(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/readyz", HTTP_HOST=INSTANCE)
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    read = " ".join(query["sql"] for query in queries)
    for model in content_models():
        assert connection.ops.quote_name(model._meta.db_table) in read, model


def lock_events_table():
    """Another connection takes an ACCESS EXCLUSIVE lock on the events table, as
    a migration or a long ALTER TABLE does, and keeps it until rolled back."""
    other = connections.create_connection("default")
    other.set_autocommit(False)
    with other.cursor() as cursor:
        table = other.ops.quote_name(Event._meta.db_table)
        cursor.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
    return other


@pytest.fixture
def events_table_locked():
    other = lock_events_table()
    yield
    other.rollback()
    other.close()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="table locks are PostgreSQL's"
)
def test_readyz_answers_503_while_a_content_table_is_locked(
    events_table_locked, caplog
):
    client = Client(raise_request_exception=False)
    response, seconds = timed(client.get, "/readyz", HTTP_HOST=INSTANCE)
    assert response.status_code == 503
    assert response.json() == {"database": "error", "cache": "ok"}
    # It gives up after its own short timeout, not the pages' 15 seconds.
    timeout = health.READY_TIMEOUT_MS / 1000
    assert timeout <= seconds < timeout + 3
    assert [(r.name, r.levelname) for r in caplog.records] == [
        ("portal.ops.faults", "WARNING")
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="table locks are PostgreSQL's"
)
def test_readyz_is_ready_again_once_the_lock_is_released(client):
    other = lock_events_table()
    assert client.get("/readyz", HTTP_HOST=INSTANCE).status_code == 503
    other.rollback()
    other.close()
    assert client.get("/readyz", HTTP_HOST=INSTANCE).status_code == 200
