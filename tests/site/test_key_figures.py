"""The key figures page and the home page's figures when sources disagree: each
reporting party's value of a period with its reporter and its sources, the
period marked "sources disagree", in every language; quarters and half-years
shown per language; components linked to the indicator they are part of."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from portal.core.dates import PeriodPrecision
from portal.core.models import Rank, Side, Status
from tests.builders import (
    add_observation,
    cite,
    make_indicator,
    make_organization,
    make_source,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "az", "zh-hans"]

DISAGREE = {
    "en": "Sources disagree",
    "az": "Mənbələr uyğun gəlmir",
    "zh-hans": "来源数字不一",
}
VALUES = {
    "en": ("USD 3.1 billion", "USD 2.2 billion"),
    "az": ("3,1 milyard", "2,2 milyard"),
    "zh-hans": ("31亿", "22亿"),
}
REPORTED_BY = {"en": "Reported by", "az": "Məlumat verən", "zh-hans": "发布方"}


def year(value):
    return {
        "period_start": datetime.date(value, 1, 1),
        "period_end": datetime.date(value, 12, 31),
        "period_precision": PeriodPrecision.YEAR,
    }


@pytest.fixture
def disputed(db):
    """Trade in 2023 as each side reports it, each from its own source, and
    an agreed figure for 2022."""
    trade = make_indicator(name="Trade turnover", slug="trade", currency="USD", unit="")
    customs = make_organization(
        name="State Customs Committee",
        name_az="Dövlət Gömrük Komitəsi",
        name_zh_hans="国家海关委员会",
        slug="customs",
    )
    china = add_observation(
        trade, value=Decimal("3100000000"), side=Side.CHINA, **year(2023)
    )
    cite(china, make_source(title="Chinese customs yearbook"), quote="3.1 billion")
    azerbaijan = add_observation(
        trade,
        value=Decimal("2200000000"),
        side=Side.AZERBAIJAN,
        reported_by=customs,
        **year(2023),
    )
    cite(azerbaijan, make_source(title="Azerbaijani customs report"), quote="2.2")
    cite(add_observation(trade, value=Decimal("2000000000"), **year(2022)))
    return trade


def page(client, name, language):
    with translation.override(language):
        url = reverse(name)
    return client.get(url).text


def section(html, slug):
    """One indicator's section of the key figures page."""
    start = html.index(f'<section class="indicator" id="{slug}"')
    end = html.find('<section class="indicator"', start + 1)
    return html[start:] if end == -1 else html[start:end]


def home_figure(html):
    """The first figure of the home page."""
    start = html.index('<li class="figure">')
    return html[start : html.index("</li>", start)]


def rows(html):
    """The data table's rows as text, one string per row."""
    table = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
        for row in re.findall(r"<tr.*?</tr>", table, re.S)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_sides_values_show_with_their_sources_and_a_disagreement_mark(
    client, disputed, language
):
    html = page(client, "key-figures", language)
    shown = rows(section(html, "trade"))
    chinese, azerbaijani = VALUES[language]
    china = next(row for row in shown if chinese in row)
    azerbaijan = next(row for row in shown if azerbaijani in row)
    for row in (china, azerbaijan):
        assert DISAGREE[language] in row
    assert "Chinese customs yearbook" in china
    assert {"en": "China", "az": "Çin", "zh-hans": "中国"}[language] in china
    assert "Azerbaijani customs report" in azerbaijan
    assert {
        "en": "State Customs Committee (Azerbaijan)",
        "az": "Dövlət Gömrük Komitəsi (Azərbaycan)",
        "zh-hans": "国家海关委员会 （阿塞拜疆）",  # the link, then the side
    }[language] in azerbaijan
    # The body is a link to its page.
    assert 'href="/' + language + '/organisations/customs/"' in html
    # The agreed year is not marked.
    agreed = next(row for row in shown if row.startswith("2022"))
    assert DISAGREE[language] not in agreed


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_shows_the_other_sides_value_beside_the_figure(
    client, disputed, language
):
    html = page(client, "home", language)
    figure = home_figure(html)
    chinese, azerbaijani = VALUES[language]
    assert DISAGREE[language] in figure
    assert chinese in figure and azerbaijani in figure
    assert "Chinese customs yearbook" in figure
    assert "Azerbaijani customs report" in figure
    assert REPORTED_BY[language] in figure


