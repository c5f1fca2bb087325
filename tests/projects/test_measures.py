"""A project's measures (issue 17, item 2): any number of sourced values of
any kind, each with its qualifier, range, unit or currency, date, rank and
citations; shown per language, with "also reported" values and their sources,
and a plain word when the sources disagree."""

import datetime
import io
import json
import re
import zipfile
from decimal import Decimal

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from portal.core.formatting import format_exact, format_quantity
from portal.core.models import Status
from portal.opendata.downloads import read_csv
from projects.models import Measure, PartnerRole, Rank
from projects.resources import MeasureResource
from tests.builders import (
    add_measure,
    add_partner,
    cite,
    make_organization,
    make_project,
    make_source,
    measure_kind,
    unit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plant():
    """A solar plant reported about USD 300 million, 20–25 MW and a tariff of
    USD 0.049 per kWh."""
    project = make_project(slug="plant", title="Solar plant")
    add_measure(project, 20, value_high=25, rank=Rank.PREFERRED)
    add_measure(
        project,
        300_000_000,
        "investment",
        "money",
        currency="USD",
        qualifier="about",
        rank=Rank.PREFERRED,
    )
    add_measure(
        project,
        Decimal("0.049"),
        "cost",
        "money",
        currency="USD",
        per_unit="kwh",
        rank=Rank.PREFERRED,
    )
    return project


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", ["20–25 MW", "about USD 300 million", "USD 0.049 per kWh"]),
        ("az", ["20–25 MVt", "təxminən 300 milyon USD", "hər kVt·saat üçün 0,049 USD"]),
        ("zh-hans", ["20—25兆瓦", "约3亿美元", "0.049美元/千瓦时"]),
    ],
)
def test_measures_read_in_each_language(client, plant, language, shown):
    text = client.get(f"/{language}/projects/plant/").text
    for value in shown:
        assert value in text


def test_the_kinds_of_measure_are_named_in_each_language(client, plant):
    assert "İnvestisiya" in client.get("/az/projects/plant/").text
    assert "投资额" in client.get("/zh-hans/projects/plant/").text


@pytest.mark.parametrize(
    ("qualifier", "shown"),
    [
        ("exact", "1,500 jobs"),
        ("more_than", "more than 1,500 jobs"),
        ("less_than", "less than 1,500 jobs"),
        ("up_to", "up to 1,500 jobs"),
        ("about", "about 1,500 jobs"),
    ],
)
def test_each_qualifier_is_said(client, qualifier, shown):
    project = make_project(slug="factory")
    add_measure(project, 1500, "jobs", "jobs", qualifier=qualifier)
    assert shown in client.get("/en/projects/factory/").text


def test_numbers_keep_every_decimal_and_money_its_minor_units():
    with translation.override("en"):
        assert format_exact(Decimal("0.049000")) == "0.049"
        assert format_exact(Decimal("1234567.891")) == "1,234,567.891"
        # A compact form only where it loses nothing.
        assert format_exact(1_234_567) == "1,234,567"
        assert format_exact(34_500_000) == "34.5 million"
        assert format_quantity(Decimal("12.5"), currency="USD") == "USD 12.50"
        assert format_quantity(Decimal("12.5"), currency="JPY") == "JPY 12.5"
        assert format_quantity(1000, currency="KWD") == "KWD 1,000"
        assert format_quantity(Decimal("1.5"), currency="KWD") == "KWD 1.500"
        assert format_quantity(20_000_000, 25_000_000, currency="USD") == (
            "USD 20–25 million"
        )
    with translation.override("az"):
        assert format_exact(Decimal("1234567.891")) == "1.234.567,891"


def test_a_card_shows_the_first_kind_of_measure(client, plant):
    text = client.get("/en/projects/").text
    assert "20–25 MW" in text


def disagreeing(first_rank=Rank.PREFERRED):
    """A plant whose yearly output one source gives as 180 and another as 260
    million kWh."""
    project = make_project(slug="hydro", title="Hydro plant")
    preferred = add_measure(
        project, 180, "annual-output", "million-kwh", rank=first_rank
    )
    cite(preferred, make_source(title="Ministry of Energy release"), quote="180")
    other = add_measure(project, 260, "annual-output", "million-kwh", position=1)
    cite(other, make_source(title="News agency report"), quote="260")
    return project


def test_a_disagreement_is_shown_with_both_values_and_their_sources(client):
    disagreeing()
    text = client.get("/en/projects/hydro/").text
    assert "180 million kWh" in text
    assert "260 million kWh" in text
    assert "Also reported" in text
    assert "The sources disagree on this figure" in text
    assert "Ministry of Energy release" in text
    assert "News agency report" in text
    # The preferred value first, the other after "also reported".
    assert text.index("180 million kWh") < text.index("Also reported")
    assert text.index("Also reported") < text.index("260 million kWh")


