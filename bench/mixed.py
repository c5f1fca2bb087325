"""Mixed readers: 8 clients spread over thousands of distinct addresses, in the
proportions readers produce, beside the static file in the same run.

bench/run.py's page-by-page runs ask for one address over and over, so with the
page cache on every answer after the first is a hit, and without it every
answer renders the same page. Readers spread over every event and project page,
every filter combination and page number, every search, in three languages;
this run does that, from an address list drawn from the database once per size:

    # the list (Django set up from the environment, like manage.py):
    DATABASE_URL=postgres://… .venv/bin/python bench/mixed.py addresses --out A.tsv
    # the run, against a server already up:
    .venv/bin/python bench/mixed.py measure --base http://127.0.0.1:8000 \\
        --addresses A.tsv --duration 30

bench/run.py does both in its "cached" and "uncached" passes (MODES) and checks
TARGETS. The load comes from wrk and bench/mixed.lua, not from Python: on two
cores shared with the server, a client that costs a millisecond of Python per
request would take a large share of the CPU it measures (the cached pages
answer about as fast as the static file, thousands a second) and its GIL
would add its own waits to the latencies. wrk costs microseconds per request;
one thread per connection lets the script time each request and file it under
its kind of address. bench/README.md says what is measured.
"""

import argparse
import itertools
import json
import math
import os
import random
import re
import subprocess
import sys
from collections import Counter, namedtuple
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "bench" / "mixed.lua"
WORDS = ROOT / "bench" / "synth_words.json"

# The passes of bench/run.py that run the mixed readers.
MODES = ("cached", "uncached")
DURATION = 30  # seconds
TIMEOUT = 10  # seconds: a slower answer counts as an error (a time-out)
COUNT = 8_000  # addresses in the list, about 6,500 of them distinct

# Share of the requests per kind of address. Readers come mostly for records
# (found through search engines and links) and lists; harvesters use the API.
SHARES = {
    "event": 0.26,  # /<lang>/events/<slug>/
    "project": 0.12,  # /<lang>/projects/<slug>/
    "events-list": 0.14,  # /<lang>/events/?type=…&year=…&page=…
    "projects-list": 0.08,  # /<lang>/projects/?sector=…&status=…&page=…
    "search": 0.10,  # /<lang>/search/?q=one or two words
    "home": 0.06,  # /<lang>/
    "year": 0.06,  # /<lang>/events/<year>/?page=…
    "api-list": 0.09,  # /api/v1/events/?…&page=…&lang=…
    "api-detail": 0.09,  # /api/v1/projects/<slug>/?lang=…
}
# Share of each language, within every kind of address (the API's English
# addresses carry no ?lang=, as most harvesters send none).
LANGUAGES = {"en": 0.5, "az": 0.3, "zh-hans": 0.2}
# Of the list addresses: how many filters are in force (none, one, two).
FILTERS = {0: 0.1, 1: 0.6, 2: 0.3}
# Of the list addresses: page 1, 2 and 3, the rest spread over the other pages.
PAGES = {1: 0.55, 2: 0.15, 3: 0.08}
LIST_PAGE_SIZE = 20  # FilteredListView.paginate_by, the API's page size
YEAR_PAGE_SIZE = 100  # EventYearView.paginate_by
TARGETS = {"ratio": 0.10, "p99_ms": 250, "errors": 0}

Address = namedtuple("Address", "kind language path")


def allocate(total, shares):
    """`total` split by `shares` into whole numbers that add up to it (the
    largest remainders get the units rounding left over)."""
    exact = {key: total * share / sum(shares.values()) for key, share in shares.items()}
    counts = {key: math.floor(value) for key, value in exact.items()}
    left = total - sum(counts.values())
    for key in sorted(exact, key=lambda k: counts[k] - exact[k])[:left]:
        counts[key] += 1
    return counts


def weighted(rng, shares):
    keys = list(shares)
    return rng.choices(keys, weights=[shares[key] for key in keys])[0]


# What the addresses are drawn from -----------------------------------------------


