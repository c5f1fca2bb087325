"""Sign-in protection shared by the admin, the API and the corrections form.

`client_ip(request)` is the one answer to "who is asking?": django-axes locks
sign-ins by it, the API throttle and the corrections form count requests by it.
`SessionLifetimeMiddleware` signs editors out a fixed time after they signed in,
however busy they have been since (the idle timeout is SESSION_COOKIE_AGE).
"""

import ipaddress
import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout

# Where the sign-in time (seconds since the epoch) is kept in the session.
SIGNED_IN_AT = "portal_signed_in_at"


def _address(value):
    """`value` as a normalised IP address, or None when it is not one."""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket is still the same client.
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


def client_ip(request):
    """The client's IP address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies
    the address the outermost of them saw, which is the Nth X-Forwarded-For entry
    from the right (each proxy appends the address it was called from). Entries
    further left are whatever the client chose to send and are never read. With
    no trusted proxies X-Forwarded-For is ignored. "" when nothing valid is known.
    """
    remote = _address(request.META.get("REMOTE_ADDR", "")) or ""
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < count:
        # The request did not pass through all the proxies (or one of them is
        # misconfigured); the socket's address is the only one not forgeable.
        return remote
    return _address(forwarded[-count]) or remote


def record_sign_in(sender, request, user, **kwargs):
    """user_logged_in receiver: notes when the session was signed in."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())


class SessionLifetimeMiddleware:
    """Signs out a session SESSION_MAX_AGE_SECONDS after its sign-in.

    Only requests carrying a session cookie are looked at: reading the session
    of any other request would add "Vary: Cookie" to public pages, which must
    stay cacheable. A signed-in session without a sign-in time (made before this
    middleware existed) is signed out too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            session = request.session
            signed_in_at = session.get(SIGNED_IN_AT)
            expired = (
                signed_in_at is None
                or time.time() - signed_in_at > settings.SESSION_MAX_AGE_SECONDS
            )
            if SESSION_KEY in session and expired:
                logout(request)
        return self.get_response(request)
