"""Database outages answer 503 with Retry-After and a friendly page, not 500.

While PostgreSQL is down, refusing connections or too slow to answer (its
statement timeout), every query raises django.db.OperationalError or
InterfaceError. DatabaseOutageMiddleware turns those raised by a view (or while
its template renders) into a 503; `server_error`, the site's handler500, does
the same for those raised inside other middleware (a session saved on the way
out) and stays the ordinary 500 page for every other error.

The 503 page is rendered without a request, so no context processor runs: the
messages and user context processors would read the session, a database
query. The page's language is the one LocaleMiddleware took from the URL (or,
for an outage met before it, the URL's own).
Recovery needs no restart: CONN_HEALTH_CHECKS drops a broken persistent
connection at the next request's first query.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import TemplateDoesNotExist, loader
from django.utils.cache import add_never_cache_headers
from django.utils.translation import (
    get_language,
    get_language_from_path,
    gettext,
    override,
)
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger("portal.ops.faults")

DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_database_outage(exception):
    return isinstance(exception, DATABASE_ERRORS)


def _cause(exception):
    """The driver's error class: psycopg.errors.QueryCanceled for a statement
    timeout, psycopg.OperationalError for a refused connection, and so on."""
    cause = exception.__cause__ or exception
    return f"{type(cause).__module__}.{type(cause).__qualname__}"


def outage_response(request, exception):
    """The 503 answer to `exception`, logged once."""
    logger.error(
        "Database unavailable (%s) for %s %s",
        _cause(exception),
        request.method,
        request.path,
        exc_info=exception,
    )
    if request.path_info.startswith("/api/"):
        response = JsonResponse(
            {"detail": gettext("The database is unavailable. Try again later.")},
            status=503,
        )
    else:
        path = request.get_full_path()
        # `error_path`: the language switcher's address (language_tags.py).
        content = loader.render_to_string(
            "503.html", {"path": path, "error_path": path}
        )
        response = HttpResponse(content, status=503)
    response["Retry-After"] = str(settings.DB_OUTAGE_RETRY_AFTER)
    # No shared cache or CDN may keep the outage page after the database is back.
    add_never_cache_headers(response)
    # Logged above with the cause; Django's request logger would log it again.
    response._has_been_logged = True
    # On the way out SessionMiddleware reads a signed-in session again (to
    # refresh its cookie), which would fail again; without the session it leaves
    # the response, and the reader's cookie, alone.
    request.__dict__.pop("session", None)
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return outage_response(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """handler500: a 503 for a database outage raised outside a view (inside a
    middleware: the content token read before the page cache), the 500 page
    for everything else: rendered, as Django's own, without the request's
    context processors (they may be what failed), but given the address
    that failed, for its language switcher (portal/site/templatetags/
    language_tags.py)."""
    exception = sys.exc_info()[1]
    if is_database_outage(exception):
        return early_outage_response(request, exception)
    try:
        template = loader.get_template(template_name)
    except TemplateDoesNotExist:
        return default_server_error(request, template_name)
    return HttpResponseServerError(
        template.render({"error_path": request.get_full_path()})
    )


def early_outage_response(request, exception):
    """The 503 answer to an outage met before LocaleMiddleware (the content
    token read by portal/ops/httpcache.py), in the language of the address."""
    language = get_language_from_path(request.path_info)
    with override(language or get_language()):
        return outage_response(request, exception)
