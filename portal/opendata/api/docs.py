"""The API's front door (/api/v1/) and its documentation page (/api/v1/docs/)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.renderers import JSONRenderer

from portal.core.siteurl import absolute_url
from portal.core.views import reads_query
from portal.opendata.api.errors import reads_only
from portal.opendata.downloads import content_disposition

ENDPOINTS = (
    ("events", "api:event-list"),
    ("agreements", "api:agreement-list"),
    ("projects", "api:project-list"),
    ("people", "api:person-list"),
    ("organisations", "api:organization-list"),
    ("places", "api:place-list"),
    ("indicators", "api:indicator-list"),
    ("sources", "api:source-list"),
)


@reads_only
@reads_query()
def index(request):
    """Where everything is: each endpoint, the schema and the documentation."""
    links = {name: absolute_url(reverse(view), request) for name, view in ENDPOINTS}
    links["schema"] = absolute_url(reverse("api:schema"), request)
    links["docs"] = absolute_url(reverse("api:docs"), request)
    return JsonResponse(links, json_dumps_params={"ensure_ascii": False})


@reads_only
@reads_query()
def docs(request):
    """Swagger UI, vendored, started by static/js/api-docs.js: no inline script,
    so the site's Content-Security-Policy holds here too."""
    return render(request, "api/docs.html")


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema, in YAML or (?format=json) JSON, its texts in ?lang=;
    an error (an unknown ?format=) in JSON, as every answer under /api/."""

    def perform_content_negotiation(self, request, force=False):
        if force:
            renderer = JSONRenderer()
            return renderer, renderer.media_type
        return super().perform_content_negotiation(request, force)

    # Not an operation of the schema it serves (its parent's get() says so
    # through the SERVE_INCLUDE_SCHEMA setting; an override must say it again).
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Its file name ("China–Azerbaijan … API.yaml") as RFC 6266 has it,
        # where drf-spectacular's header came out RFC 2047-encoded.
        version = self._get_version_parameter(request)
        # drf-spectacular takes the suffix from a forced negotiation, which
        # is JSON here (for errors): the suffix is the format answered.
        stem = self._get_filename(request, version).rsplit(".", 1)[0]
        name = f"{stem}.{request.accepted_renderer.format}"
        response["Content-Disposition"] = content_disposition(name, "inline")
        return response

    def handle_exception(self, exc):
        # A 405 (or any error) after the schema's YAML was chosen: JSON too.
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)


schema = reads_query("format", "lang")(SchemaView.as_view())
