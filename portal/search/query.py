"""The site search's query: a kind's matching records, best first, and how
many there are, in one query per kind.

On PostgreSQL it reads the stored documents (portal/search/documents.py) with
django.contrib.postgres.search: a SearchQuery of every word as a prefix (in
English stemmed and as typed; Chinese as the phrase of its character pairs)
against the documents' GIN index; when that finds fewer than TOP records of a
kind, titles that look like the words (trigram word similarity, the title's
GIN trigram index) are added, so that "Alyev" finds "Aliyev". Of a kind's
matches, the newest LIST_LIMIT records (+1, to know there are more) are
listed and counted, in every language at once; beyond that the count is shown
as "LIST_LIMIT+". Counting every match of a word that is in half the records
would read half the documents on every search. The listed records are ranked
(SearchRank and the weights of the fields a word is in, as below), so a common
word costs the same whatever the number of records.

Ranking, as on SQLite: 4 for a match of every word in the title (in any
language), 2 in the summary, 1 in the body, added up, so that any title match
ranks above every record without one; then the same in the reader's
language; then ts_rank in the reader's language, with English counting a
little; then trigram word similarity of the title. Of more than RANK_LIMIT
(portal/core/search.py) listed records only the newest RANK_LIMIT are ranked,
the others follow in the kind's order.

SQLite, the embedded database, keeps no documents: it gets portal/core/search.py's
LIKE-based search of the records, counted exactly.
"""

from functools import reduce
from operator import and_

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connections, router
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from portal.core import search as core_search
from portal.search.documents import label, pairs, pieces
from portal.search.models import SearchDocument

# A kind's matches listed and counted exactly; more show as "500+".
LIST_LIMIT = 100
# The newest documents of a kind looked at first (see _candidates).
WINDOW = 3000
# Fewer full-text matches than this and similar-looking titles are added.
FEW = core_search.TOP


def uses_documents(model):
    return connections[router.db_for_read(model)].vendor == "postgresql"


# The query ------------------------------------------------------------------------


def _raw(text, config):
    return SearchQuery(text, config=config, search_type="raw")


def word_query(word, weight=""):
    """One query word as a SearchQuery: each run of Chinese characters the
    phrase of its pairs (a single one, the start of a pair), anything else a
    prefix, stemmed as English or as typed. `weight` ("A", "B", "C") limits it
    to the fields of that weight. Words are runs of letters and digits
    (core_search.query_words), so nothing in them is tsquery syntax."""
    suffix = f":{weight}" if weight else ""
    parts = []
    for wide, run in pieces(word):
        if wide and len(run) > 1:
            phrase = " <-> ".join(f"'{pair}'{suffix}" for pair in pairs(run)[:-1])
            parts.append(_raw(phrase, "simple"))
        elif wide:
            parts.append(_raw(f"'{run}':*{weight}", "simple"))
        else:
            term = f"'{run}':*{weight}"
            parts.append(_raw(term, "english") | _raw(term, "simple"))
    return reduce(and_, parts)


def tsquery(words, weight=""):
    """Every word, in the fields of `weight` or in any."""
    return reduce(and_, (word_query(word, weight) for word in words))


def _as_number(condition, value):
    return Case(When(condition, then=Value(value)), default=Value(0))


def _tier(words, **only):
    """4 title + 2 summary + 1 body: every word in that field of one of the
    documents (only: of the reader's language)."""
    condition = Q(**only) if only else None
    return sum(
        (
            Coalesce(
                Max(
                    _as_number(Q(vector=tsquery(words, weight)), value),
                    filter=condition,
                ),
                0,
            )
            for weight, value in zip("ABC", (4, 2, 1), strict=True)
        ),
        Value(0),
    )


def _rank_key(kind, words, language):
    """Per record (a correlated subquery over its documents): the array it is
    ordered by, largest first."""
    query = tsquery(words)
    phrase = " ".join(words)
    reader = language if language in core_search.TS_CONFIGS else "en"

    def rank(language):
        return Coalesce(
            Max(SearchRank(F("vector"), query), filter=Q(language=language)),
            0.0,
        )

    rank_sum = rank(reader) if reader == "en" else rank(reader) + 0.1 * rank("en")
    similarity = Max(
        Case(
            When(Q(vector=query), then=Value(1.0)),
            default=TrigramWordSimilarity(Value(phrase), "title"),
            output_field=FloatField(),
        )
    )
    key = Func(
        Cast(_tier(words), FloatField()),
        Cast(_tier(words, language=reader), FloatField()),
        Cast(rank_sum, FloatField()),
        Cast(similarity, FloatField()),
        function="ARRAY",
        template="ARRAY[%(expressions)s]",
        output_field=ArrayField(FloatField()),
    )
    documents = SearchDocument.objects.filter(
        model=label(kind.model), record_id=OuterRef("pk")
    ).order_by()
    return Subquery(
        documents.values("record_id").annotate(key=key).values("key")[:1],
        output_field=ArrayField(FloatField()),
    )


def _sql(queryset):
    return queryset.query.sql_with_params()


