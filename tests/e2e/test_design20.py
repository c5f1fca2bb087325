"""Issue 20, design, in a real browser at phone and desktop widths: the lists'
filters folded on a phone with the results first, the timeline readable at
320 px, every focus ring at least 3:1 against what is around it (measured from
the computed styles), touch targets of at least 44 px, detail pages on a grid,
and the 404 page with its language switcher, in every language, with axe."""

import datetime

import pytest

from events.models import Event
from tests.builders import make_event

# Nothing here depends on the database engine: CI runs these once (single_pass).
pytestmark = [pytest.mark.single_pass]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
LANGUAGES = ["en", "az", "zh-hans"]

# The colour of what surrounds an element: the first ancestor (from the
# element's parent: the ring sits outside it, offset) with a background.
SURROUNDING_JS = """
el => {
  const parse = c => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {rgb: p.slice(0, 3), alpha: p.length > 3 ? p[3] : 1};
  };
  const style = getComputedStyle(el);
  let node = el.parentElement;
  let background = null;
  while (node) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour.alpha > 0) { background = colour.rgb; break; }
    node = node.parentElement;
  }
  return {
    outline: parse(style.outlineColor).rgb,
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    background: background || [255, 255, 255],
  };
}
"""


def luminance(rgb):
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        for c in (value / 255 for value in rgb)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, two):
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def no_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_phone_gets_the_results_first_and_the_filters_folded(
    page, seeded_site, axe, browser_errors, language
):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/events/")
    summary = page.locator(".filter-disclosure > summary")
    assert summary.is_visible()
    assert not page.locator(".filter-fields").is_visible()
    first = page.locator(".results article").first.bounding_box()
    # The first result is on the first screen, under the one-line disclosure.
    assert first["y"] < PHONE["height"] - 100
    assert first["y"] > summary.bounding_box()["y"]
    assert no_overflow(page)
    axe.assert_no_violations(page)
    # The disclosure opens (native <details>, no script needed).
    summary.click()
    assert page.locator(".filter-fields").is_visible()
    assert browser_errors == []


def test_a_desktop_shows_the_filters_beside_the_results(page, seeded_site, axe):
    page.set_viewport_size(DESKTOP)
    page.goto("/en/events/")
    assert not page.locator(".filter-disclosure > summary").is_visible()
    fields = page.locator(".filter-fields")
    assert fields.is_visible()
    results = page.locator(".results").bounding_box()
    assert fields.bounding_box()["x"] + 100 < results["x"]
    axe.assert_no_violations(page)


def test_the_filters_show_on_a_desktop_without_javascript(
    browser, site_server, seeded_site
):
    context = browser.new_context(
        base_url=site_server.url, java_script_enabled=False, viewport=DESKTOP
    )
    page = context.new_page()
    page.goto("/en/projects/")
    assert page.get_by_label("Sector").is_visible()
    page.set_viewport_size(PHONE)
    assert not page.get_by_label("Sector").is_visible()
    page.locator(".filter-disclosure > summary").click()
    assert page.get_by_label("Sector").is_visible()
    context.close()


def test_the_timeline_reads_at_320_px(page, live_server, seeded, axe, subtests):
    # Years with many events, for the longest counts ("12 events"); made once
    # for the three languages (making them is most of the test's time).
    for year in range(2015, 2026):
        for day in range(1, 13):
            make_event(date=datetime.date(year, 1, day))
    page.set_viewport_size({"width": 320, "height": 700})
    for language in LANGUAGES:
        with subtests.test(language):
            page.goto(f"/{language}/events/timeline/")
            assert_the_timeline_reads_at_320_px(page)
            axe.assert_no_violations(page)


def assert_the_timeline_reads_at_320_px(page):
    boxes = page.locator(".decades .years li").all()
    assert len(boxes) >= 10
    rects = [box.bounding_box() for box in boxes]
    for index, one in enumerate(rects):
        assert one["x"] >= 0 and one["x"] + one["width"] <= 320
        for other in rects[index + 1 :]:
            apart = (
                one["x"] + one["width"] <= other["x"] + 0.5
                or other["x"] + other["width"] <= one["x"] + 0.5
                or one["y"] + one["height"] <= other["y"] + 0.5
                or other["y"] + other["height"] <= one["y"] + 0.5
            )
            assert apart, "two years overlap"
    for count in page.locator(".decades .count").all():
        assert count.is_visible()
        # Not cut off: its text fits its box.
        assert count.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    this_year = datetime.date.today().year
    assert str(this_year + 1) not in page.locator(".decades").inner_text()
    assert no_overflow(page)


