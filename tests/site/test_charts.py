"""Charts of key figures: valid SVG with accessible text, laid out so that higher
values are drawn higher, and no extra queries per indicator.

The seed (the ambassador's interview) gives one observation per indicator, so
the series here are built with tests/builders.py.
"""

import datetime
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal.core.dates import PeriodPrecision, Precision
from portal.core.models import Indicator, Observation, Side, Status
from portal.site.charts import (
    COLUMNS,
    LINE,
    build_trend,
    layout,
    nice_ticks,
    short_period,
)
from tests.builders import (
    add_observation,
    cite,
    make_indicator,
    make_organization,
    make_source,
)
from tests.site.test_html_validity import ROOT, VALIDATOR

SVG = "{http://www.w3.org/2000/svg}"
SVG_ELEMENT = re.compile(r"<svg\b.*?</svg>", re.DOTALL)

YEARLY_TRADE = [  # (year, value): made up for the tests, not the record
    (2021, "1800000000"),
    (2022, "2100000000"),
    (2023, "1950000000"),
    (2024, "2440000000"),
]


def yearly(indicator, series=YEARLY_TRADE, source=None, **reporter):
    for year, value in series:
        observation = add_observation(
            indicator,
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            period_precision=Precision.YEAR,
            value=Decimal(value),
            **reporter,
        )
        cite(observation, source)
    return indicator


@pytest.fixture
def trade(db):
    indicator = make_indicator(
        name="Trade turnover",
        name_az="Ticarət dövriyyəsi",
        name_zh_hans="贸易额",
        slug="trade",
        unit="",
        currency="USD",
    )
    return yearly(indicator, source=make_source(title="Customs yearbook"))


def svgs(html):
    """Every inline <svg> of a page, parsed as XML (which fails if it is not)."""
    return [ET.fromstring(match) for match in SVG_ELEMENT.findall(html)]


def text_of(svg):
    return " ".join(" ".join(element.itertext()) for element in svg.iter(f"{SVG}text"))


def chart_on(html, slug):
    charts = [
        s
        for s in svgs(html)
        if s.find(f"{SVG}title").get("id").startswith(f"chart-{slug}-")
    ]
    assert len(charts) == 1
    return charts[0]


# Geometry (no database)


def unsaved_series(values, precision=Precision.YEAR, start_year=2001, unit="trains"):
    indicator = Indicator(name="Test", unit=unit)
    return indicator, [
        Observation(
            indicator=indicator,
            period_start=datetime.date(start_year + i, 1, 1),
            period_end=datetime.date(start_year + i, 12, 31),
            period_precision=precision,
            value=Decimal(value),
        )
        for i, value in enumerate(values)
    ]


def two_parties(values_cn, values_az, start_year=2001):
    """Unsaved yearly figures of China's and Azerbaijan's sides."""
    indicator, china = unsaved_series(values_cn, start_year=start_year)
    _indicator, azerbaijan = unsaved_series(values_az, start_year=start_year)
    for observation in china:
        observation.side = Side.CHINA
    for observation in azerbaijan:
        observation.side = Side.AZERBAIJAN
        observation.indicator = indicator
    return indicator, [*china, *azerbaijan]


def test_axis_ticks_are_round_numbers_that_cover_the_values():
    assert nice_ticks(0, 2440) == [0, 500, 1000, 1500, 2000, 2500]
    assert nice_ticks(0, 351) == [0, 100, 200, 300, 400]
    assert nice_ticks(-5, 5) == [-6, -4, -2, 0, 2, 4, 6]
    assert nice_ticks(0, Decimal("0.7")) == [Decimal(n) / 10 for n in (0, 2, 4, 6, 8)]


def test_a_flat_or_empty_range_still_gets_a_scale():
    assert nice_ticks(0, 0) == [Decimal(n) / 10 for n in (0, 2, 4, 6, 8, 10)]
    ticks = nice_ticks(7, 7)
    assert ticks[0] <= 7 < ticks[-1]


def test_higher_values_are_drawn_higher_and_the_largest_nearest_the_top():
    indicator, observations = unsaved_series([120, 300, 80, 210])
    plot = layout(observations, indicator)
    ys = [float(point.y) for point in plot.points]
    by_value = sorted(range(4), key=lambda i: observations[i].value)
    assert sorted(ys, reverse=True) == [ys[i] for i in by_value]
    assert min(ys) >= float(plot.top)
    assert float(plot.ticks[-1].y) == float(plot.top)  # the top tick is the top
    assert float(plot.ticks[0].y) == float(plot.bottom)
    assert max(ys) < float(plot.bottom)
    xs = [float(point.x) for point in plot.points]
    assert xs == sorted(xs) and len(set(xs)) == 4
    assert plot.kind == COLUMNS


