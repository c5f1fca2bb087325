"""Two-factor sign-in (portal/editorial/twofactor.py): a code from an authenticator app
after the password, required of editors who set one up, and of every editor
when REQUIRE_2FA is on."""

import base64
import datetime
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.editorial.signin.conftest import sign_in, signed_in

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
ENROL = "admin:two-factor"


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA = True


@pytest.fixture
def phone(dora):
    """Dora's authenticator app, set up and confirmed."""
    return TOTPDevice.objects.create(user=dora, name="phone", confirmed=True)


def code(device):
    """The code the app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def wrong(device):
    return f"{(int(code(device)) + 1) % 1_000_000:06d}"


def errors(response):
    return " ".join(re.findall(r'class="errornote">\s*(.*?)\s*<', response.text))


# --- REQUIRE_2FA on ------------------------------------------------------------


def test_a_password_alone_does_not_open_the_admin(client, dora, required, clock):
    response = sign_in(client)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse(ENROL))
    index = client.get(reverse("admin:index"))
    assert index.status_code == 302
    assert index["Location"].startswith(reverse("admin:login"))
    # The sign-in page sends a signed-in editor without an app on to set one up.
    assert client.get(index["Location"])["Location"].startswith(reverse(ENROL))
    assert client.get(reverse("admin:events_event_changelist")).status_code == 302


def test_the_right_code_lets_in(client, dora, phone, required, clock):
    response = sign_in(client, token=code(phone))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert signed_in(client)


def test_a_missing_code_is_refused(client, dora, phone, required, clock):
    response = sign_in(client)

    assert response.status_code == 200
    assert "the code from your authenticator app" in errors(response)
    assert not signed_in(client)


def test_a_wrong_code_is_refused(client, dora, phone, required, clock):
    response = sign_in(client, token=wrong(phone))

    assert response.status_code == 200
    assert "the code from your authenticator app" in errors(response)
    assert not signed_in(client)


def answer(response):
    """What the sign-in page tells its reader: status, message and form (the
    CSRF token aside, which is new on every page)."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.text)
    return response.status_code, errors(response), page


def test_a_right_password_without_its_code_reads_as_a_wrong_password(
    client, dora, phone, required, clock
):
    wrong_password = sign_in(client, password="wrong")
    clock.shift(datetime.timedelta(minutes=1))
    right_password = sign_in(client)

    assert answer(right_password) == answer(wrong_password)
    assert not signed_in(client)


def test_a_right_password_with_a_wrong_code_reads_as_a_wrong_password(
    client, dora, phone, required, clock
):
    token = wrong(phone)
    wrong_password = sign_in(client, password="wrong", token=token)
    clock.shift(datetime.timedelta(minutes=1))
    right_password = sign_in(client, token=token)

    assert answer(right_password) == answer(wrong_password)
    assert not signed_in(client)


def test_a_right_password_without_its_code_counts_as_a_failed_sign_in(
    client, dora, phone, clock
):
    # Or five of them would show, by the missing lock-out, that it was right.
    statuses = []
    for _ in range(5):
        statuses.append(sign_in(client).status_code)
        clock.shift(datetime.timedelta(minutes=1))
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(client, token=code(phone)).status_code == 429


def test_a_code_cannot_be_used_twice(client, dora, phone, required, clock):
    used = code(phone)
    assert sign_in(client, token=used).status_code == 302
    client.logout()
    assert sign_in(client, token=used).status_code == 200
    assert not signed_in(client)


def test_wrong_codes_are_slowed_down(client, dora, phone, required, clock, settings):
    assert settings.OTP_TOTP_THROTTLE_FACTOR == 1
    sign_in(client, token=wrong(phone))

    # Within a second of a wrong code even the right one is not checked (and
    # the answer is a failed sign-in's, like any other).
    response = sign_in(client, token=code(phone))
    assert response.status_code == 200
    assert "the code from your authenticator app" in errors(response)
    assert not signed_in(client)

    clock.shift(datetime.timedelta(seconds=1))
    assert sign_in(client, token=code(phone)).status_code == 302


