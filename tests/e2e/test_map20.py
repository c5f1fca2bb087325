"""Issue 20 in a real browser: the full map page at phone and desktop widths in
every language, its markers clustered, the countries' outline drawn while every
tile request fails (no grey box), and axe-core clean; a key figure's page with
its charts, axe-core clean."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings

from portal.core.models import Place, Side
from tests.builders import (
    add_observation,
    make_country,
    make_event,
    make_indicator,
    make_place,
    make_project,
)

pytestmark = [pytest.mark.single_pass]

LANGUAGES = ["en", "az", "zh-hans"]
WIDTHS = [390, 1366]


@pytest.fixture
def records():
    azerbaijan = make_country(slug="azerbaijan", latitude=40.3, longitude=47.7)
    china = make_country(
        name="China",
        code="CN",
        slug="china",
        latitude=Decimal("35.86"),
        longitude=Decimal("104.19"),
        coordinates_approximate=True,
    )
    # Three places close together around Baku: one cluster at the map's zoom.
    for number, (lat, lng) in enumerate(
        [(40.41, 49.87), (40.37, 49.83), (40.45, 49.95)]
    ):
        place = make_place(
            name=f"Baku district {number}",
            slug=f"baku-{number}",
            parent=azerbaijan,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lng)),
        )
        make_event(
            title=f"Talks {number}",
            place=place,
            date=datetime.date(2020 + number, 1, 1),
        )
    beijing = make_place(
        name="Beijing",
        slug="beijing",
        parent=china,
        latitude=Decimal("39.90"),
        longitude=Decimal("116.40"),
    )
    make_project(title="Railway").places.add(beijing)
    # At two of the Baku places: one record in their cluster, not two.
    make_project(title="Metro line").places.add(
        Place.objects.get(slug="baku-0"), Place.objects.get(slug="baku-1")
    )


@pytest.fixture
def no_tiles(page):
    """Every tile request fails, as when the tile server is out of reach."""
    failed = []

    def abort(route):
        failed.append(route.request.url)
        route.abort()

    page.context.unroute(f"{settings.MAP_TILE_ORIGIN}/**")
    page.context.route(f"{settings.MAP_TILE_ORIGIN}/**", abort)
    return failed


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_full_map_clusters_and_reads_without_tiles(
    page, records, no_tiles, axe, language, width
):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    page.goto(f"/{language}/map/")
    page.locator(".map.map-ready").wait_for()
    page.locator(".map.map-outlined").wait_for()
    # Tiles were asked for and failed; the outline is drawn in their stead.
    assert no_tiles
    assert page.locator(".leaflet-tile-loaded").count() == 0
    assert page.locator(".leaflet-outline-pane path.map-country").count() > 150
    assert page.locator(".leaflet-outline-pane path.map-country-ours").count() == 2
    # The three Baku places are one cluster that counts their records: three
    # events and the metro line, at two of them.
    clusters = page.locator(".map-cluster")
    assert clusters.count() >= 1
    assert clusters.first.locator("span > span").first.inner_text() == "4"
    # The list of places is still there for readers without the map.
    assert page.locator("details.map-places li a[href*='/places/']").count() == 4
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    axe.assert_no_violations(page)


def test_the_full_map_works_without_javascript(browser, live_server, records):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/en/map/?kind=event")
        places = page.locator("details.map-places > ul > li")
        assert places.count() == 3
        assert page.locator("details.map-places").get_attribute("open") == ""
        assert page.get_by_role("link", name="Talks 0").count() == 1
        assert page.get_by_role("link", name="Railway").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_key_figure_page_with_charts_per_party_is_accessible(
    page, axe, browser_errors, language
):
    trade = make_indicator(name="Trade turnover", slug="trade", currency="USD")
    for year, (china, azerbaijan) in enumerate([(31, 22), (33, 25), (36, 24)]):
        for side, value in ((Side.CHINA, china), (Side.AZERBAIJAN, azerbaijan)):
            add_observation(
                trade,
                side=side,
                value=value * 100_000_000,
                period_start=datetime.date(2021 + year, 1, 1),
                period_end=datetime.date(2021 + year, 12, 31),
                period_precision="year",
            )
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/{language}/key-figures/trade/")
        assert page.locator("svg.chart-svg").count() == 3
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        axe.assert_no_violations(page)
    assert browser_errors == []
