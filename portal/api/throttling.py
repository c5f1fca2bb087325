from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from portal.security import client_ip


class AddressRateThrottle(AnonRateThrottle):
    """Requests per client address, counted in the cache (per process with the
    default local-memory cache). The rate is read per request from
    settings.API_RATE_LIMIT (None: no limit), not once at import as DRF's own
    throttles do, so tests and deployments can change it."""

    def get_rate(self):
        return settings.API_RATE_LIMIT

    def get_ident(self, request):
        # The address TRUSTED_PROXY_COUNT makes of the request, as for sign-ins.
        return client_ip(request)
