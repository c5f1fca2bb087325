from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("timeline/", views.timeline, name="timeline"),
    # Before the slugs: a four-digit year is an archive, never an event.
    path("<int:year>/", views.EventYearView.as_view(), name="year"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]

# Mounted at /agreements/ under the "agreements" namespace by portal/urls.py.
agreement_patterns = (
    [
        path("", views.AgreementListView.as_view(), name="list"),
        path("<slug:slug>/", views.AgreementDetailView.as_view(), name="detail"),
    ],
    "agreements",
)
