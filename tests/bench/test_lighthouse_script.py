"""bench/lighthouse.py without a browser: the score reading and target checks on
a saved report, and a whole run with a stand-in for the lighthouse program.

fixtures/lighthouse-mobile-home.json is a real Lighthouse 12 report of the home
page (mobile), cut down to the keys the script reads and a few audits per
category. The real audits run in the bench (bench/README.md), not here.
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench import lighthouse

FIXTURE = Path(__file__).parent / "fixtures" / "lighthouse-mobile-home.json"
EVENT_PATH = "/en/events/silk-road-forum/"


@pytest.fixture
def report():
    return json.loads(FIXTURE.read_text())


def test_it_reads_the_four_category_scores_out_of_100(report):
    assert lighthouse.scores(report) == {
        "performance": 97,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }


def test_a_page_meeting_every_target_has_no_misses(report):
    assert lighthouse.misses(lighthouse.scores(report)) == []


def test_it_names_each_target_a_page_misses(report):
    report["categories"]["performance"]["score"] = 0.94
    report["categories"]["seo"]["score"] = 0.99
    assert lighthouse.misses(lighthouse.scores(report)) == [
        "performance: 94 < 95",
        "seo: 99 < 100",
    ]


def test_performance_of_exactly_95_meets_its_target(report):
    report["categories"]["performance"]["score"] = 0.95
    assert lighthouse.misses(lighthouse.scores(report)) == []


def test_a_category_lighthouse_could_not_score_is_a_miss(report):
    # A page that fails to load gets a report with a runtimeError and null scores.
    report["categories"]["performance"]["score"] = None
    del report["categories"]["seo"]
    page_scores = lighthouse.scores(report)
    assert page_scores["performance"] is None
    assert lighthouse.misses(page_scores) == [
        "performance: no score (target 95)",
        "seo: no score (target 100)",
    ]


def test_it_lists_the_weighted_audits_that_cost_points(report):
    report["audits"]["color-contrast"]["score"] = 0
    # Weight 0 audits do not count towards the score.
    report["audits"]["csp-xss"]["score"] = 0
    assert lighthouse.failing_audits(report) == {
        "performance": [
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
        ],
        "accessibility": ["color-contrast"],
    }


def test_several_runs_count_each_categorys_median():
    runs = [
        {"performance": 91, "accessibility": 100, "best-practices": 100, "seo": 100},
        {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
        {"performance": 96, "accessibility": 100, "best-practices": 100, "seo": 100},
    ]
    assert lighthouse.median_scores(runs)["performance"] == 96
    runs[1]["seo"] = None
    assert lighthouse.median_scores(runs)["seo"] is None


class FakeApi(BaseHTTPRequestHandler):
    """The portal's events API, enough for the script to find an event."""

    def do_GET(self):
        host = self.headers["Host"]
        body = json.dumps(
            {"results": [{"html_url": f"http://{host}{EVENT_PATH}"}]}
        ).encode()
        self.send_response(200 if self.path.startswith("/api/v1/events/") else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def portal():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake_lighthouse(tmp_path, monkeypatch):
    """An executable that runs tests/bench/fake_lighthouse.py, and its log."""
    calls = tmp_path / "calls.jsonl"
    monkeypatch.setenv("FAKE_LIGHTHOUSE_LOG", str(calls))
    program = tmp_path / "lighthouse"
    fake = Path(__file__).with_name("fake_lighthouse.py")
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{fake}" "$@"\n')
    program.chmod(0o755)
    return program, calls


def test_a_run_audits_each_page_in_each_mode_and_writes_a_summary(
    portal, fake_lighthouse, tmp_path
):
    program, calls = fake_lighthouse
    out = tmp_path / "results"
    summary = lighthouse.run(
        portal, out, lighthouse=program, chromium="/usr/bin/chromium-test"
    )

    logged = [json.loads(line) for line in calls.read_text().splitlines()]
    assert [
        (url.removeprefix(portal), "--preset=desktop" in o) for url, o, _ in logged
    ] == [
        ("/en/", False),
        ("/en/events/", False),
        (EVENT_PATH, False),
        ("/az/", False),
        ("/zh-hans/", False),
        ("/en/", True),
        ("/en/events/", True),
        (EVENT_PATH, True),
        ("/az/", True),
        ("/zh-hans/", True),
    ]
    for _url, options, chrome in logged:
        assert chrome == "/usr/bin/chromium-test"
        assert "--chrome-flags=--headless=new --no-sandbox" in options
        assert "--output=json" in options
        assert "--blocked-url-patterns=*://tile.openstreetmap.org/*" in options

    assert summary["lighthouse_version"] == "12.8.2"
    assert summary["passed"] is False
    missed = [r for r in summary["results"] if r["misses"]]
    assert [(r["page"], r["mode"]) for r in missed] == [("home/zh-hans", "mobile")]
    assert missed[0]["misses"] == ["accessibility: 93 < 100"]
    assert missed[0]["failing_audits"]["accessibility"] == ["color-contrast"]
    assert json.loads((out / "lighthouse.json").read_text()) == summary
    assert missed[0]["benchmark_index"] == [1921]
    assert (out / "lighthouse" / "desktop-event-detail-en.json").is_file()

    table = lighthouse.table(summary).splitlines()
    assert table[0].split() == ["page", "mode", "perf", "a11y", "best", "seo", "target"]
    assert table[5].split() == [
        "home/zh-hans",
        "mobile",
        "97",
        "93",
        "100",
        "100",
        "MISSED",
    ]
    assert table[6].split() == ["home/en", "desktop", "97", "100", "100", "100", "met"]


def test_the_command_exits_1_when_a_target_is_missed_and_2_without_lighthouse(
    portal, fake_lighthouse, tmp_path, monkeypatch, capsys
):
    program, _calls = fake_lighthouse
    monkeypatch.setenv("CHROME_PATH", "/usr/bin/chromium-test")
    monkeypatch.setattr(lighthouse, "LIGHTHOUSE", program)
    out = tmp_path / "results"
    argv = ["--url", portal, "--out", str(out), "--mode", "desktop"]
    assert lighthouse.main(argv) == 0
    assert lighthouse.main([*argv[:-1], "mobile"]) == 1
    printed = capsys.readouterr().out
    assert "home/zh-hans (mobile) accessibility: 93 < 100; audits: color-contrast" in (
        printed
    )

    assert "Note:" not in printed  # the saved report's machine was not busy

    monkeypatch.setattr(lighthouse, "LIGHTHOUSE", tmp_path / "missing")
    assert lighthouse.main(argv) == 2
    assert "run `npm ci`" in capsys.readouterr().err


def test_it_notes_when_the_machine_was_too_busy_for_fair_performance_scores():
    summary = {
        "results": [
            {"benchmark_index": [1266, 1480]},
            {"benchmark_index": [640]},
            {"benchmark_index": [None]},
        ]
    }
    assert lighthouse.slowest_benchmark(summary) == 640
    assert lighthouse.slowest_benchmark({"results": []}) is None
