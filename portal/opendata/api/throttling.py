from django.conf import settings
from rest_framework.throttling import BaseThrottle

from portal.ops.limits.store import Rate, hit
from portal.ops.security import client_key


class AddressRateThrottle(BaseThrottle):
    """Requests per client (an address; an IPv6 /64), counted in the limits
    store every server process shares (portal/ops/limits/store.py), where DRF's own
    throttles keep a per-process list that concurrent requests overwrite. The
    rate is read per request from settings.API_RATE_LIMIT (None: no limit), so
    tests and deployments can change it."""

    def allow_request(self, request, view):
        self.retry_after = None
        if settings.API_RATE_LIMIT is None:
            return True
        verdict = hit("api", client_key(request), Rate.parse(settings.API_RATE_LIMIT))
        self.retry_after = verdict.retry_after
        return verdict.allowed

    def wait(self):
        # Retry-After: when the client's window ends.
        return self.retry_after
