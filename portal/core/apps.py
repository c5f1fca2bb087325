from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared core: the publishable base and the reference records. Its
    label stays "portal", the label its models, tables, migrations and
    permissions have always had, so databases made before the layers were
    split need no migration for it."""

    name = "portal.core"
    label = "portal"
    verbose_name = _("Reference data")

    def ready(self):
        # SQLite search folds Azerbaijani letters with a Python function; it must
        # be on every connection, so it is registered before the first one opens.
        from portal.core.folding import register_sqlite_functions

        connection_created.connect(register_sqlite_functions)
        # And the collations that sort names in each language's order.
        from portal.core.collation import register_sqlite_collations

        connection_created.connect(register_sqlite_collations)

        # Every change to what readers see replaces the cached answers' token.
        from portal.core.content import connect_signals

        connect_signals()
