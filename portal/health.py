"""/healthz and /readyz for load balancers and orchestrators.

/healthz says the process answers (it touches neither database nor cache);
/readyz says it can serve pages: the database answers SELECT 1 and the cache
keeps a value. Their bodies name only which check failed, never why.

Load balancers often probe with the instance's address as Host, which
ALLOWED_HOSTS would refuse with a 400, so HealthCheckMiddleware answers these
two paths before CommonMiddleware validates the host (SecurityMiddleware does
not look at it for them: SECURE_REDIRECT_EXEMPT lists both). The URL patterns
serve the same views, so they can be reversed and are tested with the rest.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("portal.faults")

PATHS = {"/healthz", "/readyz"}


@require_safe
@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def _database_ok():
    # The connection pages use, so its timeouts and health check apply.
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.warning("Readiness: database check failed (%s)", type(error).__name__)
        return False


def _cache_ok():
    # With IGNORE_EXCEPTIONS a Redis outage makes set() and get() return
    # nothing instead of raising, so the value read back is what tells.
    key = f"readyz:{secrets.token_hex(8)}"
    token = secrets.token_hex(8)
    try:
        cache.set(key, token, timeout=10)
        ok = cache.get(key) == token
        cache.delete(key)
    except Exception as error:  # any backend's own connection error
        logger.warning("Readiness: cache check failed (%s)", type(error).__name__)
        return False
    if not ok:
        logger.warning("Readiness: cache check failed (value not kept)")
    return ok


@require_safe
@never_cache
def readyz(request):
    checks = {
        "database": "ok" if _database_ok() else "error",
        "cache": "ok" if _cache_ok() else "error",
    }
    ready = all(value == "ok" for value in checks.values())
    response = JsonResponse(checks, status=200 if ready else 503)
    # The failed check was logged above as a warning; a probe failing every few
    # seconds during an outage should not add an error line each time.
    response._has_been_logged = True
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in PATHS and request.method in ("GET", "HEAD"):
            view = healthz if request.path_info == "/healthz" else readyz
            return view(request)
        return self.get_response(request)
