"""Failed admin sign-ins: AXES_FAILURE_LIMIT (5) from one address to one account
lock that pair for AXES_COOLOFF_TIME (15 minutes), with a 429 page saying so;
the account itself is only slowed down (portal/editorial/signin.py), so no one can keep
an editor out, and the browser an editor signed in with passes the slow-down."""

import datetime
import io
import logging

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import signing
from django.core.management import call_command
from django.urls import reverse

from portal.editorial.signin import DEVICE_SALT, slowdown_wait
from portal.settings import proxy_networks
from tests.editorial.signin.conftest import PASSWORD, sign_in, signed_in

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
EDITOR = "192.0.2.200"
START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def fail(client, times, username="dora", **extra):
    """`times` wrong passwords; the codes the sign-in page answered."""
    return [
        sign_in(client, username=username, password="wrong", **extra).status_code
        for _ in range(times)
    ]


def failures(username="dora"):
    return sum(
        AccessAttempt.objects.filter(username=username).values_list(
            "failures_since_start", flat=True
        )
    )


def device_cookie(client):
    return client.cookies.get(settings.SIGNIN_DEVICE_COOKIE_NAME)


def sign_out(client):
    """The admin's "Log out", which leaves the browser's other cookies alone
    (the test client's logout() drops them all)."""
    client.post(reverse("admin:logout"))
    assert not signed_in(client)


# The lock on one address and one account ----------------------------------------


def test_the_sixth_try_is_locked_out_even_with_the_right_password(client, dora, clock):
    # The form again four times; the fifth failure locks at once.
    assert fail(client, 5, REMOTE_ADDR=ATTACKER) == [200, 200, 200, 200, 429]

    response = sign_in(client, REMOTE_ADDR=ATTACKER)

    assert response.status_code == 429
    text = response.text
    assert "Too many failed sign-ins" in text
    assert "from your network failed 5 times in a row" in text
    assert "Try again in 15 minutes" in text
    assert response["Retry-After"] == "900"
    assert PASSWORD not in text
    assert not signed_in(client)


