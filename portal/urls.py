from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from events import feeds as event_feeds
from events.urls import agreement_patterns
from portal.editorial import corrections, preview
from portal.opendata import calendar, dataset, downloads, sitemaps
from portal.ops import health
from portal.site import key_figures, maps, search, views
from projects import feeds as project_feeds

people_patterns = (
    [
        path("", views.PersonListView.as_view(), name="list"),
        path("<slug:slug>/", views.PersonDetailView.as_view(), name="detail"),
    ],
    "people",
)
organization_patterns = (
    [
        path("", views.OrganizationListView.as_view(), name="list"),
        path("<slug:slug>/", views.OrganizationDetailView.as_view(), name="detail"),
    ],
    "organizations",
)

# Probes for load balancers, outside the language prefix; HealthCheckMiddleware
# answers them first, whatever the Host (portal/ops/health.py).
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
# Public pages carry their language: /en/…, /az/…, /zh-hans/…; "/" redirects by
# the browser's Accept-Language (LocaleMiddleware), falling back to English.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("map.geojson", maps.site_geojson, name="map"),
    path("map/<str:kind>/<slug:slug>.geojson", maps.record_geojson, name="map-record"),
    # The full map of every published event and project, grouped by place.
    path("map/", maps.map_page, name="map-page"),
    path("map/places.geojson", maps.full_geojson, name="map-page-data"),
    # Feeds and the calendar before the lists' includes; they take the lists'
    # filters in their query strings.
    path("events/feed/rss/", event_feeds.EventRssFeed(), name="event-feed-rss"),
    path("events/feed/atom/", event_feeds.EventAtomFeed(), name="event-feed-atom"),
    path("events/calendar.ics", calendar.events_ics, name="event-calendar"),
    path("projects/feed/rss/", project_feeds.ProjectRssFeed(), name="project-feed-rss"),
    path(
        "projects/feed/atom/", project_feeds.ProjectAtomFeed(), name="project-feed-atom"
    ),
    # "Download these results" of each list, and every published record at once.
    path("download/<str:kind>.<str:fmt>", downloads.list_download, name="download"),
    path("data/portal-dataset.zip", dataset.dataset, name="dataset"),
    path("events/", include("events.urls")),
    path("agreements/", include(agreement_patterns)),
    path("projects/", include("projects.urls")),
    path("people/", include(people_patterns)),
    path("organisations/", include(organization_patterns)),
    path("places/<slug:slug>/", views.place_detail, name="place-detail"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("key-figures/", views.key_figures, name="key-figures"),
    path("key-figures/<slug:slug>/", key_figures.key_figure, name="key-figure"),
    path("search/", search.search, name="search"),
    path("about/", views.about, name="about"),
    path(
        "suggest-correction/<str:kind>/<slug:slug>/",
        corrections.suggest_correction,
        name="suggest-correction",
    ),
    path(
        "suggest-correction/<str:kind>/<slug:slug>/sent/",
        corrections.correction_sent,
        name="correction-sent",
    ),
)
urlpatterns += [
    # ADMIN_PATH: "admin/" unless the installation chose its own.
    path(settings.ADMIN_PATH, admin.site.urls),
    # A draft as readers will see it, at a signed, expiring address (the
    # admin's "Preview" links); outside the language prefix, never cached.
    path("preview/<str:token>/", preview.preview, name="record-preview"),
    # The JSON API carries its language in ?lang= or Accept-Language, not the path.
    path("api/v1/", include("portal.opendata.api.urls")),
    # The sitemap index, and its sections: one per kind of page and language,
    # each <url> naming its translations.
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.section, name="sitemap-section"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]

# Under /api/ a JSON 404, as the API's own; elsewhere the site's page.
handler404 = "portal.opendata.api.errors.not_found"
# A database outage raised inside a middleware is a 503 too; any other error a 500.
handler500 = "portal.ops.faults.server_error"
