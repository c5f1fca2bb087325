"""Names sorted as each language sorts them, the same on PostgreSQL and SQLite.

Azerbaijani has its own alphabet order (a b c ç d e ə f g ğ h x ı i j k q l m
n o ö p r s ş t u ü v y z): sorting by character code puts İlham, Şahin and
Əli after Zaur. Chinese names sort by their pinyin (阿 ā, 李 lǐ, 吕 lǚ, 习 xí).

PostgreSQL sorts with ICU's collations for the language (`az-x-icu`,
`zh-x-icu`, and the root `und-x-icu` for English), which every PostgreSQL
built with ICU has. SQLite has no ICU, so the same order is given by
collations registered on every connection (`portal_az`, `portal_zh`,
`portal_root`) from the sort keys below: the alphabet for Azerbaijani and
the root order for English are short enough to write down, and the pinyin
of each character comes from pypinyin, a well-kept library with the
readings of the Unicode Han database (PyICU would be the same ICU, but it
is a C++ build on every machine that installs the project). The keys follow
ICU's levels: letters first (the whole string), then accents, then case,
lower case first. tests/core/test_language20.py checks that both engines
give the same order.

`LocalizedName("name")` is the expression the models' orderings use: the
name in the language of the page (English where it is not translated), in
that language's order. It is resolved when a query is compiled, so a
queryset made at import time (a filter's choices) still sorts in the
reader's language.
"""

import functools
import unicodedata

from django.db.models import F, Func, Value
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, NullIf
from django.utils.deconstruct import deconstructible
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

# Azerbaijani letters in alphabet order. W is not in the alphabet: ICU puts
# it after z, as do we.
AZ_ALPHABET = "abcçdeəfgğhxıijkqlmnoöprsştuüvyzw"
# The root order has ə after e and ı after i; other accented letters (ç, ğ,
# ö, ş, ü, é) are their base letter with an accent.
ROOT_ALPHABET = "abcdeəfghiıjklmnopqrstuvwxyz"
_AZ_INDEX = {letter: index for index, letter in enumerate(AZ_ALPHABET)}
_ROOT_INDEX = {letter: index for index, letter in enumerate(ROOT_ALPHABET)}

# Each language's PostgreSQL ICU collation and SQLite collation.
POSTGRESQL_COLLATIONS = {"az": "az-x-icu", "zh-hans": "zh-x-icu"}
POSTGRESQL_ROOT = "und-x-icu"
SQLITE_COLLATIONS = {"az": "portal_az", "zh-hans": "portal_zh"}
SQLITE_ROOT = "portal_root"

# Script groups, in ICU's order (spaces and punctuation, digits, letters,
# other scripts); Chinese puts Han before Latin (CLDR's [reorder Hani]).
SPACE, DIGIT, HAN_FIRST, LETTER, OTHER, HAN = 0, 1, 2, 3, 4, 5


def _is_han(char):
    return unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")


def _letter(char, index):
    """(primary, secondary, tertiary) of a Latin letter in an alphabet
    `index`; None when it is not one."""
    upper = char != char.lower() or char in "Iİ"
    lower = char.lower()[:1]
    if lower in index:
        return (LETTER, index[lower]), 0, int(upper)
    base = unicodedata.normalize("NFD", lower)[:1]
    if base in index:
        # An accent the alphabet does not have (é): the letter, then the accent.
        return (LETTER, index[base]), ord(lower), int(upper)
    return None


def _narrow(char):
    return unicodedata.normalize("NFKC", char)[:1] or char


def _weights(char, alphabet_index):
    if char.isspace() or unicodedata.category(char)[0] in "PSZC":
        # Full-width punctuation sorts as its ASCII form: （ as (.
        return (SPACE, 0 if char.isspace() else ord(_narrow(char))), 0, 0
    if char.isdigit():
        return (DIGIT, unicodedata.digit(char, 0)), 0, 0
    weights = _letter(char, alphabet_index)
    if weights is not None:
        return weights
    return (OTHER, ord(char.lower())), 0, int(char != char.lower())


def _azerbaijani_char(char):
    # The dotted and dotless i are two letters: I is the capital of ı, İ of i.
    if char == "I":
        return (LETTER, _AZ_INDEX["ı"]), 0, 1
    if char == "İ":
        return (LETTER, _AZ_INDEX["i"]), 0, 1
    return _weights(char, _AZ_INDEX)


