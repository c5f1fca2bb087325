from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """The data readers take away: the API, downloads, the dataset, the
    calendar, the combined feeds and the sitemap index."""

    name = "portal.opendata"
    label = "opendata"

    def ready(self):
        from portal.opendata import dataset

        # The dataset is built again after a request that changed it.
        dataset.connect_signals()
