# Site-wide search indexes (portal/core/search.py), on PostgreSQL only.
#
# For each searched table and each language (en, az, zh_hans):
#   <table>_search_<lang>  GIN on the weighted tsvector (title A, summary B, body C)
#   <table>_trgm_<lang>    GIN trigram (gin_trgm_ops) on all its searched text,
#                          for substrings (partial words, Chinese) and misspellings
# The expressions are frozen here and must match portal/core/search.py exactly, or the
# planner cannot use them; tests/site/test_search.py checks that with EXPLAIN.
#
# SQLite has neither tsvector nor pg_trgm: every operation below does nothing there,
# and portal/core/search.py searches with its fallback instead. All search indexes sit
# in this one migration (events and projects tables included) so that the
# extension and every expression are defined in one place, next to each other.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FOLD = "lower(translate({}, 'ƏəİıŞşÇçĞğÖöÜü', 'aaiissccggoouu'))"
# PostgreSQL has no Azerbaijani or Chinese text search configuration.
CONFIGS = {"en": "english", "az": "simple", "zh_hans": "simple"}
TABLES = {
    "events_event": (("title",), ("summary",), ("body",)),
    "events_agreement": (("title",), ("summary",), ("body",)),
    "projects_project": (("title",), ("summary",), ("body",)),
    "portal_person": (("name",), ("honorific",), ("bio",)),
    "portal_organization": (("name", "acronym"), ("description",), ()),
    "portal_indicator": (("name",), ("description",), ()),
}


def text(fields, language):
    return " || ' ' || ".join(f"coalesce({field}_{language}, '')" for field in fields)


def vector(weights, language):
    return " || ".join(
        f"setweight(to_tsvector('{CONFIGS[language]}'::regconfig, "
        f"{FOLD.format(text(fields, language))}), '{weight}')"
        for weight, fields in zip("ABC", weights)
        if fields
    )


def document(weights, language):
    return FOLD.format(text([field for group in weights for field in group], language))


def statements():
    forwards, backwards = [], []
    for table, weights in TABLES.items():
        for language in CONFIGS:
            search = f"{table}_search_{language}"
            trigram = f"{table}_trgm_{language}"
            forwards += [
                f"CREATE INDEX {search} ON {table} USING gin (({vector(weights, language)}))",
                f"CREATE INDEX {trigram} ON {table} "
                f"USING gin (({document(weights, language)}) gin_trgm_ops)",
            ]
            backwards += [f"DROP INDEX IF EXISTS {search}", f"DROP INDEX IF EXISTS {trigram}"]
    return forwards, backwards


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """RunSQL that does nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


FORWARDS, BACKWARDS = statements()


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0006_corrections"),
        ("events", "0004_workflow"),
        ("projects", "0005_workflow"),
    ]

    operations = [
        TrigramExtension(),
        RunSQLOnPostgreSQL(FORWARDS, BACKWARDS),
    ]