def test_columns_stand_on_zero_with_heights_in_proportion():
    indicator, observations = unsaved_series([100, 200, 400])
    plot = layout(observations, indicator)
    zero = float(plot.zero_y)
    for point in plot.points:
        assert float(point.bar_y) + float(point.bar_height) == pytest.approx(
            zero, abs=0.1
        )
    heights = [float(point.bar_height) for point in plot.points]
    assert heights[1] == pytest.approx(2 * heights[0], rel=0.01)
    assert heights[2] == pytest.approx(4 * heights[0], rel=0.01)


@pytest.mark.parametrize(
    "values",
    [[0, 0], [7, 7, 7], [-5, 0, 5], [-3, -8], [Decimal("0.01"), Decimal("0.02")]],
)
def test_zero_negative_and_flat_series_are_drawn_without_error(values):
    indicator, observations = unsaved_series(values)
    plot = layout(observations, indicator)
    zero = float(plot.zero_y)
    for point, value in zip(plot.points, values, strict=True):
        y = float(point.y)
        assert float(plot.top) <= y <= float(plot.bottom)
        assert (y < zero) if value > 0 else (y > zero) if value < 0 else (y == zero)
        if value < 0:
            assert float(point.bar_y) == zero  # hangs down from the zero line
    trend = build_trend_for(indicator, observations)
    assert "nan" not in trend.path.lower()


def build_trend_for(indicator, observations):
    indicator.slug = "test"
    return build_trend(indicator, observations)


def test_a_flat_trend_is_a_level_line():
    indicator, observations = unsaved_series([5, 5, 5])
    trend = build_trend_for(indicator, observations)
    ys = {pair.split()[1] for pair in trend.path[1:].split(" L")}
    assert ys == {"18"}  # half of the 36-unit height


def test_many_regular_periods_make_a_line_and_mixed_periods_make_columns():
    indicator, observations = unsaved_series(range(1, 16))
    plot = layout(observations, indicator)
    assert plot.kind == LINE
    assert plot.path.startswith("M") and plot.path.count("L") == 14
    # Labels are thinned so they do not overlap, but the latest is always there.
    labels = [point.axis_label for point in plot.points]
    assert labels[-1] == "2015"
    assert 2 <= sum(1 for label in labels if label) <= 15

    indicator, observations = unsaved_series([1, 2, 3])
    observations[-1].period_end = datetime.date(2003, 10, 31)
    assert layout(observations, indicator).kind == COLUMNS


def test_each_reporting_party_is_a_series_with_its_columns_side_by_side():
    indicator, observations = two_parties([100, 200, 300], [150, 200, 250])
    plot = layout(observations, indicator)
    assert plot.kind == COLUMNS
    assert [line.label for line in plot.lines] == ["China", "Azerbaijan"]
    assert [line.css for line in plot.lines] == ["chart-series-0", "chart-series-1"]
    china, azerbaijan = plot.lines
    for left, right in zip(china.points, azerbaijan.points, strict=True):
        # Same period: China's column just left of Azerbaijan's, not over it.
        end = float(left.bar_x) + float(left.bar_width)
        assert end == pytest.approx(float(right.bar_x), abs=0.1)
    marks = [float(mark.x) for mark in plot.periods]
    assert len(marks) == 3 and marks == sorted(marks)


def test_each_reporting_party_is_a_line_of_its_own_on_a_long_series():
    indicator, observations = two_parties(range(1, 16), range(2, 17))
    plot = layout(observations, indicator)
    assert plot.kind == LINE
    assert len(plot.lines) == 2
    assert all(line.path.count("L") == 14 for line in plot.lines)
    assert len(plot.periods) == 15


def test_a_deprecated_value_is_left_out_of_the_chart():
    indicator, observations = unsaved_series([100, 200, 300])
    observations[1].rank = "deprecated"
    plot = layout(observations, indicator)
    assert [point.value for point in plot.points] == [100, 300]


def test_quarters_on_the_axis_read_as_quarters():
    observation = Observation(
        period_start=datetime.date(2024, 4, 1),
        period_end=datetime.date(2024, 6, 30),
        period_precision=PeriodPrecision.QUARTER,
    )
    assert short_period(observation, "en") == "Q2 2024"
    assert short_period(observation, "zh-hans") == "2024年第二季度"


