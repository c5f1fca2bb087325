"""Issue 20: the key figures as charts that use the width, and a page per key
figure (`key-figure`) with a chart for each reporting party and every value in
a table."""

import datetime
import itertools
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal.core.dates import PeriodPrecision
from portal.core.models import Side, Status
from tests.builders import (
    add_observation,
    cite,
    make_indicator,
    make_organization,
    make_source,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["en", "az", "zh-hans"]
YEARS = {
    2021: ("3100000000", "2200000000"),
    2022: ("3300000000", "2500000000"),
    2023: ("3600000000", "2400000000"),
}


def year(value):
    return {
        "period_start": datetime.date(value, 1, 1),
        "period_end": datetime.date(value, 12, 31),
        "period_precision": PeriodPrecision.YEAR,
    }


@pytest.fixture
def trade(db):
    """Trade as each side reports it, for three years, each value from its own
    source: two reporting parties, a series each."""
    trade = make_indicator(name="Trade turnover", slug="trade", currency="USD", unit="")
    customs = make_organization(name="State Customs Committee", slug="customs")
    for when, (china, azerbaijan) in YEARS.items():
        cited = add_observation(
            trade, cited=False, value=Decimal(china), side=Side.CHINA, **year(when)
        )
        cite(cited, make_source(title=f"Chinese yearbook {when}"), quote=china)
        cited = add_observation(
            trade,
            cited=False,
            value=Decimal(azerbaijan),
            side=Side.AZERBAIJAN,
            reported_by=customs,
            **year(when),
        )
        cite(cited, make_source(title=f"Customs report {when}"), quote=azerbaijan)
    return trade


def get(client, name, language="en", **kwargs):
    with translation.override(language):
        url = reverse(name, kwargs=kwargs or None)
    return client.get(url)


def svg_ids(html):
    return re.findall(
        r'<svg class="chart-svg"[^>]*aria-labelledby="([^" ]+)-title', html
    )


# A page per key figure


def test_an_indicator_links_to_its_own_page(db):
    indicator = make_indicator(slug="trains")
    assert indicator.get_absolute_url() == "/en/key-figures/trains/"
    with translation.override("az"):
        assert indicator.get_absolute_url() == "/az/key-figures/trains/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_key_figure_page_has_a_chart_per_reporting_party_and_the_table(
    client, trade, language
):
    response = get(client, "key-figure", language, slug="trade")
    assert response.status_code == 200
    html = response.text
    # The chart of both parties, then one chart per party.
    assert svg_ids(html) == [
        "chart-trade",
        "chart-trade-party-0",
        "chart-trade-party-1",
    ]
    party = html[html.index('id="chart-trade-party-1-title"') :]
    assert "State Customs Committee" in party[: party.index("</title>")]
    # Each party's chart names its own sources only.
    china = html[html.index('id="chart-trade-party-0-title"') :]
    china = china[: china.index("</figure>")]
    assert "Chinese yearbook 2021" in china and "Customs report" not in china
    # Every value in the table, with its source.
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    assert len(re.findall(r"<tr[ >]", table)) == 2 * len(YEARS)
    for when in YEARS:
        assert f"Customs report {when}" in table and f"Chinese yearbook {when}" in table
    # Readers find their way back to every key figure.
    assert f'href="/{language}/key-figures/"' in html


def series_colours(html, chart_id):
    """The series colours (charts.css classes) drawn in one chart, in order."""
    svg = html[html.index(f'aria-labelledby="{chart_id}-title') :]
    svg = svg[: svg.index("</svg>")]
    found = re.findall(r'class="chart-(?:bar|line|dot) (chart-series-\d)"', svg)
    return list(dict.fromkeys(found))


def test_each_partys_own_chart_keeps_its_colour_from_the_chart_of_both(client, trade):
    html = get(client, "key-figure", slug="trade").text
    both = series_colours(html, "chart-trade")
    assert len(both) == 2
    assert [
        series_colours(html, "chart-trade-party-0"),
        series_colours(html, "chart-trade-party-1"),
    ] == [[both[0]], [both[1]]]


def test_one_partys_figures_have_one_chart(client, db):
    indicator = make_indicator(slug="trains")
    for when in (2022, 2023, 2024):
        add_observation(indicator, value=100 + when % 10, **year(when))
    html = get(client, "key-figure", slug="trains").text
    assert svg_ids(html) == ["chart-trains"]


def test_a_single_figure_is_a_figure_on_its_page(client, db):
    indicator = make_indicator(slug="learners", unit="people")
    add_observation(indicator, value=8000)
    html = get(client, "key-figure", slug="learners").text
    assert "<svg" not in html
    assert 'class="figure-value">8,000 people</p>' in html
    # No heading level skipped (axe heading-order): the page's only section
    # after its h1 is the downloads, an h2.
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.ARCHIVED])
def test_an_unpublished_or_unknown_key_figure_is_not_found(client, db, status):
    make_indicator(slug="hidden", status=status)
    assert get(client, "key-figure", slug="hidden").status_code == 404
    assert get(client, "key-figure", slug="no-such-figure").status_code == 404


def test_the_key_figure_page_makes_as_many_queries_at_any_size(client, trade):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert get(client, "key-figure", slug="trade").status_code == 200
        return len(queries)

    small = count()
    for when in range(2000, 2010):
        add_observation(trade, value=when, side=Side.CHINA, **year(when))
    assert count() == small


# The key figures page uses the width


def test_the_key_figures_are_cards_on_a_grid_each_linking_to_its_page(client, trade):
    single = make_indicator(slug="learners", unit="people")
    add_observation(single, value=8000)
    html = get(client, "key-figures").text
    grid = html[html.index('<div class="indicator-grid">') :]
    # Both indicators, the charted and the single figure, are cards of the grid.
    for slug in ("trade", "learners"):
        assert f'<section class="indicator" id="{slug}"' in grid
        assert f'href="/en/key-figures/{slug}/"' in grid
    # The chart with its sources, the data table folded under it.
    card = grid[grid.index('id="trade"') :]
    assert card.index("<svg") < card.index('<details class="chart-table">')
    assert card.index('<details class="chart-table">') < card.index("<table")
    assert "Sources:" in card


def test_the_grid_fills_the_width_and_a_single_figure_is_not_narrowed():
    css = (ROOT / "static" / "css" / "charts.css").read_text()
    grid = re.search(r"\.indicator-grid \{([^}]*)\}", css)
    assert grid, "charts.css has no .indicator-grid rule"
    assert "display: grid" in grid.group(1)
    assert "repeat(auto-fill" in grid.group(1)
    # The single figure used to be a 28rem card in an otherwise empty row.
    assert re.search(r"\.indicator-grid \.figure-single \{[^}]*max-width: none", css)