def test_the_lock_out_page_is_kept_by_no_cache(client, dora, clock):
    fail(client, 5, REMOTE_ADDR=ATTACKER)
    response = sign_in(client, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert "no-store" in response["Cache-Control"]


def test_tries_during_the_lock_do_not_restart_it(client, dora, clock):
    fail(client, 5, REMOTE_ADDR=ATTACKER)
    for _ in range(14):
        clock.shift(datetime.timedelta(minutes=1))
        assert fail(client, 1, REMOTE_ADDR=ATTACKER) == [429]
    locked = sign_in(client, REMOTE_ADDR=ATTACKER)
    assert locked.status_code == 429
    assert "Try again in 1 minute." in locked.text
    assert locked["Retry-After"] == "60"
    assert failures() == 5  # the tries during the lock were not even counted

    # 15 minutes after the failure that locked it, the lock is gone.
    clock.shift(datetime.timedelta(minutes=1, seconds=1))
    response = sign_in(client, REMOTE_ADDR=ATTACKER)

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert signed_in(client)


def test_a_success_clears_the_count(client, dora, clock):
    fail(client, 4, REMOTE_ADDR=ATTACKER)
    assert sign_in(client, REMOTE_ADDR=ATTACKER).status_code == 302
    client.logout()
    fail(client, 4, REMOTE_ADDR=ATTACKER)
    assert sign_in(client, REMOTE_ADDR=ATTACKER).status_code == 302


def test_a_locked_address_may_still_sign_in_to_other_accounts(
    client, dora, django_user_model, clock
):
    # An office behind one address: one person's typos lock no one else out.
    django_user_model.objects.create_user("erin", password=PASSWORD, is_staff=True)
    fail(client, 5, username="dora", REMOTE_ADDR=ATTACKER)
    assert sign_in(client, username="erin", REMOTE_ADDR=ATTACKER).status_code == 302


def test_an_ipv6_64_is_one_address_for_the_lock(client, dora, clock):
    codes = [
        sign_in(client, password="wrong", REMOTE_ADDR=f"2001:db8:66:1::{n}").status_code
        for n in range(1, 6)
    ]
    assert codes == [200, 200, 200, 200, 429]
    assert sign_in(client, REMOTE_ADDR="2001:db8:66:1::99").status_code == 429
    # Another /64 is another address.
    clock.shift(datetime.timedelta(seconds=2))  # past the account's slow-down
    assert sign_in(client, REMOTE_ADDR="2001:db8:66:2::1").status_code == 302


# The account: slowed down, never locked ------------------------------------------


def test_failures_from_five_addresses_do_not_lock_the_editor_out(client, dora, clock):
    # The attack from the issue: one wrong password from each of five
    # addresses used to lock the account for everyone.
    for n in range(5):
        assert fail(client, 1, REMOTE_ADDR=f"198.51.100.{n}") == [200]

    # The editor, at her own address, is asked to wait a second, not locked.
    waiting = sign_in(client, REMOTE_ADDR=EDITOR)
    assert waiting.status_code == 429
    assert waiting["Retry-After"] == "1"
    assert "Wait 1 second, then sign in again" in waiting.text
    assert 'id="login-form"' in waiting.text
    clock.shift(datetime.timedelta(seconds=1))
    response = sign_in(client, REMOTE_ADDR=EDITOR)

    assert response.status_code == 302
    assert signed_in(client)


def test_a_locked_out_attacker_cannot_keep_the_editor_out(client, dora, clock):
    fail(client, 5, REMOTE_ADDR=ATTACKER)
    # The attacker keeps trying, every few seconds, for ten minutes.
    for _ in range(200):
        clock.shift(datetime.timedelta(seconds=3))
        assert fail(client, 1, REMOTE_ADDR=ATTACKER) == [429]
        assert sign_in(client, REMOTE_ADDR=ATTACKER).status_code == 429

    # The editor, elsewhere, gets in.
    response = sign_in(client, REMOTE_ADDR=EDITOR)
    assert response.status_code == 302
    assert signed_in(client)


def test_the_slow_down_grows_with_failures_but_never_past_its_maximum(
    client, dora, clock
):
    waits = []
    for n in range(12):
        # Each failure from a new address, once the wait before it is over.
        assert fail(client, 1, REMOTE_ADDR=f"198.51.100.{n}") == [200]
        waits.append(slowdown_wait("dora"))
        if waits[-1]:
            refused = sign_in(client, REMOTE_ADDR=EDITOR)
            assert refused.status_code == 429
            assert refused["Retry-After"] == str(waits[-1])
        clock.shift(datetime.timedelta(seconds=waits[-1]))
    assert waits == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert settings.SIGNIN_SLOWDOWN_MAX_SECONDS == 60


def test_a_try_during_the_wait_is_not_checked_and_does_not_count(client, dora, clock):
    for n in range(5):
        fail(client, 1, REMOTE_ADDR=f"198.51.100.{n}")
    for _ in range(10):
        assert sign_in(client, REMOTE_ADDR=EDITOR).status_code == 429
        assert fail(client, 1, REMOTE_ADDR=ATTACKER) == [429]
    assert failures() == 5
    assert not signed_in(client)
    # Nothing pushed the wait on: one second after the last real failure.
    clock.shift(datetime.timedelta(seconds=1))
    assert sign_in(client, REMOTE_ADDR=EDITOR).status_code == 302


def test_the_slow_down_answer_is_kept_by_no_cache(client, dora, clock):
    for n in range(5):
        fail(client, 1, REMOTE_ADDR=f"198.51.100.{n}")
    response = sign_in(client, REMOTE_ADDR=EDITOR)
    assert response.status_code == 429
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_account_is_slowed_down_like_a_real_one(client, dora, clock):
    # Otherwise the answer would say which usernames exist.
    for n in range(5):
        fail(client, 1, username="nobody", REMOTE_ADDR=f"198.51.100.{n}")
        fail(client, 1, username="dora", REMOTE_ADDR=f"198.51.100.{n}")
    nobody = sign_in(client, username="nobody", password="x", REMOTE_ADDR=EDITOR)
    dora_ = sign_in(client, username="dora", password="x", REMOTE_ADDR=EDITOR)
    assert (nobody.status_code, nobody["Retry-After"]) == (429, "1")
    assert (dora_.status_code, dora_["Retry-After"]) == (429, "1")


# The browser the editor signed in with ---------------------------------------------


def test_signing_in_marks_the_browser(client, dora, clock):
    response = sign_in(client, REMOTE_ADDR=EDITOR)
    cookie = response.cookies[settings.SIGNIN_DEVICE_COOKIE_NAME]
    assert settings.SIGNIN_DEVICE_COOKIE_NAME == "__Host-signin-device"
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/"
    assert not cookie["domain"]
    assert int(cookie["max-age"]) == 90 * 24 * 3600
    device = signing.loads(cookie.value, salt=DEVICE_SALT)
    assert device["user"] == "dora"
    # A failed sign-in marks nothing.
    other = type(client)()
    assert settings.SIGNIN_DEVICE_COOKIE_NAME not in fail_response(other).cookies


def fail_response(client):
    return sign_in(client, password="wrong", REMOTE_ADDR=EDITOR)


def test_the_editors_own_browser_passes_the_slow_down(client, dora, clock):
    sign_in(client, REMOTE_ADDR=EDITOR)
    sign_out(client)
    assert device_cookie(client)
    for n in range(8):
        fail(client_without_device(client), 1, REMOTE_ADDR=f"198.51.100.{n}")

    response = sign_in(client, REMOTE_ADDR=EDITOR)

    assert response.status_code == 302
    assert signed_in(client)


def client_without_device(client):
    """Another browser (the attacker's), without the editor's cookies."""
    return type(client)()


def test_a_device_cookie_for_another_account_or_forged_does_not_pass(
    client, dora, django_user_model, clock
):
    django_user_model.objects.create_user("erin", password=PASSWORD, is_staff=True)
    sign_in(client, username="erin", REMOTE_ADDR=EDITOR)
    sign_out(client)
    for n in range(5):
        fail(client_without_device(client), 1, REMOTE_ADDR=f"198.51.100.{n}")
    assert sign_in(client, REMOTE_ADDR=EDITOR).status_code == 429

    client.cookies[settings.SIGNIN_DEVICE_COOKIE_NAME] = signing.dumps(
        {"user": "dora", "id": "forged"}, salt="another-salt"
    )
    assert sign_in(client, REMOTE_ADDR=EDITOR).status_code == 429


def test_a_device_cookie_passes_the_slow_down_only_a_few_times(client, dora, clock):
    # Someone who has the editor's cookie (a shared computer) and rotates
    # addresses gets five unslowed guesses per cool-off, no more.
    sign_in(client, REMOTE_ADDR=EDITOR)
    sign_out(client)
    for n in range(5):
        fail(client_without_device(client), 1, REMOTE_ADDR=f"198.51.100.{n}")
    codes = [
        sign_in(client, password="wrong", REMOTE_ADDR=f"198.51.101.{n}").status_code
        for n in range(7)
    ]
    assert codes == [200, 200, 200, 200, 200, 429, 429]


# Behind proxies --------------------------------------------------------------------


def test_behind_a_proxy_forwarded_for_decides_the_address(
    client, dora, settings, clock
):
    proxy = "10.0.0.2"
    settings.TRUSTED_PROXIES = proxy_networks(proxy)
    for _ in range(5):
        fail(client, 1, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"6.6.6.6, {ATTACKER}")
    locked = sign_in(client, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.text

    # Dora, behind the same proxy at her own address, is not locked out.
    clock.shift(datetime.timedelta(seconds=1))  # past the account's slow-down
    ok = sign_in(client, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=EDITOR)
    assert ok.status_code == 302


def test_a_forged_forwarded_for_from_a_peer_that_is_not_a_proxy_does_not_dodge_the_lock(
    client, dora, settings, clock
):
    settings.TRUSTED_PROXIES = proxy_networks("10.0.0.2")
    for n in range(5):
        fail(client, 1, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = sign_in(client, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=EDITOR)
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.text


def test_no_password_is_stored_or_logged(client, dora, caplog, clock):
    caplog.set_level(logging.DEBUG)
    fail(client, 5, REMOTE_ADDR=ATTACKER)
    sign_in(client, REMOTE_ADDR=ATTACKER)

    assert caplog.records, "axes logs its failures"
    assert "wrong" not in caplog.text
    assert PASSWORD not in caplog.text
    attempt = AccessAttempt.objects.get()
    # The five; the locked-out try after them is refused unchecked.
    assert attempt.failures_since_start == 5
    assert "wrong" not in attempt.post_data
    assert PASSWORD not in attempt.post_data


# Letting a locked-out editor in early (docs/operations.md) ---------------------------


def test_resetting_the_account_lets_a_locked_out_editor_in_at_once(client, dora, clock):
    fail(client, 5, REMOTE_ADDR=EDITOR)  # her own typos
    for n in range(5):
        fail(client, 1, REMOTE_ADDR=f"198.51.100.{n}")  # and someone guessing
    assert sign_in(client, REMOTE_ADDR=EDITOR).status_code == 429

    call_command("axes_reset_username", "dora", stdout=io.StringIO())

    assert sign_in(client, REMOTE_ADDR=EDITOR).status_code == 302


def test_resetting_an_ipv6_address_takes_its_64_as_listed(client, dora, clock):
    fail(client, 5, REMOTE_ADDR="2001:db8:5:6::1")
    assert sign_in(client, REMOTE_ADDR="2001:db8:5:6::2").status_code == 429

    call_command("axes_reset_ip", "2001:db8:5:6::", stdout=io.StringIO())

    assert sign_in(client, REMOTE_ADDR="2001:db8:5:6::2").status_code == 302