def test_short_period_labels_follow_the_language():
    observation = Observation(
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 10, 31),
        period_precision=Precision.MONTH,
    )
    assert short_period(observation, "en") == "Jan\u2009–\u2009Oct 2025"
    assert short_period(observation, "zh-hans").startswith("2025年1月")
    observation.period_precision = Precision.YEAR
    assert short_period(observation, "az") == "2025"


# The key figures page


def test_an_indicator_with_a_series_gets_an_accessible_chart(client, trade):
    html = client.get(reverse("key-figures")).text
    svg = chart_on(html, "trade")
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert title.text == "Trade turnover"
    assert desc.text == "From USD 1.8 billion in 2021 to USD 2.44 billion in 2024."
    labels = text_of(svg)
    assert "USD" in labels  # the unit
    assert "2.5 billion" in labels and "0" in labels.split()  # value axis
    assert all(str(year) in labels for year, _value in YEARLY_TRADE)  # periods
    assert len(svg.findall(f"{SVG}rect")) == len(YEARLY_TRADE)
    assert "Source:" in html and ">Customs yearbook</a>" in html


def test_the_chart_has_its_figures_in_a_table_beside_it(client, trade):
    html = client.get(reverse("key-figures")).text
    section = html[html.index('id="trade"') :]
    section = section[: section.index("</section>")]
    table = section[section.index("<table") : section.index("</table>") + 8]
    assert "Trade turnover, by period</caption>" in table
    rows = re.findall(r'<th scope="row">(.*?)</th>\s*<td>(.*?)<', table)
    assert rows == [
        ("2021", "USD 1.8 billion"),
        ("2022", "USD 2.1 billion"),
        ("2023", "USD 1.95 billion"),
        ("2024", "USD 2.44 billion"),
    ]


def test_the_highest_figure_is_named_when_it_lies_between_first_and_last(client, db):
    indicator = yearly(
        make_indicator(slug="trains"), [(2022, "100"), (2023, "900"), (2024, "300")]
    )
    html = client.get(reverse("key-figures")).text
    desc = chart_on(html, indicator.slug).find(f"{SVG}desc").text
    assert desc == (
        "From 100 trains in 2022 to 300 trains in 2024. Highest: 900 trains in 2023."
    )


@pytest.mark.parametrize(
    ("language", "title", "first", "tick"),
    [
        ("en", "Trade turnover", "USD 1.8 billion", "2.5 billion"),
        ("az", "Ticarət dövriyyəsi", "1,8 milyard", "2,5 milyard"),
        ("zh-hans", "贸易额", "18亿", "25亿"),
    ],
)
def test_chart_labels_and_numbers_read_in_each_language(
    client, trade, language, title, first, tick
):
    yearly(make_indicator(slug="trains"), [(2010 + i, f"{i}.5") for i in range(14)])
    html = client.get(f"/{language}/key-figures/").text
    svg = chart_on(html, "trade")
    assert svg.find(f"{SVG}title").text == title
    assert svg.find(f"{SVG}title").get("lang") is None  # translated
    assert chart_on(html, "trains").find(f"{SVG}title").get("lang") == (
        None if language == "en" else "en"  # not translated: shown in English
    )
    assert first in svg.find(f"{SVG}desc").text
    assert tick in text_of(svg)
    # Coordinates are never localised: "12,5" would break the drawing in az.
    for element in svg.iter():
        for name in ("x", "y", "width", "height", "cx", "cy", "y1", "y2"):
            if element.get(name) is not None:
                float(element.get(name))
    line = chart_on(html, "trains").find(f"{SVG}path").get("d")
    assert re.fullmatch(r"M[\d. L]+", line), line


def test_a_single_observation_shows_as_a_figure_not_a_chart(client, db):
    indicator = make_indicator(slug="learners", unit="people")
    add_observation(indicator, value=8000, change_percent=Decimal("12.5"))
    html = client.get(reverse("key-figures")).text
    section = html[html.index('id="learners"') :]
    section = section[: section.index("</section>")]
    assert "<svg" not in section
    assert 'class="figure-value">8,000 people</p>' in section
    assert "+12.5% on a year earlier" in section


def test_unpublished_indicators_have_no_chart(client, db):
    for status in (Status.DRAFT, Status.REVIEW, Status.ARCHIVED):
        yearly(make_indicator(slug=f"hidden-{status}", status=status))
    for url in (reverse("key-figures"), reverse("home")):
        html = client.get(url).text
        assert "hidden-" not in html
        assert svgs(html) == []


