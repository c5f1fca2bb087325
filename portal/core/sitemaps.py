"""What every section of /sitemap.xml shares, and the reference records'
sections. Records come from `published()` only, so drafts and records scheduled
for later never appear (sources included); places have no workflow and every
one of them has a public page, so all are listed. Each section is one query."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap

from portal.core.models import Organization, Person, Place, Source
from portal.core.siteurl import site_url


class I18nSitemap(Sitemap):
    # One <url> per language, each naming the others and an x-default (the
    # unprefixed address, which sends readers to their browser's language).
    i18n = True
    alternates = True
    x_default = True

    # Addresses on the site's own (portal/core/siteurl.py), not the request's Host.

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme or super().get_protocol(protocol)

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc or super().get_domain(site)


class RecordSitemap(I18nSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PersonSitemap(RecordSitemap):
    model = Person


class OrganizationSitemap(RecordSitemap):
    model = Organization


class PlaceSitemap(RecordSitemap):
    def items(self):
        return Place.objects.order_by("pk")


class SourceSitemap(RecordSitemap):
    model = Source
