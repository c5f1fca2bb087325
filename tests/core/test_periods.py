"""Periods of key figures (portal/core/dates.py's Period): a day, a month, a
quarter, a half-year, a year or a span of them, read as the importer and the
seed write them and shown in each language."""

import datetime

import pytest

from portal.core.dates import Period, PeriodPrecision, ordinal_year


@pytest.mark.parametrize(
    ("written", "language", "shown"),
    [
        (("2024-Q1",), "en", "Q1 2024"),
        (("2024-Q1",), "az", "2024-cü ilin I rübü"),
        (("2024-Q1",), "zh-hans", "2024年第一季度"),
        (("2024-Q4",), "az", "2024-cü ilin IV rübü"),
        (("2025-Q3",), "zh-hans", "2025年第三季度"),
        (("2024-H1",), "en", "H1 2024"),
        (("2024-H1",), "az", "2024-cü ilin I yarısı"),
        (("2024-H1",), "zh-hans", "2024年上半年"),
        (("2026-H2",), "az", "2026-cı ilin II yarısı"),
        (("2024-H2",), "zh-hans", "2024年下半年"),
        (("2023",), "zh-hans", "2023年"),
        (("2003", "2025"), "az", "2003–2025"),
    ],
)
def test_a_period_is_shown_in_each_language(written, language, shown):
    assert Period.parse(*written).display(language) == shown


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_a_span_of_months_keeps_showing_as_one(language):
    period = Period.parse("2025-01", "2025-10")
    assert period.precision == PeriodPrecision.MONTH
    text = period.display(language)
    assert "2025" in text
    assert {"en": "January", "az": "yanvar", "zh-hans": "1—"}[language] in text
    assert {"en": "October", "az": "oktyabr", "zh-hans": "10月"}[language] in text


def test_azerbaijani_ordinal_years_follow_the_last_word_read_aloud():
    years = [1994, 2000, 2009, 2010, 2020, 2024, 2025, 2026, 2030, 2040, 2100]
    assert [ordinal_year(year, "az") for year in years] == [
        "1994-cü",
        "2000-ci",
        "2009-cu",
        "2010-cu",
        "2020-ci",
        "2024-cü",
        "2025-ci",
        "2026-cı",
        "2030-cu",
        "2040-cı",
        "2100-cü",
    ]
    assert ordinal_year(2024, "en") == "2024"


def test_a_period_is_written_back_as_it_was_read():
    assert Period.parse("2024-q2").written == ("2024-Q2", "2024-Q2")
    quarter = Period.parse("2024-Q2")
    assert (quarter.start, quarter.end) == (
        datetime.date(2024, 4, 1),
        datetime.date(2024, 6, 30),
    )
    half = Period.parse("2024-H2")
    assert (half.start, half.end) == (
        datetime.date(2024, 7, 1),
        datetime.date(2024, 12, 31),
    )
    assert Period.parse("2025-01", "2025-10").written == ("2025-01", "2025-10")
    assert Period.parse("2025-10-31").end == datetime.date(2025, 10, 31)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (("2024-Q5",), "is not a quarter or a half-year"),
        (("2024-H3",), "is not a quarter or a half-year"),
        (("2024-Q1", "2024-Q2"), "A quarter runs from"),
        (("2024-H1", "2024-H2"), "A half-year runs from"),
        (("2024-01", "2024"), "are not as precise as each other"),
        (("2024-Q1", "2024-03"), "are not as precise as each other"),
        (("c. 2024",), "never approximate"),
        (("soon",), "is not a period"),
        (("2025-13",), "is not a real date"),
        (("2025", "2024"), "cannot end before it starts"),
    ],
)
def test_a_period_that_is_not_one_is_refused_saying_why(written, message):
    with pytest.raises(ValueError, match=message):
        Period.parse(*written)
