"""/healthz and /readyz for load balancers and orchestrators.

/healthz says the process answers (it touches neither database nor cache);
/readyz says it can serve pages: every table readers' pages read answers a
real read within READY_TIMEOUT_MS (a table locked by a migration or a long
ALTER makes pages wait, so the instance is not ready), and it reports whether
the cache keeps a value. A cache outage does not make it answer 503: pages keep
working without the cache (settings.py lets every cache call fail quietly), and
a load balancer that took every server out over it would stop the whole site.
Their bodies name only which check failed, never why.

Load balancers often probe with the instance's address as Host, which
ALLOWED_HOSTS would refuse with a 400, so HealthCheckMiddleware answers these
two paths before CommonMiddleware validates the host (SecurityMiddleware does
not look at it for them: SECURE_REDIRECT_EXEMPT lists both). The URL patterns
serve the same views, so they can be reversed and are tested with the rest.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("portal.ops.faults")

PATHS = {"/healthz", "/readyz"}


@require_safe
@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


# Longest the readiness read may wait for a lock or run, in milliseconds
# (PostgreSQL); a probe usually gives up after a few seconds itself.
READY_TIMEOUT_MS = 2000


def _content_read_sql():
    """One statement reading a row (or none) of every table readers' pages
    read: it waits on a lock held on any of them, as the pages would."""
    from portal.core.content import content_models

    quote = connection.ops.quote_name
    tables = sorted({model._meta.db_table for model in content_models()})
    reads = " UNION ALL ".join(
        f"SELECT 1 AS one FROM (SELECT 1 FROM {quote(table)} LIMIT 1) AS t{number}"
        for number, table in enumerate(tables)
    )
    return f"SELECT COUNT(*) FROM ({reads}) AS every_table"


def _database_ok():
    # The connection pages use, so its connect timeout and health check apply.
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # For this transaction only: pages keep their own timeout.
                cursor.execute(f"SET LOCAL lock_timeout = {int(READY_TIMEOUT_MS)}")
                cursor.execute(f"SET LOCAL statement_timeout = {int(READY_TIMEOUT_MS)}")
            cursor.execute(_content_read_sql())
            return cursor.fetchone() is not None
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
    # Only the database decides (see the module's docstring).
    ready = checks["database"] == "ok"
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
