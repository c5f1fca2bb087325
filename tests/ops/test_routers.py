"""ReplicaRouter (portal/ops/routers.py): readers' pages read from the replica,
editors and writes use the primary, and a replica that cannot be reached sends
readers to the primary instead of failing their pages.

The "replica" alias here is a second connection to the test database, which is
what the settings make of DATABASE_REPLICA_URL under test (TEST MIRROR): it
sees what the primary has committed, so the tests that follow requests to it
commit (transaction=True). tests/realstack/test_replica.py does the same with a
real streaming replica.
"""

import contextlib
import re
import socket

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import RequestFactory
from django_otp.plugins.otp_totp.models import TOTPDevice
from reversion.models import Version

from events.models import Event
from portal.core.models import Citation, ContentToken, Person
from portal.editorial.models import Correction
from portal.ops import routers
from portal.ops.routers import PRIMARY, REPLICA, ROUTER, ReplicaRoutingMiddleware
from projects.models import Project
from tests.builders import make_event, make_project

BOTH = [PRIMARY, REPLICA]
CONTENT = [Event, Project, Person, Citation, ContentToken]
PRIMARY_ONLY = [
    Correction,
    get_user_model(),
    Session,
    ContentType,
    LogEntry,
    Version,
    AccessAttempt,
    TOTPDevice,
]


@pytest.fixture(scope="module", autouse=True)
def replica_alias(django_db_setup, django_db_blocker):
    """The "replica" alias, on the test database (as a test mirror)."""
    if REPLICA in connections.settings:  # DATABASE_REPLICA_URL is set
        yield
        return
    primary = connections[PRIMARY].settings_dict
    connections.settings[REPLICA] = {
        **primary,
        "TEST": {**primary["TEST"], "MIRROR": PRIMARY},
    }
    yield
    with django_db_blocker.unblock():
        disconnect(REPLICA)
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture(autouse=True)
def replica_router(settings, monkeypatch):
    settings.DATABASE_ROUTERS = [ROUTER]
    # Pages rendered afresh, so each request reads its records.
    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(routers, "_down_until", 0.0)


def reads_in(request):
    """Where each model's reads and writes go while `request` is answered."""
    seen = {}

    def view(request):
        for model in CONTENT + PRIMARY_ONLY:
            seen[model] = router.db_for_read(model)
        seen["write"] = {router.db_for_write(model) for model in CONTENT}
        return None

    ReplicaRoutingMiddleware(view)(request)
    return seen


def signed_in(settings):
    """A request factory whose requests carry a session cookie."""
    factory = RequestFactory()
    factory.cookies[settings.SESSION_COOKIE_NAME] = "an-editors-session"
    return factory


# Decisions -----------------------------------------------------------------


@pytest.mark.django_db(databases=BOTH)
@pytest.mark.parametrize("method", ["get", "head"])
def test_a_readers_request_reads_content_from_the_replica(method):
    seen = reads_in(getattr(RequestFactory(), method)("/en/events/?year=2025"))
    assert {model: seen[model] for model in CONTENT} == dict.fromkeys(CONTENT, REPLICA)
    assert {model: seen[model] for model in PRIMARY_ONLY} == dict.fromkeys(
        PRIMARY_ONLY, PRIMARY
    )
    assert seen["write"] == {PRIMARY}


@pytest.mark.django_db(databases=BOTH)
@pytest.mark.parametrize(
    "kind",
    ["post", "put", "delete", "admin", "admin-login", "signed-in", "signed-in-api"],
)
def test_editors_requests_and_every_write_read_from_the_primary(kind, settings):
    factory = RequestFactory()
    request = {
        "post": lambda: factory.post("/en/suggest-correction/event/talks/"),
        "put": lambda: factory.put("/api/v1/events/"),
        "delete": lambda: factory.delete("/api/v1/events/"),
        "admin": lambda: factory.get("/admin/events/event/"),
        "admin-login": lambda: factory.get("/admin/login/"),
        "signed-in": lambda: signed_in(settings).get("/en/events/"),
        "signed-in-api": lambda: signed_in(settings).get("/api/v1/events/"),
    }[kind]()
    seen = reads_in(request)
    assert {seen[model] for model in CONTENT + PRIMARY_ONLY} == {PRIMARY}
    assert seen["write"] == {PRIMARY}


@pytest.mark.django_db(databases=BOTH)
def test_the_admin_is_found_at_its_own_path(settings):
    settings.ADMIN_PATH = "control-7f3/"
    factory = RequestFactory()
    assert reads_in(factory.get("/control-7f3/events/event/"))[Event] == PRIMARY
    # The old path is no admin any more: an ordinary (404) reader's request.
    assert reads_in(factory.get("/admin/events/event/"))[Event] == REPLICA


def test_outside_a_request_everything_uses_the_primary():
    # Management commands, the shell, tests: no request, no replica.
    for model in CONTENT + PRIMARY_ONLY:
        assert router.db_for_read(model) == PRIMARY
        assert router.db_for_write(model) == PRIMARY


def test_migrations_run_on_the_primary_only():
    for model in CONTENT + PRIMARY_ONLY:
        label = model._meta.app_label
        assert router.allow_migrate(PRIMARY, label, model_name=model._meta.model_name)
        assert not router.allow_migrate(
            REPLICA, label, model_name=model._meta.model_name
        )


def test_records_from_either_database_may_be_related():
    event, project = Event(), Project()
    event._state.db, project._state.db = REPLICA, PRIMARY
    assert router.allow_relation(event, project)
    assert router.allow_relation(project, event)


