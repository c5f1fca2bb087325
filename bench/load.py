"""A bounded load run against a running portal: a few threads request a fixed mix
of public pages for a while and report counts and latencies as JSON.

    .venv/bin/python bench/load.py http://127.0.0.1:8000 --duration 60 --concurrency 8
    .venv/bin/python bench/load.py http://127.0.0.1:8000 --out bench/results/

Standard library only, so it runs from any machine with Python 3.12+. Each thread
keeps one HTTP connection (reopened whenever the server closes it) and walks the
URL list in turn, starting at a different place. Redirects are counted as
answers, not followed. An error is a failed connection or a status of 400 or
more; the exit status is 1 when there was any.
"""

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

# The mix: home in three languages, lists with and without filters, a record of
# each main kind, search, the API, key figures and the sitemap. The records are
# the first ones the API lists, so the run needs no knowledge of the data.
FIXED_PATHS = [
    "/en/",
    "/az/",
    "/zh-hans/",
    "/en/events/",
    "/en/events/?date_from=2020-01-01&date_to=2030-12-31",
    "/en/projects/",
    "/en/search/?q=Baku",
    "/api/v1/events/",
    "/en/key-figures/",
    "/sitemap.xml",
]
DETAIL_LISTS = ["/api/v1/events/?page_size=1", "/api/v1/projects/?page_size=1"]


def fetch(connection, path):
    connection.request("GET", path, headers={"User-Agent": "portal-bench/1"})
    response = connection.getresponse()
    body = response.read()
    return response.status, body


def connect(base, timeout):
    parts = urlsplit(base)
    kind = (
        http.client.HTTPSConnection
        if parts.scheme == "https"
        else http.client.HTTPConnection
    )
    return kind(parts.hostname, parts.port, timeout=timeout)


def url_list(base, timeout=10):
    """The fixed paths plus the page of the first event and project the API lists."""
    connection = connect(base, timeout)
    paths = list(FIXED_PATHS)
    for api_path in DETAIL_LISTS:
        status, body = fetch(connection, api_path)
        if status != 200:
            raise SystemExit(f"{base}{api_path} answered {status}")
        results = json.loads(body)["results"]
        if not results:
            raise SystemExit(f"{base}{api_path} lists nothing; load some records first")
        paths.append(urlsplit(results[0]["html_url"]).path)
    connection.close()
    return paths


class Tickets:
    """At most `limit` requests in all threads together (None: no limit)."""

    def __init__(self, limit):
        self.left = limit
        self.lock = threading.Lock()

    def take(self):
        if self.left is None:
            return True
        with self.lock:
            if self.left <= 0:
                return False
            self.left -= 1
            return True


class Worker(threading.Thread):
    def __init__(self, base, paths, offset, deadline, timeout, tickets):
        super().__init__(daemon=True)
        self.base, self.paths, self.offset = base, paths, offset
        self.deadline, self.timeout, self.tickets = deadline, timeout, tickets
        self.results = []  # (path, status or None, seconds, error)

    def run(self):
        connection = connect(self.base, self.timeout)
        index = self.offset
        while time.monotonic() < self.deadline and self.tickets.take():
            path = self.paths[index % len(self.paths)]
            index += 1
            started = time.monotonic()
            try:
                status, _ = fetch(connection, path)
                error = ""
            except (OSError, http.client.HTTPException) as exc:
                status, error = None, type(exc).__name__
                connection.close()
                connection = connect(self.base, self.timeout)
            self.results.append((path, status, time.monotonic() - started, error))
        connection.close()


def percentiles(seconds):
    if len(seconds) < 2:
        value = round(seconds[0] * 1000, 1) if seconds else None
        return {"p50": value, "p95": value, "p99": value, "max": value}
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return {
        "p50": round(cuts[49] * 1000, 1),
        "p95": round(cuts[94] * 1000, 1),
        "p99": round(cuts[98] * 1000, 1),
        "max": round(max(seconds) * 1000, 1),
    }


def run(base, duration=60.0, concurrency=8, paths=None, timeout=30.0, limit=None):
    base = base.rstrip("/")
    paths = paths or url_list(base)
    tickets = Tickets(limit)
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    started = time.monotonic()
    deadline = started + duration
    workers = [
        Worker(base, paths, offset, deadline, timeout, tickets)
        for offset in range(concurrency)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    results = [result for worker in workers for result in worker.results]
    statuses = Counter(
        str(status) if status else error for _, status, _, error in results
    )
    failed = [r for r in results if r[1] is None or r[1] >= 400]
    per_path = {}
    for path in paths:
        seconds = [r[2] for r in results if r[0] == path]
        per_path[path] = {"requests": len(seconds), **percentiles(seconds)}
    return {
        "base": base,
        "started": started_at,
        "duration_s": round(elapsed, 2),
        "concurrency": concurrency,
        "requests": len(results),
        "errors": len(failed),
        "statuses": dict(sorted(statuses.items())),
        "rps": round(len(results) / elapsed, 1) if elapsed else 0,
        "latency_ms": percentiles([r[2] for r in results]),
        "paths": per_path,
        "first_errors": [
            {"path": p, "status": s, "error": e} for p, s, _, e in failed[:10]
        ],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the site's address, e.g. http://127.0.0.1:8000")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (60)")
    parser.add_argument("--concurrency", type=int, default=8, help="threads (8)")
    parser.add_argument(
        "--path",
        action="append",
        dest="paths",
        help="a path to request instead of the built-in mix (repeatable)",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="per request (30)")
    parser.add_argument(
        "--requests",
        type=int,
        help="stop after this many requests (or at --duration, whichever is first)",
    )
    parser.add_argument(
        "--out", type=Path, help="also write the JSON report into this folder"
    )
    args = parser.parse_args(argv)
    report = run(
        args.base,
        args.duration,
        args.concurrency,
        args.paths,
        args.timeout,
        args.requests,
    )
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        (args.out / f"load-{stamp}.json").write_text(text + "\n")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
