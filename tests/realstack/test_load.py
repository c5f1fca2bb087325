"""A bounded load run (bench/load.py) against gunicorn and PostgreSQL on
loopback: a few hundred requests over the public mix from eight threads, none of
them failing, within a minute.

The run is bounded by its number of requests, so a slow machine makes it last
longer rather than fail; it fails if the site cannot answer them within the
minute (under 5 requests a second; the slowest rate measured, on a two-CPU
machine busy with other test runs, was 7.9; docs/operations.md)."""

import json
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = [pytest.mark.realstack, pytest.mark.xdist_group("realstack")]

REQUESTS = 300
DURATION_SECONDS = 60
CONCURRENCY = 8


def test_a_bounded_load_run_has_no_errors(stack):
    result = subprocess.run(
        [
            sys.executable,
            "bench/load.py",
            stack.base,
            f"--duration={DURATION_SECONDS}",
            f"--concurrency={CONCURRENCY}",
            f"--requests={REQUESTS}",
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=DURATION_SECONDS + 60,
        check=False,
    )
    assert result.stdout, result.stderr
    report = json.loads(result.stdout)

    assert report["requests"] == REQUESTS, report
    assert report["errors"] == 0, (report["first_errors"], stack.log_tail())
    assert all(status[0] in "23" for status in report["statuses"]), report["statuses"]
    assert all(entry["requests"] for entry in report["paths"].values()), report["paths"]
    assert result.returncode == 0
    latency = report["latency_ms"]
    print(
        f"\nload: {report['requests']} requests in {report['duration_s']} s, "
        f"{report['rps']} rps, {report['errors']} errors; p50 {latency['p50']} ms, "
        f"p95 {latency['p95']} ms, p99 {latency['p99']} ms, max {latency['max']} ms"
    )
