"""A real PostgreSQL primary and streaming replica on loopback, under gunicorn
with DATABASE_URL and DATABASE_REPLICA_URL (portal/ops/routers.py):

- readers' pages are read from the replica, the admin and signed-in editors'
  pages from the primary: each server logs every statement (log_statement =
  all), and a word searched for only by a reader shows up only in the
  replica's log, one searched for only by the editor only in the primary's;
- an editor who saves sees the change at once in the admin and on the public
  page even while the replica lags (its replay paused), while readers still
  get the replica's older page until replay resumes and then the new one;
- with the replica stopped, readers' pages come from the primary.
"""

import secrets
import shutil
import time

import pytest
import requests

from tests.realstack.conftest import (
    EDITOR,
    Cluster,
    Editor,
    Server,
    prepare,
    require_stack,
    scratch,
    server_env,
)

pytestmark = [pytest.mark.realstack, pytest.mark.xdist_group("replica")]

# Throwaway clusters: a crash loses nothing worth keeping.
FAST = ["fsync=off", "full_page_writes=off"]
CATCH_UP_SECONDS = 15


class Replicated:
    def __init__(self, primary, replica, server, editor):
        self.primary = primary
        self.replica = replica
        self.server = server
        self.base = server.base
        self.editor = editor


@pytest.fixture(scope="module")
def replicated():
    require_stack()
    started = time.monotonic()
    folder = scratch("portal-replica-")
    (folder / "primary").mkdir()
    (folder / "replica").mkdir()
    primary = Cluster(folder / "primary", [*FAST, "wal_level=replica"])
    replica = server = None
    try:
        primary.init()
        env = server_env(primary, 0)
        prepare(env, seed="interview")
        # Every statement from here on is logged, on the primary and (the
        # setting travels with the base backup) on the replica.
        primary.sql("ALTER SYSTEM SET log_statement = 'all'")
        primary.sql("SELECT pg_reload_conf()")
        replica = Cluster.replica_of(primary, folder / "replica", FAST)
        server = Server(
            folder,
            {
                **env,
                "DATABASE_REPLICA_URL": replica.url,
                # The page cache re-reads the content token every second.
                "PAGE_CACHE_CHECK_SECONDS": "1",
            },
        )
        print(f"\nreplica stack ready in {time.monotonic() - started:.1f} s")
        yield Replicated(primary, replica, server, EDITOR)
    finally:
        if server is not None:
            server.stop()
        if replica is not None:
            replica.stop("immediate")
        primary.stop("fast")
        shutil.rmtree(folder, ignore_errors=True)


def probe_word(who):
    # Letters and digits only, so the search keeps it as it is.
    return f"probe{who}{secrets.token_hex(6)}"


def wait_for(condition, timeout, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def sign_in(stack):
    return Editor(stack.base, *stack.editor)


def test_readers_read_from_the_replica_and_editors_from_the_primary(replicated):
    base = replicated.base
    reader_word, editor_word, admin_word = (
        probe_word(who) for who in ("reader", "editor", "admin")
    )
    page = requests.get(f"{base}/en/search/", params={"q": reader_word}, timeout=10)
    assert page.status_code == 200
    editor = sign_in(replicated)
    page = editor.http.get(f"{base}/en/search/", params={"q": editor_word}, timeout=10)
    assert page.status_code == 200
    admin = editor.http.get(
        f"{base}/admin/events/event/", params={"q": admin_word}, timeout=10
    )
    assert admin.status_code == 200

    primary, replica = replicated.primary, replicated.replica
    assert wait_for(lambda: reader_word in replica.log_text(), 5)
    assert wait_for(lambda: admin_word in primary.log_text(), 5)
    primary_log, replica_log = primary.log_text(), replica.log_text()
    assert reader_word not in primary_log
    assert editor_word in primary_log and editor_word not in replica_log
    assert admin_word not in replica_log
    # The session, and the editor's account, are on the primary only.
    assert "django_session" not in replica_log
    assert "django_session" in primary_log


def caught_up(stack):
    """Whether the replica has replayed everything the primary has written."""
    (written,) = stack.primary.sql("SELECT pg_current_wal_lsn()::text")[0]
    return stack.replica.sql("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", written)[
        0
    ][0]


def test_an_editor_reads_their_own_save_while_the_replica_lags(replicated):
    base, primary, replica = replicated.base, replicated.primary, replicated.replica
    ((pk, slug, old_name),) = primary.sql(
        "SELECT id, slug, name_en FROM portal_organization "
        "WHERE status = 'published' ORDER BY id LIMIT 1"
    )
    public = f"{base}/en/organisations/{slug}/"
    assert wait_for(lambda: caught_up(replicated), CATCH_UP_SECONDS)
    assert old_name in requests.get(public, timeout=10).text

    editor = sign_in(replicated)
    new_name = f"Renamed while the replica lags {secrets.token_hex(3)}"
    replica.sql("SELECT pg_wal_replay_pause()")
    try:
        assert wait_for(
            lambda: (
                replica.sql("SELECT pg_get_wal_replay_pause_state()")[0][0] == "paused"
            ),
            5,
        )
        saved = editor.change(
            f"/admin/portal/organization/{pk}/change/",
            "organization_form",
            name_en=new_name,
        )
        assert saved.status_code == 302, saved.text[:2000]
        assert primary.sql(
            "SELECT name_en FROM portal_organization WHERE id = %s", pk
        ) == [(new_name,)]
        assert not caught_up(replicated)

        # The editor: the admin and the public page, from the primary.
        change = editor.http.get(
            f"{base}/admin/portal/organization/{pk}/change/", timeout=10
        )
        assert new_name in change.text
        assert new_name in editor.http.get(public, timeout=10).text
        # A reader: the replica's page, as it was before the save.
        time.sleep(1.5)  # past PAGE_CACHE_CHECK_SECONDS
        reader = requests.get(public, timeout=10)
        assert reader.status_code == 200
        assert old_name in reader.text and new_name not in reader.text
    finally:
        replica.sql("SELECT pg_wal_replay_resume()")

    assert wait_for(
        lambda: new_name in requests.get(public, timeout=10).text, CATCH_UP_SECONDS
    ), "the reader never saw the change after replay resumed"


def test_with_the_replica_down_readers_pages_come_from_the_primary(replicated):
    base, primary, replica = replicated.base, replicated.primary, replicated.replica
    replica.stop("immediate")
    word = probe_word("fallback")
    for path in ("/en/", "/en/events/", f"/en/search/?q={word}", "/api/v1/events/"):
        started = time.monotonic()
        response = requests.get(f"{base}{path}", timeout=15)
        assert response.status_code == 200, (path, replicated.server.log_tail())
        # A stopped server refuses at once; nothing waits for a timeout.
        assert time.monotonic() - started < 5, path
    assert wait_for(lambda: word in primary.log_text(), 5)
    # The fall-back is logged, once per process and retry period.
    assert "Database replica unavailable" in replicated.server.log.read_text()
    editor = sign_in(replicated)
    assert editor.http.get(f"{base}/admin/", timeout=10).status_code == 200
