from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.generic import DetailView

from portal.models import Organization
from portal.views import FilteredListView, PublishedMixin, citations_prefetch

from .filters import AgreementFilter, EventFilter
from .models import Agreement, Event, Participation


def _public_projects():
    # Projects point at events and agreements; reaching them through the reverse
    # relation keeps the import one-way (projects imports events, never back).
    project = Event._meta.get_field("projects").related_model
    return project.objects.published().select_related("sector")


class EventListView(FilteredListView):
    model = Event
    filterset_class = EventFilter
    template_name = "events/event_list.html"

    def get_queryset(self):
        return super().get_queryset().for_list()


class EventDetailView(PublishedMixin, DetailView):
    model = Event
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("place__parent")
            .prefetch_related(
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("person"),
                ),
                Prefetch(
                    "organizations",
                    queryset=Organization.objects.published(),
                    to_attr="public_organizations",
                ),
                Prefetch(
                    "agreements",
                    queryset=Agreement.objects.published(),
                    to_attr="public_agreements",
                ),
                Prefetch(
                    "projects",
                    queryset=_public_projects(),
                    to_attr="public_projects",
                ),
                citations_prefetch(),
            )
        )


def timeline(request):
    """Every published event, grouped by year, newest first."""
    events = Event.objects.published().for_list()
    years = [
        (year, list(group)) for year, group in groupby(events, lambda e: e.date.year)
    ]
    return render(request, "events/timeline.html", {"years": years})


class AgreementListView(FilteredListView):
    model = Agreement
    filterset_class = AgreementFilter
    template_name = "events/agreement_list.html"

    def get_queryset(self):
        return super().get_queryset().for_list()


class AgreementDetailView(PublishedMixin, DetailView):
    model = Agreement
    template_name = "events/agreement_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("event__place")
            .prefetch_related(
                Prefetch(
                    "parties",
                    queryset=Organization.objects.published(),
                    to_attr="public_parties",
                ),
                Prefetch(
                    "projects",
                    queryset=_public_projects(),
                    to_attr="public_projects",
                ),
                citations_prefetch(),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object.event
        context["event"] = event if event is not None and event.is_public else None
        return context
