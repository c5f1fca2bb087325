"""The site's maps: the home page's (the latest projects and events), one
record's, and the full map of every published record grouped by place, as pages
show them and as GeoJSON."""

from django import forms
from django.db.models import Exists, OuterRef
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from events.filters import EventFilter
from events.maps import event_pairs
from events.models import Event
from portal.core import filtering, maps
from portal.core.filters import FORM_RENDERER
from portal.core.maps import Map, geojson_response, points
from portal.core.views import open_data, reads_query
from projects.filters import ProjectFilter
from projects.maps import project_pairs
from projects.models import Project

KINDS = {"project": Project, "event": Event}


def _site_projects():
    return (
        Project.objects.published()
        .filter(Exists(Project.places.through.objects.filter(project=OuterRef("pk"))))
        .order_by("-published_at", "-pk")
    )


def site_map():
    """The home page's map: the latest MAP_LIMIT published events (by date)
    and projects (by when they were published) with a place. `truncated` says
    whether there are more of either, which only the full map shows."""
    limit = maps.MAP_LIMIT
    # One more of each than the map shows, to know whether there are more,
    # in the same queries.
    event_rows = event_pairs(Event.objects.published(), limit + 1)
    project_rows = project_pairs(_site_projects(), limit + 1)
    latest = sorted(
        {row[1] for row in project_rows},
        key=lambda project: (project.published_at, project.pk),
        reverse=True,
    )
    truncated = len(event_rows) > limit or len(latest) > limit
    shown = {project.pk for project in latest[:limit]}
    pairs = [row for row in project_rows if row[1].pk in shown] + event_rows[:limit]
    a_map = Map(points(pairs), reverse("map"))
    a_map.truncated = truncated
    return a_map


def record_map(record):
    """A project's places or an event's place. Uses what the detail view has
    already loaded (a project's prefetched places, an event's place)."""
    kind = _kind_of(record)
    if kind == "project":
        pairs = [(kind, record, place) for place in record.places.all()]
    else:
        pairs = [(kind, record, record.place)] if record.place else []
    url = reverse("map-record", kwargs={"kind": kind, "slug": record.slug})
    return Map(points(pairs), url)


def _kind_of(record):
    for kind, model in KINDS.items():
        if isinstance(record, model):
            return kind
    raise TypeError(f"no map for {type(record).__name__}")


# The full map's filters: the events list's and the projects list's own
# filters, bound to the query string as the lists bind them. Those of one list
# only (an event type, a sector) keep the other kind off the map.
SHARED_FILTERS = ("q", "place")
EVENT_FILTERS = ("type", "year")
PROJECT_FILTERS = ("sector", "status")
KIND_CHOICES = [
    ("", _("Events and projects")),
    ("event", _("Events")),
    ("project", _("Projects")),
]
MAP_FILTERS = ("kind", *SHARED_FILTERS, *EVENT_FILTERS, *PROJECT_FILTERS)


class MapFilters:
    """The full map's filters (`kind` and some of the lists' filters), with a
    form for the page that renders like a list's (includes/filter_form.html)."""

    def __init__(self, request):
        query = request.GET
        self.data = {name: query.get(name, "") for name in MAP_FILTERS}
        used = {name: value for name, value in self.data.items() if value}
        self.events = EventFilter(
            _only(used, SHARED_FILTERS + EVENT_FILTERS),
            queryset=Event.objects.published(),
            request=request,
        )
        self.projects = ProjectFilter(
            _only(used, SHARED_FILTERS + PROJECT_FILTERS),
            queryset=Project.objects.published(),
            request=request,
        )
        kind = self.data["kind"]
        self.with_events = kind in ("", "event") and not _only(used, PROJECT_FILTERS)
        self.with_projects = kind in ("", "project") and not _only(used, EVENT_FILTERS)
        self.form = self._form(used)

    def _form(self, used):
        fields = {
            "kind": forms.ChoiceField(
                label=_("Show"), choices=KIND_CHOICES, required=False
            ),
            "q": self.events.form.fields["q"],
            "place": self.events.form.fields["place"],
            "type": self.events.form.fields["type"],
            "year": self.events.form.fields["year"],
            "sector": self.projects.form.fields["sector"],
            "status": self.projects.form.fields["status"],
        }
        form_class = type(
            "MapFilterForm", (forms.Form,), {"default_renderer": FORM_RENDERER}
        )
        # After the class is made: Form's metaclass sets base_fields itself.
        form_class.base_fields = fields
        form = form_class(data=used)
        for name in EVENT_FILTERS:
            form.fields[name].help_text = _("Events only.")
        for name in PROJECT_FILTERS:
            form.fields[name].help_text = _("Projects only.")
        return form

    def is_valid(self):
        return self.form.is_valid()

    @property
    def errors(self):
        return {
            name: [str(message) for message in messages]
            for name, messages in self.form.errors.items()
        }

    def fragment_parts(self):
        # Rendered each time: the form is small and names no counts.
        return None

    def map(self, data_url):
        """Every published record the filters keep, at its places."""
        pairs = []
        if self.with_projects:
            pairs += project_pairs(self.projects.qs)
        if self.with_events:
            pairs += event_pairs(self.events.qs)
        return Map(points(pairs), data_url, by_place=True)


def _only(data, names):
    return {name: data[name] for name in names if name in data}


def full_map(request):
    """The full map's filters and, when they can be used, its map (else None)."""
    filters = MapFilters(request)
    if not filters.is_valid():
        return filters, None
    data_url = reverse("map-page-data") + filtering.query_suffix(request.GET)
    return filters, filters.map(data_url)


@open_data
@reads_query()
def site_geojson(request):
    """/<lang>/map.geojson: the home page's map (the latest projects and events)."""
    return geojson_response(site_map(), request)


@reads_query(*MAP_FILTERS)
def map_page(request):
    """/<lang>/map/: every published event and project on one map, grouped by
    place, filtered like the lists; without JavaScript, the list of the places
    with their records. Filters it cannot use are named, with status 400."""
    filters, a_map = full_map(request)
    return render(
        request,
        "portal/map.html",
        {
            "filters": filters,
            "map": a_map,
            "bad_filters": filters.errors,
            "filter_key": filtering.query_suffix(request.GET),
        },
        status=200 if a_map is not None else 400,
    )


@open_data
@reads_query(*MAP_FILTERS)
def full_geojson(request):
    """/<lang>/map/places.geojson?<the full map's filters>: every published
    event and project the filters keep, one feature per place; a filter value
    it cannot use is a 400 saying which."""
    filters, a_map = full_map(request)
    if a_map is None:
        return JsonResponse(
            filters.errors, status=400, json_dumps_params={"ensure_ascii": False}
        )
    return geojson_response(a_map, request)


@open_data
@reads_query()
def record_geojson(request, kind, slug):
    """/<lang>/map/<kind>/<slug>.geojson: one published record's places."""
    model = KINDS.get(kind)
    if model is None:
        return _not_found()
    record = model.objects.published().for_map().filter(slug=slug).first()
    if record is None:
        return _not_found()
    return geojson_response(record_map(record), request)


def _not_found():
    # Worded as the API words its 404s: {"detail": "…"}.
    return JsonResponse({"detail": gettext("No such published record.")}, status=404)
