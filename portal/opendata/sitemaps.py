"""/sitemap.xml: every public page, in every language, with its alternates.

Each app owns its section (events/sitemaps.py, projects/sitemaps.py, and the
reference records' in portal/core/sitemaps.py); this module puts them together
with the site-wide pages. Year pages are listed only for years with a published
event (other years are 404s).
"""

from django.contrib.sitemaps import views
from django.shortcuts import render
from django.urls import reverse

from events.sitemaps import AgreementSitemap, EventSitemap, YearSitemap
from portal.core.sitemaps import (
    I18nSitemap,
    OrganizationSitemap,
    PersonSitemap,
    PlaceSitemap,
    SourceSitemap,
)
from portal.core.siteurl import absolute_url
from portal.core.views import reads_query
from projects.sitemaps import ProjectSitemap


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


@reads_query("p")
def sitemap(request):
    """/sitemap.xml: Django's sitemap of SITEMAPS, which reads only its page
    number (?p=)."""
    return views.sitemap(request, SITEMAPS)


def robots_txt(request):
    """/robots.txt: crawl everything but the admin; the sitemap's address."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": absolute_url(reverse("sitemap"), request)},
        content_type="text/plain; charset=utf-8",
    )
