"""Two app servers sharing one PostgreSQL and one Redis (REDIS_URL), as behind a
load balancer (docs/scaling.md):

- an editor signs in on server A and the same session cookie works on server
  B (sessions: cached_db, read from Redis, written through to the database);
- an import previewed on A can be confirmed on B (the file waits in Redis);
- the API's per-address limit counts requests to both servers together;
- with redis-server stopped, both keep answering: pages, the API, the
  editor's session (read from the database) and /readyz, which stays 200.
"""

import contextlib
import io
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import redis
import requests

from tests.realstack.conftest import (
    Editor,
    Server,
    form_fields,
    free_port,
    scratch,
    server_env,
)

pytestmark = [pytest.mark.realstack, pytest.mark.xdist_group("realstack")]

API_LIMIT = 4
# The longest a page may take while Redis is down (each cache call gives up
# after half a second; a stopped server refuses at once).
OUTAGE_ANSWER_SECONDS = 5


def redis_server():
    """redis-server's path; in CI its absence fails the test."""
    found = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None
    )
    if found is None:
        message = "The Redis test needs redis-server (Debian package redis-server)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


class Redis:
    """redis-server on a free loopback port, keeping nothing on disk."""

    def __init__(self, folder, port):
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = subprocess.Popen(
            [
                redis_server(),
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(redis.ConnectionError):
                if self.client.ping():
                    return
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError("redis-server did not start")
            time.sleep(0.1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def two_servers(stack):
    # The stack's database, two more servers, one Redis.

    redis_server()
    folder = scratch("portal-redis-")
    shared = Redis(folder, free_port())
    env = {
        **server_env(stack.cluster, 0),
        "REDIS_URL": shared.url,
        "API_RATE_LIMIT": f"{API_LIMIT}/min",
        "WEB_CONCURRENCY": "1",
    }
    servers = []
    try:
        servers.append(Server(folder, env, "server-a"))
        servers.append(Server(folder, env, "server-b"))
        yield shared, *servers
    finally:
        for server in servers:
            server.stop()
        if shared.process.poll() is None:
            shared.stop()
        shutil.rmtree(folder, ignore_errors=True)


def timed_get(http, url):
    started = time.monotonic()
    response = http.get(url, timeout=OUTAGE_ANSWER_SECONDS + 5)
    return response, time.monotonic() - started


def test_two_servers_share_sessions_imports_and_limits_through_redis(
    stack, two_servers
):
    shared, a, b = two_servers

    # Signed in on A, recognised on B.
    editor = Editor(a.base, *stack.editor)
    index = editor.http.get(f"{b.base}/admin/", timeout=10)
    assert index.status_code == 200
    assert 'id="logout-form"' in index.text, "B did not know A's session"
    session = editor.session_id
    assert shared.client.keys(f"*cached_db{session}"), "the session is not in Redis"
    assert stack.cluster.sql(
        "SELECT count(*) FROM django_session WHERE session_key = %s", session
    ) == [(1,)]

    # An import previewed on A, confirmed on B.
    ((place,),) = stack.cluster.sql("SELECT slug FROM portal_place ORDER BY id LIMIT 1")
    slug = f"imported-across-servers-{secrets.token_hex(3)}"
    csv = (
        "slug,title_en,summary_en,kind,date,place\n"
        f"{slug},Imported across servers,Previewed on A.,talks,2025-09,{place}\n"
    )
    preview = editor.http.post(
        f"{a.base}/admin/events/event/import/",
        data={"resource": "0", "format": "0", "csrfmiddlewaretoken": editor.csrf_token},
        files={"import_file": ("events.csv", io.BytesIO(csv.encode()), "text/csv")},
        timeout=15,
    )
    assert preview.status_code == 200
    fields, _ = form_fields(preview.text, action="process_import")
    assert fields.get("import_file_name"), preview.text[-3000:]
    # Waiting in Redis, not in a temporary file (which B, on another machine,
    # would not have).
    name = fields["import_file_name"]
    assert shared.client.keys(f"*django-import-export-{name}")
    assert not (Path(tempfile.gettempdir()) / name).exists()
    fields["csrfmiddlewaretoken"] = editor.csrf_token
    confirmed = editor.http.post(
        f"{b.base}/admin/events/event/process_import/",
        data=fields,
        timeout=15,
        allow_redirects=False,
    )
    assert confirmed.status_code == 302, confirmed.text[-3000:]
    assert stack.cluster.sql(
        "SELECT title_en FROM events_event WHERE slug = %s", slug
    ) == [("Imported across servers",)]

    # The API's limit: API_LIMIT requests a minute from this address, counted
    # across both servers.
    http = requests.Session()
    statuses = [
        http.get(f"{server.base}/api/v1/places/", timeout=10).status_code
        for server in (a, b) * (API_LIMIT // 2)
    ]
    assert statuses == [200] * API_LIMIT
    assert http.get(f"{a.base}/api/v1/places/", timeout=10).status_code == 429
    assert http.get(f"{b.base}/api/v1/places/", timeout=10).status_code == 429

    # Redis stops: everything still answers; only the limit cannot count.
    shared.stop()
    answers = [
        timed_get(http, f"{a.base}/en/"),
        timed_get(http, f"{b.base}/en/events/"),
        timed_get(http, f"{a.base}/api/v1/places/"),
        timed_get(editor.http, f"{b.base}/admin/"),
        timed_get(editor.http, f"{a.base}/admin/events/event/"),
    ]
    for response, seconds in answers:
        assert response.status_code == 200, (response.url, a.log_tail())
        assert seconds < OUTAGE_ANSWER_SECONDS, (response.url, seconds)
    assert 'id="logout-form"' in answers[3][0].text, "signed out while Redis was down"
    # Ready still (pages work), with the cache's failure in the body: a Redis
    # outage must not take every server out of the load balancer.
    ready = http.get(f"{b.base}/readyz", timeout=10)
    assert (ready.status_code, ready.json()) == (
        200,
        {"database": "ok", "cache": "error"},
    )
    slowest = max(seconds for _, seconds in answers)
    print(f"\nredis down: slowest answer {slowest:.3f} s")
