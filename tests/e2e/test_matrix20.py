"""Issue 20: every kind of public page, in every language, on a phone and on a
desktop, passes axe-core and does not scroll sideways.

One test per language visits every page kind at 390 x 844 and 1366 x 900 in one
browser (one context per width) against the seeded live server, collects every
problem and reports them all at once: page, language, width, axe rule and the
elements, or the overflow in pixels. The full-page map and the key-figure pages
are visited where this version of the site has them (their URL names resolve).
A JSON summary of each run is written to test-results/e2e/ for the record.
"""

import json

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from events.models import Agreement, Event
from portal.core.models import Indicator, Organization, Person, Place, Source
from projects.models import Project
from tests.e2e.conftest import BLANK_TILE, RESULTS_DIR

pytestmark = [pytest.mark.single_pass]

LANGUAGES = ("en", "az", "zh-hans")
SIZES = ((390, 844), (1366, 900))


def _first(queryset):
    """The first record by slug: the same one in every language and run."""
    return queryset.order_by("slug").first()


def page_kinds():
    """(kind, address in the active language) of every page kind to visit."""
    event = Event.objects.get(slug="su-hui-visit-to-azerbaijan-2025")
    place = event.place
    records = {
        "event": event,
        "project": _first(Project.objects.published()),
        "agreement": _first(Agreement.objects.published()),
        "person": Person.objects.published().get(slug="lu-mei"),
        "organisation": _first(Organization.objects.published()),
        "place": place or _first(Place.objects.all()),
        "source": Source.objects.published().get(slug="lu-mei-apa-interview"),
    }
    kinds = [
        ("home", reverse("home")),
        ("events list", reverse("events:list")),
        ("timeline", reverse("events:timeline")),
        ("projects list", reverse("projects:list")),
        ("agreements list", reverse("agreements:list")),
        ("people list", reverse("people:list")),
        ("organisations list", reverse("organizations:list")),
        ("key figures", reverse("key-figures")),
        ("search results", reverse("search") + "?q=Aliyev"),
        ("about", reverse("about")),
    ]
    kinds += [(kind, record.get_absolute_url()) for kind, record in records.items()]
    # Pages other parts of issue 20 add: visited once their URL names exist.
    optional = [("map", "map-page", {})]
    indicator = _first(Indicator.objects.published())
    if indicator is not None:
        optional.append(("key figure", "key-figure", {"slug": indicator.slug}))
    for kind, name, kwargs in optional:
        try:
            kinds.append((kind, reverse(name, kwargs=kwargs)))
        except NoReverseMatch:
            pass
    kinds.append(("404", reverse("home") + "no-such-page-issue-20/"))
    return kinds


def overflow(page):
    """How many CSS pixels the page is wider than the window (0: none)."""
    return page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_kind_passes_axe_without_sideways_scrolling(
    browser, site_server, seeded_site, axe, language
):
    with translation.override(language):
        kinds = page_kinds()
    problems = []
    summary = []
    for width, height in SIZES:
        context = browser.new_context(
            base_url=site_server.url, viewport={"width": width, "height": height}
        )
        context.set_default_timeout(20_000)
        # No internet here: a blank tile stands in for the map tiles.
        context.route(
            "https://tile.openstreetmap.org/**",
            lambda route: route.fulfill(body=BLANK_TILE, content_type="image/png"),
        )
        page = context.new_page()
        for kind, url in kinds:
            response = page.goto(url)
            status = response.status if response else None
            expected = 404 if kind == "404" else 200
            where = f"{kind} ({url}) [{language}, {width}px]"
            if status != expected:
                problems.append(f"{where}: HTTP {status}, expected {expected}")
                continue
            violations = axe.run(page)
            extra = overflow(page)
            summary.append(
                {
                    "kind": kind,
                    "url": url,
                    "language": language,
                    "width": width,
                    "overflow": extra,
                    "violations": [
                        {
                            "rule": violation["id"],
                            "impact": violation["impact"],
                            "elements": [
                                " ".join(map(str, node["target"]))
                                for node in violation["nodes"]
                            ],
                        }
                        for violation in violations
                    ],
                }
            )
            if violations:
                problems.append(f"{where}: axe-core\n{axe.format(violations)}")
            if extra:
                problems.append(f"{where}: {extra} px wider than the window")
        context.close()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / f"matrix20-{language}.json").write_text(
        json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    assert len(summary) + len(problems) >= len(kinds) * len(SIZES)
    if problems:
        pytest.fail(
            f"{len(problems)} problem(s) on {len(kinds)} page kinds x "
            f"{len(SIZES)} widths in {language}:\n" + "\n".join(problems),
            pytrace=False,
        )
