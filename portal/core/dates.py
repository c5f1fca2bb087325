"""Dates known only to a day, a month or a year, rendered exactly as known; and
the periods key figures are observed over, which may also be a quarter or a
half-year.

A record that happened "in 1994" stores 1994-01-01 with precision YEAR and must never
be shown as "1 January 1994". Formatting goes through Babel's CLDR patterns so that
later languages get their own forms ("sentyabr 2025", "2025年9月") without
hand-written month tables.

`PartialDate` is the one value type for such a date: the seed loader, the
importer, the models' display, the template tag and JSON-LD all parse and
format through it. No library has the type: python-dateutil and Babel parse and
format full dates, and EDTF libraries (edtf) add a grammar far larger than the
three forms and "c." the portal writes, with none of its storage rules.

`Period` is the same for an observation's period ("January–October 2025",
"Q1 2024"). Chinese writes 年 after a year ("1994年", "约2025年") and a range with one
dash and no spaces, the unit said once ("2025年1—10月", "2003—2025年",
"2024年11月11—22日"; GB/T 15834-2011, the national standard on punctuation,
gives the dash for ranges). CLDR's Chinese intervals are "2025年1月 – 10月",
so Chinese ranges are written by `_chinese_range()`.

Quarters and half-years are written by hand rather than with
Babel's quarter patterns: CLDR gives "2024 1-ci rüb" and "2024年第1季度", not
the forms the portal's readers expect ("2024-cü ilin I rübü", "2024年第一季度"),
and it has no half-years at all.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from babel.dates import format_interval, format_skeleton
from django.db import models
from django.utils import translation
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class PeriodPrecision(models.TextChoices):
    """How an observation's period is shown: the precisions of a partial date,
    and quarters and half-years, which only periods have."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    HALF_YEAR = "half", _("Half-year")
    YEAR = "year", _("Year")


