"""client_ip(request): REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the
address the outermost proxy saw; and the API and corrections form count by it."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from portal.security import client_ip
from tests.builders import make_event

rf = RequestFactory()


def ip(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(rf.get("/", **extra))


def test_without_proxies_it_is_the_socket_address_and_ignores_forwarded_for(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert ip(forwarded="198.51.100.1") == "203.0.113.7"


def test_behind_one_proxy_it_is_the_last_forwarded_for_entry(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged the first entry; the proxy appended the real one.
    assert ip("10.0.0.2", "6.6.6.6, 198.51.100.1") == "198.51.100.1"


def test_behind_two_proxies_it_is_the_second_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert ip("10.0.0.3", "6.6.6.6, 198.51.100.1, 10.0.0.2") == "198.51.100.1"


def test_a_request_that_skipped_the_proxies_falls_back_to_the_socket(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert ip("203.0.113.7", "198.51.100.1") == "203.0.113.7"
    assert ip("203.0.113.7") == "203.0.113.7"


def test_addresses_are_validated_and_normalised(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert ip("10.0.0.2", "not-an-address") == "10.0.0.2"
    assert ip("10.0.0.2", "<script>") == "10.0.0.2"
    assert ip("10.0.0.2", " 2001:DB8::0:1 ") == "2001:db8::1"
    settings.TRUSTED_PROXY_COUNT = 0
    assert ip("::ffff:192.0.2.5") == "192.0.2.5"
    assert ip("garbage") == ""


@pytest.mark.django_db
def test_the_api_throttle_counts_by_the_forwarded_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.API_RATE_LIMIT = "2/min"
    url = reverse("api:event-list")

    def get(forwarded):
        return client.get(url, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)

    assert get("198.51.100.1").status_code == 200
    assert get("198.51.100.1").status_code == 200
    assert get("198.51.100.1").status_code == 429
    # Same proxy, another client: its own allowance.
    assert get("198.51.100.2").status_code == 200


@pytest.mark.django_db
def test_with_no_trusted_proxy_a_forged_header_does_not_reset_the_api_limit(
    client, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.API_RATE_LIMIT = "2/min"
    url = reverse("api:event-list")
    codes = [
        client.get(url, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}")
        for n in range(3)
    ]
    assert [response.status_code for response in codes] == [200, 200, 429]


@pytest.mark.django_db
def test_the_corrections_form_counts_by_the_forwarded_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CORRECTIONS_RATE = "1/h"
    event = make_event()
    url = reverse("suggest-correction", kwargs={"kind": "event", "slug": event.slug})
    data = {"message": "The date is wrong.", "name": "", "email": "", "website": ""}

    def post(forwarded):
        return client.post(
            url, data, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded
        )

    assert post("198.51.100.1").status_code == 302
    assert post("198.51.100.1").status_code == 429
    assert post("198.51.100.2").status_code == 302
