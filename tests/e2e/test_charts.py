"""Charts of key figures in a real browser: accessible, styled under the
Content-Security-Policy, and drawn at a readable size on any screen."""

import calendar
import datetime
from decimal import Decimal

import pytest

from portal.core.dates import Precision
from portal.core.models import Indicator, Side
from tests.builders import (
    add_observation,
    cite,
    make_indicator,
    make_organization,
    make_source,
)


@pytest.fixture
def series():
    source = make_source(title="Customs yearbook")
    trade = make_indicator(name="Trade turnover", slug="trade", unit="", currency="USD")
    for year, value in [(2021, 1800), (2022, 2100), (2023, 1950), (2024, 2440)]:
        cite(
            add_observation(
                trade,
                period_start=datetime.date(year, 1, 1),
                period_end=datetime.date(year, 12, 31),
                period_precision=Precision.YEAR,
                value=Decimal(value) * 1_000_000,
            ),
            source,
        )
    trains = make_indicator(name="Freight trains", slug="trains")
    for month in range(1, 16):
        year, month = 2024 + (month - 1) // 12, (month - 1) % 12 + 1
        add_observation(
            trains,
            period_start=datetime.date(year, month, 1),
            period_end=datetime.date(year, month, calendar.monthrange(year, month)[1]),
            value=20 + month * 3 % 11,
        )
    single = make_indicator(name="Chinese learners", slug="learners", unit="people")
    add_observation(single, value=8000, change_percent=Decimal("12.5"))


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_key_figures_with_charts_pass_axe_without_console_errors(
    page, series, axe, browser_errors, language
):
    page.goto(f"/{language}/key-figures/")
    assert page.locator("svg[role=img]").count() == 2
    axe.assert_no_violations(page)
    assert browser_errors == []


def test_charts_are_styled_from_the_stylesheet(page, series, browser_errors):
    page.goto("/en/key-figures/")
    bar = page.locator("#trade rect.chart-bar").first
    # charts.css loaded (the CSP would block inline styles): bars take the brand
    # colour, not SVG's default black, and the line is not filled.
    assert bar.evaluate("el => getComputedStyle(el).fill") == "rgb(11, 79, 108)"
    line = page.locator("#trains path.chart-line")
    assert line.evaluate("el => getComputedStyle(el).fill") == "none"
    assert browser_errors == []


def test_a_chart_fits_a_narrow_screen(page, series, axe):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/en/key-figures/")
    box = page.locator("#trade svg").bounding_box()
    assert 300 <= box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_home_page_trend_passes_axe(page, series, axe, browser_errors):
    page.goto("/en/")
    assert page.locator("svg.trend").count() == 2
    axe.assert_no_violations(page)
    assert browser_errors == []


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_each_reporting_party_has_its_own_colour_and_key(
    page, series, axe, browser_errors, language
):
    trade = Indicator.objects.get(slug="trade")
    customs = make_organization(name="State Customs Committee")
    for year, value in [(2022, 2100), (2023, 1500), (2024, 2000)]:
        cite(
            add_observation(
                trade,
                period_start=datetime.date(year, 1, 1),
                period_end=datetime.date(year, 12, 31),
                period_precision=Precision.YEAR,
                value=Decimal(value) * 1_000_000,
                side=Side.AZERBAIJAN,
                reported_by=customs,
            )
        )
    page.goto(f"/{language}/key-figures/")
    fills = [
        page.locator(f"#trade rect.chart-series-{index}").first.evaluate(
            "el => getComputedStyle(el).fill"
        )
        for index in (0, 1)
    ]
    assert fills == ["rgb(11, 79, 108)", "rgb(164, 38, 44)"]
    # The key names both parties and the disagreement mark.
    assert page.locator("#trade .chart-legend li").count() == 3
    assert page.locator("#trade text.chart-disputed").count() == 2
    axe.assert_no_violations(page)
    assert browser_errors == []
