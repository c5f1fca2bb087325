"""Site-wide pages (home, key figures, about) and the reference records' pages
(people, organisations, places, sources), which list the events and projects
they take part in."""

from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView

from events.models import Agreement, Event, Participation
from portal.core.filters import OrganizationFilter, PersonFilter
from portal.core.models import (
    Indicator,
    Organization,
    Person,
    Place,
    Source,
)
from portal.core.views import (
    RELATED_LIMIT,
    FilteredListView,
    PublishedMixin,
    reads_query,
    related_count,
)
from portal.site.story import Story
from projects.models import Project


@reads_query()
def home(request):
    # Each read lazily: the page keeps its content under the content token
    # (templates/portal/home.html), so they run only when it is rendered anew.
    # Both lists in an order that is the same in every language.
    return render(
        request,
        "portal/home.html",
        {
            "story": Story(),
            "indicators": _indicators_with_observations(),
            "events": Event.objects.published().for_list()[:6],
            "projects": Project.objects.published()
            .featured()
            .newest_first()
            .for_cards()[:6],
        },
    )


@reads_query()
def key_figures(request):
    return render(
        request,
        "portal/key_figures.html",
        {"indicators": _indicators_with_observations()},
    )


@reads_query()
def about(request):
    return render(request, "portal/about.html")


def _indicators_with_observations():
    return Indicator.objects.published().for_detail()


class PersonListView(FilteredListView):
    model = Person
    filterset_class = PersonFilter
    template_name = "portal/person_list.html"

    def get_queryset(self):
        return super().get_queryset().for_list()


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
            Agreement.objects.published().filter(event__in=event_ids).for_list()
        )
        context["projects"] = (
            Project.objects.published()
            .filter(events__in=event_ids)
            .distinct()
            .for_list()
        )
        return context


class OrganizationListView(FilteredListView):
    model = Organization
    filterset_class = OrganizationFilter
    template_name = "portal/organization_list.html"

    def get_queryset(self):
        return super().get_queryset().for_list()


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


@reads_query()
def place_detail(request, slug):
    place = get_object_or_404(Place.objects.for_detail(), slug=slug)
    inside = place.descendant_ids()
    events = Event.objects.published().filter(place__in=inside)
    projects = Project.objects.published().filter(places__in=inside).distinct()
    shown_events = list(events.for_list()[:RELATED_LIMIT])
    shown_projects = list(projects.for_cards()[:RELATED_LIMIT])
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


@reads_query()
def source_detail(request, slug):
    """A published source and every public record that cites it."""
    source = get_object_or_404(Source.objects.published().for_detail(), slug=slug)
    citations = list(source.citations.for_list())
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
        if hasattr(queryset, "for_list"):
            # What a list row shows of it: its name and address (an
            # observation's come from its indicator).
            queryset = queryset.for_list()
        for record in queryset.filter(pk__in=ids):
            found[(content_type.pk, record.pk)] = record
    return found
