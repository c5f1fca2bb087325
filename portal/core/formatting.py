"""Numbers, money and capacities in the reader's language, through Babel's CLDR
data: "USD 2.44 billion", "1,570 MW", "more than 57,000 tourists"."""

from decimal import Decimal

from babel.numbers import format_compact_decimal, format_decimal
from django.utils.translation import gettext as _

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
    return text


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