def _candidates(kind, words, now):
    """SQL for the ids of the newest LIST_LIMIT + 1 records of the kind that
    match (full text; similar titles when that finds fewer than FEW).

    Written so that no plan can read every document of the kind for a rare
    word, whatever PostgreSQL estimates (it guesses at least 0.5% of the
    documents for any prefix): the newest WINDOW documents are checked first
    (a bounded scan), and only when they hold too few matches are the older
    ones found through the GIN index, without an order that could tempt the
    planner into reading the newest-first index to its end. Every CTE below
    is MATERIALIZED for the same reason: it is computed on its own, as
    written. (The window is read through the newest-first index, each
    document checked as it comes: a GIN index scan of a common word would
    gather tens of thousands of documents to keep three thousand.)"""
    visible = SearchDocument.objects.filter(
        model=label(kind.model), visible_from__lte=now
    ).order_by()
    query = tsquery(words)
    window = (
        visible.annotate(hit=ExpressionWrapper(Q(vector=query), BooleanField()))
        .order_by("-visible_from", "-record_id")
        .values("visible_from", "record_id", "hit")[:WINDOW]
    )
    matching = visible.filter(vector=query).values("visible_from", "record_id")
    similar = visible.filter(title__trigram_word_similar=" ".join(words)).values(
        "visible_from", "record_id"
    )
    window_sql, window_params = _sql(window)
    matching_sql, matching_params = _sql(matching)
    similar_sql, similar_params = _sql(similar)
    limit = LIST_LIMIT + 1
    newest = "ORDER BY visible_from DESC, record_id DESC"
    sql = f"""
WITH window_ AS MATERIALIZED ({window_sql}),
boundary AS MATERIALIZED (
    SELECT CASE WHEN count(*) < {WINDOW} THEN '-infinity'::timestamptz
    ELSE min(visible_from) END AS since FROM window_
),
recent AS MATERIALIZED (
    SELECT visible_from, record_id FROM window_ WHERE hit
),
older AS MATERIALIZED (
    SELECT * FROM ({matching_sql}) m
    WHERE m.visible_from < (SELECT since FROM boundary)
    AND (SELECT count(DISTINCT record_id) FROM recent) < {limit}
),
full_text AS MATERIALIZED (
    SELECT DISTINCT visible_from, record_id
    FROM (SELECT * FROM recent UNION ALL SELECT * FROM older) m
    {newest} LIMIT {limit}
),
similar_titles AS MATERIALIZED (
    SELECT * FROM ({similar_sql}) s
    WHERE (SELECT count(*) FROM full_text) < {FEW}
)
SELECT record_id FROM full_text
UNION
SELECT record_id FROM (
    SELECT DISTINCT visible_from, record_id FROM similar_titles {newest} LIMIT {limit}
) similar_newest"""
    return sql, (*window_params, *matching_params, *similar_params)


def _ranked_condition(kind, words, now):
    """Whether the record is one of the newest RANK_LIMIT matches (always, with
    the default RANK_LIMIT, which is above LIST_LIMIT)."""
    limit = core_search.RANK_LIMIT
    if limit > LIST_LIMIT:
        return Value(True)
    newest = (
        SearchDocument.objects.filter(
            model=label(kind.model), visible_from__lte=now, vector=tsquery(words)
        )
        .values("visible_from", "record_id")
        .distinct()
        .order_by("-visible_from", "-record_id")[limit - 1 : limit]
    )
    sql, params = _sql(newest)
    table = connections["default"].ops.quote_name(kind.model._meta.db_table)
    return RawSQL(
        f"COALESCE(({table}.published_at, {table}.id) >= ({sql}), TRUE)",
        params,
        output_field=BooleanField(),
    )


def search_queryset(kind, words, language):
    """Published records of the kind matching the words, best first, at most
    LIST_LIMIT + 1 of them, annotated with `search_total` (how many, up to
    LIST_LIMIT + 1) when `total` is asked for."""
    if not uses_documents(kind.model):
        return core_search.search_queryset(kind, words, language)
    now = timezone.now()
    ids_sql, ids_params = _candidates(kind, words, now)
    ranked = _ranked_condition(kind, words, now)
    return (
        kind.queryset()
        .filter(pk__in=RawSQL(ids_sql, ids_params))
        .annotate(search_ranked=ranked)
        .annotate(
            search_key=Case(
                When(search_ranked=True, then=_rank_key(kind, words, language)),
                default=None,
                output_field=ArrayField(FloatField()),
            )
        )
        .order_by(
            F("search_key").desc(nulls_last=True),
            *kind.ordering,
        )
    )


def with_total(queryset):
    """The queryset with `search_total`, the number of its rows, on each."""
    return queryset.annotate(search_total=Window(Count("pk")))


def capped(count, model):
    """(count shown, whether there are more) for a count of search_queryset's
    rows: on PostgreSQL at most LIST_LIMIT are listed."""
    if uses_documents(model) and count > LIST_LIMIT:
        return LIST_LIMIT, True
    return count, False


__all__ = ["LIST_LIMIT", "capped", "search_queryset", "tsquery", "with_total"]
