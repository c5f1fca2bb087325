"""Indexes for the lists sorted by name in each language (0020): on PostgreSQL
the sort is an expression (the language's column, English where it is empty,
under the language's ICU collation), which only an index on that very
expression serves. SQLite sorts with collations registered per connection
(portal/core/collation.py), which an index cannot name, so it gets none."""

from django.db import migrations

TABLES = {
    "portal_person": "person",
    "portal_organization": "organization",
    "portal_place": "place",
}
# Language: (column, collation); the same expressions as collation.LocalizedName.
SORTS = {
    "en": ('"name_en"', "und-x-icu"),
    "az": ('COALESCE(NULLIF("name_az", \'\'), "name_en")', "az-x-icu"),
    "zh_hans": ('COALESCE(NULLIF("name_zh_hans", \'\'), "name_en")', "zh-x-icu"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, short in TABLES.items():
        for language, (expression, collation) in SORTS.items():
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{short}_sort_{language}" ON "{table}" '
                f'(({expression}) COLLATE "{collation}", "id")'
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for short in TABLES.values():
        for language in SORTS:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{short}_sort_{language}"')


class Migration(migrations.Migration):
    dependencies = [("portal", "0020_names_sort_by_language")]

    operations = [migrations.RunPython(create, drop)]
