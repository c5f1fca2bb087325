from django.db.models import Prefetch
from django.views.generic import DetailView

from events.models import Agreement, Event
from portal.views import FilteredListView, PublishedMixin, citations_prefetch

from .filters import ProjectFilter
from .models import Partner, Project


class ProjectListView(FilteredListView):
    model = Project
    filterset_class = ProjectFilter
    template_name = "projects/project_list.html"

    def get_queryset(self):
        return super().get_queryset().for_list()


class ProjectDetailView(PublishedMixin, DetailView):
    model = Project
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("sector")
            .prefetch_related(
                "places",
                "milestones",
                Prefetch(
                    "partners",
                    queryset=Partner.objects.select_related("organization__country"),
                ),
                Prefetch(
                    "events",
                    queryset=Event.objects.published().select_related("place"),
                    to_attr="public_events",
                ),
                Prefetch(
                    "agreements",
                    queryset=Agreement.objects.published(),
                    to_attr="public_agreements",
                ),
                citations_prefetch(),
            )
        )
