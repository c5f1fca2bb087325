"""The sitemap lists every public page in every language and nothing else: an
index (/sitemap.xml) of sections per kind and language, each cut into pages of
at most SITEMAP_SECTION_SIZE addresses; /robots.txt points crawlers at it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Agreement, Event
from portal.core import content
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


def xml(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def sections(client):
    """The addresses the sitemap index lists, each a page of a section."""
    root = xml(client, "/sitemap.xml")
    return [
        item.findtext("sm:loc", namespaces=NS)
        for item in root.findall("sm:sitemap", NS)
    ]


def urls(client):
    """Every <url> of every section the index lists."""
    found = []
    for address in sections(client):
        assert address.startswith(HOST), address
        found += xml(client, address.removeprefix(HOST)).findall("sm:url", NS)
    return found


def locations(found):
    return [url.findtext("sm:loc", namespaces=NS) for url in found]


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
    found = locations(urls(client))

    assert sorted(found) == expected_locations()
    assert len(found) == len(set(found))
    assert f"{HOST}/az/events/lu-mei-apa-interview/" in found
    assert f"{HOST}/zh-hans/events/1994/" in found


def test_no_draft_or_scheduled_record_is_in_the_sitemap(client, seeded, unpublished):
    body = "\n".join(
        client.get(address.removeprefix(HOST)).content.decode()
        for address in sections(client)
    )

    for record in unpublished:
        assert f"/{record.slug}/" not in body
    assert "/1961/" not in body


def test_each_address_names_its_translations_and_a_default(client, seeded):
    root = xml(client, "/sitemap-events-az.xml")
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

    for location in locations(urls(client)):
        response = client.get(location.removeprefix(HOST))
        assert response.status_code == 200, location


def test_the_sitemap_query_count_does_not_grow_with_rows(
    client, django_assert_max_num_queries
):
    world = World()
    world.add(2)
    addresses = ["/sitemap.xml", "/sitemap-events-en.xml", "/sitemap-places-az.xml"]
    for address in addresses:
        queries(client, address)
    small = [queries(client, address) for address in addresses]
    world.add(12)
    large = [queries(client, address) for address in addresses]
    print(f"sitemap: {small} queries with little data, {large} with more")
    assert small == large
    # A page of a section: its count and its records; and the content
    # token, for the ETag.
    with django_assert_max_num_queries(3):
        client.get("/sitemap-events-en.xml")


def test_the_index_lists_a_section_per_kind_and_language(client, seeded):
    found = sections(client)

    expected = [
        f"{HOST}/sitemap-{kind}-{code}.xml"
        for kind in (
            "pages",
            "years",
            "events",
            "agreements",
            "projects",
            "people",
            "organisations",
            "places",
            "sources",
        )
        for code, _name in settings.LANGUAGES
    ]
    assert found == expected
    response = client.get("/sitemap.xml")
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    root = ET.fromstring(response.content)
    dates = {
        item.findtext("sm:loc", namespaces=NS): item.findtext(
            "sm:lastmod", namespaces=NS
        )
        for item in root.findall("sm:sitemap", NS)
    }
    latest = max(event.updated_at for event in Event.objects.published())
    assert dates[f"{HOST}/sitemap-events-en.xml"] == (
        timezone.localtime(latest).isoformat()
    )


def test_a_section_larger_than_the_section_size_is_cut_into_pages(client, settings):
    settings.SITEMAP_SECTION_SIZE = 3
    for number in range(7):
        make_event(slug=f"event-{number}")
    make_event(slug="draft", status=Status.DRAFT)

    found = [address for address in sections(client) if "/sitemap-events-" in address]
    assert found == [
        f"{HOST}/sitemap-events-{code}.xml{page}"
        for code, _name in settings.LANGUAGES
        for page in ("", "?p=2", "?p=3")
    ]
    pages = [
        locations(xml(client, address.removeprefix(HOST)).findall("sm:url", NS))
        for address in found[:3]
    ]
    assert [len(page) for page in pages] == [3, 3, 1]
    listed = [location for page in pages for location in page]
    assert sorted(listed) == sorted(
        f"{HOST}/en/events/event-{number}/" for number in range(7)
    )
    for address in found:
        page = xml(client, address.removeprefix(HOST))
        assert len(page.findall("sm:url", NS)) <= 3


@pytest.mark.parametrize(
    "address",
    [
        "/sitemap-events-en.xml?p=2",
        "/sitemap-events-en.xml?p=0",
        "/sitemap-events-en.xml?p=two",
        "/sitemap-events-en.xml?p=%D9%A3",
        "/sitemap-events.xml",
        "/sitemap-events-ru.xml",
        "/sitemap-nothing-en.xml",
    ],
)
def test_a_page_or_section_that_does_not_exist_is_not_found(client, address):
    make_event(slug="talks")
    assert client.get(address).status_code == 404


@pytest.mark.django_db
def test_a_section_is_built_once_per_content_token(
    client, settings, media, monkeypatch
):
    settings.DATA_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    content.token_memo.forget()
    built = []
    real = sitemap_views.sitemap

    def counted(request, sitemaps, section=None, **kwargs):
        built.append((section, request.GET.get("p")))
        return real(request, sitemaps, section=section, **kwargs)

    monkeypatch.setattr(sitemap_views, "sitemap", counted)
    event = make_event(slug="talks")
    first = client.get("/sitemap-events-en.xml?utm=1").content
    assert client.get("/sitemap-events-en.xml?p=1").content == first
    assert built == [("events-en", "1")]
    event.title = "Talks held"
    event.save()
    client.get("/sitemap-events-en.xml")
    assert len(built) == 2
    content.token_memo.forget()


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