def test_without_the_router_the_middleware_steps_aside(settings):
    settings.DATABASE_ROUTERS = []
    with pytest.raises(MiddlewareNotUsed):
        ReplicaRoutingMiddleware(lambda request: None)


# Requests through the whole stack ------------------------------------------

CONTENT_TABLE = re.compile(r'"((?:portal|events|projects)_\w+)"')


def content_tables(queries):
    """The content tables the queries read (portal_correction is not content)."""
    found = set()
    for query in queries:
        found |= set(CONTENT_TABLE.findall(query["sql"]))
    return found - {"portal_correction"}


@contextlib.contextmanager
def statements_on(alias):
    """The SQL run on `alias` meanwhile (without connecting to it, unlike
    CaptureQueriesContext)."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append({"sql": sql})
        return execute(sql, params, many, context)

    with connections[alias].execute_wrapper(record):
        yield statements


def answer(client, path, **kwargs):
    with statements_on(PRIMARY) as primary, statements_on(REPLICA) as replica:
        response = client.get(path, **kwargs)
    return response, content_tables(primary), content_tables(replica)


def disconnect(alias):
    # Django keeps an in-memory SQLite database's connection open on close().
    BaseDatabaseWrapper.close(connections[alias])


@pytest.fixture
def records(db):
    return make_event(title="Talks in Baku"), make_project()


COMMITS = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=BOTH
)


@COMMITS
@pytest.mark.parametrize("path", ["/en/events/", "/en/projects/", "/api/v1/events/"])
def test_a_readers_page_reads_its_records_from_the_replica(client, records, path):
    response, primary, replica = answer(client, path)
    assert response.status_code == 200
    assert primary == set()
    assert {"events_event", "projects_project"} & replica


@COMMITS
def test_a_readers_detail_page_reads_from_the_replica(client, records):
    event, _project = records
    response, primary, replica = answer(client, event.get_absolute_url())
    assert response.status_code == 200
    assert b"Talks in Baku" in response.content
    assert primary == set()
    assert "events_event" in replica


@COMMITS
def test_an_editor_reads_public_pages_and_the_admin_from_the_primary(
    client, records, editor
):
    client.force_login(editor)
    for path in ("/en/events/", "/admin/events/event/", "/admin/"):
        response, primary, replica = answer(client, path)
        assert response.status_code == 200, path
        assert replica == set(), path
    assert "events_event" in primary


@COMMITS
def test_a_readers_post_reads_from_the_primary(client, records):
    event, _project = records
    path = f"/en/suggest-correction/event/{event.slug}/"
    cache.clear()  # the form's rate limit counts in the cache
    with statements_on(REPLICA) as replica:
        response = client.post(path, {"message": "The date is wrong."})
    assert response.status_code == 302
    assert len(replica) == 0
    assert Correction.objects.get().message == "The date is wrong."


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_replica():
    """Points the replica alias somewhere that refuses connections; yields a
    function that makes it reachable again."""
    connection = connections[REPLICA]
    saved = dict(connection.settings_dict)
    disconnect(REPLICA)
    if connection.vendor == "postgresql":
        connection.settings_dict["PORT"] = closed_port()
    else:
        connection.settings_dict["NAME"] = "/nonexistent-folder/replica.sqlite3"

    def restore():
        disconnect(REPLICA)
        connection.settings_dict.update(saved)

    yield restore
    restore()


@COMMITS
def test_while_the_replica_is_down_readers_pages_come_from_the_primary(
    client, records, unreachable_replica, caplog
):
    response, primary, replica = answer(client, "/en/events/")
    assert response.status_code == 200
    assert b"Talks in Baku" in response.content
    assert "events_event" in primary
    assert replica == set()
    assert "Database replica unavailable" in caplog.text
    assert routers.replica_marked_down()

    # Back up, but this process waits DATABASE_REPLICA_RETRY_SECONDS before
    # trying it again: no connection attempt per request meanwhile.
    unreachable_replica()
    caplog.clear()
    response, primary, replica = answer(client, "/en/projects/")
    assert response.status_code == 200
    assert "projects_project" in primary
    assert replica == set()
    assert connections[REPLICA].connection is None
    assert caplog.text == ""

    routers._down_until = 0.0  # the retry time has come
    response, primary, replica = answer(client, "/en/events/")
    assert response.status_code == 200
    assert primary == set()
    assert "events_event" in replica


def test_the_retry_time_follows_the_setting(settings):
    settings.DATABASE_REPLICA_RETRY_SECONDS = 0
    routers.replica_down()
    assert not routers.replica_marked_down()
    settings.DATABASE_REPLICA_RETRY_SECONDS = 60
    routers.replica_down()
    assert routers.replica_marked_down()


@COMMITS
def test_a_replica_lost_during_a_request_fails_that_request_only(
    client, records, caplog
):
    if connections[REPLICA].vendor != "postgresql":
        pytest.skip("replicas are PostgreSQL; an SQLite connection is never lost")

    def lose_connection(execute, sql, params, many, context):
        context["connection"].connection.close()
        return execute(sql, params, many, context)

    replica = connections[REPLICA]
    replica.ensure_connection()
    with replica.execute_wrapper(lose_connection):
        response = client.get("/en/events/")
    assert response.status_code == 503
    assert routers.replica_marked_down()
    assert "Database replica lost during a request" in caplog.text

    response, primary, replica_tables = answer(client, "/en/events/")
    assert response.status_code == 200
    assert "events_event" in primary
    assert replica_tables == set()
    replica.close()
