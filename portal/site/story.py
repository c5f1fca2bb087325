"""What the home page tells before anything else: what the record holds (how
many published records of each kind), what is new (the latest changes, with
their dates) and when it last changed.

Each reads the published records through their QuerySets' own verbs, lazily:
the home page keeps its content under the content token, so these run only
when it is rendered anew.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, Count, Max, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from events.models import Agreement, Event
from portal.core.dates import Precision, format_partial_date
from portal.core.models import Indicator, Organization, Person, Source
from projects.models import Project

# The kinds the home page counts, in the order it shows them: (key, model,
# label, the list or page it links to, or None).
COUNTED = (
    ("events", Event, _("Events"), "events:list"),
    ("projects", Project, _("Projects"), "projects:list"),
    ("agreements", Agreement, _("Agreements"), "agreements:list"),
    ("people", Person, _("People"), "people:list"),
    ("organisations", Organization, _("Organisations"), "organizations:list"),
    ("key-figures", Indicator, _("Key figures"), "key-figures"),
    ("sources", Source, _("Sources"), None),
)
# What "what's new" lists: the records with pages of their own that tell
# the relations' story.
CHANGED = (Event, Project, Agreement)
WHATS_NEW = 6
# How many years (with events) the home page's glimpse of the timeline shows.
TIMELINE_YEARS = 12


@dataclass
class Holding:
    key: str
    label: str
    count: int
    url: str | None


@dataclass
class Change:
    record: object
    model_name: str  # "event": the same in every language, for sorting
    kind: str  # "event", "hadisə", "事件": what the reader is shown
    changed_at: datetime

    @property
    def date_display(self):
        return day(self.changed_at)

    @property
    def date_iso(self):
        return timezone.localdate(self.changed_at).isoformat()


def day(moment):
    """A moment as the day it was in the portal's time zone, in the reader's
    language ("4 December 2026")."""
    return format_partial_date(timezone.localdate(moment), Precision.DAY)


class Story:
    """The home page's opening, read once when it is first asked for."""

    @cached_property
    def _totals(self):
        """{key: (count, newest change)} for every counted kind, in one query
        (a UNION of one aggregate per kind)."""
        parts = [
            model.objects.published()
            .order_by()
            .annotate(record_kind=Value(key, output_field=CharField()))
            .values("record_kind")
            .annotate(
                count=Count("pk"),
                updated=Max("updated_at"),
                published=Max("published_at"),
            )
            .values_list("record_kind", "count", "updated", "published")
            for key, model, _label, _url in COUNTED
        ]
        rows = parts[0].union(*parts[1:], all=True).order_by()
        return {row[0]: row[1:] for row in rows}

    @cached_property
    def counts(self):
        counts = []
        for key, _model, label, url_name in COUNTED:
            count = self._totals.get(key, (0, None, None))[0]
            if count:
                counts.append(
                    Holding(key, label, count, reverse(url_name) if url_name else None)
                )
        return counts

    @cached_property
    def last_updated(self):
        """The newest save or publication of any published record, or None."""
        moments = [
            moment
            for _count, updated, published in self._totals.values()
            for moment in (updated, published)
            if moment is not None
        ]
        return max(moments) if moments else None

    @property
    def last_updated_display(self):
        return day(self.last_updated) if self.last_updated else ""

    @property
    def last_updated_iso(self):
        if self.last_updated is None:
            return ""
        return timezone.localdate(self.last_updated).isoformat()

    @cached_property
    def whats_new(self):
        """The latest changes to events, projects and agreements, newest first,
        each with the day of its change; one query per kind."""
        changes = [
            Change(
                record,
                model._meta.model_name,
                model._meta.verbose_name,
                max(record.updated_at, record.published_at),
            )
            for model in CHANGED
            for record in model.objects.published().recently_changed()[:WHATS_NEW]
        ]
        # Ties (one import saves many records at once) by kind and address,
        # the same in every language.
        changes.sort(key=lambda change: (change.record.slug, change.model_name))
        changes.sort(key=lambda change: change.changed_at, reverse=True)
        return changes[:WHATS_NEW]

    @cached_property
    def years(self):
        """[(year, number of published events)…] of the latest years with
        events, newest first: a glimpse of the timeline."""
        counts = Event.objects.published().counts_by_year()
        return sorted(counts.items(), reverse=True)[:TIMELINE_YEARS]
