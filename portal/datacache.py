"""Expensive reads kept under the content token (portal/pagecache.py), so they
are shared by every page that needs them and never outlive a change.

The page cache answers a page it has seen; this keeps what many different
pages compute alike: the facet counts of a filtered list (the same for every
page number, sort order and language), the list of years, the charts. Their
keys carry the token, so an editor's change or a publication coming due gives
new keys within PAGE_CACHE_CHECK_SECONDS, exactly as for pages.

Django's cache framework does the storing (cache alias "data": local memory
per process by default, Redis when REDIS_URL is set, failures ignored); only
the token in the key is ours.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches

from .pagecache import token_memo

CACHE_ALIAS = "data"
_MISSING = object()


def data_token():
    """The content token to put in a key, or None when nothing may be cached
    (DATA_CACHE_SECONDS is 0, or no record has ever been saved)."""
    if settings.DATA_CACHE_SECONDS <= 0:
        return None
    return token_memo.get()


def cached(parts, compute):
    """compute(), or what it returned before under the same token and `parts`
    (a tuple of strings and numbers saying what was computed from what)."""
    token = data_token()
    if token is None:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"data:{token}:{digest}"
    cache = caches[CACHE_ALIAS]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, settings.DATA_CACHE_SECONDS)
    return value


def template_context(request):
    """For `{% cache data_cache_seconds "name" content_token … using="data" %}`
    in templates: 0 seconds (nothing kept) when caching is off."""
    token = data_token()
    return {
        "data_cache_seconds": settings.DATA_CACHE_SECONDS if token else 0,
        "content_token": token or "",
    }
