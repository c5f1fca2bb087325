from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the portal: page cache, database router, health, faults,
    logging, security middleware, limits, backups and the seed loader."""

    name = "portal.ops"
    label = "ops"
