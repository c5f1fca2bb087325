"""The data exits at scale (issue 18): every way the whole record leaves the
site, asked for once each, as a harvester or a crawler would, against gunicorn
with one worker, so that the worker's peak memory (VmHWM) is that exit's.

For each exit it records the status, the time to the first byte of the body,
the total time, the bytes and the worker's peak memory, twice: the first
request after the server starts (built or streamed from the database) and the
same request again (answered from what the first kept: the data cache, or a
built file in media). Before them it builds the English dataset with
`manage.py build_dataset` and records how long that took and its peak memory.

The targets (bench/README.md, issue 18): every exit answers 200; a built exit
(the sitemap index and a section, the dataset) within 5 s; a streamed one
(downloads, the calendar) sends its first byte within 1 s; no worker past
200 MB.

bench/run.py calls run() for each size after the page runs; it can also run
alone against an existing, migrated database:

    .venv/bin/python bench/exits.py postgres://postgres@127.0.0.1:5432/bench
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.server import Server, free_port  # noqa: E402

PYTHON = Path(sys.executable)

# (name, address, kind): "built" exits are made whole before they are sent,
# "stream" exits as they are sent.
EXITS = [
    ("sitemap index", "/sitemap.xml", "built"),
    ("sitemap section", "/sitemap-events-en.xml", "built"),
    ("dataset", "/en/data/portal-dataset.zip", "built"),
    ("events.csv", "/en/download/events.csv", "stream"),
    ("events.json", "/en/download/events.json", "stream"),
    ("calendar.ics", "/en/events/calendar.ics", "stream"),
]

TARGETS = {
    "built_s": 5.0,  # a built exit's whole answer
    "first_byte_s": 1.0,  # a streamed exit's first byte
    "worker_peak_mb": 200,  # the worker that answered
}
# The longest a single answer is read for; past it the exit is reported cut.
READ_LIMIT_S = 1800


def fetch(base, path):
    """One GET: status, seconds to the first byte of the body, seconds in
    all, bytes."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=120)
    started = time.monotonic()
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        first = response.read(1)
        first_byte = time.monotonic() - started
        size = len(first)
        while block := response.read(64 * 1024):
            size += len(block)
            if time.monotonic() - started > READ_LIMIT_S:
                return response.status, first_byte, None, size
        return response.status, first_byte, time.monotonic() - started, size
    finally:
        connection.close()


def run_measured(argv, env, timeout):
    """Runs a command; returns (seconds, its peak resident memory in MiB)."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(
            argv, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        while True:
            # wait4 reaps it with its own resource usage (wait() would not).
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                process.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - started > timeout:
                process.kill()
                raise RuntimeError(f"{' '.join(argv)} took more than {timeout} s")
            time.sleep(0.5)
        if process.returncode != 0:
            output.seek(0)
            raise RuntimeError(f"{' '.join(argv)}:\n{output.read().decode()[-4000:]}")
    return round(time.monotonic() - started, 1), round(usage.ru_maxrss / 1024, 1)


def check(results, build):
    checks = [
        {
            "target": "the English dataset built by manage.py build_dataset, peak "
            "memory (MB)",
            "limit": TARGETS["worker_peak_mb"],
            "measured": build["peak_mb"],
            "holds": build["peak_mb"] is not None
            and build["peak_mb"] < TARGETS["worker_peak_mb"],
        }
    ]
    for name, result in results.items():
        for attempt in ("first", "again"):
            answer = result[attempt]
            if result["kind"] == "built":
                limit, measured = TARGETS["built_s"], answer["total_s"]
                what = "whole answer (s)"
            else:
                limit, measured = TARGETS["first_byte_s"], answer["first_byte_s"]
                what = "first byte (s)"
            checks.append(
                {
                    "target": f"{name} ({attempt}): 200 and {what}",
                    "limit": limit,
                    "measured": measured,
                    "holds": answer["status"] == 200
                    and measured is not None
                    and measured < limit,
                }
            )
        checks.append(
            {
                "target": f"{name}: worker peak memory (MB)",
                "limit": TARGETS["worker_peak_mb"],
                "measured": result["worker_peak_mb"],
                "holds": result["worker_peak_mb"] < TARGETS["worker_peak_mb"],
            }
        )
    return checks


def run(url, folder, server_env, exits=EXITS):
    """Measures every exit of the database at `url`; server_env(url, port,
    mode) is bench/run.py's environment of a server."""
    folder = Path(folder)
    extra = {
        "MEDIA_ROOT": str(folder / "media"),
        "WEB_CONCURRENCY": "1",
        # The dataset is built by the command below, never after a change.
        "DATASET_REBUILD_MAX_RECORDS": "0",
    }
    print("  exits: building the English dataset…", flush=True)
    seconds, peak = run_measured(
        [str(PYTHON), "manage.py", "build_dataset", "--language", "en"],
        {**server_env(url, 0, "cached"), **extra},
        timeout=3 * 3600,
    )
    build = {"seconds": seconds, "peak_mb": peak}
    print(f"  exits: dataset built in {seconds} s, peak {peak} MiB", flush=True)
    results = {}
    for name, path, kind in exits:
        port = free_port()
        with Server(
            folder,
            {**server_env(url, port, "cached"), **extra},
            name="gunicorn-exits",
            port=port,
            ready_timeout=60,
            stop_timeout=30,
        ) as server:
            (idle,) = server.worker_peak_mb().values()
            answers = {}
            for attempt in ("first", "again"):
                status, first_byte, total, size = fetch(server.base, path)
                answers[attempt] = {
                    "status": status,
                    "first_byte_s": round(first_byte, 3),
                    "total_s": round(total, 3) if total is not None else None,
                    "bytes": size,
                }
            (peak,) = server.worker_peak_mb().values()
        results[name] = {
            "path": path,
            "kind": kind,
            **answers,
            "worker_idle_mb": idle,
            "worker_peak_mb": peak,
        }
        print_row(name, results[name])
    return {
        "build_dataset_en": build,
        "exits": results,
        "checks": check(results, build),
    }


def shown(seconds):
    return "cut" if seconds is None else f"{seconds:.2f}"


def print_row(name, result):
    first, again = result["first"], result["again"]
    print(
        f"    {name:16} {first['status']} first byte {shown(first['first_byte_s'])} s,"
        f" all {shown(first['total_s'])} s, {first['bytes']:,} B;"
        f" again {shown(again['first_byte_s'])} / {shown(again['total_s'])} s;"
        f" worker {result['worker_idle_mb']} → {result['worker_peak_mb']} MiB",
        flush=True,
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url", help="a migrated PostgreSQL database")
    parser.add_argument(
        "--only", help="comma-separated exit names (default: all)", default=""
    )
    args = parser.parse_args(argv)
    from bench.run import server_env

    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    exits = [exit for exit in EXITS if not chosen or exit[0] in chosen]
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="portal-exits-") as folder:
        report = run(args.database_url, folder, server_env, exits)
    report["load_average_at_start"] = round(load, 2)
    print(json.dumps(report, indent=2))
    return 0 if all(check["holds"] for check in report["checks"]) else 1


if __name__ == "__main__":
    sys.exit(main())
