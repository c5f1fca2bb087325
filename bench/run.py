"""The benchmark: how fast the portal answers, at two sizes of data, against the
ceiling (a static file through whitenoise) and the floor (a minimal Django
view) of this machine. `make bench` runs it; bench/README.md explains it and
holds the numbers of the last full run.

For each size (small: about 1,000 records; large: 100,000 events and 20,000
projects, bench/synth.py) it

1. makes a PostgreSQL cluster of its own on loopback, migrates a database and
   fills it with synthetic records;
2. serves it with gunicorn and gunicorn.conf.py, production settings (DEBUG
   off), twice: with the page cache (portal/ops/pagecache.py) on, then off;
3. drives each page with wrk (Debian's `wrk`) from a second process on
   loopback, 8 connections for --duration seconds, after a short warm-up, and
   records requests per second and the 50th/99th percentile latencies;
4. times the admin's events list alone (one connection) as an editor sees it;
   in the cached and uncached passes, runs the mixed readers (bench/mixed.py:
   thousands of addresses in readers' proportions) beside the static file;
5. reads every gunicorn worker's peak memory (VmHWM) before stopping it;
6. with --lighthouse (the default), runs Lighthouse (bench/lighthouse.py) on
   the large site with its cache on.

It prints a table per size and mode, checks the targets of bench/README.md,
and writes everything to bench/results/<time>.json. Every step has a time
limit; the whole run takes about 20 minutes on a 2-core machine.
"""

import argparse
import http.cookiejar
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# The cluster helpers below read the project's settings for its folder; this
# process serves nothing, so development settings do.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "1")

from bench import exits as exits_module  # noqa: E402
from bench import mixed  # noqa: E402
from bench.server import GUNICORN, Server, free_port  # noqa: E402
from tests.realstack.conftest import Cluster, pg_bindir  # noqa: E402

PYTHON = Path(sys.executable)
WRK_SCRIPT = REPO / "bench" / "report.lua"
RESULTS = REPO / "bench" / "results"
EDITOR = ("bench-editor", "bench-editor-password-7c1d9a")
SECRET = "bench-only-secret-key-5e2b8c4f9a1d7e3b6c0f2a8d4e1b9c7a"

# (name, what it is) in the order of the table. "public" pages count for the
# public-page targets; "list" ones for the uncached-list target.
PAGES = [
    ("static", "ceiling"),
    ("floor", "floor"),
    ("home", "public"),
    ("events-filtered", "list"),
    ("projects-faceted", "list"),
    ("event-detail", "public"),
    ("project-detail", "public"),
    ("search", "public"),
    ("api-list", "api"),
    ("admin-changelist", "admin"),
]

TARGETS = {
    "cached_ratio": 0.70,  # cached public pages, share of the static file's rps
    "uncached_list_ratio": 0.15,  # uncached filtered lists, share of static rps
    "public_p99_ms": 100,  # every public page, 8 clients, both modes
    "admin_ms": 300,  # the admin events changelist, one editor
    "admin_8_p99_ms": 500,  # the same, 8 editors at once
    "worker_peak_mb": 150,  # any gunicorn worker
}


class BenchError(Exception):
    pass


# Tools --------------------------------------------------------------------------


def require_tools():
    missing = []
    if shutil.which("wrk") is None:
        missing.append("wrk (apt-get install wrk)")
    if pg_bindir() is None:
        missing.append("the PostgreSQL server (apt-get install postgresql)")
    if not GUNICORN.is_file():
        missing.append(f"gunicorn in the virtual environment ({GUNICORN})")
    if missing:
        raise BenchError("The benchmark needs " + "; ".join(missing))


def tool_version(argv):
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=10)
    except OSError:
        return None
    return (result.stdout or result.stderr).strip().splitlines()[0]


# The database -------------------------------------------------------------------


class BenchCluster(Cluster):
    """The tests' throwaway cluster, with the memory a database server of this
    machine's size would be given."""

    def start(self):
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c shared_buffers=1GB -c effective_cache_size=4GB -c work_mem=16MB "
            "-c max_connections=50"
        )
        self.run(
            "pg_ctl",
            "start",
            "-w",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-o",
            options,
        )


def database_url(cluster, name):
    return cluster.url.rsplit("/", 1)[0] + f"/{name}"


