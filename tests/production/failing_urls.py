"""The site's URLs plus /boom/, a view that fails, for what errors log."""

from django.urls import path

from portal import urls as site


def boom(request):
    raise RuntimeError("the view failed")


urlpatterns = [path("boom/", boom), *site.urlpatterns]
handler500 = getattr(site, "handler500", "django.views.defaults.server_error")
