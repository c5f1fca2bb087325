"""Rendered pieces of pages, kept so that a page rendered for one address
reuses what others rendered before: each record's card in each language, a
list's filter form and its map for a combination of filters.

A list page is mostly pieces that many addresses share: the twenty cards of
page 1 of the events list reappear on every filtered list and page that shows
those events, in every order, and a list's filter form (a select of up to 50
choices per facet, with their counts) is the same on every page number of the
same filters. Rendering them took most of a list page's time (bench/README.md,
"Rendering (issue 18)").

Every key carries the content token (portal/core/content.py), as the page
cache and the data cache do, so any change of content gives new keys within
PAGE_CACHE_CHECK_SECONDS; a record's key also carries its own `updated_at`,
so the record an editor has just saved shows its new card at once. Kept as
long as the data cache keeps its entries (DATA_CACHE_SECONDS, nothing when
0), in the cache alias "fragments" (local memory per process, or Redis with
REDIS_URL), apart from the data cache so that thousands of cards never push
out the facet counts.

Django's `{% cache %}` tag keeps one fragment under the values it is given;
this adds the token and the reader's language to every key, reads the cards
of a whole list in one `get_many`, and stays off with the data cache.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db.models import QuerySet
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.core.datacache import data_token

CACHE_ALIAS = "fragments"


def _key(token, parts):
    digest = hashlib.sha256(repr((*parts, get_language())).encode()).hexdigest()
    return f"fragment:{token}:{digest}"


def fragment(parts, render):
    """The HTML render() returns (it must be safe HTML, as a template renders
    it), or what it rendered before in the reader's language under the same
    token and `parts`: a tuple saying what was rendered from what."""
    token = data_token()
    if token is None:
        return render()
    key = _key(token, parts)
    cache = caches[CACHE_ALIAS]
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, str(html), settings.DATA_CACHE_SECONDS)
    return mark_safe(html)


def record_version(record):
    """What tells one version of a record from another: its model, its id and
    when it was last saved (a relation's change replaces the token instead)."""
    updated_at = getattr(record, "updated_at", None)
    return (
        record._meta.label_lower,
        record.pk,
        updated_at.isoformat() if updated_at else "",
    )


def record_fragments(name, records, render):
    """[HTML of each record] by `name` (a template's), render(record) for the
    records whose current version has none kept in the reader's language; one
    read from the cache for all of them.

    Given a QuerySet not yet read (a list's page), it first reads only the
    records' ids and versions, and reads whole (through the same QuerySet,
    its recipe and filters) only the records whose fragment is not kept: a
    page whose cards are all kept costs one narrow query instead of the rows
    with every translation and relation."""
    token = data_token()
    if token is None:
        return [render(record) for record in records]
    if _can_probe(records):
        label = records.model._meta.label_lower
        versions = [
            (label, pk, updated_at.isoformat() if updated_at else "")
            for pk, updated_at in records.values_list("pk", "updated_at")
        ]
    else:
        records = list(records)
        versions = [record_version(record) for record in records]
    keys = [_key(token, (name, *version)) for version in versions]
    cache = caches[CACHE_ALIAS]
    found = cache.get_many(keys)
    missing = [i for i, key in enumerate(keys) if key not in found]
    made = {}
    if missing:
        if isinstance(records, list):
            by_index = {i: records[i] for i in missing}
        else:
            by_pk = _read_whole(records, [versions[i][1] for i in missing])
            # A record unpublished since the ids were read is left out.
            by_index = {
                i: by_pk[versions[i][1]] for i in missing if versions[i][1] in by_pk
            }
        made = {keys[i]: str(render(record)) for i, record in by_index.items()}
        cache.set_many(made, settings.DATA_CACHE_SECONDS)
    return [
        mark_safe(found[key] if key in found else made[key])
        for key in keys
        if key in found or key in made
    ]


def _can_probe(records):
    return (
        isinstance(records, QuerySet)
        and records._result_cache is None
        and any(field.name == "updated_at" for field in records.model._meta.fields)
    )


def _read_whole(records, pks):
    """{pk: record} for these records of the (sliced) QuerySet, read with
    its own filters, related rows and prefetches."""
    whole = records._chain()
    whole.query.clear_limits()
    return {record.pk: record for record in whole.filter(pk__in=pks)}
