"""The limits under gunicorn with three workers, the way `make serve` runs: one
client address sending many requests at once, spread over the workers, gets
no more than the documented limit in all, from the API (120 requests) and from
the corrections form (5 posts an hour).

Two databases: the stack's PostgreSQL (PostgreSQL pass only) and an SQLite file
of the test's own (SQLite pass only: the same file and run in either pass), since
the count is one atomic statement in each.

The API's window here is an hour rather than a minute (API_RATE_LIMIT=120/hour),
so that a slow machine's run cannot straddle two windows and be allowed twice
the count; the count, the store and the code path are the documented ones.
"""

import os
import re
import shutil
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.realstack.conftest import GUNICORN, Server, prepare, scratch, server_env

pytestmark = [pytest.mark.realstack, pytest.mark.xdist_group("realstack")]

WORKERS = 3
API_LIMIT = 120
CORRECTIONS_LIMIT = 5  # portal/editorial/corrections.py DEFAULT_RATE, "5/h"
CLIENT_THREADS = 12
# A published event of the seed, whose corrections form readers post.
SLUG = "SELECT slug FROM events_event WHERE status = 'published' ORDER BY id LIMIT 1"


def limits_env(database_url):
    class Database:
        url = database_url

    return {
        **server_env(Database, 0),
        "WEB_CONCURRENCY": str(WORKERS),
        "API_RATE_LIMIT": f"{API_LIMIT}/hour",
    }


@pytest.fixture(params=["postgresql", "sqlite"])
def server(request, tmp_path):
    if request.param == "postgresql":
        stack = request.getfixturevalue("stack")
        env = limits_env(stack.cluster.url)
        # The stack is shared: this test's counts start from nothing.
        stack.cluster.sql("DELETE FROM limits_counter")
        [(slug,)] = stack.cluster.sql(SLUG)
    else:
        if os.environ.get("DATABASE_URL", "").startswith(
            ("postgres://", "postgresql://")
        ):
            # Its own SQLite file, whatever the pass: run once, in the SQLite pass.
            pytest.skip("SQLite pass only (a SQLite file of its own)")
        if not GUNICORN.is_file():
            message = f"The limits test needs gunicorn ({GUNICORN})"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        database = tmp_path / "limits.sqlite3"
        env = limits_env(f"sqlite:///{database}")
        prepare(env, seed="interview")
        with sqlite3.connect(database) as connection:
            [(slug,)] = connection.execute(SLUG).fetchall()
    folder = scratch("portal-limits-")
    started = Server(folder, env, f"limits-{request.param}")
    try:
        yield started, slug
    finally:
        started.stop()
        shutil.rmtree(folder, ignore_errors=True)


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def cpu_ticks(pid):
    # utime + stime, fields 14 and 15 of /proc/PID/stat (after the name).
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def burst(call, count):
    """`count` calls at once from CLIENT_THREADS threads; their statuses."""
    with ThreadPoolExecutor(CLIENT_THREADS) as pool:
        return list(pool.map(lambda _: call(), range(count)))


def test_one_address_gets_no_more_than_the_limit_across_workers(server):
    server, slug = server
    pids = worker_pids(server.process.pid)
    assert len(pids) == WORKERS, pids
    before = {pid: cpu_ticks(pid) for pid in pids}

    # The API: three times the limit, all at once.
    url = f"{server.base}/api/v1/places/"
    statuses = burst(lambda: requests.get(url, timeout=30).status_code, 3 * API_LIMIT)
    assert statuses.count(200) == API_LIMIT, (statuses, server.log_tail())
    assert statuses.count(429) == 2 * API_LIMIT

    # The corrections form: three times its limit of posts.
    http = requests.Session()
    form = f"{server.base}/en/suggest-correction/event/{slug}/"
    page = http.get(form, timeout=30)
    assert page.status_code == 200, page.status_code
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    data = {
        "csrfmiddlewaretoken": token,
        "message": "The date is wrong.",
        "name": "",
        "email": "",
        "website": "",
    }

    def post():
        response = requests.post(
            form,
            data=data,
            cookies=http.cookies,
            timeout=30,
            allow_redirects=False,
        )
        return response.status_code

    posts = burst(post, 3 * CORRECTIONS_LIMIT)
    assert posts.count(302) == CORRECTIONS_LIMIT, (posts, server.log_tail())
    assert posts.count(429) == 2 * CORRECTIONS_LIMIT

    # More than one worker answered: each that did used processor time.
    time.sleep(0.2)
    busy = [pid for pid in pids if cpu_ticks(pid) > before[pid]]
    assert len(busy) > 1, (before, {pid: cpu_ticks(pid) for pid in pids})
