from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from events.urls import agreement_patterns

from . import corrections, maps, search, views

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

# Public pages carry their language: /en/…, /az/…, /zh-hans/…; "/" redirects by
# the browser's Accept-Language (LocaleMiddleware), falling back to English.
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path("map.geojson", maps.site_geojson, name="map"),
    path("map/<str:kind>/<slug:slug>.geojson", maps.record_geojson, name="map-record"),
    path("events/", include("events.urls")),
    path("agreements/", include(agreement_patterns)),
    path("projects/", include("projects.urls")),
    path("people/", include(people_patterns)),
    path("organisations/", include(organization_patterns)),
    path("places/<slug:slug>/", views.place_detail, name="place-detail"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("key-figures/", views.key_figures, name="key-figures"),
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
urlpatterns += [path("admin/", admin.site.urls)]
