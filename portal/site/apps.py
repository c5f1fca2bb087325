from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The public site's shared pages: home, search, key figures, about, the
    pages of the reference records, maps and charts."""

    name = "portal.site"
    label = "site"
