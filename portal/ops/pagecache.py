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
- A page is looked up under (token, release, the site's address, path, query
  string, language: variant()); the path starts with the language. A new token
  means every page is rendered afresh and the old entries age out of the
  cache; so does a new release (a digest of the code, templates and
  translations), so no page rendered by the previous one outlives a deploy.
- The query string holds only the parameters the page's view reads (its
  FilterSet's fields, `page`, a search's `q` and `kind`: view_parameters()),
  in a stable order; the others are taken off the request before the view
  sees it. So `?x=1`, `?x=2`… are the same page, answered from one entry,
  however many a client makes up, and no page links to them.
- The API's viewsets keep their answers here too, under the same kind of key
  with the language they answered in (portal/opendata/api/views.py), after
  their rate limit has counted the request; and HTTP's validators are made
  from the same variant (portal/ops/httpcache.py).

With Redis (REDIS_URL) every app server shares the entries; with the default
local-memory cache each process keeps its own. Either way all of them see a
new token within PAGE_CACHE_CHECK_SECONDS, because it lives in the database.

Only anonymous reads are cached: GET or HEAD, no session cookie (nor a message
waiting to be shown), a language prefix in the path, and a complete 200 answer
that sets no cookie, does not vary by cookie and is not marked private. Editors
(who have a session) always get pages rendered for them.
"""

import functools
import hashlib
from pathlib import Path
from urllib.parse import urlencode

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


# The middleware ---------------------------------------------------------------


def language_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def anonymous_read(request):
    """A GET or HEAD from a reader: no session (only editors have one), no
    message waiting to be shown (a cookie, portal/ops/security.py) and no
    Authorization header. What it is answered does not depend on who asks."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.COOKIES.get(settings.MESSAGES_COOKIE_NAME)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and anonymous_read(request)
        and request.path.startswith(language_prefixes())
    )


@functools.cache
def release():
    """A digest of the code, templates, translations and static files this
    process serves: keys and ETags carry it, so a page rendered by an earlier
    release is never answered (or confirmed unchanged) after a deploy, even
    when no record has changed. The same on every server running the same
    files."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    files = [
        path
        for folder in RELEASE_FOLDERS
        for path in (base / folder).rglob("*")
        if path.suffix in RELEASE_SUFFIXES and path.is_file()
    ]
    files += [base / "docs" / "data-dictionary.md"]
    files += [Path(settings.STATIC_ROOT) / "staticfiles.json"]
    for path in sorted(files):
        if path.is_file():
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# What release() reads: what renders pages and data, not the records.
RELEASE_FOLDERS = ("portal", "events", "projects", "templates", "locale")
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".mo"}


def variant(request, language=None):
    """What an answer to `request` depends on besides the content token: the
    release, the site's address (pages make their links from it,
    portal/core/siteurl.py, so every host name and port gets the same page),
    the path, the parameters the view reads (see keep_read_parameters) and the
    language: the path's, else `language`, else the one Accept-Language asks
    for (the API's and the sitemap's)."""
    language = (
        translation.get_language_from_path(request.path_info)
        or language
        or translation.get_language_from_request(request)
    )
    query = request.META.get("QUERY_STRING", "")
    return f"{release()}|{site_url(request)}{request.path}?{query}|{language}"


def request_token(request):
    """The content token, read once per request (at most every
    PAGE_CACHE_CHECK_SECONDS by the process), so the page cache, the API's and
    the HTTP validators of one answer all go by the same one."""
    if not hasattr(request, "_portal_token"):
        # A database outage raised here is answered by portal/ops/faults.py.
        request._portal_token = token_memo.get()
    return request._portal_token


def page_key(request, token, language=None):
    address = variant(request, language)
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


def declared_parameters(match):
    """The query parameters the view `match` (a ResolverMatch) says it reads,
    or None when it says nothing: a function view with
    portal.core.views.reads_query, a class with a `read_parameters(match)`
    class method (the API's viewsets)."""
    sources = getattr(match.func, "query_parameters", None)
    if sources is not None:
        return [name for source in sources for name in _names(source, match.kwargs)]
    view = getattr(match.func, "view_class", None) or getattr(match.func, "cls", None)
    reads = getattr(view, "read_parameters", None)
    return None if reads is None else list(reads(match))


def view_parameters(match):
    """The query parameters the view `match` (a ResolverMatch) reads, or None
    when nothing says which. Besides what a view declares
    (declared_parameters), a class-based view (or a feed) reads its
    FilterSet's fields and, if it pages, its page number."""
    declared = declared_parameters(match)
    if declared is not None:
        return declared
    view = getattr(match.func, "view_class", match.func)
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is None and not hasattr(match.func, "view_class"):
        return None
    names = list(filter_parameters(filterset_class)) if filterset_class else []
    if getattr(view, "paginate_by", None):
        names.append(getattr(view, "page_kwarg", "page"))
    return names


def resolved(request):
    """The ResolverMatch of the request's path (in its language), or None for
    an address nothing answers; resolved once per request."""
    if not hasattr(request, "_portal_match"):
        language = translation.get_language_from_path(request.path_info)
        try:
            with translation.override(language):
                request._portal_match = resolve(request.path_info)
        except Resolver404:
            request._portal_match = None
    return request._portal_match


def keep_read_parameters(request):
    """Takes the parameters the page's view does not read off the request (see
    the module's docstring) and puts the rest in a stable order (a stable sort
    keeps the order of a repeated one). False when the view is not known, so
    the page is cached only without a query string. Done once per request."""
    if not hasattr(request, "_portal_parameters_kept"):
        request._portal_parameters_kept = _keep_read_parameters(request)
    return request._portal_parameters_kept


def _keep_read_parameters(request):
    match = resolved(request)
    if match is None:
        return True  # answered with a 404 page whatever the parameters
    names = view_parameters(match)
    if names is None:
        return not request.META.get("QUERY_STRING")
    # From request.GET, which decodes the query string as Django does (a
    # client may send UTF-8 unescaped), into an escaped one.
    kept = sorted(
        (name, values) for name, values in request.GET.lists() if name in names
    )
    query = urlencode(kept, doseq=True)
    request.META["QUERY_STRING"] = query
    request.GET = QueryDict(query)
    return True


def shareable(response):
    """A complete answer that any reader could be given: a 200 that sets no
    cookie, does not vary by cookie and is not marked private, no-store or
    no-cache."""
    if response.status_code != 200 or response.cookies:
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


def storable(response):
    return (
        shareable(response)
        and not response.streaming
        and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
    )


def lookup(key):
    """The answer kept under `key`, marked as a hit; None when there is none."""
    stored = caches[CACHE_ALIAS].get(key)
    if stored is None:
        return None
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return response


def keep(request, key, response):
    """Keeps the answer to a GET under `key` if it may be kept (storable)."""
    if request.method == "GET" and storable(response):
        caches[CACHE_ALIAS].set(
            key,
            (response.status_code, list(response.items()), response.content),
            settings.PAGE_CACHE_SECONDS,
        )
        response[STATUS_HEADER] = "miss"


class PageCacheMiddleware:
    """Answers anonymous reads from the page cache (see the module's docstring).
    It sits after whitenoise and before the session, so a cached page costs a
    cache lookup and little else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request) or not keep_read_parameters(request):
            return self.get_response(request)
        token = request_token(request)
        if token is None:
            return self.get_response(request)
        key = page_key(request, token)
        stored = lookup(key)
        if stored is not None:
            return stored
        response = self.get_response(request)
        keep(request, key, response)
        return response
