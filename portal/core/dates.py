"""Dates known only to a day, a month or a year, rendered exactly as known.

A record that happened "in 1994" stores 1994-01-01 with precision YEAR and must never
be shown as "1 January 1994". Formatting goes through Babel's CLDR patterns so that
later languages get their own forms ("sentyabr 2025", "2025年9月") without
hand-written month tables.

`PartialDate` is the one value type for such a date: the seed loader, the
importer, the models' display, the template tag and JSON-LD all parse and
format through it. No library has the type: python-dateutil and Babel parse and
format full dates, and EDTF libraries (edtf) add a grammar far larger than the
three forms and "c." the portal writes, with none of its storage rules.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from babel.dates import format_interval, format_skeleton
from django.db import models
from django.utils.translation import get_language, gettext
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


def circa(text, approximate):
    """ "c. 2025" for an approximate date or period, in the page's language."""
    if approximate:
        text = _("c. %(date)s") % {"date": text}
    return str(text)


# The written form: "1994", "2025-09", "2025-12-24", with "c. " in front when the
# date is approximate. Months and days may have one digit ("2025-9-3").
WRITTEN = re.compile(
    r"(?P<approximate>c\.\s*)?(?P<year>\d{4})(-(?P<month>\d{1,2})(-(?P<day>\d{1,2}))?)?"
)


@dataclass(frozen=True)
class PartialDate:
    """A date known to a day, a month or a year, perhaps only roughly.

    `value` is the first day of the period it stands for (1 January 1994 for
    "1994"), as the database stores it: any day of the period given here is
    moved there, so two values for the same period are equal.
    """

    value: datetime.date
    precision: Precision = Precision.DAY
    approximate: bool = False

    def __post_init__(self):
        if not isinstance(self.value, datetime.date) or isinstance(
            self.value, datetime.datetime
        ):
            raise TypeError(f"A partial date needs a date, not {self.value!r}.")
        if self.precision not in Precision.values:
            raise ValueError(
                f"{self.precision!r} is not a precision: {', '.join(Precision.values)}."
            )
        precision = Precision(self.precision)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "value", truncate(self.value, precision))
        object.__setattr__(self, "approximate", bool(self.approximate))

    @classmethod
    def parse(cls, text):
        """ "1994" is a year, "2025-09" a month, "2025-12-24" a day; "c. 2025" is
        approximate. Anything else is a ValueError saying what to write."""
        text = str(text).strip()
        match = WRITTEN.fullmatch(text)
        if match is None:
            raise ValueError(
                gettext(
                    "“%(value)s” is not a date: write 1994, 2025-09 or 2025-12-24, "
                    "and c. 2025 for an approximate date."
                )
                % {"value": text}
            )
        year, month, day = match.group("year", "month", "day")
        precision = (
            Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
        )
        try:
            value = datetime.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise ValueError(
                gettext("“%(value)s” is not a real date.") % {"value": text}
            ) from None
        return cls(value, precision, bool(match.group("approximate")))

    @classmethod
    def of(cls, record, name):
        """A record's partial date `name`, from its three fields `name`,
        `name_precision` and `name_approximate` (absent: not approximate);
        None when the date is not known."""
        value = getattr(record, name)
        if value is None:
            return None
        return cls(
            value,
            getattr(record, f"{name}_precision"),
            getattr(record, f"{name}_approximate", False),
        )

    @property
    def iso(self):
        """Only the known parts, for machines (<time datetime>, JSON-LD):
        "1994", "2025-09", "2025-12-24". Approximation is not part of it."""
        if self.precision == Precision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision == Precision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    @property
    def last_day(self):
        """The last day of the period (31 December for a year)."""
        return period_end(self.value, self.precision)

    def __str__(self):
        """The written form that parse() reads: "c. 2025", "2025-09"."""
        return f"c. {self.iso}" if self.approximate else self.iso

    def display(self, language=None):
        """As readers see it, in `language` (default: the active one):
        "1994", "September 2025", "24 December 2025", "c. 2025"."""
        if self.precision == Precision.YEAR:
            # A bare year reads the same in every language ("1994", not "1994年").
            text = str(self.value.year)
        else:
            text = format_skeleton(
                SKELETONS[self.precision], self.value, locale=babel_locale(language)
            )
        return circa(text, self.approximate)


def format_partial_date(value, precision, approximate=False, language=None):
    """`PartialDate.display()` of a date that may be unknown ("")."""
    if value is None:
        return ""
    return PartialDate(value, precision, approximate).display(language)


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
    return circa(text, approximate)


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
    """`PartialDate.iso`: "1994", "2025-09", "2025-12-24"."""
    return PartialDate(value, precision).iso
