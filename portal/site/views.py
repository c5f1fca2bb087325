"""Site-wide pages (home, key figures, about) and the reference records' pages
(people, organisations, places, sources), which list the events and projects
they take part in."""

from django.core.paginator import InvalidPage, Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext, gettext_lazy
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
    readable,
    reads_query,
    related_count,
    shows_previews,
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


#: The groups of a source's page: the records citing it, by the kind of page
#: they are read on. A row without a page of its own (a participant, an office,
#: a project's partner, milestone or measure, an indicator's observation) goes
#: with the record whose page shows it. Kinds not named here: "Other records".
CITED_GROUPS = (
    ("events", gettext_lazy("Events"), ("events.event", "events.participation")),
    (
        "projects",
        gettext_lazy("Projects"),
        (
            "projects.project",
            "projects.partner",
            "projects.milestone",
            "projects.measure",
        ),
    ),
    ("agreements", gettext_lazy("Agreements"), ("events.agreement",)),
    ("people", gettext_lazy("People"), ("portal.person", "portal.office")),
    ("organisations", gettext_lazy("Organisations"), ("portal.organization",)),
    (
        "key_figures",
        gettext_lazy("Key figures"),
        ("portal.indicator", "portal.observation"),
    ),
    ("places", gettext_lazy("Places"), ("portal.place",)),
    ("other", gettext_lazy("Other records"), ()),
)
#: The records of a group shown on one page of a source's page.
CITED_PER_PAGE = 20
SOURCE_PAGE_PARAMETERS = tuple(f"{key}_page" for key, _name, _labels in CITED_GROUPS)
_GROUP_OF_MODEL = {
    label: key for key, _name, labels in CITED_GROUPS for label in labels
}


@shows_previews
@reads_query(*SOURCE_PAGE_PARAMETERS)
def source_detail(request, slug):
    """A published source and the public records that cite it, grouped by kind,
    each group in pages of CITED_PER_PAGE (?events_page=2 …)."""
    source = get_object_or_404(
        readable(request, Source.objects.all()).for_detail(), slug=slug
    )
    citations = list(source.citations.for_list())
    targets = _public_targets(citations)
    cited = {}
    for citation in citations:
        record = targets.get((citation.content_type_id, citation.object_id))
        if record is not None:
            group = _GROUP_OF_MODEL.get(record._meta.label_lower, "other")
            cited.setdefault(group, []).append((citation, record))
    groups = [
        _cited_group(request, key, name, cited[key])
        for key, name, _labels in CITED_GROUPS
        if key in cited
    ]
    return render(
        request,
        "portal/source_detail.html",
        {
            "source": source,
            "groups": groups,
            "cited_count": sum(group["count"] for group in groups),
        },
    )


def _cited_group(request, key, name, rows):
    """One group of a source's page: its page of rows, as asked by ?<key>_page
    (a page that does not exist shows the nearest one and says so), and the
    links to its other pages, which keep the other groups' pages."""
    parameter = f"{key}_page"
    paginator = Paginator(rows, CITED_PER_PAGE)
    requested = request.GET.get(parameter) or 1
    notice = ""
    try:
        page = paginator.page(requested)
    except InvalidPage:
        page = paginator.get_page(requested)
        notice = gettext(
            "There is no page “%(requested)s”; showing page %(page)s of %(pages)s."
        ) % {
            "requested": str(requested)[:20],
            "page": page.number,
            "pages": paginator.num_pages,
        }
    return {
        "key": key,
        "heading": gettext("%(label)s (%(count)s)")
        % {"label": name, "count": paginator.count},
        "name": name,
        "count": paginator.count,
        "page": page,
        "notice": notice,
        "links": _cited_page_links(request, key, page)
        if paginator.num_pages > 1
        else [],
    }


def _cited_page_links(request, key, page):
    """(label, address, relation) for each link of a group's page navigation:
    relation is "prev", "next", "current" or "" (an ellipsis has no address)."""
    kept = {
        name: value
        for name, value in request.GET.items()
        if name in SOURCE_PAGE_PARAMETERS and name != f"{key}_page"
    }

    def address(number):
        query = QueryDict(mutable=True)
        query.update(kept)
        if number != 1:
            query[f"{key}_page"] = number
        return f"?{query.urlencode()}#cited-{key}"

    links = []
    if page.has_previous():
        links.append(
            (gettext("Previous"), address(page.previous_page_number()), "prev")
        )
    for number in page.paginator.get_elided_page_range(page.number):
        if number == page.paginator.ELLIPSIS:
            links.append((number, "", ""))
        else:
            current = "current" if number == page.number else ""
            links.append((number, address(number), current))
    if page.has_next():
        links.append((gettext("Next"), address(page.next_page_number()), "next"))
    return links


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