def test_the_preferred_value_leads_and_a_deprecated_one_is_marked_not_charted(
    client, disputed
):
    disputed.observations.filter(side=Side.AZERBAIJAN).update(rank=Rank.PREFERRED)
    add_observation(
        disputed,
        value=Decimal("9000000000"),
        side=Side.OTHER,
        rank=Rank.DEPRECATED,
        **year(2023),
    )
    home = page(client, "home", "en")
    figure = home_figure(home)
    assert figure.index("USD 2.2 billion") < figure.index("USD 3.1 billion")
    assert "USD 9 billion" not in figure
    html = section(page(client, "key-figures", "en"), "trade")
    deprecated = next(row for row in rows(html) if "USD 9 billion" in row)
    assert "(deprecated)" in deprecated
    assert 'class="observation-deprecated"' in html
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert "9 billion" not in chart


def test_a_reporter_readers_may_not_see_is_not_named(client, disputed):
    hidden = make_organization(name="Hidden bureau", status=Status.DRAFT)
    disputed.observations.filter(side=Side.CHINA).update(reported_by=hidden)
    for name in ("key-figures", "home"):
        html = page(client, name, "en")
        assert "Hidden bureau" not in html
        assert "China" in html


@pytest.mark.parametrize(
    ("language", "quarter", "half"),
    [
        ("en", "Q1 2024", "H1 2024"),
        ("az", "2024-cü ilin I rübü", "2024-cü ilin I yarısı"),
        ("zh-hans", "2024年第一季度", "2024年上半年"),
    ],
)
def test_quarters_and_half_years_show_in_each_language(
    client, db, language, quarter, half
):
    indicator = make_indicator(slug="trains")
    add_observation(
        indicator,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 3, 31),
        period_precision=PeriodPrecision.QUARTER,
    )
    add_observation(
        indicator,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 6, 30),
        period_precision=PeriodPrecision.HALF_YEAR,
    )
    span = make_indicator(slug="tourists", unit="tourists")
    add_observation(
        span,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 10, 31),
        period_precision=PeriodPrecision.MONTH,
    )
    html = page(client, "key-figures", language)
    shown = rows(section(html, "trains"))
    assert shown[0].startswith(quarter) and shown[1].startswith(half)
    # The chart's axis reads them the same way.
    chart = section(html, "trains")
    assert f">{quarter}</text>" in chart and f">{half}</text>" in chart
    months = {"en": "January", "az": "yanvar", "zh-hans": "2025年1—"}[language]
    assert months in section(html, "tourists")


def test_components_and_the_indicator_they_are_part_of_link_each_other(client, db):
    trade = make_indicator(name="Trade turnover", slug="trade")
    make_indicator(name="Exports", slug="exports", component_of=trade)
    make_indicator(name="Imports", slug="imports", component_of=trade)
    make_indicator(
        name="Re-exports", slug="re-exports", component_of=trade, status=Status.DRAFT
    )
    html = page(client, "key-figures", "en")
    whole = section(html, "trade")
    assert "Components:" in whole
    assert 'href="/en/key-figures/exports/">Exports</a>' in whole
    assert 'href="/en/key-figures/imports/">Imports</a>' in whole
    assert "Re-exports" not in html
    part = section(html, "exports")
    assert 'A component of: <a href="/en/key-figures/trade/">Trade turnover</a>' in part
    zh = page(client, "key-figures", "zh-hans")
    assert "组成部分：" in section(zh, "trade")
    assert "所属指标：" in section(zh, "exports")
