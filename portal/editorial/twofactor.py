"""Two-factor sign-in to the admin: a password, then a code from an authenticator
app (TOTP, django-otp).

An editor who has set up an app must give its code at every sign-in. With
REQUIRE_2FA on, every staff account must have one: after the password, an
editor without an app is sent to the set-up page, and the admin stays closed to
them until they confirm a first code. With it off, setting one up is a choice
each editor makes on the same page (linked from the admin's home page).

Wrong codes are slowed down by django-otp (each one doubles the wait before the
next is checked, OTP_TOTP_THROTTLE_FACTOR seconds first) and, at sign-in, count
as failed sign-ins for django-axes's lock-out. At sign-in a missing or wrong
code is answered exactly as a wrong password is (the same message, form and
status), so the form never confirms a password to someone without the code.
The account's slow-down and the browser it signed in with are
portal/editorial/signin.py's.
"""

import base64
from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.editorial.signin import known_device, set_device_cookie, slowdown_wait


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def _has_device(request):
    # Asked on every admin page of an unverified session: once per request and
    # user (signing in changes the user mid-request).
    cached = getattr(request, "_portal_has_otp_device", None)
    if cached is None or cached[0] != request.user.pk:
        exists = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
        cached = request._portal_has_otp_device = (request.user.pk, exists)
    return cached[1]


def _staff(user):
    return user.is_active and user.is_staff


def _verified(user):
    # OTPMiddleware's user.is_verified(), also for the user object that signing
    # in has just put on the request, which the middleware never saw.
    return getattr(user, "otp_device", None) is not None


def needs_enrolment(request):
    """A signed-in staff member whom REQUIRE_2FA sends to set up an app first."""
    user = request.user
    return (
        settings.REQUIRE_2FA
        and user.is_authenticated
        and _staff(user)
        and not _verified(user)
        and not _has_device(request)
    )


def _token_field():
    return forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


def _check_token(device, token):
    """None when `token` is the device's current code, else the error to show."""
    with transaction.atomic():
        # Locked, so two requests cannot both use one failure count.
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _extra = device.verify_is_allowed()
        if not allowed:
            return _(
                "Too many wrong codes in a row. Wait a moment, then try the "
                "newest code."
            )
        if not device.verify_token(token):
            return _("That code is not right. Try the newest code from your app.")
    return None


class SignInForm(AdminAuthenticationForm):
    """The admin's sign-in form, with the app's code for those who have one."""

    otp_token = _token_field()
    otp_token.required = False
    otp_token.help_text = _("Only if you have set up two-factor sign-in.")

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        # One message for a wrong password and for a missing or wrong code.
        "invalid_login": _(
            "Please enter the correct %(username)s and password for a staff "
            "account, and the code from your authenticator app if you have set "
            "one up. Note that the fields may be case-sensitive."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username:
            self._wait_for_slowdown(username)
        cleaned_data = super().clean()
        user = self.get_user()
        device = confirmed_device(user)
        if device is None:
            return cleaned_data
        token = cleaned_data.get("otp_token")
        if not token or _check_token(device, token):
            # A right password without the right code is a failed sign-in:
            # django-axes counts it, and the form says what it says to a wrong
            # password, so the password is not confirmed.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": user.get_username()},
                request=self.request,
            )
            raise self.get_invalid_login_error()
        # django-otp's user_logged_in receiver marks the session verified.
        user.otp_device = device
        return cleaned_data

    def _wait_for_slowdown(self, username):
        """Refuses, unchecked, a sign-in to an account that is slowed down,
        unless the browser signed in to it before (portal/editorial/signin.py)."""
        if AxesProxyHandler.is_locked(self.request, {"username": username}):
            # This address is locked out of this account: axes refuses the
            # sign-in, with its lock-out page.
            return
        wait = slowdown_wait(username)
        if not wait or known_device(self.request, username):
            return
        # The sign-in view answers 429 with Retry-After.
        self.request.portal_signin_wait = wait
        raise forms.ValidationError(
            ngettext(
                "This account has had too many failed sign-ins lately. Wait "
                "%(seconds)s second, then sign in again.",
                "This account has had too many failed sign-ins lately. Wait "
                "%(seconds)s seconds, then sign in again.",
                wait,
            )
            % {"seconds": wait},
            code="slowed_down",
        )


