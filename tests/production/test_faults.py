"""A database outage answers 503 with Retry-After and a friendly page, quickly,
and the site recovers by itself (portal/ops/faults.py).

The outage is simulated by making every attempt to use the connection raise
OperationalError, as psycopg does while PostgreSQL refuses connections; the
subprocess tests then point the real settings at a closed port and at a server
that never answers. Stopping a real PostgreSQL under gunicorn is
tests/realstack/'s job.
"""

import json
import logging
import os
import socket
import subprocess
import sys
from io import BytesIO
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.ops.faults import is_database_outage
from tests.builders import make_event

ROOT = Path(__file__).resolve().parents[2]
# A connection error's message names the host; no page may show it.
HOST_IN_ERROR = "db-primary.internal"
ON_POSTGRESQL = connection.vendor == "postgresql"

pytestmark = pytest.mark.django_db


class Outage:
    """Every query fails the way the driver fails when PostgreSQL is gone;
    counts the attempts."""

    def __init__(self, error=None):
        self.error = error or connection.Database.OperationalError
        self.attempts = 0

    def fail(self, *args, **kwargs):
        self.attempts += 1
        raise self.error(
            f'connection to server at "{HOST_IN_ERROR}" (10.0.0.9), port 5432 '
            "failed: Connection refused"
        )


def cut(patcher, error=None):
    """Takes the database away until `patcher` (monkeypatch) undoes it."""
    down = Outage(error)
    # Every query opens a cursor, inside Django's wrapping of driver errors.
    patcher.setattr(type(connections["default"]), "create_cursor", down.fail)
    return down


@pytest.fixture
def outage(monkeypatch):
    return cut(monkeypatch)


@pytest.fixture
def reader():
    # An exception a test provokes must come back as the response a reader gets.
    return Client(raise_request_exception=False)


@pytest.fixture
def event():
    return make_event(title="Talks in Baku")


def _pages(event):
    with translation.override("en"):
        return {
            "home": reverse("home"),
            "list": reverse("events:list") + "?type=talks",
            "detail": event.get_absolute_url(),
            "correction form": reverse(
                "suggest-correction", kwargs={"kind": "event", "slug": event.slug}
            ),
            "search": reverse("search") + "?q=Baku",
        }


def assert_outage_page(response, language="en"):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    with translation.override(language):
        assert translation.gettext("Temporarily unavailable") in page
    assert "/static/css/site." in page
    assert HOST_IN_ERROR not in page
    assert "Traceback" not in page


def test_public_pages_answer_503_with_retry_after_and_query_nothing_more(
    reader, event, outage
):
    for name, url in _pages(event).items():
        before = outage.attempts
        response = reader.get(url)
        assert_outage_page(response), name
        # The view's first query failed; rendering the page tried none.
        assert outage.attempts - before == 1, name


@pytest.mark.parametrize("language", ["az", "zh-hans"])
def test_the_outage_page_speaks_the_language_of_its_address(
    reader, event, outage, language
):
    with translation.override(language):
        url = event.get_absolute_url()
        text = translation.gettext("Temporarily unavailable")
    assert text != "Temporarily unavailable", "the 503 page is not translated"
    assert_outage_page(reader.get(url), language)


def test_the_outage_page_offers_the_same_address_in_every_language(
    reader, event, outage
):
    with translation.override("az"):
        url = event.get_absolute_url()
    page = reader.get(url).content.decode()
    switcher = page[page.index('<nav class="languages"') :]
    switcher = switcher[: switcher.index("</nav>")]
    for code in ("en", "az", "zh-hans"):
        assert f'href="/{code}{url[len("/az") :]}"' in switcher, code
    assert 'lang="az" hreflang="az" aria-current="true"' in switcher


def test_the_api_answers_a_json_503(reader, event, outage):
    for url in (
        reverse("api:event-list"),
        reverse("api:event-detail", kwargs={"slug": event.slug}),
    ):
        response = reader.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert body == {"detail": "The database is unavailable. Try again later."}


def test_signing_in_to_the_admin_answers_503(reader, outage):
    # The sign-in form itself needs no database; checking a password does.
    response = reader.post(
        reverse("admin:login"), {"username": "alice", "password": "secret"}
    )
    assert_outage_page(response)