@functools.cache
def _pinyin(char):
    """(syllable with ü as u, whether it had ü, tone 1–5) of a Han character:
    ICU's Chinese order puts lu (every tone) before lü, and lü before luan."""
    from pypinyin import Style, pinyin

    reading = pinyin(char, style=Style.TONE3, neutral_tone_with_five=True)[0][0]
    tone = int(reading[-1]) if reading[-1:].isdigit() else 5
    syllable = reading.rstrip("012345")
    return syllable.replace("v", "u").replace("ü", "u"), int("v" in syllable), tone


def _chinese_char(char):
    if _is_han(char):
        syllable, umlaut, tone = _pinyin(char)
        return (HAN_FIRST, syllable, umlaut, tone, ord(char)), 0, 0
    primary, secondary, tertiary = _weights(char, _ROOT_INDEX)
    if primary[0] in (LETTER, OTHER):
        primary = (HAN, *primary)
    return primary, secondary, tertiary


def _key(text, weigh):
    weights = [weigh(char) for char in text or ""]
    return (
        tuple(primary for primary, _s, _t in weights),
        tuple(secondary for _p, secondary, _t in weights),
        tuple(tertiary for _p, _s, tertiary in weights),
        text or "",
    )


@functools.lru_cache(maxsize=4096)
def azerbaijani_key(text):
    """Sort key in the Azerbaijani alphabet's order."""
    return _key(text, _azerbaijani_char)


@functools.lru_cache(maxsize=4096)
def chinese_key(text):
    """Sort key in pinyin order (Han characters before Latin letters)."""
    return _key(text, _chinese_char)


@functools.lru_cache(maxsize=4096)
def root_key(text):
    """Sort key in the Latin alphabet's order, accents and case after."""
    return _key(text, lambda char: _weights(char, _ROOT_INDEX))


SORT_KEYS = {"az": azerbaijani_key, "zh-hans": chinese_key}


def sort_key(language=None):
    """The sort key function of `language` (default: the active one)."""
    return SORT_KEYS.get(language or get_language() or "en", root_key)


def sorted_by_name(items, key=str, language=None):
    """`items` sorted by `key(item)` in the language's order, for lists built
    in Python rather than by the database."""
    collate = sort_key(language)
    return sorted(items, key=lambda item: collate(key(item)))


def _comparison(key):
    def compare(first, second):
        first, second = key(first), key(second)
        return (first > second) - (first < second)

    return compare


def register_sqlite_collations(sender, connection, **kwargs):
    """connection_created receiver (see CoreConfig.ready)."""
    if connection.vendor == "sqlite":
        raw = connection.connection
        raw.create_collation(SQLITE_COLLATIONS["az"], _comparison(azerbaijani_key))
        raw.create_collation(SQLITE_COLLATIONS["zh-hans"], _comparison(chinese_key))
        raw.create_collation(SQLITE_ROOT, _comparison(root_key))


class Collated(Func):
    """An expression in `language`'s order: `COLLATE "az-x-icu"` on
    PostgreSQL, `COLLATE portal_az` on SQLite."""

    template = "%(expressions)s COLLATE %(collation)s"

    def __init__(self, expression, language):
        super().__init__(expression)
        self.language = language

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor == "postgresql":
            name = POSTGRESQL_COLLATIONS.get(self.language, POSTGRESQL_ROOT)
        elif connection.vendor == "sqlite":
            name = SQLITE_COLLATIONS.get(self.language, SQLITE_ROOT)
        else:
            return compiler.compile(self.source_expressions[0])
        extra_context["collation"] = connection.ops.quote_name(name)
        return super().as_sql(compiler, connection, **extra_context)


@deconstructible(path="portal.core.collation.LocalizedName")
class LocalizedName(Expression):
    """A translated field (`name`) as a list sorts it: the column of the
    active language (English where it is empty), in that language's order."""

    def __init__(self, field="name"):
        super().__init__()
        self.field_name = field

    def __eq__(self, other):
        return isinstance(other, LocalizedName) and other.field_name == self.field_name

    def __hash__(self):
        return hash((type(self), self.field_name))

    def __repr__(self):
        return f"LocalizedName({self.field_name!r})"

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        language = get_language() or "en"
        english = F(build_localized_fieldname(self.field_name, "en"))
        column = build_localized_fieldname(self.field_name, language)
        value = english
        if column != english.name:
            value = Coalesce(NullIf(F(column), Value("")), english)
        return Collated(value, language).resolve_expression(
            query, allow_joins, reuse, summarize, for_save
        )