# Months in each unit a period may be counted in besides days, months and years.
UNIT_MONTHS = {PeriodPrecision.QUARTER: 3, PeriodPrecision.HALF_YEAR: 6}

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
    if precision in UNIT_MONTHS:
        months = UNIT_MONTHS[precision]
        return value.replace(month=(value.month - 1) // months * months + 1, day=1)
    return value


def period_end(value, precision):
    """The last day of the period a date stands for (31 December for a year)."""
    if precision == Precision.YEAR:
        return value.replace(month=12, day=31)
    if precision == Precision.MONTH:
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    if precision in UNIT_MONTHS:
        month = truncate(value, precision).month + UNIT_MONTHS[precision] - 1
        return value.replace(month=month, day=calendar.monthrange(value.year, month)[1])
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
            text = year_text(self.value.year, language)
        else:
            text = format_skeleton(
                SKELETONS[self.precision], self.value, locale=babel_locale(language)
            )
        return circa(text, self.approximate)


def year_text(year, language=None):
    """A year on its own: "1994"; "1994年" in Chinese."""
    with translation.override(language or get_language() or "en"):
        return pgettext("a year on its own", "%(year)s") % {"year": year}


# Chinese: one dash between the two ends of a range, no spaces.
CHINESE_DASH = "\u2014"


def _chinese_range(start, end, precision):
    """ "2003—2025年", "2025年1—10月", "2024年11月—2025年2月",
    "2024年11月11—22日", "2024年11月30日—12月2日"."""
    if precision == Precision.YEAR:
        return f"{start.year}{CHINESE_DASH}{end.year}年"
    first = f"{start.year}年{start.month}月"
    if precision == Precision.MONTH:
        if start.year != end.year:
            return f"{first}{CHINESE_DASH}{end.year}年{end.month}月"
        return f"{start.year}年{start.month}{CHINESE_DASH}{end.month}月"
    if start.year != end.year:
        last = f"{end.year}年{end.month}月{end.day}日"
    elif start.month != end.month:
        last = f"{end.month}月{end.day}日"
    else:
        return f"{first}{start.day}{CHINESE_DASH}{end.day}日"
    return f"{first}{start.day}日{CHINESE_DASH}{last}"


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
    if (language or get_language() or "en").startswith("zh"):
        text = _chinese_range(start, end, Precision(precision))
    elif precision == Precision.YEAR:
        text = f"{start.year}–{end.year}"
    else:
        text = format_interval(
            start, end, skeleton=SKELETONS[precision], locale=babel_locale(language)
        )
    return circa(text, approximate)


# Periods -------------------------------------------------------------------------

# "2024-Q1" and "2024-H2": a quarter or a half-year, as the importer and the
# seed write one (the other bounds are written as partial dates: "2025-10").
WRITTEN_UNIT = re.compile(r"(?P<year>\d{4})-(?P<unit>[QqHh])(?P<number>\d)")
UNIT_LETTERS = {PeriodPrecision.QUARTER: "Q", PeriodPrecision.HALF_YEAR: "H"}

# How a quarter or a half-year reads. "%(year)s" is the year as the language
# writes it there: an ordinal in Azerbaijani ("2024-cü ilin I rübü"),
# `ordinal_year()`.
UNIT_TEXTS = {
    # Translators: the first quarter of a year ("Q1 2024"). %(year)s is the
    # year, as an ordinal where the language needs one (Azerbaijani "2024-cü").
    (PeriodPrecision.QUARTER, 1): _("Q1 %(year)s"),
    (PeriodPrecision.QUARTER, 2): _("Q2 %(year)s"),
    (PeriodPrecision.QUARTER, 3): _("Q3 %(year)s"),
    (PeriodPrecision.QUARTER, 4): _("Q4 %(year)s"),
    # Translators: the first half of a year ("H1 2024"). %(year)s is the year,
    # as an ordinal where the language needs one (Azerbaijani "2024-cü").
    (PeriodPrecision.HALF_YEAR, 1): _("H1 %(year)s"),
    (PeriodPrecision.HALF_YEAR, 2): _("H2 %(year)s"),
}

# Azerbaijani ordinals in digits take -cı/-ci/-cu/-cü after the last vowel of the
# number read aloud: 2024 "iki min iyirmi dörd" -> 2024-cü, 2026 "altı" -> -cı.
AZ_UNITS = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci"}
AZ_UNITS[9] = "cu"
AZ_TENS = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci"}
AZ_TENS[9] = "cı"


def ordinal_year(year, language=None):
    """The year as an ordinal in digits, for the languages that write one
    ("2024-cü" in Azerbaijani); the plain year in the others."""
    language = language or get_language() or "en"
    if not language.startswith("az"):
        return str(year)
    if year % 10:
        suffix = AZ_UNITS[year % 10]
    elif year % 100:
        suffix = AZ_TENS[year // 10 % 10]
    elif year % 1000:
        suffix = "cü"  # yüz, a hundred
    else:
        suffix = "ci"  # min, a thousand
    return f"{year}-{suffix}"


def _bound(text):
    """One written bound of a period: (its first day, its last day, precision)."""
    text = str(text).strip()
    unit = WRITTEN_UNIT.fullmatch(text)
    if unit:
        letter, number = unit.group("unit").upper(), int(unit.group("number"))
        precision = (
            PeriodPrecision.QUARTER if letter == "Q" else PeriodPrecision.HALF_YEAR
        )
        months = UNIT_MONTHS[precision]
        if not 1 <= number <= 12 // months:
            raise ValueError(
                gettext("“%(value)s” is not a quarter or a half-year.")
                % {"value": text}
            )
        first = datetime.date(int(unit.group("year")), (number - 1) * months + 1, 1)
        return first, period_end(first, precision), precision
    try:
        date = PartialDate.parse(text)
    except ValueError:
        if WRITTEN.fullmatch(text):
            raise  # Written as a date, but not a real one ("2025-13").
        date = None
    if date is None or date.approximate:
        raise ValueError(
            gettext(
                "“%(value)s” is not a period: write 2025, 2025-10, 2025-10-31, "
                "2025-Q1 (a quarter) or 2025-H1 (a half-year), never approximate."
            )
            % {"value": text}
        )
    return date.value, date.last_day, PeriodPrecision(date.precision)


@dataclass(frozen=True)
class Period:
    """The span a key figure is observed over: a day, a month, a quarter, a
    half-year, a year, or a span of them ("January–October 2025", "2003–2025";
    a quarter or a half-year is always exactly one).

    `start` is its first day and `end` its last, as the database stores them;
    `precision` says how it is shown."""

    start: datetime.date
    end: datetime.date
    precision: str = PeriodPrecision.MONTH

    @classmethod
    def parse(cls, first, last=None):
        """From its written bounds: ("2025-01", "2025-10") is January–October
        2025, ("2024-Q1",) the first quarter of 2024, ("2003", "2025")
        2003–2025. A ValueError says what is wrong."""
        start, _last_day, precision = _bound(first)
        _first_day, end, last_precision = (
            _bound(last) if last not in (None, "") else (start, _last_day, precision)
        )
        if precision != last_precision:
            raise ValueError(
                gettext(
                    "“%(first)s” and “%(last)s” are not as precise as each other: "
                    "give both as years, half-years, quarters, months or days."
                )
                % {"first": str(first).strip(), "last": str(last).strip()}
            )
        period = cls(start, end, precision)
        period.check()
        return period

    @classmethod
    def of(cls, observation):
        return cls(
            observation.period_start,
            observation.period_end,
            observation.period_precision,
        )

    @property
    def is_unit(self):
        """Whether the period is one quarter or one half-year, as its
        precision requires."""
        return (
            self.start is not None
            and self.end is not None
            and truncate(self.start, self.precision) == self.start
            and period_end(self.start, self.precision) == self.end
        )

    def check(self):
        """A ValueError when the period is not what it says it is: an end
        before the start, or a quarter or half-year that is not exactly one."""
        if self.end < self.start:
            raise ValueError(gettext("A period cannot end before it starts."))
        if self.precision == PeriodPrecision.QUARTER and not self.is_unit:
            raise ValueError(
                gettext(
                    "A quarter runs from 1 January, 1 April, 1 July or 1 October "
                    "to the last day of its third month."
                )
            )
        if self.precision == PeriodPrecision.HALF_YEAR and not self.is_unit:
            raise ValueError(
                gettext(
                    "A half-year runs from 1 January to 30 June or from 1 July to "
                    "31 December."
                )
            )

    @property
    def written(self):
        """Its first and last bounds as `parse()` reads them: ("2025-01",
        "2025-10"), ("2024-Q1", "2024-Q1")."""
        if self.precision in UNIT_LETTERS:
            return (self._written_unit(self.start), self._written_unit(self.end))
        precision = Precision(self.precision)
        return (
            PartialDate(self.start, precision).iso,
            PartialDate(self.end, precision).iso,
        )

    def _written_unit(self, day):
        months = UNIT_MONTHS[self.precision]
        number = (day.month - 1) // months + 1
        return f"{day.year:04d}-{UNIT_LETTERS[self.precision]}{number}"

    def display(self, language=None):
        """As readers see it, in `language` (default: the active one):
        "January–October 2025", "Q1 2024", "2024-cü ilin I rübü", "2024年上半年"."""
        if self.precision in UNIT_MONTHS:
            if not self.is_unit:
                # Never stored (check() refuses it); shown by its months.
                return format_partial_range(
                    self.start, self.end, Precision.MONTH, language=language
                )
            number = (self.start.month - 1) // UNIT_MONTHS[self.precision] + 1
            language = language or get_language() or "en"
            with translation.override(language):
                return str(UNIT_TEXTS[self.precision, number]) % {
                    "year": ordinal_year(self.start.year, language)
                }
        return format_partial_range(
            self.start, self.end, self.precision, language=language
        )

    def __str__(self):
        first, last = self.written
        return first if first == last else f"{first}/{last}"


def format_period(start, end, precision, language=None):
    """`Period.display()` of an observation's period."""
    return Period(start, end, precision).display(language)


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
