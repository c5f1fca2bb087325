from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.contrib.auth.signals import user_logged_in
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

        # Every change to what readers see replaces the cached pages' token.
        from .pagecache import connect_signals

        connect_signals()


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, whose default site (admin.site, where every app
    registers its models) is the portal's, with two-factor sign-in."""

    # INSTALLED_APPS names it; "portal" itself stays PortalConfig.
    default = False
    default_site = "portal.twofactor.PortalAdminSite"

    def ready(self):
        super().ready()
        from .security import record_sign_in

        # The session's sign-in time, for SESSION_MAX_AGE_SECONDS.
        user_logged_in.connect(record_sign_in, dispatch_uid="portal.record_sign_in")
