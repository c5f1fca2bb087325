from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """What editors use across every kind of record: corrections from readers,
    the review queue, two-factor sign-in and its protection."""

    name = "portal.editorial"
    label = "editorial"
    verbose_name = _("Corrections")


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, whose default site (admin.site, where every app
    registers its models) is the portal's, with two-factor sign-in."""

    # INSTALLED_APPS names it; the editorial app itself stays EditorialConfig.
    default = False
    default_site = "portal.editorial.twofactor.PortalAdminSite"

    def ready(self):
        super().ready()
        from portal.ops.security import record_sign_in

        # The session's sign-in time, for SESSION_MAX_AGE_SECONDS.
        user_logged_in.connect(record_sign_in, dispatch_uid="portal.record_sign_in")
