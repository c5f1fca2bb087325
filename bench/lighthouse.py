"""Lighthouse audits of a running portal: the home page, the events list and an
event's page in English, and the home page in Azerbaijani and Chinese, each under
Lighthouse's default mobile emulation (slow 4G, 4x CPU slowdown: the strict case)
and its desktop preset. Prints the four category scores per page and mode, writes
a summary and the full reports to the output folder, and exits 1 when a page
misses a target (performance 95, accessibility, best practices and SEO 100).

    npm ci   # node_modules/.bin/lighthouse, pinned in package.json
    .venv/bin/python bench/lighthouse.py --url http://127.0.0.1:8000 --out bench/results

Performance varies from run to run, the more so on a busy machine: `--runs 3`
scores each category by its median over three runs, and the summary keeps each
run's scores and Lighthouse's CPU benchmark of the machine during it.

Standard library only. It needs Chromium (CHROME_PATH, else `chromium` on PATH),
run headless without its sandbox so that it also works as root in a container.
The event is the first one the API lists, so the run needs no knowledge of the
data. Map tiles come from tile.openstreetmap.org, outside the portal: the audits
block them (Lighthouse ignores the errors of requests it blocks itself), so the
scores measure the portal and not a third-party server or this machine's network.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MODES = ("mobile", "desktop")
CHROME_FLAGS = "--headless=new --no-sandbox"
BLOCKED_URL_PATTERNS = ("*://tile.openstreetmap.org/*",)
FIXED_PAGES = [
    ("home/en", "/en/"),
    ("events-list/en", "/en/events/"),
    ("home/az", "/az/"),
    ("home/zh-hans", "/zh-hans/"),
]
# One Lighthouse run loads the page and its resources several times over.
RUN_TIMEOUT = 240
# Lighthouse's own threshold: below this CPU benchmark it warns that the host is
# slower than it expects, and performance scores come out lower than they are.
SLOW_HOST_BENCHMARK = 1000


class ToolError(Exception):
    """Lighthouse, Chromium or the portal is missing or did not answer."""


def chromium_path():
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if not path:
        raise ToolError("Chromium not found: install it or set CHROME_PATH.")
    return path


def event_path(base_url):
    """The path of the first event the API lists (its English page)."""
    url = urljoin(base_url, "/api/v1/events/?page_size=1")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            results = json.load(response)["results"]
    except (OSError, ValueError, KeyError) as error:
        raise ToolError(f"Could not list events at {url}: {error}") from None
    if not results:
        raise ToolError(f"{url} lists no events: load some data first.")
    return urlsplit(results[0]["html_url"]).path


def pages(base_url):
    """(name, path) of every page audited, in report order."""
    detail = ("event-detail/en", event_path(base_url))
    return [*FIXED_PAGES[:2], detail, *FIXED_PAGES[2:]]


def scores(report):
    """Category scores out of 100, None where Lighthouse could not score one."""
    categories = report.get("categories", {})
    result = {}
    for category in TARGETS:
        score = categories.get(category, {}).get("score")
        result[category] = None if score is None else round(score * 100)
    return result


def misses(page_scores, targets=TARGETS):
    """What a page falls short of, as readable lines; empty when it meets all."""
    found = []
    for category, target in targets.items():
        score = page_scores.get(category)
        if score is None:
            found.append(f"{category}: no score (target {target})")
        elif score < target:
            found.append(f"{category}: {score} < {target}")
    return found


def failing_audits(report):
    """Per category, the ids of the audits that cost it points, for the hints."""
    audits = report.get("audits", {})
    found = {}
    for category, body in report.get("categories", {}).items():
        ids = [
            ref["id"]
            for ref in body.get("auditRefs", [])
            if ref.get("weight", 0) > 0
            and audits.get(ref["id"], {}).get("score") is not None
            and audits[ref["id"]]["score"] < 1
        ]
        if ids:
            found[category] = ids
    return found


def median_scores(runs):
    """Each category's median over several runs of one page (None if any is)."""
    result = {}
    for category in TARGETS:
        values = [run[category] for run in runs]
        result[category] = None if None in values else round(statistics.median(values))
    return result


def audit(url, mode, report_path, *, lighthouse=None, chromium=None):
    """One Lighthouse run; returns its report (a dict)."""
    command = [
        str(lighthouse or LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report_path}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(TARGETS)}",
        "--quiet",
        "--no-enable-error-reporting",
    ]
    command += [f"--blocked-url-patterns={p}" for p in BLOCKED_URL_PATTERNS]
    if mode == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chromium or chromium_path()}
    report_path.unlink(missing_ok=True)
    try:
        result = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        message = f"lighthouse {url} ({mode}) took over {RUN_TIMEOUT} s"
        raise ToolError(message) from None
    # A page Lighthouse cannot score still gets a report, with runtimeError set.
    if not report_path.is_file():
        raise ToolError(
            f"lighthouse {url} ({mode}) wrote no report "
            f"(exit {result.returncode}):\n{result.stderr[-2000:]}"
        )
    return json.loads(report_path.read_text())


