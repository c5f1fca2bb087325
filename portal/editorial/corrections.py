"""The "Suggest a correction" form every public record page links to.

A reader needs no account. What they send becomes a Correction for the editors
and is never shown on the site. Two cheap guards keep spam out: a honeypot field
that people leave empty and form-filling robots do not, and a per-address limit
on how often the form may be sent.
"""

from django import forms
from django.apps import apps
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from portal.core.views import reads_query
from portal.editorial.models import CORRECTABLE, Correction, sender_fingerprint
from portal.ops.limits.store import Rate, hit
from portal.ops.security import client_ip, client_key

# Posts per client (an address; an IPv6 /64), counted in the limits store every
# server process shares (portal/ops/limits/store.py).
DEFAULT_RATE = "5/h"


class CorrectionForm(forms.Form):
    message = forms.CharField(
        label=_("What is wrong, and what is right?"),
        help_text=_(
            "Say which fact is wrong and, if you can, where the correct information "
            "has been published."
        ),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"), max_length=200, required=False
    )
    email = forms.EmailField(
        label=_("Your email (optional)"),
        help_text=_(
            "Only the editors see it, and only to ask you about this correction."
        ),
        required=False,
    )
    # The honeypot. People never see it (CSS moves it off screen, and it is out of
    # the tab order); screen readers do, so its label tells them to leave it empty.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self):
        return bool(self.data.get("website"))


def _target(kind, slug):
    """The published record the reader wants to correct; 404 for anything else."""
    if kind not in CORRECTABLE:
        raise Http404
    model = apps.get_model(CORRECTABLE[kind])
    return get_object_or_404(model.objects.published(), slug=slug)


def _context(kind, record):
    # People and organisations have a name; the other records have a title.
    title_field = "name" if kind in {"person", "organization"} else "title"
    return {"record": record, "kind": kind, "title_field": title_field}


def _count_post(request):
    # Counts every POST, robots' included: a flood is stopped whatever it sends.
    rate = Rate.parse(getattr(settings, "CORRECTIONS_RATE", DEFAULT_RATE))
    return hit("corrections", client_key(request), rate)


def _file(form, record, request):
    return Correction.objects.create(
        content_object=record,
        message=form.cleaned_data["message"],
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        language=get_language() or "",
        sender=sender_fingerprint(client_ip(request)),
    )


# The form page carries a CSRF token, so no cache may keep it; the record pages
# that link here stay cacheable because the form is not on them.
@never_cache
@reads_query()
def suggest_correction(request, kind, slug):
    record = _target(kind, slug)
    context = _context(kind, record)
    if request.method != "POST":
        context["form"] = CorrectionForm()
        return render(request, "portal/correction_form.html", context)

    form = CorrectionForm(request.POST)
    context["form"] = form
    verdict = _count_post(request)
    if not verdict.allowed:
        # The reader's text stays in the form, so waiting does not cost them it.
        context["limited"] = True
        response = render(request, "portal/correction_form.html", context, status=429)
        response["Retry-After"] = str(verdict.retry_after)
        return response
    if form.is_spam():
        # Looks like success, so a robot learns nothing; nothing is stored.
        return redirect("correction-sent", kind=kind, slug=slug)
    if not form.is_valid():
        return render(request, "portal/correction_form.html", context)
    _file(form, record, request)
    return redirect("correction-sent", kind=kind, slug=slug)


@reads_query()
def correction_sent(request, kind, slug):
    record = _target(kind, slug)
    return render(request, "portal/correction_thanks.html", _context(kind, record))
