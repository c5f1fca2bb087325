"""The researched records (portal/seed/research/, issue 17): real records from
public pages, each fact with a verbatim quote and the page's address, loaded
by `make run` beside the interview's."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from tests.editorial.numbers import numbers_in, says

RESEARCH = Path(settings.BASE_DIR) / "portal" / "seed" / "research"
LANGUAGES = ("en", "az", "zh-hans")


def bundles():
    return [
        json.loads(path.read_text("utf-8")) for path in sorted(RESEARCH.glob("*.json"))
    ]


def records(section):
    return [record for bundle in bundles() for record in bundle.get(section, [])]


def test_the_number_reader_reads_news_quotes():
    assert says("trade reached $2.15 billion in 2022", "2150000000")
    assert says("amounted to $748,8 million", "748800000")
    assert says("去年中阿贸易额达13亿美元", "1300000000")
    assert says("약 6억 4,139만 달러", "641390000")
    assert says("more than 1,500 pupils", "1500")
    assert says("two weekly flights", "2")
    assert not says("trade reached $2.15 billion", "215000000")
    assert not says("USD 300 million", "30000000")
    assert Decimal("0.0354") in numbers_in("a tariff of 3.54 cents, USD 0.0354 per kWh")


def test_every_measure_and_observation_quotes_its_number():
    unsaid = []
    for indicator in records("indicators"):
        for row in indicator.get("observations", []):
            if not any(says(c["quote"], row["value"]) for c in row["citations"]):
                unsaid.append((indicator["slug"], row["period"], row["value"]))
    for project in records("projects"):
        for row in project.get("measures", []):
            for key in ("value", "value_high"):
                if key in row and not any(
                    says(c["quote"], row[key]) for c in row["citations"]
                ):
                    unsaid.append((project["slug"], row.get("kind"), row[key]))
    assert unsaid == []


def test_every_fact_has_a_verbatim_quote_and_an_address():
    sources = {s["slug"]: s for bundle in bundles() for s in bundle.get("sources", [])}
    assert all(
        s["url"].startswith("https://") or s["url"].startswith("http://")
        for s in sources.values()
    )
    new = [
        record
        for section in ("events", "agreements", "projects", "indicators")
        for record in records(section)
        if "title" in record or "name" in record
    ]
    assert len(new) >= 40
    for record in new:
        assert record["citations"], record["slug"]
        for citation in record["citations"]:
            assert citation["quote"].strip(), record["slug"]
        text = record.get("title") or record.get("name")
        assert set(text) == set(LANGUAGES), record["slug"]


def test_a_figure_with_ten_years_where_the_sides_disagree():
    trade = next(
        i
        for i in records("indicators")
        if i["slug"] == "china-azerbaijan-trade-turnover-reported"
    )
    yearly = [
        o
        for o in trade["observations"]
        if len(o["period"][0]) == 4 and o["period"][0] == o["period"][1]
    ]
    assert len({o["period"][0] for o in yearly}) >= 10
    by_year = {}
    for row in yearly:
        by_year.setdefault(row["period"][0], {}).setdefault(row["side"], set()).add(
            Decimal(row["value"])
        )
    disagreeing = [
        year
        for year, sides in by_year.items()
        if {"az", "cn"} <= set(sides) and sides["az"] != sides["cn"]
    ]
    assert disagreeing


@pytest.mark.django_db
def test_the_researched_records_load_with_the_seed_and_their_charts_show(client):
    from django.core.management import call_command

    from events.models import Agreement, Event
    from portal.core.models import Indicator
    from projects.models import Project

    call_command("load_seed", verbosity=0)
    researched = sum(
        model.objects.published()
        .exclude(citations__source__slug="lu-mei-apa-interview")
        .count()
        for model in (Event, Agreement, Project, Indicator)
    )
    assert researched >= 40
    trade = Indicator.objects.get(slug="china-azerbaijan-trade-turnover-reported")
    for language in LANGUAGES:
        response = client.get(f"/{language}/key-figures/")
        assert response.status_code == 200
        text = response.text
        start = text.index(f'id="{trade.slug}"')
        section = text[start : text.index("</section>", start)]
        assert '<svg class="chart-svg"' in section
        assert section.count("chart-line") + section.count("chart-bar") > 2
        assert 'class="disagree"' in section
    # Loading again changes nothing.
    from io import StringIO

    out = StringIO()
    call_command("load_seed", stdout=out)
    assert " 0 created, 0 updated" in out.getvalue()
    assert "created" in out.getvalue()