FOCUSABLE = [
    ".skip-link",
    ".brand",
    ".site-nav a",
    ".site-header input[type=search]",
    ".site-header button",
    ".languages a",
    "main a",
    ".counts a",
    ".site-footer a",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
def test_every_focus_ring_stands_out_3_to_1(page, seeded_site, viewport):
    page.set_viewport_size(viewport)
    page.goto("/en/")
    page.keyboard.press("Tab")  # keyboard use: :focus-visible from here on
    measured = {}
    for selector in FOCUSABLE:
        element = page.locator(selector).first
        element.focus()
        ring = element.evaluate(SURROUNDING_JS)
        assert ring["outlineStyle"] != "none", selector
        assert ring["outlineWidth"] >= 2, selector
        measured[selector] = round(contrast(ring["outline"], ring["background"]), 2)
    low = {selector: ratio for selector, ratio in measured.items() if ratio < 3}
    assert low == {}, f"focus rings under 3:1: {low}"


def test_the_filter_summary_focus_ring_stands_out(page, seeded_site):
    page.set_viewport_size(PHONE)
    page.goto("/en/events/")
    page.keyboard.press("Tab")
    summary = page.locator(".filter-disclosure > summary")
    summary.focus()
    ring = summary.evaluate(SURROUNDING_JS)
    assert contrast(ring["outline"], ring["background"]) >= 3


TOUCH = [
    ".site-nav a",
    ".languages a",
    ".site-header button",
    ".site-header input[type=search]",
    ".filter-disclosure > summary",
    ".pagination a",
]


def test_touch_targets_are_at_least_44_px(page, live_server, seeded):
    for number in range(25):  # a second page of events, for the pagination
        make_event(date=datetime.date(2010, 1, 1) + datetime.timedelta(days=number))
    page.set_viewport_size(PHONE)
    page.goto("/en/events/")
    small = []
    for selector in TOUCH:
        elements = page.locator(selector).all()
        assert elements, selector
        for element in elements:
            box = element.bounding_box()
            if box["height"] < 44 or box["width"] < 44:
                small.append((selector, element.inner_text(), box))
    assert small == []


def test_a_detail_page_puts_the_facts_beside_the_text_on_a_desktop(page, seeded_site):
    event = Event.objects.published().first()
    page.set_viewport_size(DESKTOP)
    page.goto(event.get_absolute_url())
    facts = page.locator(".record-aside").bounding_box()
    main = page.locator(".record-main").bounding_box()
    assert facts["x"] >= main["x"] + main["width"]
    assert abs(facts["y"] - main["y"]) < 5
    # And the two use the width: no wide empty band beside the text.
    assert facts["x"] + facts["width"] > DESKTOP["width"] * 0.75
    page.set_viewport_size(PHONE)
    facts = page.locator(".record-aside").bounding_box()
    main = page.locator(".record-main").bounding_box()
    assert main["y"] >= facts["y"] + facts["height"]
    assert no_overflow(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_404_page_has_the_language_switcher_and_search(
    page, seeded_site, axe, browser_errors, language, viewport
):
    page.set_viewport_size(viewport)
    response = page.goto(f"/{language}/no-such-page/")
    assert response.status == 404
    switcher = page.locator("nav.languages a")
    assert switcher.count() == 3
    page.locator("nav.languages a[hreflang=az]").click()
    page.wait_for_url("**/az/no-such-page/")
    assert page.locator("html").get_attribute("lang") == "az"
    page.locator("main input[type=search]").fill("Baku")
    page.locator("main input[type=search]").press("Enter")
    page.wait_for_url("**/az/search/?q=Baku")
    page.go_back()
    assert no_overflow(page)
    axe.assert_no_violations(page)
    # The 404 answers are logged as console errors by the browser.
    assert [e for e in browser_errors if "404" not in e] == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1366"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_tells_the_story(
    page, seeded_site, axe, browser_errors, language, viewport
):
    page.set_viewport_size(viewport)
    page.goto(f"/{language}/")
    assert page.locator(".counts li").count() >= 5
    assert page.locator(".changes li").count() >= 1
    assert page.locator(".last-updated time").get_attribute("datetime")
    assert page.locator(".timeline-glimpse .years li").count() >= 1
    assert no_overflow(page)
    axe.assert_no_violations(page)
    assert browser_errors == []
