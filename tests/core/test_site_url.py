"""Absolute URLs come from SITE_URL (portal/core/siteurl.py), never from the request's
Host header: a port or another allowed name a client puts in Host is reflected
in no canonical link, Open Graph tag, hreflang alternate, JSON-LD block, feed,
calendar, sitemap, robots.txt, API link or download."""

import io
import json
import os
import re
import subprocess
import sys
import zipfile

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from portal.settings import site_url
from tests.builders import make_event, make_organization, make_place

pytestmark = pytest.mark.django_db

SITE = "https://portal.example.org"
# Allowed (ALLOWED_HOSTS matches host names whatever the port), but not the site.
HOSTILE = {"HTTP_HOST": "localhost:8443"}


@pytest.fixture
def event(settings):
    settings.SITE_URL = SITE
    organization = make_organization(name="Embassy", slug="embassy")
    event = make_event(
        title="Talks in Baku", slug="talks", place=make_place(slug="baku")
    )
    event.organizations.add(organization)
    return event


def absolute_urls(text):
    return re.findall(r"https?://[^\s\"'<>\\]+", text)


def assert_only_the_site(text, where):
    urls = [
        url for url in absolute_urls(text) if "example.org" in url or "localhost" in url
    ]
    assert urls, where
    for url in urls:
        assert url.startswith(SITE + "/"), (where, url)
    assert "8443" not in text, where
    assert "localhost" not in text, where


@pytest.mark.parametrize(
    "name",
    ["page", "feed", "atom", "calendar", "sitemap", "robots", "api", "api-index"],
)
def test_no_absolute_url_reflects_the_host_header(client, event, name):
    url = {
        "page": event.get_absolute_url(),
        "feed": reverse("event-feed-rss"),
        "atom": reverse("event-feed-atom"),
        "calendar": reverse("event-calendar"),
        "sitemap": reverse("sitemap"),
        "robots": reverse("robots"),
        "api": reverse("api:event-list") + "?page_size=1&page=1",
        "api-index": reverse("api:index"),
    }[name]
    if name == "api":
        # A second event, so that there is a next page to link to.
        make_event(title="Other talks", slug="other-talks")
    response = client.get(url, **HOSTILE)
    assert response.status_code == 200, response.getvalue()[:500]
    assert_only_the_site(response.getvalue().decode(), name)


def test_a_record_page_names_itself_on_the_site_in_every_tag(client, event):
    page = client.get(event.get_absolute_url(), **HOSTILE).text
    here = SITE + event.get_absolute_url()
    assert f'<link rel="canonical" href="{here}">' in page
    assert f'<meta property="og:url" content="{here}">' in page
    assert f'hreflang="az" href="{SITE}/az/events/talks/"' in page
    (data,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S
    )
    assert json.loads(data)["url"] == here


def test_the_api_s_links_are_on_the_site(client, event):
    make_event(title="Other talks", slug="other-talks")
    listing = client.get(reverse("api:event-list") + "?page_size=1", **HOSTILE).json()
    assert listing["next"] == f"{SITE}/api/v1/events/?page=2&page_size=1"
    record = listing["results"][0]
    assert record["url"].startswith(f"{SITE}/api/v1/events/")
    assert record["html_url"].startswith(f"{SITE}/en/events/")


def test_downloads_name_their_address_on_the_site(client, event, download_dataset):
    url = reverse("download", kwargs={"kind": "events", "fmt": "json"})
    document = json.loads(client.get(url + "?type=talks", **HOSTILE).getvalue())
    assert document["source"] == f"{SITE}{url}?type=talks"
    dataset = download_dataset("en", **HOSTILE)
    with zipfile.ZipFile(io.BytesIO(dataset.getvalue())) as archive:
        readme = archive.read("README.txt").decode()
        events = json.loads(archive.read("events.json"))
    assert f"Address: {SITE}{reverse('dataset')}" in readme
    assert events["source"] == f"{SITE}{reverse('dataset')}"
    assert "localhost" not in readme


def test_in_development_without_site_url_links_follow_the_request(client, settings):
    settings.SITE_URL = ""
    event = make_event(title="Talks in Baku", slug="talks")
    page = client.get(event.get_absolute_url(), HTTP_HOST="localhost:8000").text
    assert (
        '<link rel="canonical" href="http://localhost:8000/en/events/talks/">' in page
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://portal.example.org", "https://portal.example.org"),
        ("https://Portal.Example.org/", "https://portal.example.org"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ],
)
def test_site_url_is_an_address_without_a_path(value, expected):
    assert site_url(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "portal.example.org",
        "ftp://portal.example.org",
        "https://portal.example.org/en/",
        "https://portal.example.org?x=1",
        "https://user:pass@portal.example.org",
        "https://portal.example.org:port",
        "https://",
    ],
)
def test_a_bad_site_url_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="SITE_URL must be"):
        site_url(value)


def test_production_refuses_to_start_without_site_url():
    env = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    env |= {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SITE_URL must be set when DEBUG is off" in result.stderr
