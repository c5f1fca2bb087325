from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    """The site search's stored documents: one per published record and
    language, kept current as records are saved, published, unpublished and
    deleted, and read by the search page on PostgreSQL."""

    name = "portal.search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        from portal.search.documents import build_if_empty, connect_signals

        connect_signals()
        # Documents for the records a database already holds, once, after the
        # migration that makes the table: with the models as they are once
        # every migration has run, which a migration's own code could not use.
        post_migrate.connect(build_if_empty, sender=self)
