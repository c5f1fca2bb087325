"""The portal's addresses plus /bench/floor: a minimal Django view, answered
through the same middleware as every page, which renders no template and reads
no database. Its speed is the floor of what Django itself costs per request."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler500
from portal.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor), *portal_urlpatterns]
