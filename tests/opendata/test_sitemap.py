"""/sitemap.xml lists every public page in every language and nothing else;
/robots.txt points crawlers at it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Agreement, Event
from portal.core.models import Organization, Person, Place, Source, Status
from projects.models import Project
from tests.builders import (
    make_agreement,
    make_event,
    make_organization,
    make_person,
    make_project,
)
from tests.site.test_query_counts import World, queries

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
HOST = "http://testserver"
STATIC_PAGES = (
    "home",
    "events:list",
    "events:timeline",
    "agreements:list",
    "projects:list",
    "people:list",
    "organizations:list",
    "key-figures",
    "about",
)
LATER = timezone.now() + datetime.timedelta(days=1)


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def locations(root):
    return [url.findtext("sm:loc", namespaces=NS) for url in root.findall("sm:url", NS)]


def expected_locations():
    """Every public page's address, in every language."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse(name) for name in STATIC_PAGES]
            paths += [
                reverse("events:year", args=[day.year])
                for day in Event.objects.published().years()
            ]
            for model in (Event, Agreement, Project, Person, Organization):
                paths += [r.get_absolute_url() for r in model.objects.published()]
            paths += [place.get_absolute_url() for place in Place.objects.all()]
            paths += [source.get_absolute_url() for source in Source.objects.all()]
    return sorted(HOST + path for path in paths)


@pytest.fixture
def unpublished():
    """A draft, an in-review and a scheduled record of every kind."""
    records = []
    for make in (
        make_event,
        make_agreement,
        make_project,
        make_person,
        make_organization,
    ):
        records += [
            make(slug=f"{make.__name__[5:]}-draft", status=Status.DRAFT),
            make(slug=f"{make.__name__[5:]}-review", status=Status.REVIEW),
            make(slug=f"{make.__name__[5:]}-scheduled", published_at=LATER),
        ]
    # A year whose only event is a draft has no year page.
    make_event(slug="lonely-draft", date=datetime.date(1961, 1, 1), status="draft")
    return records


def test_the_sitemap_lists_every_published_page_in_every_language(
    client, seeded, unpublished
):
    found = locations(sitemap(client))

    assert sorted(found) == expected_locations()
    assert len(found) == len(set(found))
    assert f"{HOST}/az/events/lu-mei-apa-interview/" in found
    assert f"{HOST}/zh-hans/events/1994/" in found


def test_no_draft_or_scheduled_record_is_in_the_sitemap(client, seeded, unpublished):
    body = client.get("/sitemap.xml").content.decode()

    for record in unpublished:
        assert f"/{record.slug}/" not in body
    assert "/1961/" not in body


def test_each_address_names_its_translations_and_a_default(client, seeded):
    root = sitemap(client)
    event = Event.objects.published().first()
    with translation.override("az"):
        address = HOST + event.get_absolute_url()
    url = next(
        url
        for url in root.findall("sm:url", NS)
        if url.findtext("sm:loc", namespaces=NS) == address
    )

    alternates = {
        link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
    }
    assert alternates == {
        "en": f"{HOST}/en/events/{event.slug}/",
        "az": f"{HOST}/az/events/{event.slug}/",
        "zh-hans": f"{HOST}/zh-hans/events/{event.slug}/",
        "x-default": f"{HOST}/events/{event.slug}/",
    }
    assert (
        url.findtext("sm:lastmod", namespaces=NS)
        == timezone.localdate(event.updated_at).isoformat()
    )


def test_every_address_in_the_sitemap_answers(client):
    world = World()
    world.add(1)
    make_event(slug="hidden", status=Status.DRAFT)

    for location in locations(sitemap(client)):
        response = client.get(location.removeprefix(HOST))
        assert response.status_code == 200, location


def test_the_sitemap_query_count_does_not_grow_with_rows(
    client, django_assert_max_num_queries
):
    world = World()
    world.add(2)
    queries(client, "/sitemap.xml")
    small = queries(client, "/sitemap.xml")
    world.add(12)
    large = queries(client, "/sitemap.xml")
    print(f"sitemap: {small} queries with little data, {large} with more")
    assert small == large
    # One per section: years, five kinds of record, places, sources; and the
    # content token, for the ETag.
    with django_assert_max_num_queries(9):
        client.get("/sitemap.xml")


def test_robots_txt_allows_crawling_but_not_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line.startswith("{#") for line in lines)
    assert not any(line == "Disallow: /" for line in lines)


def test_the_search_page_asks_not_to_be_indexed(client):
    response = client.get(reverse("search") + "?q=baku")
    assert b'<meta name="robots" content="noindex">' in response.content