def test_without_a_preferred_value_the_normal_ones_are_shown_together(client):
    disagreeing(first_rank=Rank.NORMAL)
    text = client.get("/en/projects/hydro/").text
    assert "Also reported" not in text
    assert "The sources disagree on this figure" in text


def test_agreeing_sources_and_values_of_different_dates_do_not_disagree(client):
    project = make_project(slug="wind")
    add_measure(project, 240, rank=Rank.PREFERRED)
    add_measure(project, 240, position=1)
    grown = make_project(slug="grown")
    add_measure(grown, 100, as_of=datetime.date(2020, 1, 1), as_of_precision="year")
    add_measure(
        grown,
        200,
        position=1,
        as_of=datetime.date(2024, 1, 1),
        as_of_precision="year",
    )
    assert "disagree" not in client.get("/en/projects/wind/").text
    text = client.get("/en/projects/grown/").text
    assert "disagree" not in text
    assert "as of 2020" in text


def test_a_deprecated_value_is_shown_as_such(client):
    project = make_project(slug="old")
    add_measure(project, 240, rank=Rank.PREFERRED)
    add_measure(project, 250, position=1, rank=Rank.DEPRECATED)
    text = client.get("/en/projects/old/").text
    assert "considered wrong or outdated" in text
    # Known to be wrong: not a disagreement of the sources.
    assert "disagree" not in text


def test_a_measure_shows_only_the_citations_readers_may_see(client):
    project = make_project(slug="plant")
    measure = add_measure(project, 240)
    cite(measure, make_source(title="Public report"), quote="240 MW online")
    cite(measure, make_source(title="Draft memo", status=Status.DRAFT))
    text = client.get("/en/projects/plant/").text
    assert "Public report" in text
    assert "240 MW online" in text
    assert "Draft memo" not in text


def test_a_project_without_measures_says_they_are_not_stated(client):
    make_project(slug="bare")
    assert "not stated in the sources" in client.get("/en/projects/bare/").text


# The rules of a measure


def invalid(measure):
    try:
        measure.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_money_needs_an_iso_4217_currency_and_nothing_else_has_one():
    project = make_project()
    money, mw = unit("money"), unit("mw")
    kind = measure_kind("investment")

    def measure(**fields):
        return Measure(project=project, kind=kind, value=1, **fields)

    assert "currency" in invalid(measure(unit=money))
    assert "currency" in invalid(measure(unit=money, currency="XYZ"))
    assert "currency" in invalid(measure(unit=mw, currency="USD"))
    assert invalid(measure(unit=money, currency="EUR")) == {}
    # Any code of the ISO list, not only the three the portal began with.
    assert invalid(measure(unit=money, currency="KWD")) == {}
    assert invalid(measure(unit=mw)) == {}


def test_a_range_runs_upwards_and_each_kind_numbers_its_measures():
    project = make_project()
    assert "value_high" in invalid(
        Measure(
            project=project,
            kind=measure_kind(),
            unit=unit(),
            value=25,
            value_high=20,
        )
    )
    with transaction.atomic(), pytest.raises(IntegrityError):
        add_measure(project, 25, value_high=20)
    add_measure(project, 240)
    with transaction.atomic(), pytest.raises(IntegrityError):
        add_measure(project, 250)
    # The same order in another kind is another measure.
    add_measure(project, 1000, "jobs", "jobs")


def test_six_decimals_and_trillions_fit():
    project = make_project()
    tariff = add_measure(project, Decimal("0.049125"), "cost", "money", currency="USD")
    tariff.refresh_from_db()
    assert tariff.value == Decimal("0.049125")
    huge = add_measure(
        project, Decimal("12000000000000"), "investment", "money", currency="CNY"
    )
    huge.refresh_from_db()
    assert huge.value == Decimal("12000000000000")


# Open data


def test_the_api_gives_every_measure_with_its_citations(client):
    project = disagreeing()
    data = client.get(f"/api/v1/projects/{project.slug}/").json()
    measures = data["measures"]
    assert [m["value_display"] for m in measures] == [
        "180 million kWh",
        "260 million kWh",
    ]
    first = measures[0]
    assert first["kind"] == "annual-output"
    assert first["unit"] == "million-kwh"
    assert first["rank"] == "preferred"
    assert Decimal(str(first["value"])) == 180
    assert first["citations"][0]["source"]["title"] == "Ministry of Energy release"
    assert data["measures_disagree"] == ["annual-output"]


