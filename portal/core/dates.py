"""Dates known only to a day, a month or a year, rendered exactly as known.

A record that happened "in 1994" stores 1994-01-01 with precision YEAR and must never
be shown as "1 January 1994". Formatting goes through Babel's CLDR patterns so that
later languages get their own forms ("sentyabr 2025", "2025年9月") without
hand-written month tables.
"""

import calendar

from babel.dates import format_interval, format_skeleton
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


SKELETONS = {Precision.DAY: "yMMMMd", Precision.MONTH: "yMMMM"}

# Django language code -> CLDR locale. British English gives "24 December 2025".
BABEL_LOCALES = {"en": "en_GB", "az": "az", "zh-hans": "zh_Hans"}


def babel_locale(language=None):
    language = language or get_language() or "en"
    return BABEL_LOCALES.get(language, BABEL_LOCALES["en"])


def truncate(value, precision):
    """The first day of the period a date stands for, so storage is canonical."""
    if value is None:
        return None
    if precision == Precision.YEAR:
        return value.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return value.replace(day=1)
    return value


def period_end(value, precision):
    """The last day of the period a date stands for (31 December for a year)."""
    if precision == Precision.YEAR:
        return value.replace(month=12, day=31)
    if precision == Precision.MONTH:
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    return value


def format_partial_date(value, precision, approximate=False, language=None):
    if value is None:
        return ""
    if precision == Precision.YEAR:
        # A bare year reads the same in every language ("1994", not "1994年").
        text = str(value.year)
    else:
        text = format_skeleton(
            SKELETONS[precision], value, locale=babel_locale(language)
        )
    if approximate:
        text = _("c. %(date)s") % {"date": text}
    return str(text)


def format_partial_range(start, end, precision, approximate=False, language=None):
    """ "January–October 2025", "11–22 November 2024", "2003–2025"."""
    if start is None:
        return ""
    if end is None or truncate(end, precision) == truncate(start, precision):
        return format_partial_date(start, precision, approximate, language)
    if precision == Precision.YEAR:
        text = f"{start.year}–{end.year}"
    else:
        text = format_interval(
            start, end, skeleton=SKELETONS[precision], locale=babel_locale(language)
        )
    if approximate:
        text = _("c. %(date)s") % {"date": text}
    return str(text)


def precision_fields(verbose_name, *, required=True, help_text=""):
    """The three fields that hold one partial date: value, precision, approximate."""
    date = models.DateField(
        verbose_name,
        null=not required,
        blank=not required,
        help_text=help_text
        or _(
            "For a month or a year, any day in it will do: it is stored as the "
            "first day and shown only as precisely as the precision says."
        ),
    )
    precision = models.CharField(
        _("precision"),
        max_length=5,
        choices=Precision,
        default=Precision.DAY,
        help_text=_("How precisely the date is known: day, month or year only."),
    )
    approximate = models.BooleanField(
        _("approximate"),
        default=False,
        help_text=_("Tick when the source gives the date only roughly (shown as c.)."),
    )
    return date, precision, approximate


def iso_partial(value, precision):
    """A machine-readable date for <time datetime>: "1994", "2025-09", "2025-12-24"."""
    if precision == Precision.YEAR:
        return f"{value.year:04d}"
    if precision == Precision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
