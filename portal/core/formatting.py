"""Numbers, money and capacities in the reader's language, through Babel's CLDR
data: "USD 2.44 billion", "1,570 MW", "more than 57,000 tourists"."""

import copy
import re
from decimal import Decimal

from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal, parse_pattern
from django.utils.translation import gettext as _

from portal.core.currencies import minor_units
from portal.core.dates import babel_locale

# From a million up, amounts read better as "2.44 billion" than as 2,440,000,000.
COMPACT_FROM = Decimal(1_000_000)


def format_number(value, language=None):
    if value is None:
        return ""
    value = Decimal(value)
    locale = babel_locale(language)
    if abs(value) >= COMPACT_FROM:
        return format_compact_decimal(
            value, format_type="long", fraction_digits=2, locale=locale
        )
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return format_decimal(value, locale=locale)


def format_amount(value, currency="", unit="", language=None):
    """A value with its currency or unit: "USD 2.44 billion", "351 trains"."""
    number = format_number(value, language)
    if currency:
        return _("%(currency)s %(amount)s") % {"currency": currency, "amount": number}
    if unit:
        return _("%(amount)s %(unit)s") % {"amount": number, "unit": unit}
    return number


def qualify(text, qualifier):
    if qualifier == "more_than":
        return _("more than %(value)s") % {"value": text}
    if qualifier == "about":
        return _("about %(value)s") % {"value": text}
    if qualifier == "less_than":
        return _("less than %(value)s") % {"value": text}
    if qualifier == "up_to":
        return _("up to %(value)s") % {"value": text}
    return text


# Exact values: every decimal the value has, never rounded ----------------------

# Compact forms ("34 million", "3400万") are used only when they lose nothing
# and stay short: at most this many decimals after the scaling.
EXACT_COMPACT_DECIMALS = 3
# A number and the words after it ("34.5 million", "3450万"): ranges share them.
COMPACT_PARTS = re.compile(r"^([\d.,\s\u00a0\u202f]*\d)(\D.*)?$")


def _decimals(value):
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_exact(value, language=None, min_decimals=0):
    """A number with every decimal it has ("0.049", "1,234,567.891"), from a
    million up in words when that loses nothing ("USD 34.5 million", "3450万");
    `min_decimals`: decimals shown when it has any (a currency's minor
    units: "12.50")."""
    value = Decimal(value)
    locale = babel_locale(language)
    if abs(value) >= COMPACT_FROM:
        short = format_compact_decimal(
            value,
            format_type="long",
            fraction_digits=EXACT_COMPACT_DECIMALS,
            locale=locale,
        )
        full = format_compact_decimal(
            value, format_type="long", fraction_digits=12, locale=locale
        )
        if short == full:
            return short
    decimals = _decimals(value)
    shown = max(decimals, min_decimals) if decimals else 0
    # A copy: Babel keeps one pattern object per locale, which every later
    # format_decimal() would read with these decimals.
    pattern = copy.copy(parse_pattern(Locale.parse(locale).decimal_formats.get(None)))
    pattern.frac_prec = (shown, shown)
    return pattern.apply(value, locale)


def format_exact_range(low, high=None, language=None, min_decimals=0):
    """ "20–25", "USD 20–25 million"-style: the high end only when it differs,
    the words after a compact number said once when both ends share them."""
    first = format_exact(low, language, min_decimals)
    if high is None or Decimal(high) == Decimal(low):
        return first
    second = format_exact(high, language, min_decimals)
    left, right = COMPACT_PARTS.match(first), COMPACT_PARTS.match(second)
    if left and right and left.group(2) and left.group(2) == right.group(2):
        return f"{left.group(1)}–{right.group(1)}{left.group(2)}"
    return f"{first}–{second}"


def format_quantity(
    value, high=None, currency="", unit="", per="", qualifier="", language=None
):
    """A measured value as readers see it: "about USD 300 million",
    "20–25 MW", "USD 0.049 per kWh", "up to 500 jobs"."""
    number = format_exact_range(
        value, high, language, minor_units(currency) if currency else 0
    )
    if currency:
        text = _("%(currency)s %(amount)s") % {"currency": currency, "amount": number}
    elif unit:
        text = _("%(amount)s %(unit)s") % {"amount": number, "unit": unit}
    else:
        text = number
    if per:
        text = _("%(amount)s per %(unit)s") % {"amount": text, "unit": per}
    return qualify(text, qualifier)


def format_change(percent, qualifier="", language=None):
    """A year-on-year change: "+21.9%", "about +50%"."""
    if percent is None:
        return ""
    number = format_decimal(
        abs(Decimal(percent)).normalize(), locale=babel_locale(language)
    )
    sign = "+" if percent > 0 else "−" if percent < 0 else "±"
    return qualify(
        _("%(sign)s%(number)s%%") % {"sign": sign, "number": number}, qualifier
    )
