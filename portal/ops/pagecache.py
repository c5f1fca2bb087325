"""Cached public pages, per language and query string, never stale for more than
a few seconds after an editor's change.

Django's own per-site cache (UpdateCacheMiddleware/FetchFromCacheMiddleware)
keeps a page until its timeout runs out, with nothing to say when the data
under it changed, and django-cacheops or cachalot cache querysets, not pages.
So this middleware is written here, around one idea: every cache key carries
the *content token*.

- The token (portal/core/content.py) changes with every change readers can
  see, and each process re-reads it at most every PAGE_CACHE_CHECK_SECONDS;
  a record scheduled for later appears on time without anyone saving anything.
- A page is looked up under (token, the site's address, path, query string);
  the path starts with the language. A new token means every page is rendered
  afresh and the old entries age out of the cache.
- The query string holds only the parameters the page's view reads (its
  FilterSet's fields, `page`, a search's `q` and `kind`: view_parameters()),
  in a stable order; the others are taken off the request before the view
  sees it. So `?x=1`, `?x=2`… are the same page, answered from one entry,
  however many a client makes up, and no page links to them.

With Redis (REDIS_URL) every app server shares the entries; with the default
local-memory cache each process keeps its own. Either way all of them see a
new token within PAGE_CACHE_CHECK_SECONDS, because it lives in the database.

Only anonymous reads are cached: GET or HEAD, no session cookie, a language
prefix in the path, and a complete 200 answer that sets no cookie, does not
vary by cookie and is not marked private. Editors (who have a session) always
get pages rendered for them.
"""

import functools
import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import has_vary_header

from portal.core.content import token_memo
from portal.core.siteurl import site_url

CACHE_ALIAS = "pages"
# Marks the answer for people debugging a page and for the tests.
STATUS_HEADER = "X-Page-Cache"


# The token ------------------------------------------------------------------


# The middleware ---------------------------------------------------------------


def _language_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and request.path.startswith(_language_prefixes())
    )


def page_key(request, token):
    # The site's address, not the request's Host: pages make their links from
    # it (portal/core/siteurl.py), so every host name and port gets the same page.
    query = request.META.get("QUERY_STRING", "")
    address = f"{site_url(request)}{request.path}?{query}"
    return f"page:{token}:{hashlib.sha256(address.encode()).hexdigest()}"


# What each page reads from its query string -----------------------------------


def _field_names(fields):
    """The names a form's fields read from a query string (a field with several
    inputs, such as a range, reads one name per input)."""
    names = []
    for name, field in fields.items():
        suffixes = getattr(field.widget, "widgets_names", None)
        if suffixes:
            names += [f"{name}{suffix}" for suffix in suffixes]
        else:
            names.append(name)
    return names


@functools.cache
def form_parameters(form_class):
    return tuple(_field_names(form_class().fields))


@functools.cache
def filter_parameters(filterset_class):
    return tuple(_field_names(filterset_class().form.fields))


def _names(source, kwargs):
    """The names one declared source stands for (see reads_query)."""
    if isinstance(source, str):
        return [source]
    if hasattr(source, "base_filters"):
        return list(filter_parameters(source))
    if hasattr(source, "base_fields"):
        return list(form_parameters(source))
    if callable(source):
        found = source(**kwargs)
        found = [found] if isinstance(found, (str, type)) else found
        return [name for item in found for name in _names(item, kwargs)]
    raise TypeError(f"reads_query: cannot read parameters from {source!r}")


def view_parameters(match):
    """The query parameters the view `match` (a ResolverMatch) reads, or None
    when nothing says which. A class-based view (or a feed) reads its
    FilterSet's fields and, if it pages, its page number; a function view says
    it with portal.core.views.reads_query."""
    view = getattr(match.func, "view_class", match.func)
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None or hasattr(match.func, "view_class"):
        names = list(filter_parameters(filterset_class)) if filterset_class else []
        if getattr(view, "paginate_by", None):
            names.append(getattr(view, "page_kwarg", "page"))
        return names
    sources = getattr(match.func, "query_parameters", None)
    if sources is None:
        return None
    return [name for source in sources for name in _names(source, match.kwargs)]


def keep_read_parameters(request):
    """Takes the parameters the page's view does not read off the request (see
    the module's docstring) and puts the rest in a stable order (a stable sort
    keeps the order of a repeated one). False when the view is not known, so
    the page is cached only without a query string."""
    language = translation.get_language_from_path(request.path_info)
    try:
        with translation.override(language):
            match = resolve(request.path_info)
    except Resolver404:
        return True  # answered with a 404 page whatever the parameters
    names = view_parameters(match)
    if names is None:
        return not request.META.get("QUERY_STRING")
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    query = urlencode(
        sorted((pair for pair in pairs if pair[0] in names), key=lambda p: p[0])
    )
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)
    return True


def storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if len(response.content) > settings.PAGE_CACHE_MAX_BYTES:
        return False
    control = {
        part.split("=")[0].strip().lower()
        for part in response.get("Cache-Control", "").split(",")
    }
    return not has_vary_header(response, "Cookie") and not control & {
        "private",
        "no-store",
        "no-cache",
    }


class PageCacheMiddleware:
    """Answers anonymous reads from the page cache (see the module's docstring).
    It sits after whitenoise and before the session, so a cached page costs a
    cache lookup and little else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request) or not keep_read_parameters(request):
            return self.get_response(request)
        token = token_memo.get()
        if token is None:
            return self.get_response(request)
        cache = caches[CACHE_ALIAS]
        key = page_key(request, token)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[STATUS_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and storable(response):
            cache.set(
                key,
                (response.status_code, list(response.items()), response.content),
                settings.PAGE_CACHE_SECONDS,
            )
            response[STATUS_HEADER] = "miss"
        return response
