"""Key figures that can disagree (portal/core/models/indicators.py): periods of a
quarter or a half-year, who reports each value, several values of one period
side by side, ranks, components, and the spreadsheet import that keys a value
by its reporter and never lets a later value keep an earlier value's quote."""

import datetime
from decimal import Decimal

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from portal.core.dates import PeriodPrecision
from portal.core.models import (
    Citation,
    Indicator,
    Observation,
    Rank,
    Side,
    Status,
)
from portal.core.resources import IndicatorResource, ObservationResource
from tests.builders import (
    add_observation,
    cite,
    make_indicator,
    make_organization,
    make_source,
)

YEAR_2023 = {
    "period_start": datetime.date(2023, 1, 1),
    "period_end": datetime.date(2023, 12, 31),
    "period_precision": PeriodPrecision.YEAR,
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "precision", "valid"),
    [
        ((2024, 1, 1), (2024, 3, 31), PeriodPrecision.QUARTER, True),
        ((2024, 10, 1), (2024, 12, 31), PeriodPrecision.QUARTER, True),
        ((2024, 1, 1), (2024, 4, 30), PeriodPrecision.QUARTER, False),
        ((2024, 2, 1), (2024, 4, 30), PeriodPrecision.QUARTER, False),
        ((2024, 1, 1), (2024, 6, 30), PeriodPrecision.HALF_YEAR, True),
        ((2024, 7, 1), (2024, 12, 31), PeriodPrecision.HALF_YEAR, True),
        ((2024, 4, 1), (2024, 9, 30), PeriodPrecision.HALF_YEAR, False),
        ((2024, 1, 1), (2024, 12, 31), PeriodPrecision.HALF_YEAR, False),
    ],
)
def test_a_quarter_or_half_year_observation_must_really_be_one(
    start, end, precision, valid
):
    observation = Observation(
        indicator=make_indicator(),
        period_start=datetime.date(*start),
        period_end=datetime.date(*end),
        period_precision=precision,
        value=1,
    )
    if valid:
        observation.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            observation.full_clean()
        assert "period_end" in error.value.message_dict


# Reporting parties -------------------------------------------------------------


@pytest.mark.django_db
def test_two_sides_values_for_the_same_year_coexist():
    trade = make_indicator(currency="USD", unit="")
    customs = make_organization(name="State Customs Committee")
    china = add_observation(trade, value=Decimal("3.1e9"), side=Side.CHINA, **YEAR_2023)
    azerbaijan = add_observation(
        trade,
        value=Decimal("2.2e9"),
        side=Side.AZERBAIJAN,
        reported_by=customs,
        **YEAR_2023,
    )
    assert list(trade.observations.order_by("value")) == [azerbaijan, china]
    assert azerbaijan.reporter_label() == "State Customs Committee (Azerbaijan)"
    assert china.reporter_label() == "China"


@pytest.mark.django_db
@pytest.mark.parametrize("named", [True, False])
def test_one_party_reports_one_value_per_period(named):
    # Without a body the reporter is NULL, which a plain unique constraint would
    # let repeat on both databases.
    trade = make_indicator()
    body = make_organization() if named else None
    add_observation(trade, side=Side.CHINA, reported_by=body, **YEAR_2023)
    with pytest.raises(IntegrityError), transaction.atomic():
        add_observation(trade, side=Side.CHINA, reported_by=body, **YEAR_2023)
    twin = Observation(
        indicator=trade, side=Side.CHINA, reported_by=body, value=2, **YEAR_2023
    )
    with pytest.raises(ValidationError):
        twin.full_clean()
    # Another side, or another body, is another value.
    add_observation(trade, side=Side.AZERBAIJAN, reported_by=body, **YEAR_2023)
    add_observation(
        trade, side=Side.CHINA, reported_by=make_organization(), **YEAR_2023
    )
    assert trade.observations.count() == 3


@pytest.mark.django_db
def test_sources_disagree_when_values_of_a_period_differ_unless_deprecated():
    trade = make_indicator()
    china = add_observation(trade, value=310, side=Side.CHINA, **YEAR_2023)
    azerbaijan = add_observation(trade, value=220, side=Side.AZERBAIJAN, **YEAR_2023)
    other = add_observation(trade, value=310, side=Side.OTHER, **YEAR_2023)
    alone = add_observation(trade, value=5)

    def disagreeing():
        return {
            o.pk: o.sources_disagree for o in Observation.objects.with_disagreement()
        }

    assert disagreeing() == {
        china.pk: True,
        azerbaijan.pk: True,
        other.pk: True,
        alone.pk: False,
    }
    Observation.objects.filter(pk=azerbaijan.pk).update(rank=Rank.DEPRECATED)
    assert not any(disagreeing().values())


