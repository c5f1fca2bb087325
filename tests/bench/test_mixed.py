"""bench/mixed.py: the mixed readers' address list has the kinds and languages
in the proportions it says, every address is one a reader could follow (it
answers, its filters are accepted, its page exists), and the run's numbers are
summed the way bench/README.md explains. Drawn from bench/synth.py's small
data set; no timing is measured here."""

import random
import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import transaction
from django.utils import timezone

from bench import mixed, run, synth
from events.models import Event
from projects.models import Project

pytestmark = pytest.mark.django_db

COUNT = 1_200
HAN = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker):
    """The small data set and an address list drawn from it, once for the
    module (rolled back after it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        synth.generate("small", seed=8, now=timezone.now())
        yield mixed.addresses(COUNT, seed=3)
        transaction.set_rollback(True)


def language_of(address):
    """The language an address asks for, read from the address alone."""
    parts = urlsplit(address.path)
    if parts.path.startswith("/api/"):
        return parse_qs(parts.query).get("lang", ["en"])[0]
    return parts.path.split("/")[1]


def test_kinds_come_in_the_intended_proportions(made):
    counts = Counter(address.kind for address in made)
    assert len(made) == COUNT
    assert set(counts) == set(mixed.SHARES)
    for kind, share in mixed.SHARES.items():
        # To the unit: 26% of 1,200 is 312 event pages.
        assert abs(counts[kind] - share * COUNT) < 1, kind
    assert sum(mixed.SHARES.values()) == pytest.approx(1)


def test_every_kind_is_asked_in_the_three_languages_in_proportion(made):
    for kind in mixed.SHARES:
        of_kind = [address for address in made if address.kind == kind]
        languages = Counter(language_of(address) for address in of_kind)
        assert set(languages) == {"en", "az", "zh-hans"}, kind
        for language, language_share in mixed.LANGUAGES.items():
            assert abs(languages[language] - language_share * len(of_kind)) < 1
        # The label the run files it under is the language of the address.
        assert all(language_of(a) == a.language for a in of_kind)


def test_each_kind_has_the_shape_of_its_pages(made):
    patterns = {
        "event": r"^/(en|az|zh-hans)/events/[\w-]+/$",
        "project": r"^/(en|az|zh-hans)/projects/[\w-]+/$",
        "events-list": r"^/(en|az|zh-hans)/events/(\?.+)?$",
        "projects-list": r"^/(en|az|zh-hans)/projects/(\?.+)?$",
        "search": r"^/(en|az|zh-hans)/search/\?q=.+$",
        "home": r"^/(en|az|zh-hans)/$",
        "year": r"^/(en|az|zh-hans)/events/\d{4}/(\?page=\d+)?$",
        "api-list": r"^/api/v1/(events|projects)/(\?.+)?$",
        "api-detail": r"^/api/v1/(events|projects)/[\w-]+/(\?lang=[\w-]+)?$",
    }
    for address in made:
        assert re.match(patterns[address.kind], address.path), address


def test_addresses_spread_over_the_records_filters_and_pages(made):
    distinct = {address.path for address in made}
    # Home pages and years repeat by nature; records and lists hardly do.
    assert len(distinct) > 0.75 * COUNT
    events = {a.path.split("/")[3] for a in made if a.kind == "event"}
    assert len(events) > 100
    lists = [parse_qs(urlsplit(a.path).query) for a in made if a.kind == "events-list"]
    assert {"type", "year", "place", "organization"} <= {k for q in lists for k in q}
    assert any("page" in query for query in lists)
    # How many filters a list address has: none, one or two, as FILTERS says.
    filters = Counter(
        len(set(parse_qs(urlsplit(a.path).query)) - {"page"})
        for a in made
        if a.kind in ("events-list", "projects-list")
    )
    total = sum(filters.values())
    for how_many, share in mixed.FILTERS.items():
        assert filters[how_many] / total == pytest.approx(share, abs=0.07)
    projects = [
        parse_qs(urlsplit(a.path).query) for a in made if a.kind == "projects-list"
    ]
    assert {"sector", "status"} <= {k for q in projects for k in q}


def test_searches_are_one_or_two_words_in_each_language(made):
    searches = [a for a in made if a.kind == "search"]
    for language in ("en", "az", "zh-hans"):
        terms = [
            parse_qs(urlsplit(a.path).query)["q"][0]
            for a in searches
            if a.language == language
        ]
        lengths = Counter(len(term.split()) for term in terms)
        assert set(lengths) == {1, 2}, language
        assert len(set(terms)) > len(terms) / 3
    chinese = [a for a in searches if a.language == "zh-hans"]
    assert all(HAN.search(parse_qs(urlsplit(a.path).query)["q"][0]) for a in chinese)


def test_records_in_the_list_are_published(made):
    """Checked against the data rather than the pages: a draft's address would
    answer 404 and be counted as an error."""
    pool = mixed.Pool(random.Random(1), combos=10)
    assert set(pool.events) == set(
        Event.objects.published().values_list("slug", flat=True)
    )
    assert set(pool.projects) == set(
        Project.objects.published().values_list("slug", flat=True)
    )
    assert Event.objects.exclude(slug__in=pool.events).exists()


def test_every_kind_of_address_answers_with_its_filters_and_page(made, client):
    """A sample of each kind and language, through the site: 200, no refused
    filter, and a list shows the page the address asks for."""
    rng = random.Random(5)
    by_kind = {}
    for address in made:
        by_kind.setdefault((address.kind, address.language), []).append(address)
    for (kind, _language), group in sorted(by_kind.items()):
        paged = [a for a in group if "page=" in a.path]
        sample = rng.sample(group, min(2, len(group))) + paged[:1]
        for address in sample:
            response = client.get(address.path)
            assert response.status_code == 200, address
            assert run.FILTER_REFUSED not in response.content, address
            if "page=" in address.path and not kind.startswith("api"):
                requested = int(parse_qs(urlsplit(address.path).query)["page"][0])
                assert response.context["page_obj"].number == requested, address


def test_the_same_seed_gives_the_same_list(made):
    assert mixed.addresses(COUNT, seed=3) == made
    assert mixed.addresses(COUNT, seed=4) != made


def test_the_list_is_written_and_read_back(made, tmp_path):
    path = mixed.write(tmp_path / "addresses.tsv", made)
    assert mixed.read(path) == made


def test_allocate_splits_exactly():
    assert mixed.allocate(10, {"a": 0.5, "b": 0.3, "c": 0.2}) == {
        "a": 5,
        "b": 3,
        "c": 2,
    }
    split = mixed.allocate(7, {"a": 1, "b": 1, "c": 1})
    assert sum(split.values()) == 7 and sorted(split.values()) == [2, 2, 3]


def test_the_run_is_summed_overall_and_per_kind():
    """What bench/mixed.lua reports (one "kind status µs hit" per answer, the
    requests sent per kind) is turned into rps, p50, p99 and errors: a status
    outside 2xx/3xx and a time-out are errors, a page-cache hit is counted."""
    answers = [f"event 200 {1000 * n} {int(n <= 40)}" for n in range(1, 100)]
    answers += ["event 500 100000 0"]
    answers += ["search 200 500000 0"] * 8
    answers += ["search 302 500000 0", "search 200 11000000 0"]
    overall, per_kind = mixed.summarise(
        answers, {"event": 101, "search": 10}, seconds=10, static_rps=1100
    )
    event, search = per_kind["event"], per_kind["search"]
    assert event["requests"] == 100
    assert event["rps"] == 10.0
    assert event["p50_ms"] == 50.0
    assert event["p99_ms"] == 99.0
    assert event["errors"] == 1
    assert event["unanswered"] == 1
    assert event["cache_hits"] == 40
    assert search["errors"] == 1
    assert search["timeouts"] == 1
    assert search["p99_ms"] == 11_000.0
    assert overall["requests"] == 110
    assert overall["rps"] == 11.0
    assert overall["ratio_to_static"] == 0.01
    assert overall["errors"] == 2
    # Nearest rank: the 109th of 110 answers.
    assert overall["p99_ms"] == 500.0
    assert overall["max_ms"] == 11_000.0


def test_the_targets_are_checked_in_both_passes():
    def result(rps, p99, errors):
        overall = {"ratio_to_static": rps / 1000, "p99_ms": p99, "errors": errors}
        return {"mixed": {"overall": overall}}

    checks = mixed.check_targets(
        {"cached": result(200, 90, 0), "uncached": result(50, 400, 3)}
    )
    verdicts = {target: holds for target, _m, _l, holds in checks}
    assert verdicts == {
        "cached mixed readers rps / static rps": True,
        "cached mixed readers p99 ms (8 clients)": True,
        "cached mixed readers errors": True,
        "uncached mixed readers rps / static rps": False,
        "uncached mixed readers p99 ms (8 clients)": False,
        "uncached mixed readers errors": False,
    }


def test_the_benchmark_checks_the_mixed_readers_and_eight_editors():
    """bench/run.py's targets include the mixed readers' (both passes) and
    the admin changelist's with 8 editors at once."""

    def page(p99):
        return {"rps": 100.0, "ratio_to_static": 0.5, "p99_ms": p99}

    def mode(mixed_result=None):
        pages = {name: page(50) for name, _kind in run.PAGES}
        pages["admin-changelist"] = page(900)
        pages["admin-changelist-alone"] = page(200)
        result = {"pages": pages, "worker_peak_mb": {"1": 100}}
        if mixed_result:
            result["mixed"] = {"overall": mixed_result}
        return result

    size = {
        "cached": mode({"ratio_to_static": 0.2, "p99_ms": 100, "errors": 0}),
        "uncached": mode({"ratio_to_static": 0.01, "p99_ms": 2000, "errors": 4}),
        "cold": mode(),
    }
    verdicts = {check["target"]: check["holds"] for check in run.check_targets(size)}
    assert verdicts["cached mixed readers rps / static rps"]
    assert not verdicts["uncached mixed readers p99 ms (8 clients)"]
    assert not verdicts["uncached mixed readers errors"]
    assert not verdicts["admin events changelist p99 ms (8 editors)"]
    assert verdicts["admin events changelist p99 ms (1 editor)"]
