"""Who is asking, and protections shared by the admin, the API and the
corrections form.

`client_ip(request)` is the one answer to "who is asking?", and
`client_key(request)` what every limit counts by: django-axes locks sign-ins by
it, the API throttle and the corrections form count requests by it.
`ProxyHeadersMiddleware` drops the proxy headers of a peer that is not one of
TRUSTED_PROXIES, so nothing after it (HTTPS detection included) believes them.
`NoStoreWhenLimitedMiddleware` keeps every 429 out of caches.
`SessionLifetimeMiddleware` signs editors out a fixed time after they signed in,
however busy they have been since (the idle timeout is SESSION_COOKIE_AGE).
`MessageStorage` keeps messages in a cookie named like the session's.
"""

import functools
import ipaddress
import re
import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.messages.storage.session import SessionStorage
from django.utils.cache import add_never_cache_headers

# Where the sign-in time (seconds since the epoch) is kept in the session.
SIGNED_IN_AT = "portal_signed_in_at"

# Headers only a proxy may set: the client's address and the scheme it used.
PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO")

# "192.0.2.1:443" and "[2001:db8::1]:443": some proxies add the client's port.
_WITH_PORT = re.compile(r"\[(?P<v6>[^\]]+)\](?::\d+)?|(?P<v4>[\d.]+):\d+")


def _address(value):
    """`value` as a normalised IP address, or None when it is not one."""
    value = value.strip()
    with_port = _WITH_PORT.fullmatch(value)
    if with_port:
        value = with_port["v6"] or with_port["v4"]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket is still the same client.
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


@functools.cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy) for proxy in proxies)


def is_trusted_proxy(address):
    """Whether `address` (normalised, or "") is one of TRUSTED_PROXIES."""
    if not address:
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request):
    """The client's IP address; "" when nothing valid is known.

    From a peer (REMOTE_ADDR) that is not one of TRUSTED_PROXIES, the peer's
    own address: X-Forwarded-For is whatever that peer chose to send. From a
    trusted proxy, X-Forwarded-For is read from the right, where each proxy
    appended the address it was called from, skipping the trusted proxies'
    own addresses: the first other address is the client. Entries further left
    are the client's own words and never read. An entry that is not an address
    stops the walk at the last proxy seen.
    """
    remote = _address(request.META.get("REMOTE_ADDR", "")) or ""
    if not is_trusted_proxy(remote):
        return remote
    client = remote
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for entry in reversed(entries):
        if not entry.strip():
            continue
        address = _address(entry)
        if address is None:
            break
        client = address
        if not is_trusted_proxy(address):
            break
    return client


def address_group(address):
    """What limits count `address` as: an IPv4 address itself, an IPv6 address
    as its /64 network (the first address in it), since one subscriber's line
    or one virtual server usually gets a whole /64 to choose addresses from."""
    if not address:
        return ""
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        return str(ipaddress.IPv6Network((ip, 64), strict=False).network_address)
    return address


def client_key(request):
    """The client as every limit and the sign-in lock-out count it."""
    return address_group(client_ip(request))


class ProxyHeadersMiddleware:
    """Drops X-Forwarded-For and X-Forwarded-Proto from a request whose peer is
    not one of TRUSTED_PROXIES, before anything reads them: otherwise anyone
    reaching gunicorn directly (BIND=0.0.0.0) could choose their address or
    pass as HTTPS (SECURE_PROXY_SSL_HEADER). gunicorn's forwarded_allow_ips
    holds the same addresses (gunicorn.conf.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        remote = _address(request.META.get("REMOTE_ADDR", "")) or ""
        if not is_trusted_proxy(remote):
            for header in PROXY_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


class NoStoreWhenLimitedMiddleware:
    """Every 429 (the sign-in lock-out and slow-down, the API's throttle, the
    corrections form's limit) is marked no-store: a shared cache that kept one
    would refuse other clients, and a browser would refuse its own user after
    the wait is over."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429:
            add_never_cache_headers(response)
        return response


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


class _MessageCookieStorage(CookieStorage):
    # Django's cookie storage has a fixed name, "messages"; this one has the
    # __Host- prefix when cookies are secure, like the session's and CSRF's.
    @property
    def cookie_name(self):
        return settings.MESSAGES_COOKIE_NAME


class MessageStorage(FallbackStorage):
    """Django's default message storage (a cookie, and the session for what
    does not fit) with the cookie named MESSAGES_COOKIE_NAME. A cookie, so a
    reader's message (a page number that does not exist) makes no session,
    which would keep public pages out of the page cache."""

    storage_classes = (_MessageCookieStorage, SessionStorage)
