"""The site's 404 for addresses under /api/: JSON, as the API answers its own
(`{"detail": …}`), where Django's would be the site's HTML page (an address no
route matches never reaches DRF)."""

from django.http import JsonResponse
from django.views.defaults import page_not_found
from rest_framework.exceptions import NotFound

API_PREFIX = "/api/"


def not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {"detail": str(NotFound.default_detail)},
            status=404,
            json_dumps_params={"ensure_ascii": False},
        )
    return page_not_found(request, exception)
