from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """The data readers take away: the API, downloads, the dataset, the
    calendar, the combined feeds and the sitemap index."""

    name = "portal.opendata"
    label = "opendata"
