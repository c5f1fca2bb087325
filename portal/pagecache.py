"""Cached public pages, per language and query string, never stale for more than
a few seconds after an editor's change.

Django's own per-site cache (UpdateCacheMiddleware/FetchFromCacheMiddleware)
keeps a page until its timeout runs out, with nothing to say when the data
under it changed, and django-cacheops or cachalot cache querysets, not pages.
So this middleware is written here, around one idea: every cache key carries
the *content token*.

- The token is one row in the database (portal.models.ContentToken). Every
  save, delete or relation change of a record readers can see replaces it, in
  the same transaction as the change (signals connected in PortalConfig.ready).
- Each process reads the token at most every PAGE_CACHE_CHECK_SECONDS, in the
  same query as the time of the latest publication that has come due, so a
  record scheduled for later appears on time without anyone saving anything.
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

import contextvars
import functools
import hashlib
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import router
from django.db.models import DateTimeField, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.cache import has_vary_header

from .models import ContentToken, Status, WorkflowModel
from .models.cache import new_token
from .siteurl import site_url

#: The apps whose records readers see; every model in them counts, except these.
CONTENT_APPS = ("portal", "events", "projects")
NOT_CONTENT = {"portal.contenttoken", "portal.correction"}

CACHE_ALIAS = "pages"
# Marks the answer for people debugging a page and for the tests.
STATUS_HEADER = "X-Page-Cache"


def content_models():
    """Every model whose rows readers can see, M2M link tables included."""
    models = set()
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.label_lower not in NOT_CONTENT:
                models.add(model)
    return models


# The token ------------------------------------------------------------------


def replace_token(using):
    """Give readers a new token: called inside the transaction that changes
    content, so the token and the content become visible together."""
    now = timezone.now()
    tokens = ContentToken.objects.using(using)
    if not tokens.filter(pk=1).update(token=new_token(), changed_at=now):
        # The first change ever: the row is made here, never on a read path
        # (a read may be on a read-only replica).
        tokens.bulk_create([ContentToken(pk=1, changed_at=now)], ignore_conflicts=True)


def on_content_saved(sender, using, **kwargs):
    if sender in _content:
        _content_changed(using)


def on_relation_changed(sender, action, using, **kwargs):
    if sender in _content and action.startswith("post_"):
        _content_changed(using)


def _content_changed(using):
    pending = _deferred.get()
    if pending is None:
        replace_token(using)
    else:
        pending.add(using)


_content = set()
# The databases whose token is to be replaced when the innermost
# token_replaced_once() ends; None outside one.
_deferred = contextvars.ContextVar("pagecache_deferred", default=None)


@contextmanager
def token_replaced_once():
    """Inside, content changes replace the token once, when the block ends,
    instead of at every save and relation change: an import writes hundreds of
    records in one transaction, and readers cannot see any of them before it
    commits anyway. Use it inside that transaction (the token must change in
    the same one); if the block raises, the transaction is expected to roll back
    and the token is left alone."""
    if _deferred.get() is not None:
        yield
        return
    pending = set()
    reset = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(reset)
    for using in pending:
        replace_token(using)


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    _content.update(content_models())
    post_save.connect(on_content_saved, dispatch_uid="pagecache.saved")
    post_delete.connect(on_content_saved, dispatch_uid="pagecache.deleted")
    m2m_changed.connect(on_relation_changed, dispatch_uid="pagecache.related")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def read_token(using=None):
    """The token combined with the latest publication time that has come due,
    in one query; None when there is no token row yet (nothing is cached)."""
    now = timezone.now()
    due = [
        Coalesce(
            Subquery(
                model.objects.filter(status=Status.PUBLISHED, published_at__lte=now)
                .order_by("-published_at")
                .values("published_at")[:1]
            ),
            Value(_EPOCH),
            output_field=DateTimeField(),
        )
        for model in apps.get_models()
        if issubclass(model, WorkflowModel)
    ]
    row = (
        ContentToken.objects.db_manager(using or router.db_for_read(ContentToken))
        .filter(pk=1)
        .annotate(due=Greatest(*due) if len(due) > 1 else due[0])
        .values_list("token", "due")
        .first()
    )
    if row is None:
        return None
    token, due_at = row
    return f"{token}.{int(due_at.timestamp())}" if due_at else token


class _TokenMemo:
    """The token as this process last read it from each database, re-read at
    most every PAGE_CACHE_CHECK_SECONDS (0: on every request).

    Per database, because a request reads the token where it reads the
    content (portal/routers.py): a replica's token goes with the replica's
    data. One token for both would let a page rendered from a lagging replica
    be stored under the primary's newer token, and served as current until the
    next change."""

    def __init__(self):
        self.lock = threading.Lock()
        self.read = {}  # alias: (token, time.monotonic() when read)

    def get(self):
        alias = router.db_for_read(ContentToken)
        interval = settings.PAGE_CACHE_CHECK_SECONDS
        value, read_at = self.read.get(alias, (None, float("-inf")))
        if time.monotonic() - read_at >= interval:
            with self.lock:
                value, read_at = self.read.get(alias, (None, float("-inf")))
                if time.monotonic() - read_at >= interval:
                    value = read_token(alias)
                    self.read[alias] = (value, time.monotonic())
        return value

    def forget(self):
        self.read = {}


token_memo = _TokenMemo()


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
    # it (portal/siteurl.py), so every host name and port gets the same page.
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


def _declared():
    """The function views, by URL name: what each reads, as a FilterSet whose
    fields it reads, a form, a tuple of names, or a function of the URL's
    arguments. (Class-based views say it themselves: view_parameters.)"""
    from events.filters import EventFilter
    from projects.filters import ProjectFilter

    from .downloads import LISTS
    from .search import SearchForm

    def download(kind, **kwargs):
        viewset = LISTS.get(kind)
        return filter_parameters(viewset.filterset_class) if viewset else ()

    reads_nothing = (
        "home",
        "key-figures",
        "about",
        "map",
        "map-record",
        "dataset",
        "place-detail",
        "source-detail",
        "events:timeline",
        "suggest-correction",
        "correction-sent",
    )
    return {
        **dict.fromkeys(reads_nothing, ()),
        "search": lambda **kwargs: [*form_parameters(SearchForm), "page"],
        "event-calendar": EventFilter,
        "projects:map": ProjectFilter,
        "download": download,
    }


_declared_views = None


def view_parameters(match):
    """The query parameters the view `match` (a ResolverMatch) reads, or None
    when nothing says which. A class-based view (or a feed) reads its
    FilterSet's fields and, if it pages, its page number; a function view is
    declared in _declared()."""
    global _declared_views
    view = getattr(match.func, "view_class", match.func)
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None or hasattr(match.func, "view_class"):
        names = list(filter_parameters(filterset_class)) if filterset_class else []
        if getattr(view, "paginate_by", None):
            names.append(getattr(view, "page_kwarg", "page"))
        return names
    if _declared_views is None:
        _declared_views = _declared()
    reads = _declared_views.get(match.view_name)
    if reads is None:
        return None
    if isinstance(reads, type):
        return filter_parameters(reads)
    if callable(reads):
        return list(reads(**match.kwargs))
    return list(reads)


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
