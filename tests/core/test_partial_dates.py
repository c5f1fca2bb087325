"""portal.core.dates.PartialDate: the one value type for a date known to a year, a
month or a day, as the seed, the importer and every page write and read it."""

import dataclasses
import datetime

import pytest
from django.utils import translation

from portal.core.dates import PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("1994", datetime.date(1994, 1, 1), Precision.YEAR),
        ("2025-09", datetime.date(2025, 9, 1), Precision.MONTH),
        ("2025-12-24", datetime.date(2025, 12, 24), Precision.DAY),
    ],
)
def test_each_written_form_reads_as_its_precision_and_writes_back(
    text, value, precision
):
    date = PartialDate.parse(text)
    assert date == PartialDate(value, precision)
    assert (date.value, date.precision, date.approximate) == (value, precision, False)
    assert str(date) == date.iso == text
    assert PartialDate.parse(str(date)) == date


@pytest.mark.parametrize(
    ("text", "written", "display"),
    [
        ("c. 2025", "c. 2025", "c. 2025"),
        ("c.2025-09", "c. 2025-09", "c. September 2025"),
        ("c. 2025-12-24", "c. 2025-12-24", "c. 24 December 2025"),
    ],
)
def test_an_approximate_date_keeps_its_circa_in_writing_but_not_in_iso(
    text, written, display
):
    date = PartialDate.parse(text)
    assert date.approximate
    assert str(date) == written
    assert date.iso == written.removeprefix("c. ")
    assert date.display("en") == display
    assert PartialDate.parse(str(date)) == date


def test_one_digit_months_and_days_and_spaces_around_are_read():
    assert PartialDate.parse(" 2025-9-3 ") == PartialDate(
        datetime.date(2025, 9, 3), Precision.DAY
    )


@pytest.mark.parametrize(
    ("date", "en", "az", "zh"),
    [
        (PartialDate(datetime.date(1994, 1, 1), "year"), "1994", "1994", "1994年"),
        (
            PartialDate(datetime.date(2025, 9, 1), "month"),
            "September 2025",
            "sentyabr 2025",
            "2025年9月",
        ),
        (
            PartialDate(datetime.date(2025, 12, 24)),
            "24 December 2025",
            "24 dekabr 2025",
            "2025年12月24日",
        ),
    ],
)
def test_it_displays_only_what_is_known_in_each_language(date, en, az, zh):
    assert date.display("en") == en
    assert date.display("az") == az
    assert date.display("zh-hans") == zh
    with translation.override("zh-hans"):
        assert date.display() == zh


def test_the_circa_mark_is_translated():
    date = PartialDate.parse("c. 2025")
    with translation.override("az"):
        assert date.display() != "c. 2025"
        assert "2025" in date.display()


def test_any_day_of_the_period_stands_for_its_first_day():
    year = PartialDate(datetime.date(1994, 3, 17), Precision.YEAR)
    assert year.value == datetime.date(1994, 1, 1)
    assert year == PartialDate.parse("1994")
    assert year.last_day == datetime.date(1994, 12, 31)
    assert PartialDate.parse("2024-02").last_day == datetime.date(2024, 2, 29)
    assert PartialDate.parse("2024-02-14").last_day == datetime.date(2024, 2, 14)


def test_it_is_an_immutable_value():
    date = PartialDate.parse("2025")
    with pytest.raises(dataclasses.FrozenInstanceError):
        date.precision = Precision.DAY
    assert hash(date) == hash(PartialDate(datetime.date(2025, 6, 1), "year"))
    assert PartialDate.parse("c. 2025") != date


def test_it_reads_a_records_three_fields():
    class Record:
        date = datetime.date(2025, 9, 1)
        date_precision = "month"
        date_approximate = True
        signed_on = None
        signed_on_precision = "day"

    assert PartialDate.of(Record, "date") == PartialDate.parse("c. 2025-09")
    assert PartialDate.of(Record, "signed_on") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "24/12/2025",
            "“24/12/2025” is not a date: write 1994, 2025-09 or 2025-12-24, "
            "and c. 2025 for an approximate date.",
        ),
        ("~2025", "“~2025” is not a date"),
        ("94", "“94” is not a date"),
        ("", "“” is not a date"),
        ("2025-13", "“2025-13” is not a real date."),
        ("2025-02-30", "“2025-02-30” is not a real date."),
    ],
)
def test_text_that_is_not_a_partial_date_is_a_value_error_that_says_why(text, message):
    with pytest.raises(ValueError, match="^" + message.replace(".", r"\.")):
        PartialDate.parse(text)


def test_a_value_that_is_not_a_date_or_a_precision_is_refused():
    with pytest.raises(TypeError, match="needs a date"):
        PartialDate("2025")
    with pytest.raises(TypeError, match="needs a date"):
        PartialDate(datetime.datetime(2025, 1, 1, 12))
    with pytest.raises(ValueError, match="'week' is not a precision"):
        PartialDate(datetime.date(2025, 1, 1), "week")