class EnrolForm(forms.Form):
    otp_token = _token_field()

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        error = _check_token(self.device, token)
        if error:
            raise forms.ValidationError(error, code="invalid_token")
        return token


def qr_code_data_uri(text):
    """`text` as a QR code: an SVG image in a data: URI, for an <img>."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _secret_groups(device):
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class PortalAdminSite(admin.AdminSite):
    """The admin (django.contrib.admin's default site, see portal/apps.py) with
    two-factor sign-in."""

    login_form = SignInForm
    login_template = "admin/portal/login.html"
    # The portal's name rather than "Django administration" (the same words as
    # the public site's header, already translated).
    site_header = _("China–Azerbaijan Relations Portal")
    site_title = _("China–Azerbaijan Relations Portal")
    index_title = _("Editors' dashboard")

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        if _verified(request.user):
            return True
        # Not signed in with a code: enough only when no code is required of
        # this editor, by the installation or by their own choice.
        return not settings.REQUIRE_2FA and not _has_device(request)

    def login(self, request, extra_context=None):
        response = super().login(request, extra_context)
        signed_in = (
            request.method == "POST"
            and response.status_code == 302
            and request.user.is_authenticated
        )
        if needs_enrolment(request):
            response = redirect(self._enrol_url(request))
        if signed_in:
            # The browser that got in: let past the account's slow-down.
            set_device_cookie(response, request.user.get_username())
        wait = getattr(request, "portal_signin_wait", 0)
        if wait:
            response.status_code = 429
            response["Retry-After"] = str(wait)
        return response

    def _enrol_url(self, request):
        url = reverse("admin:two-factor", current_app=self.name)
        next_url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(
            REDIRECT_FIELD_NAME
        )
        if next_url and url_has_allowed_host_and_scheme(
            next_url,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            return f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
        return url

    def get_urls(self):
        # Reached by editors the admin itself does not let in yet (REQUIRE_2FA
        # and no app), so not wrapped in admin_view: it checks who asks itself.
        view = sensitive_post_parameters("otp_token")(self.two_factor)
        return [
            path("two-factor/", never_cache(csrf_protect(view)), name="two-factor"),
            # Signing out needs no admin rights: an editor sent to set up an app
            # may still leave. (Django's LogoutView takes only a POST with CSRF.)
            path("logout/", never_cache(self.logout), name="logout"),
            path(
                "records-bundle/",
                self.admin_view(self.records_bundle),
                name="records-bundle",
            ),
            *super().get_urls(),
        ]

    def records_bundle(self, request):
        from portal.editorial.bundle_admin import bundle_import

        return bundle_import(self, request)

    def two_factor(self, request):
        """Set up an authenticator app: a QR code, its secret, a first code."""
        user = request.user
        login_url = reverse("admin:login", current_app=self.name)
        if not (user.is_authenticated and _staff(user)):
            return redirect_to_login(request.get_full_path(), login_url)
        context = {
            **self.each_context(request),
            "title": _("Two-factor sign-in"),
            "required": settings.REQUIRE_2FA,
        }
        if confirmed_device(user) is not None:
            if not _verified(user):
                # Has an app but signed in without it: only its code lets in.
                return redirect_to_login(request.get_full_path(), login_url)
            context["enabled"] = True
            return TemplateResponse(request, "admin/portal/two_factor.html", context)

        # The same secret until it is confirmed, so reloading the page keeps the
        # QR code the editor may already have scanned.
        device = TOTPDevice.objects.filter(
            user=user, confirmed=False
        ).first() or TOTPDevice.objects.create(
            user=user, confirmed=False, name="Authenticator app"
        )
        form = EnrolForm(request.POST or None, device=device)
        if request.method == "POST" and form.is_valid():
            device.refresh_from_db()
            device.confirmed = True
            device.save()
            # A session that gains rights gets a new id.
            request.session.cycle_key()
            otp_login(request, device)
            return redirect(self._next_url(request))
        context.update(
            {
                "form": form,
                "qr_code": qr_code_data_uri(device.config_url),
                "secret": _secret_groups(device),
            }
        )
        return TemplateResponse(request, "admin/portal/two_factor.html", context)

    def _next_url(self, request):
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if url_has_allowed_host_and_scheme(
            next_url,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            return next_url
        return reverse("admin:index", current_app=self.name)
