from django.utils.functional import SimpleLazyObject

from portal.core import filtering, maps
from portal.core.views import FilteredListView, RecordDetailView, open_data, reads_query
from projects.filters import ProjectFilter
from projects.maps import projects_map
from projects.models import Project


class ProjectListView(FilteredListView):
    model = Project
    filterset_class = ProjectFilter
    template_name = "projects/project_list.html"

    def get_queryset(self):
        return super().get_queryset().for_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every project the filters keep (not only this page's), and the same
        # filters for the map's data; made only when the page renders it, not
        # when the rendered map is kept (the fragment in project_list.html).
        projects, suffix = self.object_list, filtering.query_suffix(self.request.GET)
        context["map"] = SimpleLazyObject(lambda: projects_map(projects, suffix))
        return context


@open_data
@reads_query(ProjectFilter)
def map_geojson(request):
    """/<lang>/projects/map.geojson?<the list's filters>: the projects the list
    shows, as GeoJSON; a filter value it cannot use is a 400 saying which."""
    filterset = filtering.bind(ProjectFilter, request, Project.objects.published())
    if not filterset.is_valid():
        return filtering.bad_filters_json(filterset)
    return maps.geojson_response(projects_map(filterset.qs), request)


class ProjectDetailView(RecordDetailView):
    model = Project
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return super().get_queryset().for_detail()
