"""Editors' sessions end SESSION_IDLE_MINUTES (30) after their last request,
SESSION_MAX_HOURS (12) after signing in, and with the browser; public pages
make none."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.ops.security import SIGNED_IN_AT
from tests.editorial.signin.conftest import sign_in, signed_in

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def test_the_defaults():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_MAX_AGE_SECONDS == 12 * 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_an_idle_session_ends_after_thirty_minutes(client, dora, clock):
    sign_in(client)
    # Each request pushes the end on: an hour of work with short pauses.
    for _ in range(3):
        clock.shift(datetime.timedelta(minutes=29))
        assert signed_in(client)

    clock.shift(datetime.timedelta(minutes=30, seconds=1))
    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_busy_session_still_ends_twelve_hours_after_signing_in(client, dora, clock):
    sign_in(client)
    key = client.session.session_key
    for _ in range(12 * 3 - 1):  # a request every 20 minutes, for 11 h 40 min
        clock.shift(datetime.timedelta(minutes=20))
        assert signed_in(client)

    clock.shift(datetime.timedelta(minutes=20, seconds=1))
    assert not signed_in(client)
    # Signed out properly: the old session is gone, not merely ignored.
    assert not Session.objects.filter(session_key=key).exists()


def test_a_signed_in_session_without_a_sign_in_time_is_ended(client, dora):
    client.force_login(dora)
    session = client.session
    del session[SIGNED_IN_AT]
    session.save()

    assert not signed_in(client)


def test_the_cookie_ends_with_the_browser(client, dora):
    response = sign_in(client)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert not cookie["max-age"]
    assert not cookie["expires"]


def test_signing_in_gives_a_new_session_id(client, dora):
    session = client.session  # a session from before signing in
    session["seen"] = True
    session.save()
    before = session.session_key

    sign_in(client)

    assert client.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


def test_public_pages_make_no_session(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home"))
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not any("django_session" in query["sql"] for query in queries)
    assert "Cookie" not in response.get("Vary", "")