def test_a_signed_in_editor_gets_503_in_the_admin(editor, event, monkeypatch, settings):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    outage = cut(monkeypatch)
    for url in (reverse("admin:index"), reverse("admin:events_event_changelist")):
        before = outage.attempts
        response = client.get(url)
        assert_outage_page(response)
        assert outage.attempts - before == 1, url
        # The editor stays signed in for when the database is back.
        assert settings.SESSION_COOKIE_NAME not in response.cookies


class ReadsTheSession:
    """Touches the database in a middleware, outside any view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.session.get("anything")
        return self.get_response(request)


def test_an_outage_inside_a_middleware_answers_503_too(
    editor, settings, monkeypatch, caplog
):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "tests.production.test_faults.ReadsTheSession",
    ]
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    outage = cut(monkeypatch)
    with caplog.at_level(logging.WARNING):
        assert_outage_page(client.get(reverse("about")))
    assert outage.attempts == 1
    # handler500's path: still logged once, by portal.ops.faults.
    errors = [r.name for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == ["portal.ops.faults"]


@pytest.mark.parametrize("error", ["ProgrammingError", "ValueError"])
def test_other_errors_stay_500(reader, event, monkeypatch, error):
    # A broken query or a bug is not an outage: it must not hide behind a 503.
    cut(monkeypatch, getattr(connection.Database, error, ValueError))
    response = reader.get(event.get_absolute_url())
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()


def test_the_outage_is_logged_once_with_its_cause(reader, event, outage, caplog):
    with caplog.at_level(logging.WARNING):
        reader.get(event.get_absolute_url())
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.name for r in errors] == ["portal.ops.faults"]
    (record,) = errors
    assert record.exc_info and record.exc_info[0] is OperationalError
    driver_error = connection.Database.OperationalError
    assert record.getMessage() == (
        f"Database unavailable ({driver_error.__module__}."
        f"{driver_error.__qualname__}) for GET {event.get_absolute_url()}"
    )


def test_retry_after_follows_the_setting(reader, event, outage, settings):
    settings.DB_OUTAGE_RETRY_AFTER = 120
    assert reader.get(event.get_absolute_url())["Retry-After"] == "120"


def test_the_outage_page_is_valid_html(reader, event, outage, tmp_path):
    from tests.site.test_html_validity import VALIDATOR

    if not VALIDATOR.exists():
        pytest.fail("html-validate is missing: run `npm ci` (make test does).")
    page = tmp_path / "503.html"
    page.write_bytes(reader.get(event.get_absolute_url()).content)
    result = subprocess.run(
        [str(VALIDATOR), "--config", str(ROOT / ".htmlvalidate.json"), str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Recovery, through the WSGI handler itself: unlike the test client it runs
# Django's request_started/finished connection housekeeping.


def wsgi_get(path, host="testserver"):
    from portal.wsgi import application

    environ = {"PATH_INFO": path, "HTTP_HOST": host, "wsgi.input": BytesIO()}
    setup_testing_defaults(environ)
    started = []
    body = b"".join(application(environ, lambda *args: started.append(args)))
    status, headers = started[0][:2]
    return int(status.split()[0]), dict(headers), body


# Committed data (transaction=True); serialized_rollback, like every committing
# test here, so the next one on this worker finds the migrations' rows.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_come_back_on_the_next_request_after_an_outage(monkeypatch):
    event = make_event(title="Talks in Baku")
    url = event.get_absolute_url()
    assert wsgi_get(url)[0] == 200
    with monkeypatch.context() as patch:
        cut(patch)
        assert wsgi_get(url)[0] == 503
    assert wsgi_get(url)[0] == 200


def terminate(backend_pid):
    """What a PostgreSQL restart does to every open connection."""
    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [backend_pid])


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL pass only")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dropped_persistent_connection_is_replaced_without_a_restart():
    event = make_event(title="Talks in Baku")
    url = event.get_absolute_url()
    assert wsgi_get(url)[0] == 200
    backend = connection.connection.info.backend_pid
    assert wsgi_get(url)[0] == 200
    assert connection.connection.info.backend_pid == backend, "not persistent"
    terminate(backend)
    # CONN_HEALTH_CHECKS finds the dead connection before the first query.
    assert wsgi_get(url)[0] == 200
    assert connection.connection.info.backend_pid != backend


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL pass only")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_dying_mid_request_is_a_503_then_recovers():
    # No simulation: psycopg's own error when the server has gone. Health
    # checks off, so the dead connection is used and fails.
    event = make_event(title="Talks in Baku")
    url = event.get_absolute_url()
    assert wsgi_get(url)[0] == 200
    connection.health_check_enabled = False
    terminate(connection.connection.info.backend_pid)
    status, headers, _ = wsgi_get(url)
    assert status == 503
    assert headers["Retry-After"] == "30"
    # Django closed the broken connection when that request finished.
    assert wsgi_get(url)[0] == 200


@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL pass only")
def test_a_statement_timeout_counts_as_an_outage():
    # Django wraps psycopg's QueryCanceled in OperationalError: a database too
    # busy to answer in time is a 503, like one that is down.
    import psycopg

    with pytest.raises(OperationalError) as raised:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 50")
            cursor.execute("SELECT pg_sleep(1)")
    assert isinstance(raised.value.__cause__, psycopg.errors.QueryCanceled)
    assert is_database_outage(raised.value)


# The real settings against a database that is not there. They need no
# PostgreSQL server, so both passes run them.

DRIVER = """
import json, sys, time
from io import BytesIO
from wsgiref.util import setup_testing_defaults
import django
django.setup()
from portal.wsgi import application

