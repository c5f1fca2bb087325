"""Request ids and Cross-Origin-Resource-Policy, for every response; which
answers other sites may read (the open-data exits)."""

import re
import uuid

from corsheaders.signals import check_request_enabled
from django.conf import settings
from django.dispatch import receiver
from django.urls import Resolver404, resolve
from django.utils import translation

from portal.ops.logging import request_id
from portal.ops.pagecache import resolved

# An id from the proxy in front is kept only if it is short and plain, since it
# is echoed in a header and written to the logs.
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    """Names each request: the proxy's X-Request-ID if safe, else a new uuid4.
    Log lines written while answering carry it (portal.ops.logging) and the response
    echoes it in X-Request-ID, so a reader's report can be found in the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


API_PREFIX = "/api/"


def open_data(request):
    """Whether the request is for an open-data exit, which any site's browser
    code may read: every address under /api/ (its 404s too, which are JSON), or
    a view marked with portal.core.views.open_data (the feeds, the calendar,
    the downloads, the dataset, GeoJSON, the sitemap). Pages and the admin
    are not. Decided once per request, from the view the path resolves to (so
    a 404 or 400 of an exit is readable too, and a page is never)."""
    if not hasattr(request, "_portal_open_data"):
        request._portal_open_data = _open_data(request)
    return request._portal_open_data


def _open_data(request):
    path = request.path_info
    if path.startswith(API_PREFIX):
        return True
    match = resolved(request)
    if match is None and settings.APPEND_SLASH and not path.endswith("/"):
        # CommonMiddleware's redirect to the address with its slash (a feed's
        # without it) is readable too, or a browser could not follow it.
        match = _resolve(path + "/")
    if match is None:
        return False
    view = getattr(match.func, "view_class", match.func)
    return getattr(view, "open_data", False) is True


def _resolve(path):
    try:
        with translation.override(translation.get_language_from_path(path)):
            return resolve(path)
    except Resolver404:
        return None


@receiver(check_request_enabled)
def _cors_for_open_data(sender, request, **kwargs):
    # django-cors-headers asks this for each request its CORS_URLS_REGEX
    # (nothing) does not match; its settings say the rest (any origin, no
    # credentials, GET, HEAD and OPTIONS, the headers exposed).
    return open_data(request)


class CrossOriginResourcePolicyMiddleware:
    """Other sites may load the open-data exits and the static files (CORS
    allows both already); every other response, the admin's included, stays
    same-origin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        shared = request.path.startswith(settings.STATIC_URL) or open_data(request)
        policy = "cross-origin" if shared else "same-origin"
        response.setdefault("Cross-Origin-Resource-Policy", policy)
        return response