# Each size is measured three times, with these caches on (seconds kept):
# "cached" as the site runs; "uncached" without the page cache, so every page
# is rendered, but with what many pages compute alike kept under the content
# token (facet counts, list sizes; portal/core/datacache.py); "cold" with neither,
# every page computed from scratch.
MODES = {
    "cached": {"PAGE_CACHE_SECONDS": "300", "DATA_CACHE_SECONDS": "300"},
    "uncached": {"PAGE_CACHE_SECONDS": "0", "DATA_CACHE_SECONDS": "300"},
    "cold": {"PAGE_CACHE_SECONDS": "0", "DATA_CACHE_SECONDS": "0"},
}


def server_env(url, port, mode):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{port}",
        # Plain HTTP on loopback: no redirect to HTTPS, cookies not Secure-only.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "BIND": f"127.0.0.1:{port}",
        # Every request comes from one address; the API's limit is not measured.
        "API_RATE_LIMIT": "1000000/min",
        # No recycling of workers during a run: their peak memory is the
        # honest one, and the page cache lives as long as the worker.
        "GUNICORN_MAX_REQUESTS": "0",
        **MODES[mode],
        "LOG_LEVEL": "WARNING",
        "DJANGO_SUPERUSER_USERNAME": EDITOR[0],
        "DJANGO_SUPERUSER_PASSWORD": EDITOR[1],
        "DJANGO_SUPERUSER_EMAIL": "",
    }


