"""The site's maps: the home page's (the latest projects and events) and one
record's, as pages show them and as GeoJSON."""

from django.db.models import Exists, OuterRef
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext

from events.maps import event_pairs
from events.models import Event
from portal.core import maps
from portal.core.maps import Map, geojson_response, points
from portal.core.views import open_data, reads_query
from projects.maps import project_pairs
from projects.models import Project

KINDS = {"project": Project, "event": Event}


def site_map():
    """The home page's map: the latest MAP_LIMIT published events and projects
    with a place (events by date, projects by when they were published)."""
    projects = (
        Project.objects.published()
        .filter(Exists(Project.places.through.objects.filter(project=OuterRef("pk"))))
        .order_by("-published_at", "-pk")
    )
    pairs = project_pairs(projects, maps.MAP_LIMIT) + event_pairs(
        Event.objects.published(), maps.MAP_LIMIT
    )
    return Map(points(pairs), reverse("map"))


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


@open_data
@reads_query()
def site_geojson(request):
    """/<lang>/map.geojson: the home page's map (the latest projects and events)."""
    return geojson_response(site_map(), request)


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
