"""client_ip(request): the peer's address, or, from one of TRUSTED_PROXIES, the
first address in X-Forwarded-For from the right that is not a proxy;
client_key(request) groups IPv6 by /64; and the API and corrections form count
by it."""

import json
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse

from portal.ops.security import address_group, client_ip, client_key
from portal.settings import BASE_DIR, proxy_networks
from tests.builders import make_event

rf = RequestFactory()

PROXY = "10.0.0.2"


@pytest.fixture
def proxied(settings):
    """One proxy, at 10.0.0.2, and a second layer of them in 10.1.0.0/16."""
    settings.TRUSTED_PROXIES = proxy_networks(f"{PROXY}, 10.1.0.0/16")


def request(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return rf.get("/", **extra)


def ip(remote="203.0.113.7", forwarded=None):
    return client_ip(request(remote, forwarded))


def test_without_proxies_it_is_the_socket_address_and_ignores_forwarded_for(settings):
    settings.TRUSTED_PROXIES = []
    assert ip(forwarded="198.51.100.1") == "203.0.113.7"


def test_a_spoofed_header_from_a_peer_that_is_not_a_proxy_is_ignored(proxied):
    assert ip("203.0.113.7", "198.51.100.1") == "203.0.113.7"
    assert ip("203.0.113.7", f"198.51.100.1, {PROXY}") == "203.0.113.7"


def test_from_a_configured_proxy_the_header_is_used(proxied):
    # The client forged the first entry; the proxy appended the real one.
    assert ip(PROXY, "6.6.6.6, 198.51.100.1") == "198.51.100.1"


def test_proxies_are_skipped_from_the_right_whatever_their_number(proxied):
    assert ip(PROXY, "6.6.6.6, 198.51.100.1, 10.1.4.4") == "198.51.100.1"
    assert ip("10.1.9.9", "6.6.6.6, 198.51.100.1, 10.1.4.4, 10.0.0.2") == (
        "198.51.100.1"
    )


def test_a_proxy_request_without_the_header_is_the_proxy(proxied):
    assert ip(PROXY) == PROXY
    assert ip(PROXY, "") == PROXY


def test_addresses_are_validated_and_normalised(proxied, settings):
    assert ip(PROXY, "not-an-address") == PROXY
    assert ip(PROXY, "<script>") == PROXY
    # An entry that is not an address stops the walk: left of it is not read.
    assert ip(PROXY, "198.51.100.1, junk, 10.1.4.4") == "10.1.4.4"
    assert ip(PROXY, " 2001:DB8::0:1 ") == "2001:db8::1"
    assert ip(PROXY, "198.51.100.1:4431") == "198.51.100.1"
    assert ip(PROXY, "[2001:db8::1]:4431") == "2001:db8::1"
    assert ip(f"::ffff:{PROXY}", "198.51.100.1") == "198.51.100.1"
    settings.TRUSTED_PROXIES = []
    assert ip("::ffff:192.0.2.5") == "192.0.2.5"
    assert ip("garbage") == ""


def test_ipv6_clients_are_grouped_by_their_64_and_ipv4_by_address():
    assert address_group("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::"
    assert address_group("2001:db8:1:2::1") == "2001:db8:1:2::"
    assert address_group("2001:db8:1:3::1") == "2001:db8:1:3::"
    assert address_group("192.0.2.5") == "192.0.2.5"
    assert address_group("") == ""
    assert client_key(request("2001:db8:1:2::77")) == "2001:db8:1:2::"
    assert client_key(request("192.0.2.5")) == "192.0.2.5"


@pytest.mark.parametrize(
    ("value", "networks"),
    [
        ("", []),
        ("10.0.0.2", ["10.0.0.2/32"]),
        (" 10.0.0.0/24 , ::1 ", ["10.0.0.0/24", "::1/128"]),
        ("fd00::/8,127.0.0.1", ["fd00::/8", "127.0.0.1/32"]),
    ],
)
def test_good_proxy_lists_are_taken(value, networks):
    assert proxy_networks(value) == networks


@pytest.mark.parametrize("value", ["*", "10.0.0.5/24", "proxy.local", "10.0.0.300"])
def test_bad_proxy_lists_are_refused(value):
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        proxy_networks(value)


# The real settings under an operator's environment, in a process of their own.
PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import RequestFactory
from portal.ops.security import client_ip
rf = RequestFactory()
print(json.dumps({
    "proxies": settings.TRUSTED_PROXIES,
    "direct": client_ip(rf.get("/", REMOTE_ADDR="203.0.113.7",
                               HTTP_X_FORWARDED_FOR="198.51.100.1")),
    "via-local-proxy": client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1",
                                        HTTP_X_FORWARDED_FOR="198.51.100.1")),
}))
"""


def settings_probe(**env):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=BASE_DIR,
        env={
            **{k: v for k, v in os.environ.items() if k != "TRUSTED_PROXIES"},
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result


def test_behind_a_tls_proxy_only_the_local_proxy_may_name_the_client():
    # BEHIND_TLS_PROXY=1 with gunicorn listening on every interface: someone
    # reaching it directly must not choose their own address.
    result = settings_probe(BEHIND_TLS_PROXY="1")
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {
        "proxies": ["127.0.0.1/32", "::1/128"],
        "direct": "203.0.113.7",
        "via-local-proxy": "198.51.100.1",
    }


@pytest.mark.parametrize("retired", ["TRUSTED_PROXY_COUNT", "FORWARDED_ALLOW_IPS"])
def test_the_retired_proxy_settings_stop_the_site_with_a_pointer(retired):
    result = settings_probe(**{retired: "1"})
    assert result.returncode != 0
    assert f"{retired} is no longer read" in result.stderr
    assert "TRUSTED_PROXIES" in result.stderr


def test_a_bad_proxy_list_stops_the_site():
    result = settings_probe(TRUSTED_PROXIES="10.0.0.0/33")
    assert result.returncode != 0
    assert "TRUSTED_PROXIES must list addresses or networks" in result.stderr


@pytest.mark.django_db
def test_the_api_throttle_counts_by_the_forwarded_address(client, settings, proxied):
    settings.API_RATE_LIMIT = "2/min"
    url = reverse("api:event-list")

    def get(forwarded, remote=PROXY):
        return client.get(url, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert get("198.51.100.1").status_code == 200
    assert get("198.51.100.1").status_code == 200
    assert get("198.51.100.1").status_code == 429
    # Same proxy, another client: its own allowance.
    assert get("198.51.100.2").status_code == 200
    # Not through the proxy: the header counts for nothing.
    assert get("198.51.100.9", remote="203.0.113.7").status_code == 200
    assert get("198.51.100.10", remote="203.0.113.7").status_code == 200
    assert get("198.51.100.11", remote="203.0.113.7").status_code == 429


@pytest.mark.django_db
def test_a_forged_header_from_a_peer_that_is_not_a_proxy_does_not_reset_the_api_limit(
    client, settings, proxied
):
    settings.API_RATE_LIMIT = "2/min"
    url = reverse("api:event-list")
    codes = [
        client.get(url, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}")
        for n in range(3)
    ]
    assert [response.status_code for response in codes] == [200, 200, 429]


@pytest.mark.django_db
def test_the_api_counts_an_ipv6_64_as_one_client(client, settings):
    settings.API_RATE_LIMIT = "3/min"
    url = reverse("api:event-list")
    codes = [
        client.get(url, REMOTE_ADDR=f"2001:db8:5:6::{n:x}").status_code
        for n in range(1, 6)
    ]
    assert codes == [200, 200, 200, 429, 429]
    # The next /64 is another client.
    assert client.get(url, REMOTE_ADDR="2001:db8:5:7::1").status_code == 200


@pytest.mark.django_db
def test_the_corrections_form_counts_by_the_forwarded_address(
    client, settings, proxied
):
    settings.CORRECTIONS_RATE = "1/h"
    event = make_event()
    url = reverse("suggest-correction", kwargs={"kind": "event", "slug": event.slug})
    data = {"message": "The date is wrong.", "name": "", "email": "", "website": ""}

    def post(forwarded, remote=PROXY):
        return client.post(
            url, data, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded
        )

    assert post("198.51.100.1").status_code == 302
    assert post("198.51.100.1").status_code == 429
    assert post("198.51.100.2").status_code == 302
    # A forged header from elsewhere is not a new client.
    assert post("198.51.100.3", remote="203.0.113.7").status_code == 302
    assert post("198.51.100.4", remote="203.0.113.7").status_code == 429


@pytest.mark.django_db
def test_the_corrections_form_counts_an_ipv6_64_as_one_client(client, settings):
    settings.CORRECTIONS_RATE = "2/h"
    event = make_event()
    url = reverse("suggest-correction", kwargs={"kind": "event", "slug": event.slug})
    data = {"message": "The date is wrong.", "name": "", "email": "", "website": ""}
    codes = [
        client.post(url, data, REMOTE_ADDR=f"2001:db8:9:9::{n}").status_code
        for n in range(1, 4)
    ]
    assert codes == [302, 302, 429]