def manage(env, *argv, timeout=600):
    result = subprocess.run(
        [str(PYTHON), "manage.py", *argv],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise BenchError(f"manage.py {' '.join(argv)}:\n{result.stderr[-4000:]}")
    return result.stdout


def prepare_database(cluster, size, seed):
    """A migrated database of `size` synthetic records; returns its URL and
    the number of records of each kind."""
    name = f"bench_{size}"
    cluster.run(
        "createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", name
    )
    url = database_url(cluster, name)
    env = server_env(url, 0, "cached")
    started = time.monotonic()
    manage(env, "migrate", "--noinput")
    result = subprocess.run(
        [str(PYTHON), "bench/synth.py", "--size", size, "--seed", str(seed)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    if result.returncode != 0:
        raise BenchError(f"bench/synth.py --size {size}:\n{result.stderr[-4000:]}")
    manage(env, "createsuperuser", "--noinput")
    counts = json.loads(
        manage(
            env,
            "shell",
            "-c",
            "import json;"
            "from events.models import Event, Agreement;"
            "from projects.models import Project;"
            "from portal.core.models import"
            " Person, Organization, Place, Source, Citation;"
            "print(json.dumps({m.__name__: m.objects.count() for m in "
            "(Event, Agreement, Project, Person, Organization, Place, Source, "
            "Citation)}))",
        )
        .strip()
        .splitlines()[-1]
    )
    print(
        f"  {size}: {sum(counts.values()):,} records in "
        f"{time.monotonic() - started:.0f} s ({counts})",
        flush=True,
    )
    return url, counts


# The server ---------------------------------------------------------------------


def serve(url, mode, folder):
    """gunicorn (bench/server.py) on a free port, with the database at `url`
    and the caches of `mode`; a context manager that stops it."""
    port = free_port()
    return Server(
        folder,
        server_env(url, port, mode),
        name=f"gunicorn-{mode}",
        port=port,
        ready_timeout=60,
        stop_timeout=30,
    )


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def sign_in(base):
    """An editor's session cookie, got through the admin's sign-in form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = f"{base}/admin/login/"
    opener.open(login, timeout=30).read()
    csrf = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf,
            "username": EDITOR[0],
            "password": EDITOR[1],
            "next": "/admin/",
        }
    ).encode()
    request = urllib.request.Request(login, data, headers={"Referer": login})
    opener.open(request, timeout=30).read()
    session = [cookie for cookie in jar if cookie.name == "sessionid"]
    if not session:
        raise BenchError("could not sign in to the admin as the bench editor")
    return f"sessionid={session[0].value}"


def static_path():
    manifest = json.loads((REPO / "staticfiles" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def page_paths(base):
    """The address of each measured page, found from the data itself."""
    event = get_json(f"{base}/api/v1/events/?page_size=1")["results"][0]
    project = get_json(f"{base}/api/v1/projects/?page_size=1")["results"][0]
    # The first event's own type and year, so the filtered list is never empty.
    kind, year = event["kind"], event["date"][:4]
    return {
        "static": static_path(),
        "floor": "/bench/floor",
        "home": "/en/",
        "events-filtered": f"/en/events/?type={kind}&year={year}",
        "projects-faceted": "/en/projects/?status=operational",
        "event-detail": f"/en/events/{event['slug']}/",
        "project-detail": f"/en/projects/{project['slug']}/",
        "search": "/en/search/?q=wind+power",
        "api-list": "/api/v1/events/",
        "admin-changelist": "/admin/events/event/",
    }


# Load -----------------------------------------------------------------------------


def milliseconds(microseconds):
    return None if microseconds is None else round(microseconds / 1000, 2)


def shown(ms, width):
    return f"{'-':>{width}}" if ms is None else f"{ms:{width}.2f}"


def wrk(url, duration, connections, cookie=None):
    threads = min(2, connections)
    argv = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(WRK_SCRIPT),
        url,
    ]
    if cookie:
        argv[1:1] = ["-H", f"Cookie: {cookie}"]
    result = subprocess.run(
        argv, capture_output=True, text=True, timeout=duration + 60, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise BenchError(f"wrk {url} failed:\n{result.stdout}\n{result.stderr}")
    raw = json.loads(lines[-1])
    seconds = raw["duration_us"] / 1e6
    failed = sum(raw["errors"].values())
    if raw["requests"] == 0:
        # Not one answer within the run: no latency to speak of, and no target
        # can hold (the checks treat None as missed).
        raw["latency_us"] = dict.fromkeys(raw["latency_us"])
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 2),
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": milliseconds(raw["latency_us"]["p50"]),
        "p90_ms": milliseconds(raw["latency_us"]["p90"]),
        "p99_ms": milliseconds(raw["latency_us"]["p99"]),
        "max_ms": milliseconds(raw["latency_us"]["max"]),
        "bytes_per_request": round(raw["bytes"] / max(raw["requests"], 1)),
        "errors": failed,
        "error_kinds": raw["errors"],
    }


# What templates/includes/result_count.html shows when a filter is refused.
FILTER_REFUSED = b'<p class="errors">'


def check_answer(base, path, cookie):
    request = urllib.request.Request(base + path)
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
        if response.status != 200:
            raise BenchError(f"{path} answered {response.status}")
        # A filter the list refuses still answers 200, with nothing listed:
        # measuring that would measure an error page.
        if FILTER_REFUSED in body:
            raise BenchError(f"{path}: the list refused a filter in the address")
        return response.headers.get("X-Page-Cache"), len(body)


def measure(server, paths, cookie, duration, connections, warmup):
    results = {}
    for name, _kind in PAGES:
        path = paths[name]
        page_cookie = cookie if name == "admin-changelist" else None
        cache_state, size = check_answer(server.base, path, page_cookie)
        # Warm-up: connections, the workers' first requests and (cache on)
        # the page's entry in every worker's cache.
        wrk(server.base + path, warmup, connections, page_cookie)
        result = wrk(server.base + path, duration, connections, page_cookie)
        result.update(path=path, page_bytes=size, first_answer_cache=cache_state)
        results[name] = result
        print(
            f"    {name:18} {result['rps']:8.1f} rps  p50 {shown(result['p50_ms'], 7)}"
            f" ms  p99 {shown(result['p99_ms'], 7)} ms  errors {result['errors']}",
            flush=True,
        )
    # The editor's own view: the events changelist with nobody else asking,
    # after a warm-up of its own like every page's (without one, a worker
    # that has not yet answered it makes the maximum, and so the p99, of a
    # run this short).
    wrk(server.base + paths["admin-changelist"], warmup, 1, cookie)
    alone = wrk(server.base + paths["admin-changelist"], duration, 1, cookie)
    alone["path"] = paths["admin-changelist"]
    results["admin-changelist-alone"] = alone
    print(
        f"    {'admin, 1 editor':18} {alone['rps']:8.1f} rps  p50 "
        f"{shown(alone['p50_ms'], 7)} ms  p99 {shown(alone['p99_ms'], 7)} ms",
        flush=True,
    )
    static_rps = results["static"]["rps"]
    for result in results.values():
        result["ratio_to_static"] = round(result["rps"] / static_rps, 3)
    return results


# Targets ----------------------------------------------------------------------------


def check_targets(size_result):
    """[(target, measured, limit, holds)] for one size."""
    cached = size_result["cached"]["pages"]
    uncached = size_result["uncached"]["pages"]
    checks = []
    # The uncached-list and p99 targets are checked without the page cache
    # both with the data cache ("uncached") and without it ("cold").
    for name, kind in PAGES:
        if kind in ("public", "list"):
            ratio = cached[name]["ratio_to_static"]
            checks.append(
                (
                    f"cached {name} rps / static rps",
                    ratio,
                    TARGETS["cached_ratio"],
                    ratio >= TARGETS["cached_ratio"],
                )
            )
    for mode in ("uncached", "cold"):
        for name, kind in PAGES:
            if kind != "list":
                continue
            ratio = size_result[mode]["pages"][name]["ratio_to_static"]
            checks.append(
                (
                    f"{mode} {name} rps / static rps",
                    ratio,
                    TARGETS["uncached_list_ratio"],
                    ratio >= TARGETS["uncached_list_ratio"],
                )
            )
    for mode in MODES:
        pages = size_result[mode]["pages"]
        for name, kind in PAGES:
            if kind in ("public", "list"):
                p99 = pages[name]["p99_ms"]
                checks.append(
                    (
                        f"{mode} {name} p99 ms (8 clients)",
                        p99,
                        TARGETS["public_p99_ms"],
                        p99 is not None and p99 < TARGETS["public_p99_ms"],
                    )
                )
    checks += mixed.check_targets(size_result)
    if "search" in size_result["uncached"]:
        from bench import search as search_module

        checks += search_module.check_targets(size_result["uncached"]["search"])
    editors = uncached["admin-changelist"]["p99_ms"]
    checks.append(
        (
            "admin events changelist p99 ms (8 editors)",
            editors,
            TARGETS["admin_8_p99_ms"],
            editors is not None and editors < TARGETS["admin_8_p99_ms"],
        )
    )
    admin = uncached["admin-changelist-alone"]["p99_ms"]
    checks.append(
        (
            "admin events changelist p99 ms (1 editor)",
            admin,
            TARGETS["admin_ms"],
            admin is not None and admin < TARGETS["admin_ms"],
        )
    )
    peak = max(
        max(size_result[mode]["worker_peak_mb"].values(), default=0) for mode in MODES
    )
    checks.append(
        (
            "worker peak memory MiB",
            peak,
            TARGETS["worker_peak_mb"],
            peak < TARGETS["worker_peak_mb"],
        )
    )
    return [
        {"target": t, "measured": m, "limit": limit, "holds": ok}
        for t, m, limit, ok in checks
    ]


def print_table(size, mode, pages):
    print(f"\n{size}, {mode}")
    print(f"  {'page':24} {'rps':>9} {'p50 ms':>8} {'p99 ms':>8} {'x static':>9}")
    for name, result in pages.items():
        print(
            f"  {name:24} {result['rps']:9.1f} {shown(result['p50_ms'], 8)} "
            f"{shown(result['p99_ms'], 8)} {result['ratio_to_static']:9.3f}"
        )


# The run ------------------------------------------------------------------------------


def run(
    sizes,
    duration,
    connections,
    lighthouse,
    seed,
    keep,
    warmup=2,
    mixed_duration=mixed.DURATION,
    exits=True,
):
    require_tools()
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    load = os.getloadavg()[0]
    if load > 0.5:
        print(
            f"bench: the load average is {load:.1f}; other work on this machine "
            "will lower the numbers",
            flush=True,
        )
    report = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average_at_start": round(load, 2),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "postgresql": tool_version([str(pg_bindir() / "postgres"), "--version"]),
            "wrk": tool_version(["wrk", "--version"]),
            "commit": tool_version(["git", "-C", str(REPO), "rev-parse", "HEAD"]),
        },
        "settings": {
            "duration_s": duration,
            "warmup_s": warmup,
            "connections": connections,
            "web_concurrency": os.environ.get("WEB_CONCURRENCY", "gunicorn.conf.py"),
            "gunicorn_threads": os.environ.get("GUNICORN_THREADS", "1"),
            "seed": seed,
        },
        "targets": TARGETS,
        "sizes": {},
    }
    manage(
        {
            **server_env("sqlite:///:memory:", 0, "cached"),
            "DJANGO_SETTINGS_MODULE": "bench.settings",
        },
        "collectstatic",
        "--noinput",
        "--verbosity",
        "0",
    )
    cluster = BenchCluster(folder)
    try:
        cluster.init()
        for size in sizes:
            print(f"\n== {size} ==", flush=True)
            url, counts = prepare_database(cluster, size, seed)
            addresses = mixed.write_addresses(
                server_env(url, 0, "cached"), folder / f"mixed-{size}.tsv", seed=seed
            )
            size_result = {"records": counts}
            for mode in MODES:
                print(f"  {mode}:", flush=True)
                with serve(url, mode, folder) as server:
                    cookie = sign_in(server.base)
                    paths = page_paths(server.base)
                    pages = measure(
                        server, paths, cookie, duration, connections, warmup
                    )
                    size_result[mode] = {"pages": pages}
                    if mode in mixed.MODES:
                        # Readers over thousands of addresses (bench/mixed.py),
                        # beside the static file measured again just before.
                        size_result[mode]["mixed"] = mixed.measure(
                            server.base,
                            addresses,
                            mixed_duration,
                            connections,
                            wrk(server.base + paths["static"], duration, connections),
                        )
                    if mode == "uncached":
                        # Searches over many queries in each language
                        # (bench/search.py): the page above is a single one.
                        from bench import search as search_module

                        size_result[mode]["search"] = search_module.measure(
                            server.base, folder, duration, connections, warmup
                        )
                    size_result[mode]["worker_peak_mb"] = {
                        str(pid): mb for pid, mb in server.worker_peak_mb().items()
                    }
                    if lighthouse and mode == "cached" and size == sizes[-1]:
                        from bench import lighthouse as lighthouse_module

                        size_result["lighthouse"] = lighthouse_module.run(
                            server.base, RESULTS / "lighthouse"
                        )
            size_result["checks"] = check_targets(size_result)
            if exits:  # the data exits, once each (bench/exits.py)
                size_result["exits"] = exits_module.run(url, folder, server_env)
                size_result["checks"] += size_result["exits"]["checks"]
            report["sizes"][size] = size_result
            for mode in MODES:
                print_table(size, mode, size_result[mode]["pages"])
            for language, result in size_result["uncached"].get("search", {}).items():
                print(
                    f"  search, many queries, {language}: "
                    f"{result['rps']:.1f} rps, p50 {shown(result['p50_ms'], 0)} ms, "
                    f"p99 {shown(result['p99_ms'], 0)} ms, {result['errors']} errors"
                )
            print(f"\n  targets at {size}:")
            for check in size_result["checks"]:
                verdict = "holds" if check["holds"] else "MISSED"
                print(
                    f"    {verdict:7} {check['target']}: {check['measured']} "
                    f"(limit {check['limit']})"
                )
    finally:
        cluster.stop("fast")
        if keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    report["elapsed_s"] = round(time.monotonic() - started)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{report['started'].replace(':', '')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwrote {out.relative_to(REPO)} after {report['elapsed_s']} s")
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="small,large", help="comma-separated: small, large"
    )
    parser.add_argument(
        "--duration", type=int, default=10, help="seconds of load per page"
    )
    parser.add_argument(
        "--warmup", type=int, default=2, help="seconds of load before each page"
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--mixed-duration",
        type=int,
        default=mixed.DURATION,
        help="seconds of the mixed readers' run (bench/mixed.py)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-lighthouse", action="store_true", help="skip the Lighthouse audits"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the cluster's folder and logs"
    )
    parser.add_argument("--no-exits", action="store_true", help="skip bench/exits.py")
    args = parser.parse_args(argv)
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    if not sizes or set(sizes) - {"small", "large"}:
        parser.error("--sizes takes small, large or both")
    try:
        report = run(
            sizes,
            args.duration,
            args.connections,
            not args.no_lighthouse,
            args.seed,
            args.keep,
            args.warmup,
            args.mixed_duration,
            not args.no_exits,
        )
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    missed = [
        check
        for size in report["sizes"].values()
        for check in size["checks"]
        if not check["holds"]
    ]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
