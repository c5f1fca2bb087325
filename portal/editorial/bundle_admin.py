"""The admin's records bundle import: upload → preview (what changes, which
new records look like existing ones) → the editor's answers → import, all or
nothing (portal/editorial/bundle.py, docs/bundle-format.md)."""

import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from portal.core.models import Status
from portal.editorial.bundle import (
    SECTIONS,
    BundleError,
    Importer,
    model_of,
    read,
    sections,
)
from portal.editorial.workbook import bundle_from_sheets, sheets_of


def read_within_limits(text):
    """The bundle in `text`, or BundleError: also when it holds more records
    than one request imports within the workers' timeout (BUNDLE_MAX_RECORDS,
    portal/settings.py), checked before anything is planned or written."""
    bundle = read(text)
    count = sum(len(records) for _name, _model, records in sections(bundle))
    limit = settings.BUNDLE_MAX_RECORDS
    if count > limit:
        raise BundleError(
            [
                ngettext(
                    "The bundle holds %(count)s record; the admin imports at most "
                    "%(limit)s records and %(size)s bytes at a time. Split it, or "
                    "import it with manage.py import_records.",
                    "The bundle holds %(count)s records; the admin imports at most "
                    "%(limit)s records and %(size)s bytes at a time. Split it, or "
                    "import it with manage.py import_records.",
                    count,
                )
                % {"count": count, "limit": limit, "size": settings.BUNDLE_MAX_BYTES}
            ]
        )
    return bundle


class BundleForm(forms.Form):
    file = forms.FileField(
        label=_("Records bundle"),
        help_text=_(
            "JSON, an .xlsx workbook or a .zip of CSV files (docs/bundle-format.md)."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publish the new records"),
        required=False,
        help_text=_(
            "Only for editors. Each record needs a citation with a quote, and "
            "each measure and observation its own. Otherwise new records are drafts."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.BUNDLE_MAX_BYTES:
            raise forms.ValidationError(
                gettext(
                    "The file is larger than %(size)s bytes; the admin imports at "
                    "most %(limit)s records and %(size)s bytes at a time. Split "
                    "it, or import it with manage.py import_records."
                )
                % {
                    "size": settings.BUNDLE_MAX_BYTES,
                    "limit": settings.BUNDLE_MAX_RECORDS,
                }
            )
        data = upload.read()
        try:
            if upload.name.lower().endswith((".xlsx", ".zip")):
                # A workbook travels on to the confirmation as the JSON it
                # reads as (docs/bundle-format.md, "As a spreadsheet").
                text = json.dumps(
                    bundle_from_sheets(sheets_of(upload.name, data)),
                    ensure_ascii=False,
                )
            else:
                text = data.decode("utf-8")
            self.bundle = read_within_limits(text)
        except UnicodeDecodeError:
            raise forms.ValidationError(
                gettext("The file is not UTF-8 text.")
            ) from None
        except BundleError as error:
            raise forms.ValidationError(error.errors) from None
        self.text = text
        return upload


def _models():
    return [model for _name, label in SECTIONS if (model := model_of(label))]


def may_import(user):
    return any(
        user.has_perm(f"{m._meta.app_label}.add_{m._meta.model_name}")
        for m in _models()
    )


def may_publish(user):
    return all(
        user.has_perm(f"{m._meta.app_label}.publish_{m._meta.model_name}")
        for m in _models()
        if hasattr(m, "published_at")
    )


def decisions_from(post, report):
    decisions = {}
    for record in report.duplicates:
        answer = post.get(f"decision-{record.slug}", "")
        if answer in ("create", "skip") or (
            answer.startswith("merge:") and answer[6:] in record.duplicates
        ):
            decisions[record.slug] = answer
    return decisions


def bundle_import(site, request):
    """Upload, preview, confirm. The file travels from the preview to the
    confirmation in the form (it is checked again there); nothing is written
    before the confirmation."""
    user = request.user
    if not may_import(user):
        raise PermissionDenied
    context = {**site.each_context(request), "title": _("Import a records bundle")}
    publish_allowed = may_publish(user)
    if request.method == "POST" and "confirm" in request.POST:
        text = request.POST.get("bundle", "")
        publish = publish_allowed and request.POST.get("publish") == "1"
        status = Status.PUBLISHED if publish else Status.DRAFT
        try:
            bundle = read_within_limits(text)
            planned = Importer(bundle, status=status, user=user, statuses=False).plan()
            decisions = decisions_from(request.POST, planned)
            report = Importer(
                bundle, status=status, user=user, decisions=decisions, statuses=False
            ).run()
        except BundleError as error:
            context.update(
                form=BundleForm(), errors=error.errors, publish_allowed=publish_allowed
            )
            return TemplateResponse(
                request, "admin/portal/records_bundle.html", context, status=400
            )
        messages.success(
            request, gettext("Records bundle imported: %s") % report.summary()
        )
        return redirect("admin:records-bundle")
    form = BundleForm(request.POST or None, request.FILES or None)
    context.update(form=form, publish_allowed=publish_allowed)
    if request.method == "POST" and form.is_valid():
        publish = publish_allowed and form.cleaned_data["publish"]
        status = Status.PUBLISHED if publish else Status.DRAFT
        try:
            report = Importer(
                form.bundle, status=status, user=user, statuses=False
            ).plan()
        except BundleError as error:
            context["errors"] = error.errors
            return TemplateResponse(
                request, "admin/portal/records_bundle.html", context, status=400
            )
        context.update(report=report, bundle_text=form.text, publish=publish)
    return TemplateResponse(request, "admin/portal/records_bundle.html", context)
