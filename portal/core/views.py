"""What every list and detail view shares: only published records, the
filtered list with its facets and pages, and the size of a record page's
lists. The record apps' views and the site's pages build on it."""

from django.contrib import messages
from django.core.paginator import InvalidPage
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from portal.core import filtering
from portal.core.datacache import cached

# How many events, projects or agreements a record's page lists; it links to
# the filtered list for all of them (a head of state takes part in thousands).
RELATED_LIMIT = 20


def related_count(queryset, distinct=False):
    """How many records a record page's list stands for. Counted even when
    the list is short, so the page makes as many queries at any size."""
    if distinct:
        queryset = queryset.order_by().values("pk").distinct()
    return queryset.count()


def readable(request, queryset):
    """The records of `queryset` a record page may show: the published ones,
    and the one draft a signed preview link shows (portal/editorial/
    preview.py), whatever its status. Every record page reads its record
    through this (PublishedMixin, or a view marked `shows_previews`)."""
    published = queryset.published()
    previewed = getattr(request, "preview_record", None)
    if isinstance(previewed, queryset.model):
        return published | queryset.filter(pk=previewed.pk)
    return published


def shows_previews(view):
    """Marks a function view that reads its record through `readable()`, so
    the admin offers "Preview" links for its records' drafts."""
    view.shows_previews = True
    return view


class PublishedMixin:
    """Readers only ever see published records; anything else is a 404."""

    shows_previews = True

    def get_queryset(self):
        return readable(self.request, self.model.objects.all())


class RecordDetailView(PublishedMixin, DetailView):
    """A record's page whose content is kept per record version and language
    (`{% record_fragment %}` in its template; portal/core/fragments.py).

    The record is read first as its page shows it outside that content (the
    model's `for_page()`); the relations its `get_queryset()` (the model's
    `for_detail()`) prefetches are read, in the same queries, only when a
    fragment has to be rendered, and that QuerySet, costly to build, is built
    only then. A page whose fragments are kept costs the one query of the
    record. The template must keep everything that shows a relation inside a
    `{% record_fragment %}`, which reads them."""

    def get_object(self, queryset=None):
        record = super().get_object(super().get_queryset().for_page())
        record.read_relations = _once(
            lambda: self.get_queryset().read_relations([record])
        )
        return record


def _once(function):
    done = []

    def call():
        if not done:
            done.append(function())

    return call


class FilteredListView(PublishedMixin, FilterView):
    """A django-filter list that never fails on a bad page number.

    An invalid or out-of-range `page` shows the nearest real page with a note,
    instead of Django's 404, because a reader who edits the address deserves an
    answer rather than an error page.
    """

    paginate_by = 20
    strict = True

    def get_filterset(self, filterset_class):
        return filtering.bind(filterset_class, self.request, self.get_queryset())

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        if self.filterset.is_valid():
            # The number of records listed: the same on every page and in
            # every language of the list, so counted once per content token.
            paginator.count = cached(
                ("list-count", self.request.path, self.filterset.data_key()),
                queryset.count,
            )
        requested = self.request.GET.get(self.page_kwarg) or 1
        try:
            page = paginator.page(requested)
        except InvalidPage:
            page = paginator.get_page(requested)
            messages.info(
                self.request,
                _(
                    "There is no page “%(requested)s”; "
                    "showing page %(page)s of %(pages)s."
                )
                % {
                    "requested": str(requested)[:20],
                    "page": page.number,
                    "pages": paginator.num_pages,
                },
            )
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["facet_counts"] = self.filterset.show_facet_counts()
        # The filters that cannot be used, as every other answer names them.
        context["bad_filters"] = filtering.bad_filters(self.filterset)
        return context


def reads_query(*sources):
    """Declares the query parameters a function view reads: FilterSet classes
    (their fields), form classes (their fields), parameter names, or a function
    of the URL's arguments giving any of those. The page cache
    (portal/ops/pagecache.py) keys a page on these alone and drops the others,
    so made-up parameters cannot multiply its entries. Class-based views need
    no declaration: their filterset_class and paginate_by say it."""

    def declare(view):
        view.query_parameters = sources
        return view

    return declare


def open_data(view):
    """Marks a view as an open-data exit (a feed, the calendar, a download, the
    dataset, GeoJSON, the sitemap): browser code on other sites may read it
    (CORS with any origin and no credentials, Cross-Origin-Resource-Policy:
    cross-origin; portal/ops/middleware.py). Every address under /api/ is one
    too. Pages and the admin are not: they stay same-origin. A class (a feed)
    says it with a class attribute `open_data = True`."""
    view.open_data = True
    return view
