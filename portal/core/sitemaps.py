"""What every section of the sitemap shares, and the reference records'
sections. Records come from `published()` only, so drafts and records scheduled
for later never appear (sources included); places have no workflow and every
one of them has a public page, so all are listed.

The sitemap is an index of sections (portal/opendata/sitemaps.py), one per
kind of page and language, each cut into pages of at most SITEMAP_SECTION_SIZE
addresses (the sitemap protocol allows 50,000). Each address names its
translations and an x-default, as before. Django's Sitemap would list every
language of every record in each section and load all of them to count and
cut them; here a section counts its records with one query and reads one page
of them with another, only the columns an address needs.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.utils.translation import get_language

from portal.core.datacache import cached
from portal.core.models import Organization, Person, Place, Source
from portal.core.siteurl import site_url

# Stands for a record's slug in its address, made once per language.
SLUG = "sitemap-slug-0"


class InLanguage:
    """(item, language) pairs, as Django's Sitemap pages them, over a QuerySet
    or list of items in one language: sliced lazily, so a page reads only its
    own rows, and counted with count()."""

    def __init__(self, items, language, count):
        self.items = items
        self.language = language
        self._count = count

    def count(self):
        return self._count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return [(item, self.language) for item in self.items[index]]


class I18nSitemap(Sitemap):
    # The addresses of one language (a section per language); each names its
    # translations and an x-default (the unprefixed address, which sends
    # readers to their browser's language).
    i18n = True
    alternates = True
    x_default = True

    def __init__(self, language=None, shared=None):
        self.language = language or settings.LANGUAGE_CODE
        # What the sections of every language compute alike, computed once per
        # request (the index asks every section) and kept under the token.
        self.memo = {} if shared is None else shared

    def shared(self, name, compute):
        key = (type(self).__name__, name)
        if key not in self.memo:
            self.memo[key] = cached(("sitemap", *key), compute)
        return self.memo[key]

    @property
    def limit(self):
        # Read when the section is paged, so tests can make it small.
        return settings.SITEMAP_SECTION_SIZE

    def _items(self):
        # Django pairs every item with every language here, in a list; one
        # language, paged lazily, is what a section lists.
        items = self.items()
        return InLanguage(items, self.language, lambda: self.count(items))

    def count(self, items):
        return len(items)

    # Addresses on the site's own (portal/core/siteurl.py), not the request's Host.

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme or super().get_protocol(protocol)

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc or super().get_domain(site)


class RecordSitemap(I18nSitemap):
    model = None

    def queryset(self):
        return self.model.objects.published()

    def items(self):
        # Only what an address and its date need: a page of 10,000 records
        # with every text in every language would be most of the time.
        return self.queryset().only("pk", "slug", "updated_at").order_by("pk")

    def summary(self):
        """How many records and the latest change, in one query."""
        return self.shared(
            "summary",
            lambda: self.queryset().aggregate(
                count=Count("pk"), latest=Max("updated_at")
            ),
        )

    def count(self, items):
        return self.summary()["count"]

    def location(self, item):
        # reverse() for every address and its alternates was most of a large
        # section's time: the record's address is made once per language,
        # by the model's own get_absolute_url(), and the slug put in it.
        language = get_language()
        addresses = self.__dict__.setdefault("_addresses", {})
        if language not in addresses:
            addresses[language] = self.model(slug=SLUG).get_absolute_url()
        return addresses[language].replace(SLUG, item.slug, 1)

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # The index's date for the section (Django's default reads every record).
        return self.summary()["latest"]


class PersonSitemap(RecordSitemap):
    model = Person


class OrganizationSitemap(RecordSitemap):
    model = Organization


class PlaceSitemap(RecordSitemap):
    model = Place

    def queryset(self):
        return Place.objects.all()


class SourceSitemap(RecordSitemap):
    model = Source