class Pool:
    """The published records, filter values and words the addresses are drawn
    from, read from the database once. Only published records: a reader never
    gets the address of a draft."""

    def __init__(self, rng, combos=400):
        from django.db.models import Count

        from events.models import Event, EventKind
        from portal.core.models import Place, PlaceKind
        from projects.models import Direction, Project, ProjectStatus, Sector

        events = Event.objects.published()
        projects = Project.objects.published()
        self.events = list(events.order_by("pk").values_list("slug", flat=True))
        self.projects = list(projects.order_by("pk").values_list("slug", flat=True))
        if not self.events or not self.projects:
            raise ValueError("the database has no published events or projects")
        self.years = dict(
            events.order_by()
            .values_list("date__year")
            .annotate(n=Count("pk"))
            .values_list("date__year", "n")
        )
        self.event_filters = {
            "type": EventKind.values,
            "year": [str(year) for year in self.years],
            "place": sorted(
                set(events.exclude(place=None).values_list("place__slug", flat=True))
            ),
            "organization": sorted(
                set(
                    Event.organizations.through.objects.filter(
                        event__in=events, organization__in=published_organizations()
                    ).values_list("organization__slug", flat=True)
                )
            ),
        }
        self.project_filters = {
            "sector": list(
                Sector.objects.order_by("pk").values_list("slug", flat=True)
            ),
            "status": ProjectStatus.values,
            "direction": Direction.values,
            "place": sorted(
                set(
                    projects.exclude(places=None).values_list("places__slug", flat=True)
                )
            ),
            "partner_country": list(
                Place.objects.filter(kind=PlaceKind.COUNTRY)
                .order_by("pk")
                .values_list("slug", flat=True)
            ),
        }
        from events.filters import EventFilter
        from projects.filters import ProjectFilter

        self.event_combos = filter_combos(
            rng, EventFilter, events, self.event_filters, combos
        )
        self.project_combos = filter_combos(
            rng, ProjectFilter, projects, self.project_filters, max(combos * 2 // 3, 1)
        )
        self.words = vocabulary(rng, events)


def published_organizations():
    from portal.core.models import Organization

    return Organization.objects.published()


def filter_combos(rng, filterset_class, queryset, values, wanted):
    """Filter combinations that the list accepts and that list something,
    each with its number of records, by how many filters are in force (0, 1
    or 2): the unfiltered list, and up to `wanted` distinct combinations of
    one or two filters, what a reader clicking through the filters produces."""
    names = [name for name in values if values[name]]
    found = {0: {(): queryset.count()}}
    for how_many in (1, 2):
        combos, tries = {}, 0
        goal = max(1, round(wanted * FILTERS[how_many] / (1 - FILTERS[0])))
        while len(combos) < goal and tries < goal * 5 and len(names) >= how_many:
            tries += 1
            chosen = sorted(rng.sample(names, how_many))
            data = {name: rng.choice(values[name]) for name in chosen}
            key = tuple(data.items())
            if key in combos:
                continue
            filterset = filterset_class(data, queryset=queryset)
            if filterset.is_valid() and (count := filterset.qs.count()):
                combos[key] = count
        found[how_many] = combos
    return {n: list(combos.items()) for n, combos in found.items() if combos}


# Words for the searches: single words and two-word phrases in each language, from
# the synthetic data's word lists (topics, products, industries, cities) and from
# the records' own titles.
SKIP = {
    "with",
    "from",
    "between",
    "into",
    "their",
    "about",
    "üzrə",
    "ilə",
    "arasında",
    "haqqında",
    "dair",
    "olunan",
}
LATIN_WORD = re.compile(r"[^\W\d_]{4,}")
HAN = re.compile("[\u4e00-\u9fff]")


def word(token):
    """A word a reader would search for: Chinese, or four letters or more and
    not a filler word."""
    return bool(HAN.search(token)) or (
        LATIN_WORD.fullmatch(token) is not None and token.lower() not in SKIP
    )


def vocabulary(rng, events):
    data = json.loads(WORDS.read_text())
    entries = [*data["topics"], *data["products"], *data["industries"]]
    cities = [
        part["names"]
        for country in data["countries"]
        for part in country.get("parts", ())
        if part["kind"] == "city"
    ]
    columns = {"en": "title_en", "az": "title_az", "zh-hans": "title_zh_hans"}
    pks = list(events.order_by("pk").values_list("pk", flat=True))
    sample = rng.sample(pks, min(300, len(pks)))
    titles = events.filter(pk__in=sample).order_by("pk")
    words = {}
    for index, (language, column) in enumerate(columns.items()):
        names = [entry[index] for entry in entries] + [city[index] for city in cities]
        ones = {token for name in names for token in name.split() if word(token)}
        twos = {name for name in names if len(name.split()) == 2}
        if language != "zh-hans":
            # Chinese titles have no spaces to find words by; the word lists'
            # Chinese names are the words the titles are made of.
            for title in titles.values_list(column, flat=True):
                found = [
                    token for token in LATIN_WORD.findall(title or "") if word(token)
                ]
                ones.update(found)
                twos.update(" ".join(pair) for pair in itertools.pairwise(found))
        ones = sorted(ones)
        twos |= {f"{rng.choice(ones)} {rng.choice(ones)}" for _ in range(100)}
        words[language] = (
            ones,
            sorted(two for two in twos if len(set(two.split())) == 2),
        )
    return words


# The addresses ------------------------------------------------------------------------


def list_page(rng, count, page_size):
    pages = max(1, math.ceil(count / page_size))
    page = weighted(rng, {**PAGES, 0: 1 - sum(PAGES.values())})
    if page == 0:
        page = rng.randint(4, pages) if pages >= 4 else 1
    return min(page, pages)


def query(params):
    return f"?{urlencode(params)}" if params else ""


def listing(rng, combos, page_size=LIST_PAGE_SIZE):
    """A list's query: how many filters by FILTERS, which ones, and a page."""
    how_many = weighted(rng, {n: FILTERS[n] for n in combos})
    filters, count = rng.choice(combos[how_many])
    params = dict(filters)
    page = list_page(rng, count, page_size)
    if page > 1:
        params["page"] = page
    return params


def api_language(language):
    return {} if language == "en" else {"lang": language}


def draw(pool, rng, kind, language):
    """One address of `kind` in `language`."""
    if kind == "event":
        return f"/{language}/events/{rng.choice(pool.events)}/"
    if kind == "project":
        return f"/{language}/projects/{rng.choice(pool.projects)}/"
    if kind == "events-list":
        return f"/{language}/events/{query(listing(rng, pool.event_combos))}"
    if kind == "projects-list":
        return f"/{language}/projects/{query(listing(rng, pool.project_combos))}"
    if kind == "search":
        ones, twos = pool.words[language]
        words = rng.choice(ones) if rng.random() < 0.6 or not twos else rng.choice(twos)
        return f"/{language}/search/{query({'q': words})}"
    if kind == "home":
        return f"/{language}/"
    if kind == "year":
        year = rng.choice(list(pool.years))
        page = list_page(rng, pool.years[year], YEAR_PAGE_SIZE)
        return f"/{language}/events/{year}/{query({'page': page} if page > 1 else {})}"
    if kind == "api-list":
        events = rng.random() < 0.6
        combos = pool.event_combos if events else pool.project_combos
        params = listing(rng, combos)
        path = "events" if events else "projects"
        return f"/api/v1/{path}/{query({**params, **api_language(language)})}"
    if kind == "api-detail":
        if rng.random() < 0.6:
            path = f"/api/v1/events/{rng.choice(pool.events)}/"
        else:
            path = f"/api/v1/projects/{rng.choice(pool.projects)}/"
        return path + query(api_language(language))
    raise ValueError(f"unknown kind of address: {kind}")


def addresses(count=COUNT, seed=1, pool=None):
    """`count` addresses in the proportions of SHARES and LANGUAGES (exactly, to
    the unit), shuffled: the same list for the same database and seed."""
    rng = random.Random(seed)
    pool = pool or Pool(rng)
    made = []
    for kind, n in allocate(count, SHARES).items():
        for language, m in allocate(n, LANGUAGES).items():
            made += [
                Address(kind, language, draw(pool, rng, kind, language))
                for _ in range(m)
            ]
    rng.shuffle(made)
    return made


def write(path, made):
    path = Path(path)
    path.write_text(
        "".join(f"{a.kind}\t{a.language}\t{a.path}\n" for a in made), encoding="utf-8"
    )
    return path


def read(path):
    return [
        Address(*line.split("\t"))
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line
    ]


# The run ------------------------------------------------------------------------------


def percentile(samples, share):
    """The nearest-rank percentile of `samples` (share 0.5, 0.99…); None
    without samples."""
    if not samples:
        return None
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summarise(answers, sent, seconds, static_rps=None, timeout=TIMEOUT):
    """Requests per second, p50, p99 and errors, over all kinds and per kind,
    from what bench/mixed.lua reported: one "kind status µs hit" per answer
    and the requests sent per kind. An error is a status outside 2xx/3xx or
    an answer slower than `timeout` seconds (a time-out; its latency is kept in
    the percentiles, as it is what the reader waited)."""
    parsed = []
    for answer in answers:
        kind, status, microseconds, hit = answer.split()
        parsed.append((kind, int(status), int(microseconds), hit == "1"))

    def stats(rows, asked):
        samples = [us for _kind, _status, us, _hit in rows]
        timeouts = sum(us >= timeout * 1_000_000 for _k, _s, us, _h in rows)
        failed = sum(
            not 200 <= status < 400 and us < timeout * 1_000_000
            for _kind, status, us, _hit in rows
        )
        result = {
            "requests": len(rows),
            "rps": round(len(rows) / seconds, 1) if seconds else 0.0,
            "p50_ms": ms(percentile(samples, 0.50)),
            "p99_ms": ms(percentile(samples, 0.99)),
            "max_ms": ms(max(samples, default=None)),
            "errors": failed + timeouts,
            "timeouts": timeouts,
            # Includes the requests in flight when the run stopped.
            "unanswered": asked - len(rows),
            "cache_hits": sum(hit for *_rest, hit in rows),
        }
        if static_rps:
            result["ratio_to_static"] = round(result["rps"] / static_rps, 3)
        return result

    kinds = sorted(set(sent) | {row[0] for row in parsed})
    overall = stats(parsed, sum(sent.values()))
    return overall, {
        kind: stats([row for row in parsed if row[0] == kind], sent.get(kind, 0))
        for kind in kinds
    }


def ms(microseconds):
    return None if microseconds is None else round(microseconds / 1000, 2)


def run_wrk(base, addresses_path, duration, connections, timeout=TIMEOUT):
    """wrk with bench/mixed.lua: one thread per connection, each walking the
    address list from its own starting point."""
    argv = [
        "wrk",
        f"-t{connections}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        f"{timeout}s",
        "-s",
        str(LUA),
        base,
        "--",
        str(addresses_path),
        str(connections),
    ]
    result = subprocess.run(
        argv, capture_output=True, text=True, timeout=duration + 120, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"wrk (mixed) failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(lines[-1])


def measure(base, addresses_path, duration, connections, static):
    """The mixed run against `base`; `static` is the static file's wrk result
    measured just before it, in the same pass."""
    made = read(addresses_path)
    raw = run_wrk(base, addresses_path, duration, connections)
    seconds = raw["duration_us"] / 1e6
    overall, kinds = summarise(raw["answers"], raw["sent"], seconds, static["rps"])
    # Which addresses were asked for: each thread walked on from its start.
    asked = set()
    for thread in raw["threads"]:
        start = thread["start"]
        for step in range(thread["sent"]):
            asked.add(made[(start + step) % len(made)].path)
    overall |= {
        # wrk's own count of failed connections, reads and writes (a worker
        # killed mid-answer); statuses and time-outs are counted above.
        "socket_errors": {
            k: v for k, v in raw["errors"].items() if k in ("connect", "read", "write")
        },
        "addresses": len(made),
        "distinct_addresses": len({a.path for a in made}),
        "distinct_asked": len(asked),
        "seconds": round(seconds, 2),
    }
    # A reset connection or a refused one is an error too (a killed worker).
    overall["errors"] += sum(overall["socket_errors"].values())
    result = {
        "static": static,
        "overall": overall,
        "kinds": kinds,
        "shares": SHARES,
        "languages": LANGUAGES,
    }
    print_result(result)
    return result


def print_result(result):
    overall = result["overall"]
    print(
        f"    {'mixed readers':18} {overall['rps']:8.1f} rps  p50 "
        f"{shown(overall['p50_ms'])} ms  p99 {shown(overall['p99_ms'])} ms  "
        f"errors {overall['errors']}  x static {overall['ratio_to_static']:.3f} "
        f"(static {result['static']['rps']:.0f} rps; "
        f"{overall['distinct_asked']:,} distinct addresses asked)",
        flush=True,
    )
    for kind, stats in result["kinds"].items():
        print(
            f"      {kind:16} {stats['rps']:8.1f} rps  p50 {shown(stats['p50_ms'])}"
            f" ms  p99 {shown(stats['p99_ms'])} ms  errors {stats['errors']}"
            f"  hits {stats['cache_hits']}",
            flush=True,
        )


def shown(value, width=7):
    return f"{'-':>{width}}" if value is None else f"{value:{width}.1f}"


def check_targets(size_result):
    """[(target, measured, limit, holds)] for the mixed runs of one size."""
    checks = []
    for mode in MODES:
        mixed = size_result.get(mode, {}).get("mixed")
        if mixed is None:
            continue
        overall = mixed["overall"]
        ratio, p99, errors = (
            overall["ratio_to_static"],
            overall["p99_ms"],
            overall["errors"],
        )
        checks += [
            (
                f"{mode} mixed readers rps / static rps",
                ratio,
                TARGETS["ratio"],
                ratio >= TARGETS["ratio"],
            ),
            (
                f"{mode} mixed readers p99 ms (8 clients)",
                p99,
                TARGETS["p99_ms"],
                p99 is not None and p99 < TARGETS["p99_ms"],
            ),
            (
                f"{mode} mixed readers errors",
                errors,
                TARGETS["errors"],
                errors <= TARGETS["errors"],
            ),
        ]
    return checks


def write_addresses(env, out, count=COUNT, seed=1):
    """The address list of the database `env` names, written by a child
    process (this one has no database settings)."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "mixed.py"),
            "addresses",
            "--out",
            str(out),
            "--count",
            str(count),
            "--seed",
            str(seed),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench/mixed.py addresses:\n{result.stderr[-4000:]}")
    print(f"  {result.stdout.strip()}", flush=True)
    return Path(out)


def _setup_django():
    from django.apps import apps

    if apps.ready:
        return
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    if not os.environ.get("SECRET_KEY"):
        os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("addresses", help="write the address list")
    made.add_argument("--out", required=True)
    made.add_argument("--count", type=int, default=COUNT)
    made.add_argument("--seed", type=int, default=1)
    run = commands.add_parser("measure", help="run the mixed readers")
    run.add_argument("--base", required=True, help="http://127.0.0.1:8000")
    run.add_argument("--addresses", required=True)
    run.add_argument("--duration", type=int, default=DURATION)
    run.add_argument("--connections", type=int, default=8)
    run.add_argument("--static", help="the static file's path (default: site.css)")
    run.add_argument("--json", help="write the result here")
    args = parser.parse_args(argv)
    if args.command == "addresses":
        _setup_django()
        made = addresses(args.count, args.seed)
        write(args.out, made)
        counts = Counter(a.kind for a in made)
        print(
            f"{len(made):,} addresses, {len({a.path for a in made}):,} distinct: "
            + ", ".join(f"{kind} {n}" for kind, n in counts.items())
        )
        return 0
    sys.path.insert(0, str(ROOT))
    from bench import run as bench

    static_path = args.static or bench.static_path()
    static = bench.wrk(args.base + static_path, 10, args.connections)
    result = measure(args.base, args.addresses, args.duration, args.connections, static)
    result["load_average"] = [round(load, 2) for load in os.getloadavg()]
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
