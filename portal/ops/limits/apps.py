from django.apps import AppConfig


class LimitsConfig(AppConfig):
    name = "portal.ops.limits"
    label = "limits"
    verbose_name = "Limits"