def run(base_url, out_dir, *, modes=MODES, runs=1, lighthouse=None, chromium=None):
    """Audit every page in every mode; write and return the summary."""
    lighthouse = Path(lighthouse or LIGHTHOUSE)
    if not lighthouse.is_file():
        raise ToolError(f"{lighthouse} is missing: run `npm ci`.")
    chromium = chromium or chromium_path()
    out_dir = Path(out_dir)
    reports = out_dir / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    summary = {
        "tool": "lighthouse",
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "base_url": base_url,
        "lighthouse_version": None,
        "browser": None,
        "chrome_flags": CHROME_FLAGS,
        "blocked_url_patterns": list(BLOCKED_URL_PATTERNS),
        "runs_per_page": runs,
        "targets": TARGETS,
        "results": [],
    }
    for mode in modes:
        for name, path in pages(base_url):
            url = urljoin(base_url, path)
            slug = name.replace("/", "-")
            runs_scores = []
            failing = {}
            errors = []
            benchmarks = []
            for index in range(runs):
                suffix = f"-{index + 1}" if runs > 1 else ""
                report_path = reports / f"{mode}-{slug}{suffix}.json"
                report = audit(
                    url, mode, report_path, lighthouse=lighthouse, chromium=chromium
                )
                summary["lighthouse_version"] = report.get("lighthouseVersion")
                summary["browser"] = report.get("environment", {}).get("hostUserAgent")
                runs_scores.append(scores(report))
                benchmarks.append(report.get("environment", {}).get("benchmarkIndex"))
                for category, ids in failing_audits(report).items():
                    failing.setdefault(category, [])
                    failing[category] += [i for i in ids if i not in failing[category]]
                if report.get("runtimeError"):
                    errors.append(report["runtimeError"].get("message", ""))
            page_scores = median_scores(runs_scores)
            summary["results"].append(
                {
                    "page": name,
                    "url": url,
                    "mode": mode,
                    "scores": page_scores,
                    "runs": runs_scores,
                    "misses": misses(page_scores),
                    "failing_audits": failing,
                    "errors": errors,
                    # Lighthouse's CPU benchmark of this machine during each run.
                    "benchmark_index": benchmarks,
                }
            )
    summary["passed"] = not any(result["misses"] for result in summary["results"])
    (out_dir / "lighthouse.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary


def slowest_benchmark(summary):
    values = [
        value
        for result in summary["results"]
        for value in result.get("benchmark_index", [])
        if value is not None
    ]
    return min(values, default=None)


def table(summary):
    """The scores as a fixed-width text table, one row per page and mode."""
    short = {
        "performance": "perf",
        "accessibility": "a11y",
        "best-practices": "best",
        "seo": "seo",
    }
    width = max([len(result["page"]) for result in summary["results"]] + [4])
    lines = [
        f"{'page':<{width}}  {'mode':<7}  "
        + "  ".join(f"{short[c]:>4}" for c in TARGETS)
        + "  target",
    ]
    for result in summary["results"]:
        cells = "  ".join(
            f"{'-' if s is None else s:>4}" for s in result["scores"].values()
        )
        verdict = "met" if not result["misses"] else "MISSED"
        lines.append(
            f"{result['page']:<{width}}  {result['mode']:<7}  {cells}  {verdict}"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="base URL of a running portal")
    parser.add_argument("--out", default="bench/results", help="output folder")
    parser.add_argument(
        "--mode",
        choices=[*MODES, "both"],
        default="both",
        help="Lighthouse's mobile emulation, its desktop preset, or both (default)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="runs per page; the scores are each category's median",
    )
    args = parser.parse_args(argv)
    modes = MODES if args.mode == "both" else (args.mode,)
    try:
        summary = run(args.url, args.out, modes=modes, runs=max(args.runs, 1))
    except ToolError as error:
        print(f"lighthouse.py: {error}", file=sys.stderr)
        return 2
    print(f"Lighthouse {summary['lighthouse_version']} against {summary['base_url']}")
    print(table(summary))
    for result in summary["results"]:
        for line in result["misses"]:
            audits = ", ".join(result["failing_audits"].get(line.split(":")[0], []))
            print(f"{result['page']} ({result['mode']}) {line}; audits: {audits}")
    slowest = slowest_benchmark(summary)
    if slowest is not None and slowest < SLOW_HOST_BENCHMARK:
        print(
            f"Note: Lighthouse's CPU benchmark fell to {slowest:.0f} (it expects "
            f"over {SLOW_HOST_BENCHMARK}): the machine was busy, and performance "
            "scores are lower than on an idle one."
        )
    print(f"Summary: {Path(args.out) / 'lighthouse.json'}")
    return 0 if summary["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