@pytest.mark.django_db
def test_the_preferred_value_of_the_latest_period_is_the_headline():
    trade = make_indicator()
    add_observation(trade, value=1, side=Side.CHINA, **YEAR_2023)
    add_observation(
        trade,
        value=2,
        side=Side.AZERBAIJAN,
        rank=Rank.PREFERRED,
        **YEAR_2023,
    )
    add_observation(
        trade,
        value=3,
        rank=Rank.DEPRECATED,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
        period_precision=PeriodPrecision.YEAR,
    )
    trade = Indicator.objects.for_detail().get(pk=trade.pk)
    assert trade.latest_observation.value == 2
    assert [o.value for o in trade.latest_period.also_reported] == [1]
    assert trade.latest_period.disagree
    # Each party its own series; the deprecated value in none.
    assert [[o.value for o in one.observations] for one in trade.series] == [
        [1],
        [2],
    ]


# Components --------------------------------------------------------------------


@pytest.mark.django_db
def test_an_indicator_cannot_be_a_component_of_itself_or_of_its_parts():
    trade = make_indicator()
    exports = make_indicator(component_of=trade)
    trade.component_of = trade
    with pytest.raises(ValidationError):
        trade.full_clean()
    trade.component_of = exports
    with pytest.raises(ValidationError):
        trade.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.filter(pk=trade.pk).update(component_of=trade)


@pytest.mark.django_db
def test_only_published_components_are_given():
    trade = make_indicator()
    make_indicator(name="Exports", component_of=trade)
    make_indicator(name="Imports", component_of=trade, status=Status.DRAFT)
    trade = Indicator.objects.for_detail().get(pk=trade.pk)
    assert [str(part) for part in trade.public_components] == ["Exports"]


def test_components_import_and_export_with_the_whole_first(editor):
    headers = ["slug", "name_en", "component_of"]
    rows = [["trade", "Trade turnover", ""], ["exports", "Exports", "trade"]]
    result = IndicatorResource(user=editor).import_data(
        tablib.Dataset(*rows, headers=headers), dry_run=False
    )
    assert not result.has_errors() and not result.has_validation_errors()
    assert Indicator.objects.get(slug="exports").component_of.slug == "trade"
    # A part made before its whole still exports after it.
    Indicator.objects.filter(slug="trade").update(position=5)
    exported = IndicatorResource().export(Indicator.objects.order_by("position"))
    assert [row["slug"] for row in exported.dict] == ["trade", "exports"]
    assert exported.dict[1]["component_of"] == "trade"


# The spreadsheet import ---------------------------------------------------------

HEADERS = ["indicator", "period_start", "period_end", "reported_by", "side", "value"]


def run(user, *rows, headers=HEADERS, dry_run=False):
    resource = ObservationResource(user=user)
    return resource.import_data(
        tablib.Dataset(*rows, headers=headers), dry_run=dry_run, file_name="o.csv"
    )


def errors_of(result):
    found = [str(error.error) for error in result.base_errors]
    for line, row_errors in result.row_errors():
        found += [f"line {line}: {error.error}" for error in row_errors]
    for row in result.invalid_rows:
        found += [f"row {row.number}: {row.error_dict}"]
    return found


@pytest.fixture
def trade(db):
    make_organization(name="State Customs Committee", slug="customs")
    # A draft: its new figures need no citation yet, as these tests are about
    # how rows are keyed (a published one's are, below).
    return make_indicator(
        slug="trade", currency="USD", unit="", status=Status.DRAFT, cited=False
    )


def test_a_new_figure_of_a_published_indicator_comes_with_its_quote(editor, db):
    make_indicator(slug="trade", currency="USD", unit="")
    make_source(slug="customs-report")
    refused = run(editor, ["trade", "2023", "2023", "", "cn", "3100000000"])
    assert "has no citation with a quote" in " ".join(errors_of(refused))
    assert not Observation.objects.exists()
    row = [
        "trade",
        "2023",
        "2023",
        "",
        "cn",
        "3100000000",
        "customs-report",
        "Trade reached USD 3.1 billion.",
    ]
    assert errors_of(run(editor, row, headers=CITED)) == []
    (observation,) = Observation.objects.all()
    assert list(observation.citations.values_list("quote", flat=True)) == [
        "Trade reached USD 3.1 billion."
    ]


def test_an_import_keys_each_value_by_its_reporter(editor, trade):
    first = run(editor, ["trade", "2023", "2023", "", "cn", "3100000000"])
    assert errors_of(first) == [] and first.totals["new"] == 1
    # Another party's value for the same year is a new observation, not an
    # update of the first; both are in the preview as such.
    row = ["trade", "2023", "2023", "customs", "az", "2200000000"]
    preview = run(editor, row, dry_run=True)
    assert (preview.totals["new"], preview.totals["update"]) == (1, 0)
    assert errors_of(run(editor, row)) == []
    assert sorted(trade.observations.values_list("side", "value")) == [
        ("az", Decimal("2200000000.00")),
        ("cn", Decimal("3100000000.00")),
    ]
    # The same party again updates its own value only.
    result = run(editor, ["trade", "2023", "2023", "customs", "az", "2300000000"])
    assert (result.totals["new"], result.totals["update"]) == (0, 1)
    assert trade.observations.get(side="az").value == Decimal("2300000000")
    assert trade.observations.get(side="cn").value == Decimal("3100000000")


