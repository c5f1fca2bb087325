"""What every RSS 2.0 and Atom 1.0 feed shares; each app has its own feeds
(events/feeds.py, projects/feeds.py).

A feed follows the same filters as its list (`/en/events/feed/rss/?type=talks`
lists what `/en/events/?type=talks` lists), in the reader's language, newest
publication first, each entry fetched as the list fetches its rows (the model's
`for_list()`). A filter value the list's FilterSet refuses is a 400 that says
which (portal/core/filtering.py), never a 500. Drafts and records scheduled for
later never appear: every feed starts from `published()`.

Titles are plain text. Summaries are HTML, which feed readers expect there
(RSS descriptions, Atom summaries of type "html"): the summary with only "&",
"<" and ">" escaped, so no markup gets through and apostrophes and quotes read
as written even in a reader that shows the HTML source ("Azerbaijan's", never
"Azerbaijan&#x27;s"). The XML writer escapes each once more for XML.
"""

import html
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django_filters import FilterSet

from portal.core import filtering
from portal.core.siteurl import absolute_url

# How many entries a feed carries: readers poll often, so the newest suffice.
FEED_SIZE = 50


@dataclass
class FeedRequest:
    filterset: FilterSet
    request: HttpRequest
    query: str


class FilteredFeed(Feed):
    """A feed of `model`'s published records that `filterset_class` keeps.

    Feed instances are shared by every request, so per-request state (the
    filters) travels as the feed's `obj`, never on `self`.
    """

    model = None
    filterset_class = None
    list_url_name = None
    # Any site's browser code may read it (portal.core.views.open_data).
    open_data = True

    def __call__(self, request, *args, **kwargs):
        filterset = filtering.bind(
            self.filterset_class, request, self.model.objects.published().for_list()
        )
        if not filterset.is_valid():
            return filtering.bad_filters_text(filterset)
        return super().__call__(request, filterset=filterset)

    def get_object(self, request, filterset):
        return FeedRequest(filterset, request, filtering.query_suffix(request.GET))

    # Links are absolute on the site's address (portal/core/siteurl.py): Feed would
    # put the request's Host in front of a path.

    def link(self, obj):
        # The list these entries come from, with the same filters.
        return absolute_url(reverse(self.list_url_name) + obj.query, obj.request)

    def feed_url(self, obj):
        return absolute_url(obj.request.path + obj.query, obj.request)

    def items(self, obj):
        newest = obj.filterset.qs.order_by("-published_at", "-pk")
        items = list(newest[:FEED_SIZE])
        home = self.author_link(obj)
        for item in items:
            # Absolute, for the guid too (Feed makes only links absolute).
            item.feed_url = absolute_url(item.get_absolute_url(), obj.request)
            item.author_url = home
        return items

    # RFC 4287 §4.1.1 and §4.1.2: an Atom feed and each of its entries name
    # an author. The records are the portal's editorial work, published under
    # its name (no editor's name leaves the admin); RSS items name it in
    # dc:creator (RSS 2.0's <author> is an email address, and there is none).

    def author_name(self, obj):
        return _("China–Azerbaijan Relations Portal")

    def author_link(self, obj):
        return absolute_url(reverse("home"), obj.request)

    def item_author_name(self, item):
        return _("China–Azerbaijan Relations Portal")

    def item_author_link(self, item):
        return item.author_url

    def item_link(self, item):
        return item.feed_url

    def item_title(self, item):
        # Plain text (Django's default escapes titles a second time, which
        # readers then show as "&#x27;"); the XML writer escapes it once.
        return item.title

    def item_description(self, item):
        # HTML that reads as the text ("R&D <2025>"); quotes need no escaping
        # in HTML text, and escaped they showed as "&#x27;" (see the module doc).
        return html.escape(item.summary, quote=False)

    def item_guid(self, item):
        # The record's address: stable, since a published slug never changes.
        return item.feed_url

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
