"""What readers do, in a real browser: filter, open, follow links — and the pages
they see pass axe-core's accessibility checks."""

import pytest

from events.models import Event
from projects.models import Project


def test_a_reader_filters_events_by_year_and_opens_one(
    page, seeded_site, browser_errors
):
    page.goto("/events/")
    page.get_by_label("Year").select_option("1994")
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url("**/events/?*year=1994*")
    results = page.locator(".results article h3 a")
    assert results.count() == 1
    results.first.click()

    page.wait_for_url("**/events/heydar-aliyev-visit-to-china-1994/")
    assert "Jiang Zemin" in page.locator("main").inner_text()
    assert page.locator("main time").first.get_attribute("datetime") == "1994"
    assert browser_errors == []


def test_a_reader_opens_a_project_and_follows_it_to_an_event(
    page, seeded_site, browser_errors
):
    project = Project.objects.get(slug="nakhchivan-distance-learning-216-schools")
    event = project.events.get()

    page.goto("/projects/")
    # The results, not the list of places under the map, which links it too.
    page.locator(".results").get_by_role("link", name=project.title).click()
    page.wait_for_url(f"**{project.get_absolute_url()}")
    assert "216 schools" in page.locator("main").inner_text()

    page.get_by_role("link", name=event.title).click()
    page.wait_for_url(f"**{event.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == event.title
    assert browser_errors == []


def test_filters_work_with_javascript_turned_off(browser, site_server, seeded_site):
    context = browser.new_context(base_url=site_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/projects/")
    sector = page.get_by_label("Sector")
    # The choice reads with its count, and the list then shows that many.
    label = sector.locator("option[value=renewable-energy]").inner_text()
    count = int(label.removeprefix("Renewable energy (").removesuffix(")"))
    sector.select_option(label=label)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/projects/?*sector=renewable-energy*")
    titles = page.locator(".results article h3").all_inner_texts()
    assert len(titles) == count > 0
    assert any("wind power plant" in title for title in titles)
    context.close()


def test_the_skip_link_is_the_first_stop_for_keyboard_users(page, seeded_site):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def _detail(model):
    return model.objects.published().first().get_absolute_url()


@pytest.mark.parametrize(
    "where",
    [
        "/",
        "/events/",
        "/projects/",
        "/projects/?place=azerbaijan",
        "event",
        "project",
        "/key-figures/",
        "/about/",
        "/events/timeline/",
        "/events/2025/",
    ],
)
def test_pages_have_no_accessibility_violations(
    page, seeded_site, axe, where, browser_errors
):
    url = {"event": lambda: _detail(Event), "project": lambda: _detail(Project)}.get(
        where, lambda: where
    )()
    page.goto(url)
    axe.assert_no_violations(page)
    assert browser_errors == []


def test_a_narrow_screen_gets_a_single_column(page, seeded_site, axe):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/events/")
    # The filters folded in their one-line "Filter" disclosure, then the results.
    form = page.locator(".filter-disclosure").bounding_box()
    results = page.locator(".results").bounding_box()
    assert results["y"] > form["y"] + form["height"] - 1
    assert not page.locator("form.filters").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    axe.assert_no_violations(page)
