"""What rendering each public page kind costs (issue 18, item 1), against a
database that is already filled (a copy of `make bench`'s large one), so that
a change to the templates or the fragments can be measured in minutes rather
than in the whole benchmark's twenty:

    .venv/bin/python bench/render.py --database-url postgres://…/bench_copy

Two measurements of the same pages, found from the data as bench/run.py finds
them (and a few more: the Azerbaijani list, people, organisations, a year):

1. **CPU per render**, in this process: each page asked for through Django's
   test client (every middleware, the templates, the queries) with the
   settings bench/run.py serves with, "uncached" (no page cache, the data and
   fragment caches on), after a warm-up; the least CPU time (not wall time:
   the machine is shared) per request over several rounds. `--profile NAME`
   also prints where that page's time goes (cProfile, cumulative).
2. **Under load**: gunicorn (bench/server.py, gunicorn.conf.py's workers) in
   the same mode, each page driven by wrk with 8 connections for --duration
   seconds after a warm-up, beside the static file and the floor, as
   bench/run.py does; requests per second, p50, p99 and the ratio to the
   static file of the same run.

The load average before and after is printed: on a busy machine the numbers
under load are low and only their ratios to the static file compare.
bench/README.md, "Rendering (issue 18)", holds the numbers.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.run import (  # noqa: E402
    PYTHON,
    check_answer,
    get_json,
    serve,
    server_env,
    shown,
    static_path,
    wrk,
)

MODE = "uncached"


def page_paths(base):
    """The rendered pages measured, found from the data (the first event and
    project the API lists, and the first event's type and year)."""
    event = get_json(f"{base}/api/v1/events/?page_size=1")["results"][0]
    project = get_json(f"{base}/api/v1/projects/?page_size=1")["results"][0]
    kind, year = event["kind"], event["date"][:4]
    return {
        "events-filtered": f"/en/events/?type={kind}&year={year}",
        "events-filtered-az": f"/az/events/?type={kind}&year={year}",
        "projects-faceted": "/en/projects/?status=operational",
        "event-detail": f"/en/events/{event['slug']}/",
        "project-detail": f"/en/projects/{project['slug']}/",
        "home": "/en/",
        "year": f"/en/events/{year}/",
        "people": "/en/people/",
        "organisations": "/en/organisations/",
    }


def load_average():
    return os.getloadavg()


def cpu_per_render(env, paths, rounds, requests, profile):
    """{page: least CPU ms per request}, measured in a child process with the
    server's settings (the child prints one JSON line)."""
    child = subprocess.run(
        [
            str(PYTHON),
            __file__,
            "--in-process",
            json.dumps(
                {
                    "paths": paths,
                    "rounds": rounds,
                    "requests": requests,
                    "profile": profile,
                }
            ),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if child.returncode != 0:
        raise SystemExit(f"the in-process measurement failed:\n{child.stderr[-4000:]}")
    lines = child.stdout.splitlines()
    for line in lines[:-1]:
        print(line)
    return json.loads(lines[-1])


def in_process(arguments):
    """The child: Django set up with the server's settings, each page asked
    for through the test client."""
    import cProfile
    import pstats
    import time

    import django

    django.setup()
    from django.test import Client

    options = json.loads(arguments)
    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, path in options["paths"].items():
        for _ in range(3):
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
        best = None
        for _round in range(options["rounds"]):
            started = time.process_time()
            for _ in range(options["requests"]):
                client.get(path)
            spent = (time.process_time() - started) / options["requests"] * 1000
            best = spent if best is None else min(best, spent)
        results[name] = round(best, 2)
        if name in options["profile"]:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(options["requests"]):
                client.get(path)
            profiler.disable()
            print(f"--- profile of {name} ({path}), cumulative ---")
            stats = pstats.Stats(profiler, stream=sys.stdout)
            stats.sort_stats("cumulative").print_stats(40)
    print(json.dumps(results))


def under_load(url, paths, duration, warmup, connections):
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-render-") as folder:
        with serve(url, MODE, Path(folder)) as server:
            everything = {"static": static_path(), "floor": "/bench/floor", **paths}
            for name, path in everything.items():
                check_answer(server.base, path, None)
                wrk(server.base + path, warmup, connections)
                results[name] = wrk(server.base + path, duration, connections)
                print(
                    f"  {name:20} {results[name]['rps']:8.1f} rps  p50 "
                    f"{shown(results[name]['p50_ms'], 7)} ms  p99 "
                    f"{shown(results[name]['p99_ms'], 7)} ms",
                    flush=True,
                )
            peaks = server.worker_peak_mb()
    static = results["static"]["rps"]
    for result in results.values():
        result["ratio_to_static"] = round(result["rps"] / static, 3)
    return results, peaks


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="an existing, migrated database")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument(
        "--profile", action="append", default=[], help="a page to profile"
    )
    parser.add_argument(
        "--no-load", action="store_true", help="only the CPU per render"
    )
    parser.add_argument("--in-process", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.in_process:
        in_process(args.in_process)
        return
    if not args.database_url:
        parser.error("--database-url is required")
    env = server_env(args.database_url, 8000, MODE)
    print(f"load average at the start: {load_average()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-render-") as folder:
        with serve(args.database_url, MODE, Path(folder)) as server:
            paths = page_paths(server.base)
    print("CPU per render (ms, least over the rounds):", flush=True)
    cpu = cpu_per_render(env, paths, args.rounds, args.requests, args.profile)
    for name, ms in cpu.items():
        print(f"  {name:20} {ms:6.2f} ms", flush=True)
    results = {"cpu_ms": cpu, "paths": paths}
    if not args.no_load:
        print(
            f"under load ({args.connections} connections, {args.duration} s):",
            flush=True,
        )
        results["load"], results["worker_peak_mb"] = under_load(
            args.database_url, paths, args.duration, args.warmup, args.connections
        )
        for name, result in results["load"].items():
            print(f"  {name:20} {result['ratio_to_static']:.3f} of static")
    results["load_average"] = {"end": load_average()}
    print(f"load average at the end: {results['load_average']['end']}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
