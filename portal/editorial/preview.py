"""A draft shown exactly as readers will see it once published: the record's
own public view and template, answered at a signed, expiring address
(portal/core/workflow.py preview_token) that the admin's "Preview" links give.

The page is never cached (`Cache-Control: no-store`), never indexed
(`X-Robots-Tag` and a robots meta tag) and lives outside the language prefix,
where neither the page cache nor the HTTP cache look. A link that is not one
of ours is a 404 and an expired one a 410, each with a page that says so."""

from django.conf import settings
from django.core import signing
from django.template.response import TemplateResponse
from django.urls import resolve
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portal.core import workflow

NOINDEX = b'<meta name="robots" content="noindex, nofollow">'


def _language(request):
    wanted = request.GET.get("lang", "")
    codes = [code for code, _name in settings.LANGUAGES]
    if wanted in codes:
        return wanted
    current = translation.get_language()
    return current if current in codes else codes[0]


def _refused(request, status, message):
    response = TemplateResponse(
        request,
        "admin/portal/preview_refused.html",
        {"message": message, "status": status},
        status=status,
    )
    return _private(response)


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
def preview(request, token):
    try:
        record = workflow.previewed_record(token)
    except signing.SignatureExpired:
        return _refused(
            request,
            410,
            _(
                "This preview link has expired. Open the record in the admin "
                "for a new one."
            ),
        )
    except (signing.BadSignature, LookupError):
        return _refused(
            request,
            404,
            _("This preview link is not valid, or its record has been deleted."),
        )
    language = _language(request)
    with translation.override(language):
        match = resolve(record.get_absolute_url())
        # The record's view reads this record too, whatever its status
        # (portal/core/views.py PublishedMixin); every other record on the page
        # only if readers may see it.
        request.preview_record = record
        request.LANGUAGE_CODE = language
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    if response.status_code == 200 and b"</head>" in response.content:
        response.content = response.content.replace(
            b"</head>", NOINDEX + b"\n</head>", 1
        )
    return _private(response)
