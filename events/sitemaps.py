"""The events' sections of the sitemap: events, agreements and the year pages
with a published event (portal/opendata/sitemaps.py puts the sections together)."""

from django.urls import reverse

from events.models import Agreement, Event
from portal.core.sitemaps import I18nSitemap, RecordSitemap


class EventSitemap(RecordSitemap):
    model = Event


class AgreementSitemap(RecordSitemap):
    model = Agreement


class YearSitemap(I18nSitemap):
    """/events/<year>/ for every year with a published event."""

    def items(self):
        return self.shared(
            "years", lambda: [day.year for day in Event.objects.published().years()]
        )

    def location(self, item):
        return reverse("events:year", args=[item])
