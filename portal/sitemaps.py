"""/sitemap.xml: every public page, in every language, with its alternates.

Records come from `published()` only, so drafts and records scheduled for later
never appear (sources included); places have no workflow and every one of them
has a public page, so all are listed. Year pages are listed only for years with a
published event (other years are 404s). Each section is one query.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.urls import reverse

from events.models import Agreement, Event
from projects.models import Project

from .models import Organization, Person, Place, Source
from .siteurl import absolute_url, site_url


class I18nSitemap(Sitemap):
    # One <url> per language, each naming the others and an x-default (the
    # unprefixed address, which sends readers to their browser's language).
    i18n = True
    alternates = True
    x_default = True

    # Addresses on the site's own (portal/siteurl.py), not the request's Host.

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


class EventSitemap(RecordSitemap):
    model = Event


class AgreementSitemap(RecordSitemap):
    model = Agreement


class ProjectSitemap(RecordSitemap):
    model = Project


class PersonSitemap(RecordSitemap):
    model = Person


class OrganizationSitemap(RecordSitemap):
    model = Organization


class PlaceSitemap(RecordSitemap):
    def items(self):
        return Place.objects.order_by("pk")


class SourceSitemap(RecordSitemap):
    model = Source


class StaticSitemap(I18nSitemap):
    """The site-wide pages and lists."""

    def items(self):
        return [
            "home",
            "events:list",
            "events:timeline",
            "agreements:list",
            "projects:list",
            "people:list",
            "organizations:list",
            "key-figures",
            "about",
        ]

    def location(self, item):
        return reverse(item)


class YearSitemap(I18nSitemap):
    """/events/<year>/ for every year with a published event."""

    def items(self):
        return [day.year for day in Event.objects.published().years()]

    def location(self, item):
        return reverse("events:year", args=[item])


SITEMAPS = {
    "pages": StaticSitemap,
    "years": YearSitemap,
    "events": EventSitemap,
    "agreements": AgreementSitemap,
    "projects": ProjectSitemap,
    "people": PersonSitemap,
    "organisations": OrganizationSitemap,
    "places": PlaceSitemap,
    "sources": SourceSitemap,
}


def robots_txt(request):
    """/robots.txt: crawl everything but the admin; the sitemap's address."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": absolute_url(reverse("sitemap"), request)},
        content_type="text/plain; charset=utf-8",
    )
