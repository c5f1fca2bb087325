"""The sitemap: /sitemap.xml is an index (Django's sitemap index view) of
sections, one per kind of page and language (/sitemap-events-az.xml), each cut
into pages of at most SITEMAP_SECTION_SIZE addresses (?p=2…). Every address
names its translations and an x-default.

Each app owns its kinds (events/sitemaps.py, projects/sitemaps.py, and the
reference records' in portal/core/sitemaps.py); this module puts them together
with the site-wide pages. Year pages are listed only for years with a published
event (other years are 404s).

The index and each page of a section are built once per content token: the
index in the data cache (a few kilobytes), a section's page as a built file in
media (megabytes; portal/core/datacache.py), so neither is made again until the
content changes.
"""

import hashlib
from functools import partial

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from events.sitemaps import AgreementSitemap, EventSitemap, YearSitemap
from portal.core.datacache import StillBuilding, built_file, cached
from portal.core.sitemaps import (
    I18nSitemap,
    OrganizationSitemap,
    PersonSitemap,
    PlaceSitemap,
    SourceSitemap,
)
from portal.core.siteurl import absolute_url, site_url
from portal.core.views import open_data, reads_query
from portal.opendata.downloads import still_building
from projects.sitemaps import ProjectSitemap

XML = "application/xml"


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


KINDS = {
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

# "events-az": the Azerbaijani addresses of events. Made per request (the
# views call each), so no state is shared between requests.
SECTIONS = {
    f"{kind}-{code}": partial(sitemap, code)
    for kind, sitemap in KINDS.items()
    for code, _name in settings.LANGUAGES
}


def _robots_tag(response):
    # As Django's sitemap views say: the sitemap itself is not a page to index.
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@open_data
@reads_query()
def index(request):
    """/sitemap.xml: every page of every section, with its latest change."""

    def build():
        # The sections of every language share their counts and dates.
        shared = {}
        sections = {
            name: partial(make, shared=shared) for name, make in SECTIONS.items()
        }
        response = sitemap_views.index(
            request, sections, sitemap_url_name="sitemap-section"
        )
        # Django writes the request's Host in front of each section; the
        # site's address goes there (portal/core/siteurl.py).
        asked = f"{request.scheme}://{get_current_site(request).domain}"
        for entry in response.context_data["sitemaps"]:
            entry.location = site_url(request) + entry.location.removeprefix(asked)
        return response.render().content

    content = cached(("sitemap-index", site_url(request)), build)
    return _robots_tag(HttpResponse(content, content_type=XML))


@open_data
@reads_query("p")
def section(request, section):
    """/sitemap-<kind>-<language>.xml[?p=<page>]: one page of a section."""
    if section not in SECTIONS:
        raise Http404("No such sitemap section.")
    page = request.GET.get("p", "1")
    if not page.isascii() or not page.isdigit() or int(page) < 1:
        raise Http404("No such page of the sitemap section.")
    page = int(page)

    def build():
        response = sitemap_views.sitemap(request, SECTIONS, section=section)
        return response.render().content

    # Only the page number is read; any other parameter is the same file.
    request.GET = request.GET.copy()
    request.GET["p"] = str(page)
    # Per site address too (in development, each address it is asked at).
    site = hashlib.sha256(site_url(request).encode()).hexdigest()[:8]
    try:
        content = built_file(f"sitemap-{section}-{page}-{site}.xml", build)
    except StillBuilding:
        return still_building()
    return _robots_tag(HttpResponse(content, content_type=XML))


def robots_txt(request):
    """/robots.txt: crawl everything but the admin; the sitemap index's address."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": absolute_url(reverse("sitemap"), request)},
        content_type="text/plain; charset=utf-8",
    )