out = {}
for path in sys.argv[1:]:
    environ = {"PATH_INFO": path, "HTTP_HOST": "testserver", "wsgi.input": BytesIO()}
    setup_testing_defaults(environ)
    got = {}
    def start_response(status, headers, exc_info=None):
        got["status"] = int(status.split()[0])
        got["headers"] = dict(headers)
    started = time.monotonic()
    body = b"".join(application(environ, start_response))
    got["seconds"] = time.monotonic() - started
    got["body"] = body.decode()
    out[path] = got
print(json.dumps(out))
"""

CONNECT_TIMEOUT = 2


def drive(database_url, *paths):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DEBUG": "0",
        "SECRET_KEY": "test-only-secret-key-not-for-production",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "DATABASE_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "LOG_LEVEL": "CRITICAL",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# What "within the connect timeout" allows on a loaded 2-core CI machine: the
# timeout itself plus rendering. A hang (no timeout) would take minutes.
SLACK = 3


def assert_quick_503s(answers):
    assert answers.pop("/healthz")["status"] == 200
    ready = answers.pop("/readyz")
    assert ready["status"] == 503
    assert json.loads(ready["body"]) == {"database": "error", "cache": "ok"}
    assert ready["seconds"] < CONNECT_TIMEOUT + SLACK
    for path, answer in answers.items():
        assert answer["status"] == 503, path
        assert answer["headers"]["Retry-After"] == "30"
        assert answer["seconds"] < CONNECT_TIMEOUT + SLACK, (path, answer["seconds"])
        assert "127.0.0.1" not in answer["body"]


PATHS = ("/healthz", "/readyz", "/en/", "/az/events/", "/api/v1/events/")
# Each of these waits the whole connect timeout.
SLOW_PATHS = ("/healthz", "/readyz", "/en/")


def test_a_refused_connection_answers_503_at_once():
    port = free_port()  # nothing listens there now
    answers = drive(f"postgres://portal@127.0.0.1:{port}/portal", *PATHS)
    assert_quick_503s(answers)


def test_a_database_that_never_answers_gives_503_within_the_connect_timeout():
    # The kernel accepts the connection, nobody ever replies: what a hung or
    # black-holed server looks like. Only connect_timeout ends the wait.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        port = silent.getsockname()[1]
        answers = drive(f"postgres://portal@127.0.0.1:{port}/portal", *SLOW_PATHS)
    waited = answers["/en/"]["seconds"]
    assert_quick_503s(answers)
    assert waited >= CONNECT_TIMEOUT - 0.5, "the timeout did not apply"