def test_wrong_codes_count_towards_the_lock_out(client, dora, phone, required, clock):
    statuses = []
    for _ in range(5):
        statuses.append(sign_in(client, token=wrong(phone)).status_code)
        clock.shift(datetime.timedelta(minutes=1))  # past django-otp's delay
    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(client, token=code(phone)).status_code == 429


# --- Setting up an app -----------------------------------------------------------


def enrol_page(client):
    response = client.get(reverse(ENROL))
    assert response.status_code == 200
    return response


def test_setting_up_an_app_then_signing_in_with_it(client, dora, required, clock):
    sign_in(client)
    before = client.session.session_key
    page = enrol_page(client)

    device = TOTPDevice.objects.get(user=dora, confirmed=False)
    # The QR code: an SVG in a data: URI (no inline script or style needed).
    uri = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', page.text).group(1)
    assert base64.b64decode(uri).lstrip().startswith((b"<?xml", b"<svg"))
    # The key for typing in, in groups of four.
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page.text).group(1)
    assert secret.replace(" ", "") == base64.b32encode(device.bin_key).decode()
    # Reloading keeps the secret the editor may have scanned already.
    assert secret in enrol_page(client).text

    refused = client.post(reverse(ENROL), {"otp_token": wrong(device)})
    assert refused.status_code == 200
    assert "That code is not right" in refused.text
    assert not signed_in(client)

    clock.shift(datetime.timedelta(seconds=2))
    response = client.post(reverse(ENROL), {"otp_token": code(device)})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert signed_in(client)
    assert client.session.session_key != before
    device.refresh_from_db()
    assert device.confirmed
    assert "Two-factor sign-in is on for your account" in enrol_page(client).text
    assert "On for your account" in client.get(reverse("admin:index")).text

    # From now on the app's code is part of every sign-in.
    client.logout()
    clock.shift(datetime.timedelta(seconds=30))
    assert sign_in(client).status_code == 200
    assert sign_in(client, token=code(device)).status_code == 302
    assert signed_in(client)


def test_an_editor_sent_to_set_up_an_app_may_sign_out_instead(client, dora, required):
    sign_in(client)
    assert "Sign out" in enrol_page(client).text

    response = client.post(reverse("admin:logout"))

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get(reverse(ENROL))["Location"].startswith(reverse("admin:login"))


def test_the_set_up_page_keeps_where_the_editor_was_going(
    client, dora, required, clock
):
    changelist = reverse("admin:events_event_changelist")
    response = client.post(
        reverse("admin:login"),
        {
            "username": "dora",
            "password": "correct horse battery staple",
            "next": changelist,
        },
    )
    assert response["Location"] == f"{reverse(ENROL)}?{urlencode({'next': changelist})}"
    client.get(response["Location"])
    device = TOTPDevice.objects.get(user=dora)
    done = client.post(response["Location"], {"otp_token": code(device)})
    assert done["Location"] == changelist


def test_the_set_up_page_is_for_signed_in_staff_only(client, django_user_model):
    assert client.get(reverse(ENROL))["Location"].startswith(reverse("admin:login"))
    reader = django_user_model.objects.create_user("reader", password="x")
    client.force_login(reader)
    assert client.get(reverse(ENROL))["Location"].startswith(reverse("admin:login"))
    assert not TOTPDevice.objects.exists()


def test_an_editor_with_an_app_cannot_add_another_without_its_code(
    client, dora, phone, clock
):
    # Signed in some other way than the sign-in form: the password alone.
    client.force_login(dora)

    response = client.get(reverse(ENROL))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert list(TOTPDevice.objects.filter(user=dora)) == [phone]
    assert not signed_in(client)


# --- REQUIRE_2FA off (the default) -----------------------------------------------


def test_by_default_a_password_is_enough_for_editors_without_an_app(
    client, dora, settings, clock
):
    assert settings.REQUIRE_2FA is False
    assert sign_in(client)["Location"] == reverse("admin:index")
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert reverse(ENROL) in index.text  # the way to turn it on


def test_by_default_an_editor_who_set_up_an_app_still_needs_its_code(
    client, dora, phone, clock
):
    assert sign_in(client).status_code == 200
    assert not signed_in(client)
    assert sign_in(client, token=code(phone)).status_code == 302
    assert signed_in(client)
