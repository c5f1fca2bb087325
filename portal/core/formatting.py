"""Numbers, money and capacities in the reader's language, through Babel's CLDR
data: "USD 2.44 billion", "1,570 MW", "more than 57,000 tourists".

Chinese writes money as the amount followed by the currency's name, with no
space: "24.4亿美元", "5,000马纳特", "100万人民币" (CLDR's names, where the
manat is "阿塞拜疆马纳特"; the portal's readers know it as 马纳特, the name
Chinese news about Azerbaijan uses). A change on a year earlier is a word
there: "同比增长21.9%", "同比下降3.2%", never "+21.9%".
"""

import copy
import re
from decimal import Decimal

from babel import Locale
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    get_currency_name,
    parse_pattern,
)
from django.utils import translation
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from portal.core.currencies import minor_units
from portal.core.dates import babel_locale

# Currencies whose usual Chinese name is shorter than CLDR's.
CHINESE_CURRENCY_NAMES = {"AZN": "马纳特"}


def _language(language=None):
    return language or get_language() or "en"


def is_chinese(language=None):
    return _language(language).startswith("zh")


def currency_name(code, language=None):
    """How the currency is named after an amount: its ISO code ("USD") in
    English and Azerbaijani, its name in Chinese ("美元", "人民币", "马纳特")."""
    if not code or not is_chinese(language):
        return code
    return CHINESE_CURRENCY_NAMES.get(code) or get_currency_name(code, locale="zh_Hans")


def _money(number, currency, language=None):
    if is_chinese(language):
        # Translators' "%(amount)s %(currency)s" would put a space between.
        return f"{number}{currency_name(currency, language)}"
    return _("%(currency)s %(amount)s") % {"currency": currency, "amount": number}


def language_name(code, language=None):
    """A language's name in the reader's language, for a code such as a
    source's "en": "English", "İngilis dili", "英语"; the code itself when
    CLDR does not know it."""
    if not code:
        return ""
    locale = Locale.parse(babel_locale(language))
    name = locale.languages.get(code.replace("-", "_")) or locale.languages.get(
        code.split("-")[0].split("_")[0]
    )
    if not name:
        return code
    if _language(language) == "az":
        # CLDR gives the adjective ("ingilis"); the language is "İngilis dili".
        first = "İ" if name[0] == "i" else name[0].upper()
        return f"{first}{name[1:]} dili"
    return name[0].upper() + name[1:] if name[0].islower() else name


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
        return _money(number, currency, language)
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
    # Chinese ranges take one long dash ("20—25兆瓦"), as its dates do.
    dash = "\u2014" if is_chinese(language) else "\u2013"
    left, right = COMPACT_PARTS.match(first), COMPACT_PARTS.match(second)
    if left and right and left.group(2) and left.group(2) == right.group(2):
        return f"{left.group(1)}{dash}{right.group(1)}{left.group(2)}"
    return f"{first}{dash}{second}"


def format_quantity(
    value, high=None, currency="", unit="", per="", qualifier="", language=None
):
    """A measured value as readers see it: "about USD 300 million",
    "20–25 MW", "USD 0.049 per kWh", "up to 500 jobs"."""
    number = format_exact_range(
        value, high, language, minor_units(currency) if currency else 0
    )
    if currency:
        text = _money(number, currency, language)
    elif unit:
        text = _("%(amount)s %(unit)s") % {"amount": number, "unit": unit}
    else:
        text = number
    if per:
        text = _("%(amount)s per %(unit)s") % {"amount": text, "unit": per}
    return qualify(text, qualifier)


def format_change(percent, qualifier="", language=None):
    """A year-on-year change: "+21.9%", "about +50%"; in Chinese a word says
    which way ("增长21.9%", "下降3.2%", "增长约50%"), so that "同比%(change)s"
    reads "同比增长21.9%"."""
    if percent is None:
        return ""
    percent = Decimal(percent)
    number = format_decimal(abs(percent).normalize(), locale=babel_locale(language))
    with translation.override(_language(language)):
        if is_chinese(language):
            if not percent:
                return "持平"
            word = "增长" if percent > 0 else "下降"
            return word + qualify(f"{number}%", qualifier)
        sign = "+" if percent > 0 else "−" if percent < 0 else "±"
        return qualify(
            _("%(sign)s%(number)s%%") % {"sign": sign, "number": number}, qualifier
        )


# Punctuation between pieces of text that templates put together ----------------

# Chinese uses full-width marks with no space around them ("吕梅（中国）：…");
# the others, the ASCII marks with their spaces.
PUNCTUATION = {
    "comma": ", ",
    "enumeration": ", ",
    "semicolon": "; ",
    "colon": ": ",
    "open": " (",
    # A bracket with no space before it, where the markup puts one already.
    "open-tight": "(",
    "close": ")",
    "dash": " — ",
}
CHINESE_PUNCTUATION = {
    "comma": "，",
    # 顿号: between the items of a list ("2018年、2022年").
    "enumeration": "、",
    "semicolon": "；",
    "colon": "：",
    "open": "（",
    "open-tight": "（",
    "close": "）",
    "dash": "——",
}


# Django's own strings for form labels, translated in the portal's catalogues
# (Django's Chinese catalogue keeps the ASCII colon): named here, never used,
# so that `make messages` keeps them rather than marking them obsolete.
DJANGO_LABEL_MARKS = (
    # Translators: Django's label suffix: full-width in Chinese.
    gettext_noop(":"),
    # Translators: Django adds no label suffix after a label ending in one of these.
    gettext_noop(":?.!"),
)


def punctuation(mark, language=None):
    """The mark ("comma", "semicolon", "colon", "open", "close", "dash") as the
    reader's language writes it between two pieces of text."""
    marks = CHINESE_PUNCTUATION if is_chinese(language) else PUNCTUATION
    return marks[mark]
