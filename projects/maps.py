"""Where projects stand on a map: at each of their places."""

from django.urls import reverse

from portal.core import maps
from portal.core.maps import Map, points
from projects.models import Project


def project_pairs(projects, limit=None):
    """(kind, project, place) for every place of the given projects, or of the
    first `limit` of them in their order, in one query through the projects'
    table of places."""
    chosen = (
        projects.values("pk")[:limit] if limit else projects.order_by().values("pk")
    )
    rows = (
        Project.places.through.objects.filter(project__in=chosen)
        .select_related("project", "place")
        .order_by("pk")
    )
    return [("project", row.project, row.place) for row in rows]


def projects_map(projects, query_suffix=""):
    """The map of a list of projects (already filtered): its first MAP_LIMIT;
    its data's address ends with `query_suffix`, the list's filters ("?…")."""
    url = reverse("projects:map") + query_suffix
    return Map(points(project_pairs(projects, maps.MAP_LIMIT)), url)
