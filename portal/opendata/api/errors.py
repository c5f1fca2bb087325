"""Errors under /api/ in JSON, as the API answers its own (`{"detail": …}`),
where Django's would be the site's HTML pages: the 404 of an address no route
matches (it never reaches DRF), and the 405 of the API's own plain views."""

from functools import wraps

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.defaults import page_not_found
from rest_framework.exceptions import MethodNotAllowed, NotFound

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")

API_PREFIX = "/api/"


def not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {"detail": str(NotFound.default_detail)},
            status=404,
            json_dumps_params={"ensure_ascii": False},
        )
    return page_not_found(request, exception)


def reads_only(view):
    """GET, HEAD and OPTIONS; any other method a JSON 405 (not a CSRF page:
    nothing here changes anything)."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            response = JsonResponse(
                {"detail": str(MethodNotAllowed(request.method).detail)}, status=405
            )
            response["Allow"] = ", ".join(SAFE_METHODS)
            return response
        return view(request, *args, **kwargs)

    return wrapped
