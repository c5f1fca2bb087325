"""The sign-in form's protection beyond django-axes's lock-out: a slow-down per
account, the browser an editor signed in with, and the lock-out page.

Why not django-axes alone: it locks what it is told to count. Locking an
account after five failures from anywhere lets anyone keep an editor out for
as long as they keep trying; locking only an address (or the address and the
account together, which is what axes does here) lets a network of addresses
guess one account's password without end. OWASP's answer for accounts is to
slow them down instead of locking them, and to let the browser an editor has
signed in with before past the slow-down (a "device cookie"); axes has neither.

- Slow-down: once an account has had AXES_FAILURE_LIMIT failures within
  AXES_COOLOFF_TIME, counted from every address (axes's own records), its
  password is checked again only 1, 2, 4… seconds after its last failure, at
  most SIGNIN_SLOWDOWN_MAX_SECONDS. A try during the wait is refused (429)
  without checking anything, so it neither counts nor holds a worker; it does
  not push the wait on either, so no one can keep an account closed.
- Device cookie: a successful sign-in sets a signed cookie naming the account.
  Brought back with that account's name, it lets its browser past the wait,
  AXES_FAILURE_LIMIT times per cool-off (counted per cookie in the limits
  store), so a stolen cookie is no way round the slow-down either.
"""

import math
import secrets
from datetime import timedelta

from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.core import signing
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from portal.ops.limits.store import Rate, hit
from portal.ops.security import client_key

DEVICE_SALT = "portal.editorial.signin.device"


def slowdown_wait(username):
    """Whole seconds before `username`'s password may be checked again; 0 now."""
    now = timezone.now()
    recent = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=now - settings.AXES_COOLOFF_TIME
    ).aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    over = (recent["failures"] or 0) - settings.AXES_FAILURE_LIMIT
    if over < 0:
        return 0
    delay = min(2 ** min(over, 30), settings.SIGNIN_SLOWDOWN_MAX_SECONDS)
    left = (recent["last"] + timedelta(seconds=delay) - now).total_seconds()
    return max(0, math.ceil(left))


def set_device_cookie(response, username):
    """Marks the browser that has just signed in as `username`."""
    value = signing.dumps(
        {"user": username, "id": secrets.token_urlsafe(12)}, salt=DEVICE_SALT
    )
    response.set_cookie(
        settings.SIGNIN_DEVICE_COOKIE_NAME,
        value,
        max_age=settings.SIGNIN_DEVICE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE or None,
        httponly=True,
        # Sent with the sign-in form's own posts only, never from another site.
        samesite="Strict",
    )


def _device_id(request, username):
    value = request.COOKIES.get(settings.SIGNIN_DEVICE_COOKIE_NAME)
    if not value:
        return None
    try:
        device = signing.loads(
            value, salt=DEVICE_SALT, max_age=settings.SIGNIN_DEVICE_COOKIE_AGE
        )
    except signing.BadSignature:
        return None
    if not isinstance(device, dict) or device.get("user") != username:
        return None
    return device.get("id")


def known_device(request, username):
    """Whether this browser signed in as `username` before and may use that,
    once more, to pass the slow-down."""
    device = _device_id(request, username)
    if device is None:
        return False
    cool_off = int(settings.AXES_COOLOFF_TIME.total_seconds())
    return hit(
        "signin-device", device, Rate(settings.AXES_FAILURE_LIMIT, cool_off)
    ).allowed


def lockout_response(request, original_response=None, credentials=None):
    """django-axes's answer to a locked address and account (the callable
    AXES_LOCKOUT_CALLABLE names): the lock-out page, saying how long is left,
    with Retry-After."""
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None) or client_key(request)
    last = AccessAttempt.objects.filter(
        username=username, ip_address=address or None
    ).aggregate(last=Max("attempt_time"))["last"]
    ends = (last or timezone.now()) + settings.AXES_COOLOFF_TIME
    seconds = max(1, math.ceil((ends - timezone.now()).total_seconds()))
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": math.ceil(seconds / 60),
    }
    response = render(
        request,
        "admin/portal/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(seconds)
    return response
