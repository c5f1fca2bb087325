"""Every 429 says when to come back and is kept by no cache: the API's throttle
and the corrections form's limit here, the sign-in lock-out and slow-down in
tests/editorial/signin/test_lockout.py."""

import datetime

import pytest
from django.urls import reverse

from tests.builders import make_event

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def assert_kept_by_no_cache(response):
    assert response.status_code == 429
    assert "no-store" in response["Cache-Control"]
    assert int(response["Retry-After"]) > 0


def test_the_api_throttles_429_is_kept_by_no_cache(client, settings, clock):
    settings.API_RATE_LIMIT = "2/min"
    url = reverse("api:event-list")
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]

    refused = client.get(url)

    assert_kept_by_no_cache(refused)
    assert refused["Retry-After"] == "60"
    assert "detail" in refused.json()


def test_the_corrections_forms_429_is_kept_by_no_cache(client, settings, clock):
    settings.CORRECTIONS_RATE = "1/h"
    event = make_event()
    url = reverse("suggest-correction", kwargs={"kind": "event", "slug": event.slug})
    data = {"message": "The date is wrong.", "name": "", "email": "", "website": ""}
    assert client.post(url, data).status_code == 302

    refused = client.post(url, data)

    assert_kept_by_no_cache(refused)
    assert refused["Retry-After"] == "3600"


def test_an_answer_that_is_not_a_429_keeps_its_own_caching(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
