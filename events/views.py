from dataclasses import dataclass
from itertools import groupby

from django.db.models import F, Window
from django.db.models.functions import ExtractYear, RowNumber
from django.shortcuts import render
from django.utils import timezone
from django.views.generic import DetailView, YearArchiveView

from events.filters import AgreementFilter, EventFilter
from events.models import Agreement, Event
from portal.core.views import (
    FilteredListView,
    PublishedMixin,
    RecordDetailView,
    reads_query,
)


class EventListView(FilteredListView):
    model = Event
    filterset_class = EventFilter
    template_name = "events/event_list.html"

    def get_queryset(self):
        return super().get_queryset().for_list()


class EventDetailView(RecordDetailView):
    model = Event
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return super().get_queryset().for_detail()


# How many events the timeline shows under each year; the year's own page
# lists them all.
TIMELINE_PER_YEAR = 10


@dataclass
class YearOnTimeline:
    year: int
    events: list
    count: int  # every published event of the year, shown or not

    def __iter__(self):
        # Unpacks as (year, events), as the timeline's years always have.
        return iter((self.year, self.events))


@reads_query()
def timeline(request):
    """The latest published events of every year, newest year first, under an
    overview of the decades; each year links to its page with all of them.
    Three queries whatever the number of events: the counts by year, the
    latest of each year (a window over the years), and those events."""
    published = Event.objects.published()
    counts = published.counts_by_year()
    # Ranked on the dates and slugs alone (a narrow sort, from an index; ties
    # in the same order in every language, as Event's own), then only the
    # chosen events are read whole, by id: as a subquery the planner
    # would expect every event back and read the whole table.
    chosen = list(
        published.order_by()
        .annotate(
            year_rank=Window(
                RowNumber(),
                partition_by=ExtractYear("date"),
                order_by=[F("date").desc(), F("slug").asc()],
            )
        )
        .filter(year_rank__lte=TIMELINE_PER_YEAR)
        .values_list("pk", flat=True)
    )
    latest = published.for_list().filter(pk__in=chosen).order_by("-date", "slug")
    years = [
        YearOnTimeline(year, list(events), counts.get(year, 0))
        for year, events in groupby(latest, lambda event: event.date.year)
    ]
    return render(
        request,
        "events/timeline.html",
        {"years": years, "decades": decades(counts)},
    )


def decades(counts, today=None):
    """[(first year of the decade, [(year, number of events)…])…], newest decade
    first, for every decade with an event; years without events count 0.
    A decade stops at this year (or at the latest year with an event, for a
    visit planned ahead): years still to come are not shown as empty ones."""
    if not counts:
        return []
    this_year = (today or timezone.localdate()).year
    last = max(this_year, max(counts))
    starts = sorted({year - year % 10 for year in counts}, reverse=True)
    return [
        (
            start,
            [
                (year, counts.get(year, 0))
                for year in range(start, min(start + 10, last + 1))
            ],
        )
        for start in starts
    ]


class EventYearView(YearArchiveView):
    """/events/2025/: the year's published events in date order, with links to
    the nearest earlier and later years that have events. A year without
    events is a 404, so the previous/next links never lead to an empty page."""

    date_field = "date"
    make_object_list = True
    # A year holds thousands of events on a large site.
    paginate_by = 100
    allow_empty = False
    # Events are dated when they happen; a planned visit next year is listed.
    allow_future = True
    template_name = "events/event_archive_year.html"

    def get_queryset(self):
        return Event.objects.published().for_list().order_by("date", "pk")


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
        return super().get_queryset().for_detail()
