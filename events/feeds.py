"""RSS and Atom feeds of the newest published events, with the events list's
filters (portal/core/feeds.py says how every feed works)."""

from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from events.filters import EventFilter
from events.models import Event
from portal.core.feeds import AtomMixin, FilteredFeed


class EventFeed(FilteredFeed):
    model = Event
    filterset_class = EventFilter
    list_url_name = "events:list"

    def title(self, obj):
        return _("China–Azerbaijan Relations: events")

    def description(self, obj):
        return _("The newest events recorded by the China–Azerbaijan Relations Portal.")

    def item_categories(self, item):
        return [item.get_kind_display()]


class EventRssFeed(EventFeed):
    feed_type = Rss201rev2Feed


class EventAtomFeed(AtomMixin, EventFeed):
    pass
