"""Site-wide search: events, projects, agreements, people, organisations and key
figures, found by their text in any language and ranked title above summary
above body.

One query per kind of record, whatever the number of results. PostgreSQL does
full-text search on weighted vectors (title A, summary B, body C), substring
matching for partial words and Chinese, and trigram word similarity of titles
and names for misspellings, all on the folded texts and vectors each row
stores and served by the GIN indexes of migration portal 0011; at most
RANK_LIMIT matches of a kind are ranked. SQLite, the embedded database, gets a
simpler fallback: every word must appear in the record's text, and the record
ranks by the field it appears in.

Azerbaijani letters are folded on both sides (Ə→a, ı/İ→i, ş→s, ç→c, ğ→g, ö→o,
ü→u, and case), so "Aliyev" finds "Əliyev" and "Heydər" finds "Heydar".
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    BooleanField,
    Expression,
    FloatField,
    IntegerField,
)
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modeltranslation.utils import build_localized_fieldname

from portal.core.folding import FOLD_FROM, FOLD_TO, fold

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
TOP = 5  # results per kind on the overview
PER_PAGE = 20  # results per page when one kind is shown in full
SNIPPET_LENGTH = 220
# At most this many matches of a kind are ranked (see search_queryset).
RANK_LIMIT = 1000

# PostgreSQL text search configuration per record language. PostgreSQL has no
# Azerbaijani or Chinese configuration: "simple" lowercases and splits on spaces
# and punctuation, with no stemming and no stop words. Chinese is not split into
# words at all, so Chinese text is found by substring (trigram index) instead.
TS_CONFIGS = {"en": "english", "az": "simple", "zh-hans": "simple"}


def _fold_chars(text):
    """fold() one character at a time, keeping the length, so that positions in
    the folded text are positions in the original (for highlighting)."""
    folded = []
    for char in text:
        lowered = fold(char)
        folded.append(lowered if len(lowered) == 1 else char)
    return "".join(folded)


# Query text -------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def clean_query(raw):
    """The query as searched for: control characters (NUL included) dropped,
    spaces collapsed, at most MAX_QUERY_LENGTH characters."""
    text = "".join(
        " " if unicodedata.category(char).startswith("C") else char
        for char in (raw or "")[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def _is_wide(char):
    # Chinese characters: one of them is already a word.
    return unicodedata.east_asian_width(char) in ("W", "F")


def query_words(query):
    """The folded words every result must contain: runs of letters and digits,
    so that search syntax (' & | ! :* ( < >) is never more than a separator.
    Single Latin letters or digits would match nearly everything and are dropped;
    a single Chinese character is a word."""
    words = []
    for match in _WORD.finditer(fold(query)):
        word = match.group()
        if (len(word) > 1 or _is_wide(word)) and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def _like_pattern(word):
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# What is searched ---------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """A kind of record the site search shows (portal/site/search.py lists
    them); what is searched is the model's own `search_weights`."""

    key: str
    label: str
    model: type

    @property
    def weights(self):
        """Fields by weight: title (A) above summary (B) above body (C)."""
        return self.model.search_weights

    def queryset(self):
        # A hit shows what a list row shows.
        return self.model.objects.published().for_list()

    @property
    def ordering(self):
        return [*self.model._meta.ordering, "pk"]


WEIGHTS = "ABC"
# The stored columns of each weight's folded text (migration portal 0011).
PARTS = ("title", "summary", "body")


def _languages():
    return list(TS_CONFIGS)


# SQL ----------------------------------------------------------------------------
# On PostgreSQL the columns and expressions below must stay identical to those
# of portal/core/migrations/0011_search_columns.py (with bare column names there), or
# PostgreSQL cannot use the indexes; tests/site/test_search.py checks it with EXPLAIN.


class _SQL:
    """SQL text for searching one kind of record on the current database.

    PostgreSQL reads the folded text and the weighted vectors stored in each
    row (migration portal 0011): nothing is folded or parsed per row at search
    time. SQLite folds the fields themselves with portal_fold()."""

    def __init__(self, kind, vendor, table=None):
        self.kind = kind
        self.vendor = vendor
        self.table = table or connection.ops.quote_name(kind.model._meta.db_table)

    @property
    def stored(self):
        return self.vendor == "postgresql"

    def column(self, field, language):
        name = build_localized_fieldname(field, language)
        return f"{self.table}.{connection.ops.quote_name(name)}"

    def stored_column(self, name, language):
        suffix = build_localized_fieldname("", language)[1:]
        return f"{self.table}.{connection.ops.quote_name(f'search_{name}_{suffix}')}"

    def fold(self, expression):
        if self.vendor == "postgresql":
            return f"lower(translate({expression}, '{FOLD_FROM}', '{FOLD_TO}'))"
        return f"portal_fold({expression})"

    def text(self, fields, language):
        return " || ' ' || ".join(
            f"coalesce({self.column(field, language)}, '')" for field in fields
        )

    def part(self, weight, language):
        """The folded text of one weight's fields (0 title, 1 summary, 2 body)."""
        if self.stored:
            return self.stored_column(PARTS[weight], language)
        return self.fold(self.text(self.kind.weights[weight], language))

    def document(self, language):
        """Every searched field of the record in one language, folded."""
        if self.stored:
            return " || ' ' || ".join(
                self.part(weight, language)
                for weight, fields in enumerate(self.kind.weights)
                if fields
            )
        fields = [field for group in self.kind.weights for field in group]
        return self.fold(self.text(fields, language))

    def vector(self, language):
        return self.stored_column("vector", language)

    def tsquery(self, language):
        config = TS_CONFIGS[language]
        return f"plainto_tsquery('{config}'::regconfig, {self.fold('%s')})"

    def like_all(self, expression, words):
        """Every word is in the (folded) expression."""
        escape_clause = " ESCAPE '\\'" if self.vendor == "sqlite" else ""
        sql = " AND ".join(
            f"{expression} LIKE {self.fold('%s')}{escape_clause}" for _word in words
        )
        return sql, [_like_pattern(word) for word in words]


def _join(parts, operator):
    sql = f" {operator} ".join(f"({part})" for part, _params in parts)
    params = [param for _part, part_params in parts for param in part_params]
    return sql, params


def _match(sql, words, phrase):
    """WHERE condition: the record matches in at least one language."""
    # Cheapest first: PostgreSQL stops at the first branch that holds.
    parts = [sql.like_all(sql.document(language), words) for language in _languages()]
    if sql.vendor == "postgresql":
        for language in _languages():
            parts.append(
                (f"{sql.vector(language)} @@ {sql.tsquery(language)}", [phrase])
            )
        # Misspellings are looked for in titles and names only: word
        # similarity against whole texts costs a millisecond a record.
        for language in _languages():
            parts.append((f"{sql.fold('%s')} <%% {sql.part(0, language)}", [phrase]))
    return _join(parts, "OR")


def match_condition(kind, words):
    """The WHERE condition of a search: the record matches in some language."""
    sql = _SQL(kind, connection.vendor)
    condition, params = _match(sql, words, " ".join(words))
    return RawSQL(condition, params, output_field=BooleanField())


class StoredTextContains(Expression):
    """PostgreSQL: the word is in the stored folded text of a searched record
    (migration portal 0011), in some language; served by the trigram indexes.

    Compiled against the alias the query gives the table, so it holds inside
    subqueries too (the facets and the maps filter by the list's records)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, model, word):
        super().__init__()
        self.model, self.word = model, word

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name(compiler.query.get_initial_alias())
        kind = Kind("", "", self.model)
        sql = _SQL(kind, connection.vendor, table=alias)
        condition, params = _join(
            [sql.like_all(sql.document(lang), [self.word]) for lang in _languages()],
            "OR",
        )
        return f"({condition})", params


def stored_text_condition(model, fields, word):
    """For the lists' text filter on PostgreSQL: "the word is in one of these
    fields, in some language" as StoredTextContains, when the fields are
    exactly the ones search reads; None otherwise (and on SQLite)."""
    weights = getattr(model, "search_weights", None)
    if connection.vendor != "postgresql" or weights is None:
        return None
    searched = {field for group in weights for field in group}
    if searched == set(fields):
        return StoredTextContains(model, word)
    return None


def _field_hit(sql, weight, words, phrase, languages):
    """The words are in the fields of this weight, in one of the languages."""
    parts = []
    for language in languages:
        config = TS_CONFIGS[language]
        # With "simple" (no stemming) a full-text match is also a substring
        # match, so only stemmed languages need the tsvector here: the stored
        # vector's lexemes of this weight.
        if sql.vendor == "postgresql" and config != "simple":
            letter = WEIGHTS[weight].lower()
            parts.append(
                (
                    f"ts_filter({sql.vector(language)}, '{{{letter}}}') "
                    f"@@ {sql.tsquery(language)}",
                    [phrase],
                )
            )
        parts.append(sql.like_all(sql.part(weight, language), words))
    return _join(parts, "OR")


def _tier(sql, words, phrase, languages):
    """4 for a match in the title, 2 in the summary, 1 in the body, added up: any
    title match ranks above every record without one, and so on down."""
    parts = []
    for weight, (value, fields) in enumerate(
        zip((4, 2, 1), sql.kind.weights, strict=True)
    ):
        if fields:
            hit, params = _field_hit(sql, weight, words, phrase, languages)
            parts.append((f"CASE WHEN {hit} THEN {value} ELSE 0 END", params))
    return _join(parts, "+")


def _rank(sql, phrase, reader):
    """Within a tier (PostgreSQL): ts_rank in the reader's language, with English,
    every record's fallback, counting a little; then trigram word similarity of
    the title, which orders the misspelt matches."""
    rank = f"ts_rank({sql.vector(reader)}, {sql.tsquery(reader)})"
    params = [phrase]
    if reader != "en":
        rank += f" + 0.1 * ts_rank({sql.vector('en')}, {sql.tsquery('en')})"
        params.append(phrase)
    titles = ", ".join(
        f"word_similarity({sql.fold('%s')}, {sql.part(0, language)})"
        for language in _languages()
    )
    similarity = f"GREATEST({titles})"
    return rank, params, similarity, [phrase] * len(_languages())


def search_queryset(kind, words, language=None):
    """Published records of this kind that match the words, best first.

    Ranking reads several texts of each record, so only the RANK_LIMIT most
    recently published matches are ranked; a query matching more (a word in
    half the events) lists those first, best first, and the older ones after
    them in the kind's own order. Every match is still counted and listed."""
    vendor = connection.vendor
    sql = _SQL(kind, vendor)
    reader = language if language in TS_CONFIGS else "en"
    phrase = " ".join(words)
    # The most recent RANK_LIMIT matches, counted by a window over the matches
    # (not a subquery: the SQL of this module names the table, not an alias).
    newest = ", ".join(
        f"{sql.table}.{connection.ops.quote_name(column)} DESC"
        for column in ("published_at", "id")
    )
    recent = f"ROW_NUMBER() OVER (ORDER BY {newest}) <= {RANK_LIMIT}"

    def ranked(expression, params, output_field):
        # CASE evaluates the expression for the ranked records only.
        return RawSQL(
            f"CASE WHEN {recent} THEN ({expression}) ELSE 0 END",
            params,
            output_field=output_field,
        )

    tier, tier_params = _tier(sql, words, phrase, _languages())
    reader_tier, reader_params = _tier(sql, words, phrase, [reader])
    queryset = (
        kind.queryset()
        .filter(match_condition(kind, words))
        .annotate(
            search_ranked=ranked("1", [], IntegerField()),
            search_tier=ranked(tier, tier_params, IntegerField()),
            search_reader_tier=ranked(reader_tier, reader_params, IntegerField()),
        )
    )
    order = ["-search_ranked", "-search_tier", "-search_reader_tier"]
    if vendor == "postgresql":
        rank, rank_params, similarity, similarity_params = _rank(sql, phrase, reader)
        queryset = queryset.annotate(
            search_rank=ranked(rank, rank_params, FloatField()),
            search_similarity=ranked(similarity, similarity_params, FloatField()),
        )
        order += ["-search_rank", "-search_similarity"]
    return queryset.order_by(*order, *kind.ordering)


# Display ------------------------------------------------------------------------


def highlight(text, words):
    """The text, HTML-escaped, with each occurrence of the (folded) words wrapped
    in <mark>. Written here because Django has no such helper and
    PostgreSQL's ts_headline returns unescaped HTML and exists on one database
    only. Every piece of the text goes through escape() before it is joined."""
    text = text or ""
    folded = _fold_chars(text)
    spans = []
    for word in words:
        if len(word) < 2 and not _is_wide(word):
            continue
        start = folded.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    spans.sort()
    pieces, position = [], 0
    for start, end in spans:
        start = max(start, position)
        if start >= end:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    # Safe: every piece above went through escape().
    return mark_safe("".join(pieces))


def excerpt(text, words, length=SNIPPET_LENGTH):
    """Up to `length` characters of the text around the first matching word."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    folded = _fold_chars(text)
    found = [position for word in words if (position := folded.find(word)) != -1]
    start = max(0, min(found) - length // 3) if found else 0
    end = min(len(text), start + length)
    start = max(0, end - length)
    if start > 0:
        space = text.find(" ", start, start + 25)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", end - 25, end)
        end = space if space > start else end
    return f"{'…' if start else ''}{text[start:end]}{'…' if end < len(text) else ''}"


def _localized(record, field, language):
    """(text, is English fallback) for a field in the reader's language."""
    text = getattr(record, build_localized_fieldname(field, language), "") or ""
    if text or language == "en":
        return text, False
    english = getattr(record, build_localized_fieldname(field, "en"), "") or ""
    return english, bool(english)


@dataclass
class Hit:
    record: object
    url: str
    title: str
    title_fallback: bool
    snippet: str
    snippet_fallback: bool


def make_hit(kind, record, words, language):
    title_fields = [field for field in kind.weights[0] if field != "acronym"]
    title, title_fallback = _localized(record, title_fields[0], language)
    texts = [
        _localized(record, field, language)
        for fields in kind.weights[1:]
        for field in fields
    ]
    texts = [(text, fallback) for text, fallback in texts if text]
    # The first text that shows a matching word; else the summary.
    chosen = next(
        (
            (text, fallback)
            for text, fallback in texts
            if any(word in _fold_chars(text) for word in words)
        ),
        texts[0] if texts else ("", False),
    )
    return Hit(
        record=record,
        url=record.get_absolute_url(),
        title=highlight(title, words),
        title_fallback=title_fallback,
        snippet=highlight(excerpt(chosen[0], words), words),
        snippet_fallback=chosen[1],
    )


# The view -----------------------------------------------------------------------


__all__ = [
    "Kind",
    "clean_query",
    "excerpt",
    "fold",
    "highlight",
    "match_condition",
    "query_words",
    "search_queryset",
]
