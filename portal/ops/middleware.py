"""Request ids and Cross-Origin-Resource-Policy, for every response."""

import re
import uuid

from django.conf import settings

from portal.ops.logging import request_id

# An id from the proxy in front is kept only if it is short and plain, since it
# is echoed in a header and written to the logs.
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    """Names each request: the proxy's X-Request-ID if safe, else a new uuid4.
    Log lines written while answering carry it (portal.ops.logging) and the response
    echoes it in X-Request-ID, so a reader's report can be found in the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class CrossOriginResourcePolicyMiddleware:
    """Other sites may load the open API and the static files (CORS allows both
    already); every other response, the admin's included, stays same-origin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.shared = ("/api/", settings.STATIC_URL)

    def __call__(self, request):
        response = self.get_response(request)
        policy = (
            "cross-origin" if request.path.startswith(self.shared) else "same-origin"
        )
        response.setdefault("Cross-Origin-Resource-Policy", policy)
        return response
