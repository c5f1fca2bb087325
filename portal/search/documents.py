"""The stored search documents (SearchDocument): what they hold, and keeping
them current.

Each published record of a searched kind (a model with `search_weights`) has
one document per language it has text in: its folded title for trigram
similarity, and one weighted tsvector of its title (A), summary (B) and body
(C). They are written in the transaction that saves, publishes, unpublishes or
deletes the record (post_save and post_delete: the workflow moves a record by
saving it, reverting history saves it too), and `manage.py build_search_index`
makes them all again in batches for records written without signals (COPY,
bulk loads, a restore from before this table existed).

Text search configuration, per language of the document:

- English uses PostgreSQL's "english": stemming, so "plants" finds "plant".
- Azerbaijani uses "simple" (lower case, split at spaces and punctuation, no
  stemming, no stop words): PostgreSQL has no Azerbaijani configuration, and a
  stemmer for another language would mangle its suffixes. The text is folded
  first (Ə→a, ı/İ→i, ş→s…), as the query is, so "Aliyev" finds "Əliyev".
- Chinese uses "simple" too, after cutting every run of Chinese characters
  into overlapping pairs ("第二次访华" → 第二 二次 次访 访华 华): Chinese is
  written without spaces, so PostgreSQL's parser would keep a whole clause as
  one "word" and find nothing inside it, and there is no Chinese dictionary in
  PostgreSQL (zhparser and pg_jieba are extensions this project cannot count
  on). A query of two or more characters is then the phrase of its pairs, which
  is exactly "this substring", and one character is a prefix of a pair. The
  same cutting applies to Chinese characters in any language's text.

SQLite keeps no documents: its search reads the records (portal/core/search.py).
"""

import logging
import time
import unicodedata

from django.apps import apps
from django.conf import settings
from django.db import connections, router, transaction
from modeltranslation.utils import build_localized_fieldname

from portal.core.content import replace_token
from portal.core.folding import fold
from portal.core.models import Status
from portal.search.models import SearchDocument

logger = logging.getLogger(__name__)

CONFIGS = {"en": "english", "az": "simple", "zh-hans": "simple"}
BATCH_SIZE = 2000
WEIGHTS = "ABC"


def languages():
    return [code for code, _name in settings.LANGUAGES]


def config(language):
    """The text search configuration of a document's language ("simple" for a
    language PostgreSQL has none for)."""
    return CONFIGS.get(language, "simple")


def searched_models():
    """The models whose records the site search finds: those that say what it
    reads (`search_weights`: fields by weight, title, summary, body)."""
    return [model for model in apps.get_models() if hasattr(model, "search_weights")]


def label(model):
    return model._meta.label_lower


# Text ---------------------------------------------------------------------------


def is_wide(char):
    """A Chinese (or other East Asian wide) letter or digit: one is a word."""
    return char.isalnum() and unicodedata.east_asian_width(char) in ("W", "F")


def pieces(text):
    """The text as maximal runs of wide letters and of everything else:
    [(True, "第二次访华"), (False, " 2025 ")…]."""
    runs, current, wide = [], [], None
    for char in text:
        char_wide = is_wide(char)
        if current and char_wide != wide:
            runs.append((wide, "".join(current)))
            current = []
        current.append(char)
        wide = char_wide
    if current:
        runs.append((wide, "".join(current)))
    return runs


def pairs(run):
    """Overlapping pairs of a run of wide letters, and its last letter alone, so
    every substring of two or more is a phrase of pairs and every letter
    starts one: "访华" → ["访华", "华"]."""
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def segment(text):
    """Folded text as the tsvector parser should see it: wide runs cut into
    pairs, each a word of its own."""
    return "".join(
        f" {' '.join(pairs(run))} " if wide else run for wide, run in pieces(text)
    )


def _text(record, fields, language):
    values = (getattr(record, build_localized_fieldname(f, language)) for f in fields)
    return " ".join(value for value in values if value)


def documents(record, weights):
    """[(language, title, (A, B, C))] of a record: its folded title and the
    folded, segmented text of each weight, for each language it has text in."""
    result = []
    for language in languages():
        texts = [fold(_text(record, fields, language)) for fields in weights]
        if any(texts):
            result.append((language, texts[0], tuple(segment(t) for t in texts)))
    return result


def visible_from(record):
    """When readers may find the record, or None while it is not published."""
    if getattr(record, "status", Status.PUBLISHED) != Status.PUBLISHED:
        return None
    return record.published_at


# Writing ------------------------------------------------------------------------

