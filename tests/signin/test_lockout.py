"""django-axes: AXES_FAILURE_LIMIT (5) failed admin sign-ins lock the address and
the account for AXES_COOLOFF_TIME (15 minutes); the page says so with a 429."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from portal.settings import proxy_networks
from tests.signin.conftest import PASSWORD, sign_in, signed_in

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
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


def test_the_sixth_try_is_locked_out_even_with_the_right_password(client, dora, clock):
    # The form again four times; the fifth failure locks at once.
    assert fail(client, 5, REMOTE_ADDR=ATTACKER) == [200, 200, 200, 200, 429]

    response = sign_in(client, REMOTE_ADDR=ATTACKER)

    assert response.status_code == 429
    text = response.text
    assert "Too many failed sign-ins" in text
    assert "Signing in failed 5 times in a row" in text
    assert "Try again in 15 minutes" in text
    assert PASSWORD not in text
    assert not signed_in(client)


def test_the_lock_out_page_is_kept_by_no_cache(client, dora, clock):
    fail(client, 5, REMOTE_ADDR=ATTACKER)
    response = sign_in(client, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert "no-store" in response["Cache-Control"]


def test_the_lock_lifts_after_its_cool_off(client, dora, clock):
    fail(client, 5, REMOTE_ADDR=ATTACKER)
    clock.shift(datetime.timedelta(minutes=14))
    assert sign_in(client, REMOTE_ADDR=ATTACKER).status_code == 429

    # That try restarted the cool-off: 15 minutes from it, the lock is gone.
    clock.shift(datetime.timedelta(minutes=15, seconds=1))
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


def test_the_locked_address_is_locked_for_every_username(
    client, dora, django_user_model, clock
):
    django_user_model.objects.create_user("erin", password=PASSWORD, is_staff=True)
    fail(client, 5, username="dora", REMOTE_ADDR=ATTACKER)
    assert sign_in(client, username="erin", REMOTE_ADDR=ATTACKER).status_code == 429


def test_the_locked_account_is_locked_from_every_address(client, dora, clock):
    for n in range(5):
        fail(client, 1, REMOTE_ADDR=f"198.51.100.{n}")
    assert sign_in(client, REMOTE_ADDR="192.0.2.200").status_code == 429


def test_other_people_at_other_addresses_are_not_locked(
    client, dora, django_user_model, clock
):
    django_user_model.objects.create_user("erin", password=PASSWORD, is_staff=True)
    fail(client, 5, username="dora", REMOTE_ADDR=ATTACKER)

    response = sign_in(client, username="erin", REMOTE_ADDR="192.0.2.200")

    assert response.status_code == 302
    assert signed_in(client)


def test_behind_a_proxy_forwarded_for_decides_the_address(
    client, dora, settings, clock
):
    proxy = "10.0.0.2"
    settings.TRUSTED_PROXIES = proxy_networks(proxy)
    # Five usernames, one try each: only the address can lock.
    for n in range(5):
        fail(
            client,
            1,
            username=f"guess{n}",
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=f"6.6.6.6, {ATTACKER}",
        )
    locked = sign_in(client, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=ATTACKER)
    assert locked.status_code == 429

    # Dora, behind the same proxy at her own address, is not locked out.
    ok = sign_in(client, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert ok.status_code == 302


def test_a_forged_forwarded_for_from_a_peer_that_is_not_a_proxy_does_not_dodge_the_lock(
    client, dora, settings, clock
):
    settings.TRUSTED_PROXIES = proxy_networks("10.0.0.2")
    for n in range(5):
        fail(
            client,
            1,
            username=f"guess{n}",
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    response = sign_in(client, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 429


def test_no_password_is_stored_or_logged(client, dora, caplog, clock):
    caplog.set_level(logging.DEBUG)
    fail(client, 5, REMOTE_ADDR=ATTACKER)
    sign_in(client, REMOTE_ADDR=ATTACKER)

    assert caplog.records, "axes logs its failures"
    assert "wrong" not in caplog.text
    assert PASSWORD not in caplog.text
    attempt = AccessAttempt.objects.get()
    # The five, and the locked-out try after them.
    assert attempt.failures_since_start == 6
    assert "wrong" not in attempt.post_data
    assert PASSWORD not in attempt.post_data
