from django.urls import include, path
from rest_framework.routers import SimpleRouter

from portal.opendata.api import docs, views

app_name = "api"

router = SimpleRouter()
router.register("events", views.EventViewSet, basename="event")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("people", views.PersonViewSet, basename="person")
router.register("organisations", views.OrganizationViewSet, basename="organization")
router.register("places", views.PlaceViewSet, basename="place")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("sources", views.SourceViewSet, basename="source")

urlpatterns = [
    path("", docs.index, name="index"),
    path("schema/", docs.schema, name="schema"),
    path("docs/", docs.docs, name="docs"),
    path("", include(router.urls)),
]
