# The site search's documents (portal/search/): one row per published record and
# language, with its folded title and weighted tsvector.
#
# The GIN indexes (full text on the vector, trigram on the title) exist on
# PostgreSQL only: SQLite keeps no documents (its search reads the records), so
# there the table stays empty and unindexed. The trigram extension comes from
# portal 0007. Each searched kind has its own partial GIN indexes. The
# documents of the records already there are made after the
# migration (portal/search/apps.py: post_migrate fills an empty table), with the
# models as they are once every migration has run.

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


SEARCHED = (
    "events.event",
    "events.agreement",
    "projects.project",
    "portal.person",
    "portal.organization",
    "portal.indicator",
)


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """AddIndex that does nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("portal", "0007_search"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("model", models.CharField(help_text="The record's model label.", max_length=40)),
                ("record_id", models.BigIntegerField()),
                ("language", models.CharField(max_length=10)),
                ("visible_from", models.DateTimeField()),
                ("title", models.TextField()),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "db_table": "search_document",
                "ordering": ["model", "record_id", "language"],
                "constraints": [models.UniqueConstraint(fields=("model", "record_id", "language"), name="search_doc_unique")],
            },
        ),
        *(
            AddIndexOnPostgreSQL(
                model_name="searchdocument",
                index=django.contrib.postgres.indexes.GinIndex(condition=models.Q(("model", label)), fields=["vector"], name=f"search_vec_{label.split('.')[1]}"),
            )
            for label in SEARCHED
        ),
        *(
            AddIndexOnPostgreSQL(
                model_name="searchdocument",
                index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.indexes.OpClass("title", name="gin_trgm_ops"), condition=models.Q(("model", label)), name=f"search_title_{label.split('.')[1]}"),
            )
            for label in SEARCHED
        ),
        AddIndexOnPostgreSQL(
            model_name="searchdocument",
            index=models.Index(fields=["model", "-visible_from", "-record_id"], name="search_doc_newest"),
        ),
    ]
