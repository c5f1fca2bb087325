from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Reference data")

    def ready(self):
        # SQLite search folds Azerbaijani letters with a Python function; it must
        # be on every connection, so it is registered before the first one opens.
        from .folding import register_sqlite_functions

        connection_created.connect(register_sqlite_functions)
