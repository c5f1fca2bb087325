"""bench/search.py as bench/run.py calls it: each language's searches are
one- or two-word queries in that language, each language is driven on its
own, and the target (p99 under 100 ms at 8 clients, no errors) is checked per
language. No timing is measured here: wrk's answers are stood in for."""

import re
from urllib.parse import parse_qs, urlsplit

from bench import search

HAN = re.compile("[\u4e00-\u9fff]")


def test_each_language_searches_its_own_words(tmp_path, monkeypatch):
    driven = []

    def drive(base, path_file, duration, connections):
        driven.append((path_file.read_text().split(), duration))
        return {"rps": 1.0, "p50_ms": 5.0, "p99_ms": 9.0, "requests": 10, "errors": 0}

    monkeypatch.setattr(search, "drive", drive)
    results = search.measure("http://x", tmp_path, duration=7, connections=8)
    assert list(results) == ["en", "az", "zh-hans"]
    # A warm-up, then the measured run, per language.
    assert [duration for _, duration in driven] == [3, 7] * 3
    for (paths, _), language in zip(driven[1::2], results, strict=True):
        assert len(paths) == 60
        assert all(p.startswith(f"/{language}/search/?q=") for p in paths)
        words = [parse_qs(urlsplit(p).query)["q"][0] for p in paths]
        assert all(1 <= len(w.split()) <= 2 for w in words)
        if language == "zh-hans":
            assert all(HAN.search(w) for w in words)


def test_the_target_is_checked_per_language():
    fast = {"rps": 90.0, "p50_ms": 20.0, "p99_ms": 99.0, "requests": 900, "errors": 0}
    slow = {**fast, "p99_ms": 100.0}
    failing = {**fast, "errors": 2}
    checks = search.check_targets({"en": fast, "az": slow, "zh-hans": failing})
    verdicts = {name: holds for name, _, _, holds in checks}
    assert verdicts == {
        "search p99 ms (8 clients, en)": True,
        "search errors (en)": True,
        "search p99 ms (8 clients, az)": False,
        "search errors (az)": True,
        "search p99 ms (8 clients, zh-hans)": True,
        "search errors (zh-hans)": False,
    }