def test_the_api_gives_money_with_its_currency_and_tariff_decimals(client, plant):
    data = client.get("/api/v1/projects/plant/").json()
    tariff = next(m for m in data["measures"] if m["kind"] == "cost")
    assert Decimal(str(tariff["value"])) == Decimal("0.049")
    assert (tariff["currency"], tariff["per_unit"]) == ("USD", "kwh")
    assert tariff["value_display"] == "USD 0.049 per kWh"


def test_the_projects_csv_lists_the_measures(client, plant):
    (row,) = read_csv(client.get("/en/download/projects.csv").getvalue())
    assert "capacity: 20–25 MW [preferred]" in row["measures"]
    assert "cost: USD 0.049 per kWh [preferred]" in row["measures"]


def test_the_dataset_has_a_measures_file_with_their_sources(download_dataset):
    project = disagreeing()
    draft = make_project(slug="draft", status=Status.DRAFT)
    add_measure(draft, 999)
    archive = zipfile.ZipFile(io.BytesIO(download_dataset().getvalue()))
    rows = read_csv(archive.read("measures.csv"))
    assert [(row["project"], row["value_display"]) for row in rows] == [
        (project.slug, "180 million kWh"),
        (project.slug, "260 million kWh"),
    ]
    assert "Ministry" not in rows[1]["citations"]
    assert rows[0]["citations"].endswith(": 180")
    assert "measures.json" in archive.namelist()


# The spreadsheet import

HEADERS = ["project", "kind", "position", "rank", "qualifier", "value", "unit"]


def import_measures(user, *rows, headers=HEADERS, dry_run=False):
    dataset = tablib.Dataset(*rows, headers=headers)
    return MeasureResource(user=user).import_data(dataset, dry_run=dry_run)


def test_a_measures_file_adds_and_then_updates_a_projects_measures(editor):
    project = make_project(slug="hydro")
    rows = [
        ("hydro", "annual-output", "0", "preferred", "exact", "180", "million-kwh"),
        ("hydro", "annual-output", "1", "normal", "about", "260", "million-kwh"),
    ]
    result = import_measures(editor, *rows)
    assert not result.has_errors() and not result.has_validation_errors()
    assert [(m.value, m.qualifier) for m in project.measures.all()] == [
        (180, "exact"),
        (260, "about"),
    ]
    again = import_measures(editor, *rows)
    assert again.totals["skip"] == 2
    changed = import_measures(
        editor,
        ("hydro", "annual-output", "1", "normal", "about", "270", "million-kwh"),
    )
    assert changed.totals["update"] == 1
    assert project.measures.count() == 2


def test_a_measures_file_says_what_is_wrong_with_a_row(editor):
    make_project(slug="hydro")
    result = import_measures(
        editor,
        ("hydro", "investment", "0", "preferred", "exact", "300", "money", "XYZ"),
        ("nowhere", "capacity", "0", "preferred", "exact", "5", "mw", ""),
        headers=[*HEADERS, "currency"],
    )
    messages = " ".join(
        str(message)
        for row in result.invalid_rows
        for messages in row.error_dict.values()
        for message in messages
    )
    assert "ISO 4217" in messages
    assert "nowhere" in messages
    assert not Measure.objects.exists()


def test_a_currency_in_small_letters_is_read_in_capitals(editor):
    project = make_project(slug="hydro")
    result = import_measures(
        editor,
        ("hydro", "investment", "0", "preferred", "about", "34000000", "money", "usd"),
        headers=[*HEADERS, "currency"],
    )
    assert not result.has_validation_errors()
    assert project.measures.get().currency == "USD"


# JSON-LD

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_the_project_page_describes_its_measures_and_partners_as_json_ld(client):
    project = disagreeing()
    add_measure(project, 20, value_high=25)
    add_partner(project, make_organization(name="Green Bank"), PartnerRole.LENDER)
    add_partner(project, make_organization(name="Builder Co"), PartnerRole.CONTRACTOR)
    add_partner(
        project,
        make_organization(name="Hidden Fund", status=Status.DRAFT),
        PartnerRole.INVESTOR,
    )
    (block,) = JSON_LD.findall(client.get("/en/projects/hydro/").text)
    data = json.loads(block)
    assert data["@type"] == "Project"
    assert data["name"] == "Hydro plant"
    assert [funder["name"] for funder in data["funder"]] == ["Green Bank"]
    assert [member["name"] for member in data["member"]] == ["Builder Co"]
    values = {value["propertyID"]: value for value in data["additionalProperty"]}
    assert values["annual-output"]["value"] == 180
    assert values["annual-output"]["description"] == "180 million kWh"
    assert (values["capacity"]["minValue"], values["capacity"]["maxValue"]) == (
        20,
        25,
    )
    assert "Hidden Fund" not in block