_VECTOR = " || ".join(
    f"setweight(to_tsvector(d.config::regconfig, d.{weight.lower()}), '{weight}')"
    for weight in WEIGHTS
)
# One statement for any number of documents (the arrays are their columns).
UPSERT = f"""
INSERT INTO search_document (model, record_id, language, visible_from, title, vector)
SELECT %s, d.record_id, d.language, d.visible_from, d.title, {_VECTOR}
FROM unnest(
    %s::bigint[], %s::text[], %s::timestamptz[], %s::text[], %s::text[],
    %s::text[], %s::text[], %s::text[]
) AS d(record_id, language, visible_from, title, config, a, b, c)
ON CONFLICT (model, record_id, language) DO UPDATE SET
    visible_from = EXCLUDED.visible_from,
    title = EXCLUDED.title,
    vector = EXCLUDED.vector
"""


def _rows(records, weights):
    columns = [[] for _ in range(8)]
    for record in records:
        since = visible_from(record)
        if since is None:
            continue
        for language, title, texts in documents(record, weights):
            row = (record.pk, language, since, title, config(language), *texts)
            for column, value in zip(columns, row, strict=True):
                column.append(value)
    return columns


def write(cursor, model_label, records, weights):
    """Write the documents of these records (published ones only); returns how
    many were written."""
    columns = _rows(records, weights)
    if columns[0]:
        cursor.execute(UPSERT, [model_label, *columns])
    return len(columns[0])


def _uses_documents(using):
    return connections[using].vendor == "postgresql"


def refresh(record, using=None, weights=None):
    """Bring one record's documents up to date: written while it is published,
    removed when it is not (or no longer has text in a language)."""
    using = using or router.db_for_write(type(record))
    if not _uses_documents(using):
        return
    weights = weights or type(record).search_weights
    model_label = label(type(record))
    kept = (
        [language for language, _title, _texts in documents(record, weights)]
        if visible_from(record) is not None
        else []
    )
    with connections[using].cursor() as cursor:
        cursor.execute(
            "DELETE FROM search_document WHERE model = %s AND record_id = %s "
            "AND NOT (language = ANY(%s::text[]))",
            [model_label, record.pk, kept],
        )
        write(cursor, model_label, [record], weights)


def remove(model, pk, using):
    if not _uses_documents(using):
        return
    with connections[using].cursor() as cursor:
        cursor.execute(
            "DELETE FROM search_document WHERE model = %s AND record_id = %s",
            [label(model), pk],
        )


# Signals --------------------------------------------------------------------------

_searched = set()


def on_saved(sender, instance, using, **kwargs):
    if sender in _searched:
        refresh(instance, using)


def on_deleted(sender, instance, using, **kwargs):
    if sender in _searched:
        remove(sender, instance.pk, using)


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    _searched.update(searched_models())
    post_save.connect(on_saved, dispatch_uid="search.saved")
    post_delete.connect(on_deleted, dispatch_uid="search.deleted")


# Building -----------------------------------------------------------------------


def build(model, weights=None, using="default", batch_size=BATCH_SIZE, progress=None):
    """Make every document of one model again, in one transaction (readers see
    the old documents until it commits), reading the records in batches of
    `batch_size` by primary key. `model` may be a migration's historical model
    with the `weights` of its time. Returns the number of documents written."""
    weights = weights or model.search_weights
    model_label = label(model)
    fields = ["pk", "status", "published_at"] + [
        build_localized_fieldname(field, language)
        for group in weights
        for field in group
        for language in languages()
    ]
    if not any(f.name == "status" for f in model._meta.get_fields()):
        fields.remove("status")
    published = model._default_manager.using(using).filter(status=Status.PUBLISHED)
    written, last = 0, None
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("DELETE FROM search_document WHERE model = %s", [model_label])
        while True:
            batch = published.order_by("pk").only(*fields[1:])
            if last is not None:
                batch = batch.filter(pk__gt=last)
            records = list(batch[:batch_size])
            if not records:
                break
            written += write(cursor, model_label, records, weights)
            last = records[-1].pk
            if progress:
                progress(model_label, written)
    return written


def build_all(using="default", batch_size=BATCH_SIZE, progress=None):
    """Every searched model's documents, made again; {model label: (documents,
    seconds)}. Nothing on SQLite."""
    if not _uses_documents(using):
        return {}
    done = {}
    for model in searched_models():
        started = time.monotonic()
        count = build(model, using=using, batch_size=batch_size, progress=progress)
        done[label(model)] = (count, time.monotonic() - started)
    with connections[using].cursor() as cursor:
        # Fresh statistics: the planner picks the index by how common a word is.
        cursor.execute("ANALYZE search_document")
    # Searches answer differently now: nothing cached before may be served.
    with transaction.atomic(using=using):
        replace_token(using)
    return done


def build_if_empty(using="default", **kwargs):
    """post_migrate: make the documents when there are none but there are
    published records (the first migrate after upgrading, or a database
    filled without signals); otherwise nothing, at the cost of a few queries."""
    connection = connections[using]
    if not _uses_documents(using):
        return
    if "search_document" not in connection.introspection.table_names():
        return
    if SearchDocument.objects.using(using).exists():
        return
    if any(
        model._default_manager.using(using).filter(status=Status.PUBLISHED).exists()
        for model in searched_models()
    ):
        build_all(using=using)
