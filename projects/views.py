from django.views.generic import DetailView

from portal.core import maps
from portal.core.views import FilteredListView, PublishedMixin, reads_query
from projects.filters import ProjectFilter
from projects.maps import projects_map
from projects.models import Project


class ProjectListView(FilteredListView):
    model = Project
    filterset_class = ProjectFilter
    template_name = "projects/project_list.html"

    def get_queryset(self):
        return super().get_queryset().for_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every project the filters keep (not only this page's), and the same
        # filters for the map's data.
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["map"] = projects_map(self.object_list, query.urlencode())
        return context


@reads_query(ProjectFilter)
def map_geojson(request):
    """/<lang>/projects/map.geojson?<the list's filters>: the projects the list
    shows, as GeoJSON; a filter value it cannot use is a 400 saying which."""
    filterset = ProjectFilter(
        request.GET, queryset=Project.objects.published(), request=request
    )
    if not filterset.is_valid():
        return maps.error_response(filterset.errors.get_json_data(), status=400)
    return maps.geojson_response(projects_map(filterset.qs))


class ProjectDetailView(PublishedMixin, DetailView):
    model = Project
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return super().get_queryset().for_detail()
