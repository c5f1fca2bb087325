"""Maps in a real browser, under the site's enforcing Content-Security-Policy:
markers for exact places, dashed circles for approximate ones, clusters where
they overlap, popups that lead to the record — and the list without JavaScript.

Tiles come from the page fixture's stand-in for the tile server (no internet)."""

import re
from decimal import Decimal

import pytest

from tests.builders import make_country, make_event, make_place, make_project, sector


@pytest.fixture
def places():
    china = make_country(
        name="China",
        code="CN",
        slug="china",
        latitude=Decimal("35.8617"),
        longitude=Decimal("104.1954"),
        coordinates_approximate=True,
    )
    azerbaijan = make_country(slug="azerbaijan")  # no point of its own
    return {
        "china": china,
        "azerbaijan": azerbaijan,
        "baku": make_place(
            name="Baku",
            slug="baku",
            parent=azerbaijan,
            latitude=Decimal("40.4093"),
            longitude=Decimal("49.8671"),
        ),
        "beijing": make_place(
            name="Beijing",
            slug="beijing",
            parent=china,
            latitude=Decimal("39.9042"),
            longitude=Decimal("116.4074"),
        ),
    }


def wait_for_map(page):
    page.locator(".map.map-ready").wait_for()
    return page.locator(".map")


def marker(page, title):
    return page.locator(f'.map .leaflet-marker-icon[title^="{title}"]')


def test_the_home_map_shows_markers_and_a_marker_opens_its_record(
    page, places, browser_errors, axe
):
    solar = make_project(title="Solar plant in Baku")
    solar.places.add(places["baku"])
    make_event(title="Talks in Beijing", place=places["beijing"])
    railway = make_project(title="Railway across China")
    railway.places.add(places["china"])
    make_project(title="Draft project", status="draft").places.add(places["baku"])

    response = page.goto("/en/")
    assert (
        "https://tile.openstreetmap.org" in response.headers["content-security-policy"]
    )
    wait_for_map(page)

    # Exact places are pins (images), the approximate one a dashed circle.
    assert page.locator(".map img.leaflet-marker-icon").count() == 2
    assert page.locator(".map .map-approximate").count() == 1
    assert (
        marker(page, "Railway across China")
        .get_attribute("class")
        .count("map-approximate")
    )
    assert marker(page, "Draft project").count() == 0
    # The list is still there, folded away under the map.
    assert page.locator("details.map-places").get_attribute("open") is None
    assert page.locator(".map-legend").is_visible()

    marker(page, "Solar plant in Baku").click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert "Baku" in popup.inner_text()
    link = popup.get_by_role("link", name="Solar plant in Baku")
    assert link.get_attribute("href") == solar.get_absolute_url()
    axe.assert_no_violations(page)

    link.click()
    page.wait_for_url(f"**{solar.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == solar.title
    # The record's own page maps its place too.
    wait_for_map(page)
    assert marker(page, "Solar plant in Baku").count() == 1
    axe.assert_no_violations(page)
    assert browser_errors == []


def test_overlapping_markers_form_a_cluster_that_opens(page, places, browser_errors):
    for number in range(3):
        nearby = make_place(
            name=f"Quarter {number}",
            parent=places["azerbaijan"],
            latitude=Decimal("40.40") + Decimal(number) / 100,
            longitude=Decimal("49.86"),
        )
        make_project(title=f"Project {number}").places.add(nearby)
    make_event(title="Talks in Beijing", place=places["beijing"])

    page.goto("/en/")
    wait_for_map(page)
    cluster = page.locator(".map .map-cluster")
    assert cluster.count() == 1
    assert cluster.inner_text().startswith("3")
    assert marker(page, "Project 0").count() == 0

    cluster.click()
    marker(page, "Project 0").wait_for()
    assert marker(page, "Project 2").count() == 1
    assert browser_errors == []


def test_a_keyboard_user_opens_a_marker_and_follows_its_link(
    page, places, browser_errors
):
    event = make_event(title="Talks in Beijing", place=places["beijing"])
    make_project(title="Solar plant in Baku").places.add(places["baku"])

    page.goto("/en/")
    wait_for_map(page)
    pin = marker(page, "Talks in Beijing")
    assert pin.get_attribute("tabindex") == "0"
    assert pin.get_attribute("role") == "button"
    pin.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for()
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == event.get_absolute_url()

    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.title").startswith("Talks in Beijing")
    pin.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup a[href]").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{event.get_absolute_url()}")
    assert browser_errors == []


def test_the_projects_map_shows_only_the_filtered_projects(
    page, places, browser_errors, axe
):
    wind = make_project(title="Wind farm", sector=sector("renewable-energy"))
    wind.places.add(places["baku"], places["china"])
    trains = make_project(title="Freight trains", sector=sector("transport-logistics"))
    trains.places.add(places["beijing"])

    page.goto("/en/projects/?sector=renewable-energy")
    wait_for_map(page)
    assert (
        page.locator(".map")
        .get_attribute("data-map-src")
        .endswith("/projects/map.geojson?sector=renewable-energy")
    )
    titles = page.locator(".map .leaflet-marker-icon").evaluate_all(
        "icons => icons.map(icon => icon.title)"
    )
    assert sorted(titles) == [
        "Wind farm — Baku",
        "Wind farm — China (approximate location)",
    ]
    axe.assert_no_violations(page)

    page.goto("/en/projects/")
    wait_for_map(page)
    assert page.locator(".map .leaflet-marker-icon").count() == 3
    assert browser_errors == []


def test_without_javascript_the_places_are_a_list(browser, live_server, places):
    project = make_project(title="Solar plant in Baku")
    project.places.add(places["baku"], places["azerbaijan"])
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()

    page.goto("/en/projects/")
    assert page.locator(".map").is_hidden()
    places_list = page.locator("details.map-places")
    assert places_list.is_visible()
    text = places_list.inner_text()
    # Azerbaijan has no point: it borrows none (it has no parent) and is left out.
    assert re.search(r"Baku\s*\(exact location\)", text)
    assert "Azerbaijan" not in text
    places_list.get_by_role("link", name=project.title).click()
    page.wait_for_url(f"**{project.get_absolute_url()}")
    context.close()


def test_a_filter_the_map_cannot_use_draws_no_map(page, places, browser_errors):
    make_project(title="Solar plant").places.add(places["baku"])
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    # The page shows the form's error and no projects, so no map either.
    page.goto("/en/projects/?sector=no-such-sector")
    assert page.locator(".map-section").count() == 0
    assert not [url for url in requests if "geojson" in url]
    assert browser_errors == []


def test_when_the_map_data_fails_the_list_stays_open(page, places):
    make_project(title="Solar plant").places.add(places["baku"])
    page.route("**/map.geojson", lambda route: route.fulfill(status=503, body="down"))
    with page.expect_response("**/map.geojson"):
        page.goto("/en/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".map").is_hidden()
    assert page.locator("details.map-places").get_attribute("open") == ""
    places_list = page.locator("details.map-places")
    assert places_list.get_by_role("link", name="Solar plant").is_visible()
