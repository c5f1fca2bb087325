import datetime

import pytest
from django.template import Context, Template

from portal.core.dates import (
    Precision,
    format_partial_date,
    format_partial_range,
    iso_partial,
    period_end,
    truncate,
)
from tests.builders import add_milestone, make_agreement, make_event, make_project


def test_a_year_renders_as_the_year_alone():
    assert format_partial_date(datetime.date(1994, 1, 1), Precision.YEAR) == "1994"


def test_a_month_renders_without_a_day():
    assert format_partial_date(datetime.date(2025, 9, 1), Precision.MONTH) == (
        "September 2025"
    )


def test_a_day_renders_in_full():
    assert format_partial_date(datetime.date(2025, 12, 24), Precision.DAY) == (
        "24 December 2025"
    )


def test_an_approximate_date_is_marked_circa():
    assert format_partial_date(datetime.date(2025, 1, 1), Precision.YEAR, True) == (
        "c. 2025"
    )


def test_a_period_of_months_names_both_months():
    text = format_partial_range(
        datetime.date(2025, 1, 1), datetime.date(2025, 10, 31), Precision.MONTH
    )
    assert "January" in text
    assert "October 2025" in text


def test_a_range_inside_one_period_renders_once():
    text = format_partial_range(
        datetime.date(2025, 4, 1), datetime.date(2025, 4, 30), Precision.MONTH
    )
    assert text == "April 2025"


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (Precision.YEAR, "1994"),
        (Precision.MONTH, "1994-07"),
        (Precision.DAY, "1994-07-09"),
    ],
)
def test_machine_dates_carry_only_the_known_parts(precision, expected):
    assert iso_partial(datetime.date(1994, 7, 9), precision) == expected


def test_periods_start_and_end_on_their_first_and_last_days():
    day = datetime.date(2024, 2, 14)
    assert truncate(day, Precision.YEAR) == datetime.date(2024, 1, 1)
    assert truncate(day, Precision.MONTH) == datetime.date(2024, 2, 1)
    assert period_end(day, Precision.MONTH) == datetime.date(2024, 2, 29)
    assert period_end(day, Precision.YEAR) == datetime.date(2024, 12, 31)


@pytest.mark.django_db
def test_saving_a_year_date_stores_the_first_day_and_never_shows_it():
    event = make_event(date=datetime.date(1994, 3, 17), date_precision=Precision.YEAR)
    event.refresh_from_db()
    assert event.date == datetime.date(1994, 1, 1)
    assert event.date_display == "1994"


@pytest.mark.django_db
def test_the_template_tag_wraps_the_date_in_a_time_element():
    event = make_event(date=datetime.date(2025, 9, 3), date_precision=Precision.MONTH)
    html = Template("{% load portal_tags %}{% partial_date event %}").render(
        Context({"event": event})
    )
    assert html == '<time datetime="2025-09">September 2025</time>'


@pytest.mark.django_db
def test_a_missing_date_says_it_is_not_stated():
    agreement = make_agreement(signed_on=None)
    html = Template('{% load portal_tags %}{% partial_date a "signed_on" %}').render(
        Context({"a": agreement})
    )
    assert "date not stated" in html
    assert "<time" not in html


@pytest.mark.django_db
def test_an_event_over_several_days_renders_as_a_range():
    event = make_event(
        date=datetime.date(2024, 11, 11), end_date=datetime.date(2024, 11, 22)
    )
    assert event.date_display.startswith("11")
    assert "22" in event.date_display
    assert "2024" in event.date_display


@pytest.mark.django_db
def test_project_and_milestone_dates_respect_their_precision():
    project = make_project(
        start_date=datetime.date(2023, 6, 9), start_date_precision=Precision.YEAR
    )
    milestone = add_milestone(
        project, date=datetime.date(2025, 11, 20), date_precision=Precision.MONTH
    )
    assert project.start_date_display == "2023"
    assert milestone.date_display == "November 2025"
