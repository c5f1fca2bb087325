#!/usr/bin/env python3
"""Screenshots of the portal's main pages, for comparing designs.

Drives Debian's chromium (/usr/bin/chromium) with Playwright against a server that
is already running, and writes viewport-only PNGs (small: under 300 KB each) to
docs/screenshots/<label>/<name>-<width>.png:

    .venv/bin/python scripts/screenshots.py --label before --base http://127.0.0.1:8000

Pages: home, the events list, an event's page, key figures and the map, each at
1366 x 900 (desktop) and 390 x 844 (mobile). The full-page map is /<lang>/map/;
where a version of the site has none (before issue 20), the home page's map
section stands in for it, scrolled into view. Map tile requests are aborted by
default (no internet here, and the shot should show what a reader sees when the
tiles cannot load); --tiles allow lets them through.

The server: `make run` (SQLite with the seed) or any other, e.g.
DEBUG=1 .venv/bin/python manage.py runserver 127.0.0.1:8785 --noreload
"""

import argparse
import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[1]
SIZES = {1366: 900, 390: 844}
MAX_BYTES = 300_000
TILE_HOSTS = ("tile.openstreetmap.org",)
DEFAULT_EVENT = "heydar-aliyev-visit-to-china-1994"


def pages(lang, event_slug):
    """(name, path) for each screenshot."""
    return [
        ("home", f"/{lang}/"),
        ("events", f"/{lang}/events/"),
        ("event", f"/{lang}/events/{event_slug}/"),
        ("key-figures", f"/{lang}/key-figures/"),
        ("map", f"/{lang}/map/"),
    ]


def shoot(page, out):
    """The viewport only (a whole page can be 15,000 px long), animations still."""
    page.screenshot(path=str(out), full_page=False, animations="disabled")
    return out.stat().st_size


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", required=True, help="e.g. before or after")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--event", default=DEFAULT_EVENT, help="an event's slug")
    parser.add_argument("--tiles", choices=("abort", "allow"), default="abort")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    out_dir = args.out / args.label
    out_dir.mkdir(parents=True, exist_ok=True)
    failures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        for width, height in SIZES.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, device_scale_factor=1
            )
            if args.tiles == "abort":
                for host in TILE_HOSTS:
                    context.route(f"https://{host}/**", lambda route: route.abort())
            page = context.new_page()
            page.set_default_timeout(20_000)
            for name, path in pages(args.lang, args.event):
                url = urljoin(args.base, path)
                selector = None
                response = page.goto(url, wait_until="networkidle")
                if name == "map" and response is not None and response.status == 404:
                    # No full-page map in this version: the home page's map.
                    response = page.goto(
                        urljoin(args.base, f"/{args.lang}/"), wait_until="networkidle"
                    )
                    selector = ".map-section"
                if response is None or response.status >= 400:
                    status = response.status if response else "no response"
                    failures.append(f"{url}: {status}")
                    continue
                if selector and page.locator(selector).count():
                    page.evaluate(
                        "s => document.querySelector(s).scrollIntoView()", selector
                    )
                out = out_dir / f"{name}-{width}.png"
                size = shoot(page, out)
                print(f"{out}: {size:,} bytes ({page.url})")
                if size > MAX_BYTES:
                    failures.append(f"{out}: {size:,} bytes, over {MAX_BYTES:,}")
            context.close()
        browser.close()
    for failure in failures:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
