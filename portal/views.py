"""Site-wide pages (home, key figures, about) and the reference-record pages
(people, organisations, places, sources), plus the mixins every list and
detail view shares."""

from django.contrib import messages
from django.core.paginator import InvalidPage
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from events.models import Agreement, Event, Participation
from projects.models import Project

from .datacache import cached
from .filters import OrganizationFilter, PersonFilter
from .models import Indicator, Observation, Organization, Person, Place, Source

# How many events, projects or agreements a record's page lists; it links to
# the filtered list for all of them (a head of state takes part in thousands).
RELATED_LIMIT = 20


def related_count(queryset, distinct=False):
    """How many records a record page's list stands for. Counted even when
    the list is short, so the page makes as many queries at any size."""
    if distinct:
        queryset = queryset.order_by().values("pk").distinct()
    return queryset.count()


class PublishedMixin:
    """Readers only ever see published records; anything else is a 404."""

    def get_queryset(self):
        return self.model.objects.published()


class FilteredListView(PublishedMixin, FilterView):
    """A django-filter list that never fails on a bad page number.

    An invalid or out-of-range `page` shows the nearest real page with a note,
    instead of Django's 404, because a reader who edits the address deserves an
    answer rather than an error page.
    """

    paginate_by = 20
    strict = True

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
        return context


def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "indicators": _indicators_with_observations(),
            "events": Event.objects.published().for_list()[:6],
            "projects": Project.objects.published().featured().for_list()[:6],
        },
    )


def key_figures(request):
    return render(
        request,
        "portal/key_figures.html",
        {"indicators": _indicators_with_observations()},
    )


def about(request):
    return render(request, "portal/about.html")


def _indicators_with_observations():
    return Indicator.objects.published().for_detail()


class PersonListView(FilteredListView):
    model = Person
    filterset_class = PersonFilter
    template_name = "portal/person_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("country")


class PersonDetailView(PublishedMixin, DetailView):
    model = Person
    template_name = "portal/person_detail.html"

    def get_queryset(self):
        return super().get_queryset().for_detail(related_limit=RELATED_LIMIT)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context["event_count"] = related_count(
            Event.objects.published().filter(participations__person=person),
        )
        event_ids = [event.pk for event in person.public_events]
        roles = dict(
            Participation.objects.public()
            .filter(person=person, event__in=event_ids)
            .values_list("event_id", "role")
        )
        for event in person.public_events:
            event.person_role = roles.get(event.pk, "")
        # Everything the person took part in: the events, the agreements
        # signed at them and the projects linked to them.
        context["agreements"] = (
            Agreement.objects.published()
            .filter(event__in=event_ids)
            .select_related("event")
        )
        context["projects"] = (
            Project.objects.published()
            .filter(events__in=event_ids)
            .distinct()
            .select_related("sector")
        )
        return context


class OrganizationListView(FilteredListView):
    model = Organization
    filterset_class = OrganizationFilter
    template_name = "portal/organization_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("country")


class OrganizationDetailView(PublishedMixin, DetailView):
    model = Organization
    template_name = "portal/organization_detail.html"

    def get_queryset(self):
        return super().get_queryset().for_detail(related_limit=RELATED_LIMIT)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        context["partnerships"] = organization.public_partnerships
        context["projects_shown"] = len(
            {partnership.project_id for partnership in organization.public_partnerships}
        )
        context["event_count"] = related_count(
            Event.objects.published().filter(organizations=organization),
        )
        context["agreement_count"] = related_count(
            Agreement.objects.published().filter(parties=organization),
        )
        context["project_count"] = related_count(
            Project.objects.published().filter(partners__organization=organization),
            distinct=True,
        )
        return context


def place_detail(request, slug):
    place = get_object_or_404(Place.objects.select_related("parent__parent"), slug=slug)
    inside = place.descendant_ids()
    events = Event.objects.published().filter(place__in=inside)
    projects = Project.objects.published().filter(places__in=inside).distinct()
    shown_events = list(events.select_related("place")[:RELATED_LIMIT])
    shown_projects = list(projects.select_related("sector")[:RELATED_LIMIT])
    return render(
        request,
        "portal/place_detail.html",
        {
            "place": place,
            "children": place.children.all(),
            "events": shown_events,
            "event_count": related_count(events),
            "projects": shown_projects,
            "project_count": related_count(projects, distinct=True),
        },
    )


def source_detail(request, slug):
    """A published source and every public record that cites it."""
    source = get_object_or_404(Source.objects.published().for_detail(), slug=slug)
    citations = list(source.citations.select_related("content_type"))
    targets = _public_targets(citations)
    cited = [
        (citation, targets[(citation.content_type_id, citation.object_id)])
        for citation in citations
        if (citation.content_type_id, citation.object_id) in targets
    ]
    return render(
        request, "portal/source_detail.html", {"source": source, "cited": cited}
    )


def _public_targets(citations):
    """The public records the citations point at, one query per kind of record."""
    wanted = {}
    for citation in citations:
        wanted.setdefault(citation.content_type, set()).add(citation.object_id)
    found = {}
    for content_type, ids in wanted.items():
        model = content_type.model_class()
        manager = model._default_manager
        if hasattr(manager, "published"):
            queryset = manager.published()
        elif hasattr(manager, "public"):
            # Rows without a page of their own (an indicator's observations)
            # are shown where their record is, if readers may see it.
            queryset = manager.public()
        else:
            queryset = manager.all()
        if model is Observation:
            queryset = queryset.select_related("indicator")
        for record in queryset.filter(pk__in=ids):
            found[(content_type.pk, record.pk)] = record
    return found
