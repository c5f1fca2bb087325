"""The site search page (/<lang>/search/): the kinds of record it shows, in
the order it shows them, over the search of portal/search/query.py (stored
documents on PostgreSQL, portal/core/search.py's matching on SQLite)."""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy

from events.models import Agreement, Event
from portal.core.datacache import cached
from portal.core.models import Indicator, Organization, Person
from portal.core.search import (
    PER_PAGE,
    TOP,
    Kind,
    clean_query,
    make_hit,
    query_words,
)
from portal.core.views import reads_query
from portal.search.query import capped, search_queryset, with_total
from projects.models import Project

KINDS = (
    Kind("events", gettext_lazy("Events"), Event),
    Kind("projects", gettext_lazy("Projects"), Project),
    Kind("agreements", gettext_lazy("Agreements"), Agreement),
    Kind("people", gettext_lazy("People"), Person),
    Kind("organisations", gettext_lazy("Organisations"), Organization),
    Kind("key-figures", gettext_lazy("Key figures"), Indicator),
)


KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass
class Group:
    kind: Kind
    count: int
    hits: list
    # More match than are counted (and listed): the count is shown as "500+".
    capped: bool = False

    @property
    def more(self):
        return self.capped or self.count > len(self.hits)


def _group(kind, count, hits):
    shown, more = capped(count, kind.model)
    return Group(kind, shown, hits, more)


class CappedPaginator(Paginator):
    """Pages of the results a search lists (at most LIST_LIMIT on PostgreSQL)."""

    def __init__(self, object_list, per_page, model):
        super().__init__(object_list, per_page)
        self.model = model
        self.capped = False

    @cached_property
    def count(self):
        shown, self.capped = capped(Paginator.count.func(self), self.model)
        return shown


class QueryField(forms.CharField):
    def to_python(self, value):
        # Cleaned before validation, so a NUL byte is dropped, not an error.
        return clean_query(super().to_python(value))


class SearchForm(forms.Form):
    q = QueryField(required=False)
    kind = forms.ChoiceField(
        required=False, choices=[("", "")] + [(kind.key, kind.key) for kind in KINDS]
    )


def _overview(words, language):
    """Each kind's best TOP hits and count. Kept under the content token
    (portal/core/datacache.py), as the lists' facet counts are: readers repeat
    the same searches ("Baku", "wind power") far more often than the record
    changes, and a search of every kind is the site's dearest page."""
    return cached(
        ("search-overview", language, tuple(words)),
        lambda: _searched_overview(words, language),
    )


def _count(kind, words, language):
    return cached(
        ("search-count", kind.key, language, tuple(words)),
        lambda: search_queryset(kind, words, language).count(),
    )


def _searched_overview(words, language):
    groups = []
    for kind in KINDS:
        rows = list(with_total(search_queryset(kind, words, language))[:TOP])
        count = rows[0].search_total if rows else 0
        hits = [make_hit(kind, record, words, language) for record in rows]
        groups.append(_group(kind, count, hits))
    return groups


@reads_query(SearchForm, "page")
def search(request):
    form = SearchForm(request.GET)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    kind = KINDS_BY_KEY.get(form.cleaned_data.get("kind") or "")
    context = {
        "query": query,
        "kinds": KINDS,
        "unknown_kind": "kind" in form.errors,
        "requested_kind": (request.GET.get("kind") or "")[:20],
        "kind": kind,
    }
    words = query_words(query)
    context["words"] = words
    if not words:
        return render(request, "portal/search.html", context)
    language = get_language() or "en"
    if kind is None:
        groups = _overview(words, language)
    else:
        groups = []
        for other in KINDS:
            if other is kind:
                paginator = CappedPaginator(
                    search_queryset(kind, words, language), PER_PAGE, kind.model
                )
                page = paginator.get_page(request.GET.get("page"))
                hits = [make_hit(kind, r, words, language) for r in page.object_list]
                groups.append(Group(kind, paginator.count, hits, paginator.capped))
                context.update(
                    paginator=paginator,
                    page_obj=page,
                    is_paginated=page.has_other_pages(),
                )
            else:
                groups.append(_group(other, _count(other, words, language), []))
    context["groups"] = groups
    context["total"] = sum(group.count for group in groups)
    context["total_capped"] = any(group.capped for group in groups)
    return render(request, "portal/search.html", context)
