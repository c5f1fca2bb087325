"""HTTP caching: validators and Cache-Control for what readers get, so browsers,
feed readers, harvesters and a CDN in front can keep answers and ask cheaply
whether they are still current.

Django's ConditionalGetMiddleware makes an ETag by hashing the body, so the
page must be rendered before a 304 can be answered, and it cannot see into a
streamed body; its @condition decorator needs a function per view. Here the
validators come from what already says when readers' content changed, the
content token (portal/core/content.py), never from the body:

- ETag: a weak one (W/"…": the same content, not the same bytes; a proxy may
  compress it) over the token and what else the answer depends on
  (pagecache.variant: the release, the site's address, the path, the
  parameters the view reads in their canonical order, the language).
- Last-Modified: when what readers see last changed (the token's time, or a
  publication that has since come due).
- Cache-Control: public, max-age=HTTP_CACHE_MAX_AGE, s-maxage=HTTP_CACHE_S_MAXAGE.

A reader's read of a public address (a page under a language prefix, or a view
that declares the parameters it reads: the API, the sitemap, robots.txt) is
answered 304 here, before anything is rendered, when its If-None-Match or
If-Modified-Since still holds; views with a rate limit (the API) answer their
own conditional requests after counting them (the 304 is made on the way out).
A complete 200 that any reader could be given (pagecache.shareable) gets the
headers, streamed or not; the rest is marked so that no shared cache keeps it:
answers to editors (a session) and pages that set or read a cookie (a form
with its CSRF token, a message) are private and no-store, errors no-store.
Public answers are the same for everyone, so they do not vary by Cookie (the
pages never read the session); outside the language prefixes they say "Vary:
Accept-Language". An editor's browser may show a page it kept from before its
user signed in for up to HTTP_CACHE_MAX_AGE seconds; a reload asks again.
"""

import hashlib

from django.conf import settings
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, split_header_value
from django.utils.translation import get_language_from_path

from portal.ops.faults import DATABASE_ERRORS, early_outage_response
from portal.ops.pagecache import (
    anonymous_read,
    declared_parameters,
    keep_read_parameters,
    language_prefixes,
    request_token,
    resolved,
    shareable,
    variant,
)


def public_read(request):
    """Whether `request` is a reader's read of a public address, whose answer
    may be shared (its unread parameters are taken off here, as the page cache
    does)."""
    if not anonymous_read(request):
        return False
    if request.path.startswith(language_prefixes()):
        return keep_read_parameters(request)
    match = resolved(request)
    if match is None or declared_parameters(match) is None:
        return False
    return keep_read_parameters(request)


def validators(request, response=None):
    """(ETag, Last-Modified as seconds since the epoch) of the answer to
    `request`, from the content token; (None, None) before anything has
    been saved. A `response` that varies by a request header the variant does
    not hold (the schema's Accept) gets an ETag of its own for each value."""
    token = request_token(request)
    if token is None:
        return None, None
    parts = [token, variant(request)]
    if response is not None and response.has_header("Vary"):
        parts += [
            f"{name}={request.headers.get(name, '')}"
            for name in sorted(split_header_value(response["Vary"].lower()))
            if name not in VARIANT_HEADERS
        ]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
    modified = getattr(token, "modified", None)
    return f'W/"{digest[:32]}"', int(modified.timestamp()) if modified else None


# Request headers the variant holds already (the language) or that never
# change what is said (Origin: CORS answers every origin alike); a Cookie makes
# an answer private.
VARIANT_HEADERS = {"accept-language", "origin", "cookie", ""}


def counts_every_request(request):
    """Whether the view counts each request against a limit (the API's
    throttle): then a 304 too is answered only once the view has counted it."""
    match = resolved(request)
    view = getattr(match.func, "cls", None) if match else None
    return bool(getattr(view, "throttle_classes", None))


def make_public(request, response, etag, last_modified):
    if etag:
        response["ETag"] = etag
    if last_modified:
        # Over a feed's own (its newest entry's): an entry taken out of the
        # feed changes it too.
        response["Last-Modified"] = http_date(last_modified)
    if "Cache-Control" not in response:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.HTTP_CACHE_MAX_AGE,
            s_maxage=settings.HTTP_CACHE_S_MAXAGE,
        )
    if not get_language_from_path(request.path_info):
        # Said again for the 304 made here, before LocaleMiddleware, which
        # says it on the others.
        patch_vary_headers(response, ["Accept-Language"])
    return response


def keep_private(request, response):
    """An answer no shared cache may keep: to an editor, or one that sets or
    depends on a cookie (private, no-store); an error (no-store)."""
    if (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or response.cookies
        or has_vary_header(response, "Cookie")
    ):
        add_never_cache_headers(response)
    elif response.status_code >= 400 and "Cache-Control" not in response:
        patch_cache_control(response, no_store=True)
    return response


def discard(response):
    """Closes what an answer replaced by a 304 holds open (a stream's cursor:
    a download, the calendar, never read) without HttpResponse.close(), which
    would also signal the end of the request and close the database
    connection under the request still being answered."""
    closers, response._resource_closers = response._resource_closers, []
    for closer in closers:
        closer()


def answered_early(request, response, etag, last_modified):
    """A 304, or a 412 for an If-Match or If-Unmodified-Since that fails
    (kept by no cache)."""
    if response.status_code == 304:
        return make_public(request, response, etag, last_modified)
    return keep_private(request, response)


class HttpCacheMiddleware:
    """See the module's docstring. It sits before the page cache, so a 304 costs
    no more than a read of the content token (at most every
    PAGE_CACHE_CHECK_SECONDS), and after CORS, so the API's 304s carry its
    headers too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not public_read(request):
            return keep_private(request, self.get_response(request))
        try:
            etag, last_modified = validators(request)
        except DATABASE_ERRORS as error:
            # Answered as a view's outage is, without trying the database again.
            return early_outage_response(request, error)
        if not counts_every_request(request):
            early = get_conditional_response(
                request, etag=etag, last_modified=last_modified
            )
            if early is not None:
                return answered_early(request, early, etag, last_modified)
        response = self.get_response(request)
        if not shareable(response):
            return keep_private(request, response)
        etag, last_modified = validators(request, response)
        make_public(request, response, etag, last_modified)
        conditional = get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )
        if conditional is not response:
            discard(response)
            return answered_early(request, conditional, etag, last_modified)
        return response
