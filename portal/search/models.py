from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models

# The searched kinds (models with `search_weights`), each with its own GIN
# indexes below; tests/search/test_documents.py checks the two lists agree.
SEARCHED = (
    "events.event",
    "events.agreement",
    "projects.project",
    "portal.person",
    "portal.organization",
    "portal.indicator",
)


class SearchDocument(models.Model):
    """What the site search reads on PostgreSQL: one published record's texts
    in one language (portal/search/documents.py writes it, portal/search/query.py
    reads it). Derived data: `manage.py build_search_index` makes it again from
    the records at any time. SQLite keeps none (its search reads the records).

    A record has a document in each language it has text in, and only while it
    is published (status "published"; `visible_from` is its `published_at`, so
    a record scheduled for later is found from that time on)."""

    model = models.CharField(max_length=40, help_text="The record's model label.")
    record_id = models.BigIntegerField()
    language = models.CharField(max_length=10)
    visible_from = models.DateTimeField()
    # The folded title (and the other title fields: an organisation's acronym),
    # for trigram similarity: misspelt, short and Chinese words.
    title = models.TextField()
    # Title (weight A), summary (B) and body (C), folded, Chinese cut into
    # pairs of characters (documents.py says why).
    vector = SearchVectorField()

    class Meta:
        db_table = "search_document"
        ordering = ["model", "record_id", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["model", "record_id", "language"], name="search_doc_unique"
            )
        ]
        # PostgreSQL only (the migration skips them on SQLite). One full-text
        # and one trigram GIN index per kind of record, partial: a word common
        # in events then costs nothing when projects are searched, and no
        # index holds a key as unselective as the kind. Names that do not look
        # like the record tables' search indexes (portal 0011).
        indexes = [
            *(
                # The full-text match: `vector @@ query`.
                GinIndex(
                    fields=["vector"],
                    condition=models.Q(model=label),
                    name=f"search_vec_{label.split('.')[1]}",
                )
                for label in SEARCHED
            ),
            *(
                # Trigram word similarity of titles: `'alyev' <% title`.
                GinIndex(
                    OpClass("title", name="gin_trgm_ops"),
                    condition=models.Q(model=label),
                    name=f"search_title_{label.split('.')[1]}",
                )
                for label in SEARCHED
            ),
            # A kind's documents newest first: the window the query checks
            # first (portal/search/query.py).
            models.Index(
                fields=["model", "-visible_from", "-record_id"],
                name="search_doc_newest",
            ),
        ]

    def __str__(self):
        return f"{self.model} {self.record_id} ({self.language})"