def test_a_file_without_reporter_columns_still_matches_unstated_values(editor, trade):
    add_observation(trade, value=1, **YEAR_2023)
    headers = ["indicator", "period_start", "period_end", "value"]
    result = run(editor, ["trade", "2023", "2023", "2"], headers=headers)
    assert (result.totals["new"], result.totals["update"]) == (0, 1)
    assert trade.observations.get().value == 2


def test_two_parties_in_one_file_are_fine_but_one_party_twice_is_not(editor, trade):
    rows = [
        ["trade", "2023", "2023", "", "cn", "3100000000"],
        ["trade", "2023", "2023", "customs", "az", "2200000000"],
    ]
    assert errors_of(run(editor, *rows)) == []
    twice = run(editor, rows[1], [*rows[1][:-1], "1"])
    assert any("rows 1, 2" in error for error in errors_of(twice))


def test_quarters_and_half_years_import_and_export_as_written(editor, trade):
    rows = [
        ["trade", "2024-Q1", "2024-Q1", "", "", "700000000"],
        ["trade", "2024-H1", "2024-H1", "", "", "1500000000"],
    ]
    assert errors_of(run(editor, *rows)) == []
    quarter = trade.observations.get(period_precision=PeriodPrecision.QUARTER)
    assert (quarter.period_start, quarter.period_end) == (
        datetime.date(2024, 1, 1),
        datetime.date(2024, 3, 31),
    )
    with translation.override("zh-hans"):
        assert quarter.period_display == "2024年第一季度"
    exported = ObservationResource().export(Observation.objects.all())
    assert [row[1:3] for row in exported] == [
        ("2024-Q1", "2024-Q1"),
        ("2024-H1", "2024-H1"),
    ]
    # The same file again changes nothing.
    again = run(editor, *rows)
    assert again.totals["skip"] == 2


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2024-Q1", "2024-Q2", "A quarter runs from"),
        ("2024-Q1", "2024-03", "not as precise as"),
        ("2024-Q7", "2024-Q7", "is not a quarter or a half-year"),
    ],
)
def test_a_period_that_is_not_one_is_an_error_of_its_row(
    editor, trade, start, end, message
):
    result = run(editor, ["trade", start, end, "", "", "1"])
    assert any(message in error for error in errors_of(result)), errors_of(result)
    assert not Observation.objects.exists()


CITED = [*HEADERS, "source", "quote"]


def test_a_later_value_does_not_keep_an_earlier_quote(editor, trade):
    old_source = make_source(slug="old-report")
    observation = add_observation(trade, value=2440000000, side=Side.CHINA, **YEAR_2023)
    cite(observation, old_source, quote="Trade reached USD 2.44 billion.")
    # A new value with no citation: the old quote does not support it.
    result = run(editor, ["trade", "2023", "2023", "", "cn", "2500000000"])
    assert result.totals["update"] == 1
    observation.refresh_from_db()
    assert observation.value == 2500000000
    assert not observation.citations.exists()


def test_a_later_value_keeps_only_the_quote_its_row_gives(editor, trade):
    make_source(slug="new-report")
    observation = add_observation(trade, value=2440000000, side=Side.CHINA, **YEAR_2023)
    cite(observation, make_source(), quote="Trade reached USD 2.44 billion.")
    quote = "Trade reached USD 2.5 billion."
    row = ["trade", "2023", "2023", "", "cn", "2500000000", "new-report", quote]
    assert errors_of(run(editor, row, headers=CITED)) == []
    assert list(observation.citations.values_list("source__slug", "quote")) == [
        ("new-report", quote)
    ]
    # Importing the row again changes nothing.
    assert run(editor, row, headers=CITED).totals["skip"] == 1


def test_an_unchanged_value_keeps_its_citations_and_gains_the_rows(editor, trade):
    make_source(slug="second-report")
    observation = add_observation(trade, value=2440000000, side=Side.CHINA, **YEAR_2023)
    first = cite(observation, make_source(), quote="USD 2.44 billion.")
    row = ["trade", "2023", "2023", "", "cn", "2440000000"]
    assert run(editor, row).totals["skip"] == 1
    assert list(observation.citations.all()) == [first]
    cited = [*row, "second-report", "Also USD 2.44 billion."]
    result = run(editor, cited, headers=CITED)
    assert result.totals["update"] == 1
    assert list(
        observation.citations.order_by("position").values_list("quote", flat=True)
    ) == ["USD 2.44 billion.", "Also USD 2.44 billion."]


def test_a_quote_without_its_source_is_an_error(editor, trade):
    row = ["trade", "2023", "2023", "", "cn", "1", "", "A quote."]
    result = run(editor, row, headers=CITED)
    assert any("A quote needs its source" in e for e in errors_of(result))
    assert not Citation.objects.filter(quote="A quote.").exists()


def test_an_unknown_reporter_or_side_is_an_error_of_its_row(editor, trade):
    result = run(editor, ["trade", "2023", "2023", "nobody", "mars", "1"])
    errors = " ".join(errors_of(result))
    assert "nobody" in errors and "mars" in errors
    assert not Observation.objects.exists()