def test_the_charts_pass_html_validate_in_every_language(client, trade, tmp_path):
    if not VALIDATOR.exists():
        pytest.fail("html-validate is missing: run `npm ci` (make test does).")
    yearly(make_indicator(slug="trains"), [(2022 - i, str(i * 10)) for i in range(14)])
    files = []
    for language in ("en", "az", "zh-hans"):
        for name in ("key-figures", "home"):
            with translation.override(language):
                url = reverse(name)
            path = tmp_path / f"{name}-{language}.html"
            path.write_bytes(client.get(url).content)
            files.append(str(path))
    report_file = tmp_path / "report.json"
    subprocess.run(
        [
            str(VALIDATOR),
            "--config",
            str(ROOT / ".htmlvalidate.json"),
            "--formatter",
            f"json={report_file}",
            *files,
        ],
        capture_output=True,
        check=False,
    )
    reports = json.loads(report_file.read_text() or "[]")
    problems = [
        f"{report['filePath']}:{message['line']}: {message['message']}"
        for report in reports
        for message in report["messages"]
    ]
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_the_chart_shows_one_series_per_reporting_party(client, db, language):
    indicator = make_indicator(
        name="Trade turnover", slug="trade", currency="USD", unit=""
    )
    customs = make_organization(
        name="State Customs Committee", name_az="Dövlət Gömrük Komitəsi"
    )
    yearly(indicator, source=make_source(title="Customs yearbook"), side=Side.CHINA)
    agreed = [(year, value) for year, value in YEARLY_TRADE[:2]]
    differ = [(2023, "1500000000"), (2024, "2000000000")]
    yearly(
        indicator,
        agreed + differ,
        source=make_source(title="Committee report"),
        side=Side.AZERBAIJAN,
        reported_by=customs,
    )
    html = client.get(f"/{language}/key-figures/").text
    svg = chart_on(html, "trade")
    bars = svg.findall(f"{SVG}rect")
    assert len(bars) == 8
    assert [bar.get("class") for bar in bars] == ["chart-bar chart-series-0"] * 4 + [
        "chart-bar chart-series-1"
    ] * 4
    # The periods whose values differ are marked, on the chart and in words.
    marks = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "chart-disputed"]
    assert len(marks) == 2
    desc = svg.find(f"{SVG}desc").text
    china, committee, disagree = {
        "en": ("China", "State Customs Committee (Azerbaijan)", "Sources disagree"),
        "az": ("Çin", "Dövlət Gömrük Komitəsi (Azərbaycan)", "Mənbələr uyğun gəlmir"),
        "zh-hans": ("中国", "State Customs Committee（阿塞拜疆）", "来源数字不一"),
    }[language]
    assert desc.startswith(china + ":" if language != "zh-hans" else china + "：")
    assert committee in desc and disagree in desc
    legend = html[html.index('<ul class="chart-legend">') :]
    legend = legend[: legend.index("</ul>")]
    assert china in legend and committee in legend and disagree in legend
    assert "Customs yearbook" in html and "Committee report" in html


# The home page


def test_the_home_page_trend_draws_a_line_per_reporting_party(client, trade):
    yearly(trade, [(2021, "1"), (2024, "2")], side=Side.AZERBAIJAN)
    trend = svgs(client.get(reverse("home")).text)[0]
    paths = trend.findall(f"{SVG}path")
    assert [path.get("class") for path in paths] == [
        "trend-line chart-series-0",
        "trend-line chart-series-1",
    ]


def test_the_home_page_shows_a_small_trend_beside_a_figure_with_a_series(client, trade):
    single = make_indicator(slug="single")
    add_observation(single)
    html = client.get(reverse("home")).text
    trends = svgs(html)
    assert len(trends) == 1
    trend = trends[0]
    assert trend.get("role") == "img"
    title, desc = trend.find(f"{SVG}title"), trend.find(f"{SVG}desc")
    assert trend.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert title.text == "Trend: Trade turnover"
    assert desc.text == "From USD 1.8 billion in 2021 to USD 2.44 billion in 2024."
    assert "css/charts" in html


# Query counts


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["key-figures", "home"])
def test_charts_cost_no_query_per_indicator(client, db, name):
    source = make_source()

    def add(count):
        # Each with a second party's series, its body public, and the other
        # indicators' parts: what is shown of them costs no query each.
        for _ in range(count):
            indicator = yearly(make_indicator(), source=source)
            yearly(
                indicator,
                source=source,
                side=Side.AZERBAIJAN,
                reported_by=make_organization(),
            )
            make_indicator(component_of=indicator)

    add(2)
    url = reverse(name)
    count_queries(client, url)  # warm caches
    small = count_queries(client, url)
    add(18)
    large = count_queries(client, url)
    assert len(svgs(client.get(url).text)) == 20
    assert client.get(url).text.count("chart-series-1") >= 20
    assert small == large
