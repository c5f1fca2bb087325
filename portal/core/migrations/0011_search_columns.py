# Site-wide search at scale (portal/core/search.py), on PostgreSQL only (issue 8).
#
# Migration 0007 indexed expressions: every search then folded (translate(),
# lower()) and parsed (to_tsvector()) the text of every record it matched, to
# check and to rank it, and a search matching tens of thousands of records took
# minutes. Here the folded text and the weighted vectors are stored, computed
# when a record is written (generated columns), so a search reads them.
#
# For each searched table and language (en, az, zh_hans):
#   search_title_<lang>, search_summary_<lang>, search_body_<lang>
#       the folded text of the title (A), summary (B) and body (C) fields
#       (a table without body fields has no search_body_<lang>)
#   search_vector_<lang>   the weighted tsvector of 0007, stored
#   <table>_search_<lang>  GIN on search_vector_<lang>
#   <table>_trgm_<lang>    GIN trigram on the folded text of every field (title
#                          || ' ' || summary || ' ' || body), for substrings
#   <table>_fuzzy_<lang>   GIN trigram on the folded title, for misspelt names
#
# The expressions are frozen here; portal/core/search.py names the same columns and
# the same trigram expression (tests/site/test_search.py and tests/core/test_indexes.py
# check with EXPLAIN that the indexes are used). A later migration that changes
# the type of a field named below must drop these columns first: PostgreSQL
# refuses to alter a column a generated column reads.
#
# SQLite: nothing (portal/core/search.py searches with its fallback there).

import importlib

from django.db import migrations

FOLD = "lower(translate({}, 'ƏəİıŞşÇçĞğÖöÜü', 'aaiissccggoouu'))"
CONFIGS = {"en": "english", "az": "simple", "zh_hans": "simple"}
TABLES = {
    "events_event": (("title",), ("summary",), ("body",)),
    "events_agreement": (("title",), ("summary",), ("body",)),
    "projects_project": (("title",), ("summary",), ("body",)),
    "portal_person": (("name",), ("honorific",), ("bio",)),
    "portal_organization": (("name", "acronym"), ("description",), ()),
    "portal_indicator": (("name",), ("description",), ()),
}
PARTS = ("title", "summary", "body")

search_0007 = importlib.import_module("portal.core.migrations.0007_search")


def text(fields, language):
    return " || ' ' || ".join(f"coalesce({field}_{language}, '')" for field in fields)


def vector(weights, language):
    return " || ".join(
        f"setweight(to_tsvector('{CONFIGS[language]}'::regconfig, "
        f"{FOLD.format(text(fields, language))}), '{weight}')"
        for weight, fields in zip("ABC", weights, strict=True)
        if fields
    )


def parts(weights):
    return [part for part, fields in zip(PARTS, weights, strict=True) if fields]


def document(weights, language):
    return " || ' ' || ".join(f"search_{part}_{language}" for part in parts(weights))


def statements():
    forwards, backwards = [], []
    for table, weights in TABLES.items():
        columns, dropped = [], []
        for language in CONFIGS:
            for part, fields in zip(PARTS, weights, strict=True):
                if fields:
                    columns.append(
                        f"ADD COLUMN search_{part}_{language} text GENERATED ALWAYS "
                        f"AS ({FOLD.format(text(fields, language))}) STORED"
                    )
                    dropped.append(f"DROP COLUMN search_{part}_{language}")
            columns.append(
                f"ADD COLUMN search_vector_{language} tsvector GENERATED ALWAYS "
                f"AS ({vector(weights, language)}) STORED"
            )
            dropped.append(f"DROP COLUMN search_vector_{language}")
        names = {
            language: (
                f"{table}_search_{language}",
                f"{table}_trgm_{language}",
                f"{table}_fuzzy_{language}",
            )
            for language in CONFIGS
        }
        forwards += [
            f"DROP INDEX IF EXISTS {search}, {trigram}"
            for search, trigram, _fuzzy in names.values()
        ]
        # One ALTER TABLE: the table is rewritten once, not once per column.
        forwards.append(f"ALTER TABLE {table} " + ", ".join(columns))
        backwards_indexes = []
        for language, (search, trigram, fuzzy) in names.items():
            forwards += [
                f"CREATE INDEX {search} ON {table} "
                f"USING gin (search_vector_{language})",
                f"CREATE INDEX {trigram} ON {table} "
                f"USING gin (({document(weights, language)}) gin_trgm_ops)",
                f"CREATE INDEX {fuzzy} ON {table} "
                f"USING gin (search_title_{language} gin_trgm_ops)",
            ]
            backwards_indexes.append(
                f"DROP INDEX IF EXISTS {search}, {trigram}, {fuzzy}"
            )
        backwards += [*backwards_indexes, f"ALTER TABLE {table} " + ", ".join(dropped)]
    # Back to 0007's expression indexes.
    backwards += search_0007.FORWARDS
    return forwards, backwards


FORWARDS, BACKWARDS = statements()


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0010_indexes"),
        ("events", "0006_indexes"),
        ("projects", "0007_indexes"),
    ]

    operations = [
        search_0007.RunSQLOnPostgreSQL(FORWARDS, BACKWARDS),
    ]
