"""What pages tell machines: schema.org JSON-LD on event, organisation and
person pages, Open Graph tags and a canonical address on every page, and the
lists' feed links."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from portal.core.dates import Precision
from portal.core.models import OrganizationKind, Status
from tests.builders import (
    add_office,
    add_participant,
    make_country,
    make_event,
    make_organization,
    make_person,
    make_place,
)
from tests.site.test_html_validity import public_urls

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


class HeadTags(HTMLParser):
    """The <meta property/name> and <link> tags of a page."""

    def __init__(self, html):
        super().__init__()
        self.meta, self.links = {}, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "property" in attrs:
            self.meta.setdefault(attrs["property"], []).append(attrs["content"])
        if tag == "link":
            self.links.append(attrs)

    def link(self, rel, type_=None):
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and (type_ is None or link.get("type") == type_)
        ]


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    blocks = JSON_LD.findall(response.content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_event_pages_describe_the_event_as_schema_org_json_ld(client):
    baku = make_place(
        name="Baku",
        parent=make_country(code="AZ"),
        country_code="AZ",
        latitude=40.4093,
        longitude=49.8671,
    )
    event = make_event(
        title="Talks </script><script>alert(1)</script> & more",
        date=datetime.date(2025, 9, 1),
        date_precision=Precision.MONTH,
        place=baku,
    )
    add_participant(event, make_person(name="Lu Mei", slug="lu-mei"))
    add_participant(event, make_person(name="Hidden", status=Status.DRAFT))
    event.organizations.add(make_organization(name="APA", kind=OrganizationKind.MEDIA))

    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    # The title cannot close the data block: "<" and ">" are JSON escapes.
    assert "</script><script>alert(1)" not in html
    data = json_ld(client, event.get_absolute_url())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Talks </script><script>alert(1)</script> & more"
    assert data["startDate"] == "2025-09"
    assert "endDate" not in data
    assert data["url"] == "http://testserver" + event.get_absolute_url()
    assert data["inLanguage"] == "en"
    assert data["description"] == event.summary
    assert data["location"]["name"] == "Baku"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 40.4093,
        "longitude": 49.8671,
    }
    assert data["location"]["address"]["addressCountry"] == "AZ"
    assert data["attendee"] == [
        {
            "@type": "Person",
            "name": "Lu Mei",
            "url": "http://testserver/en/people/lu-mei/",
        },
        # The draft person is not named at all (issue 15, item 3).
        {
            "@type": "NewsMediaOrganization",
            "name": "APA",
            "url": "http://testserver" + event.organizations.get().get_absolute_url(),
        },
    ]


def test_event_dates_say_only_what_is_known(client):
    year = make_event(date=datetime.date(1994, 1, 1), date_precision=Precision.YEAR)
    days = make_event(
        date=datetime.date(2024, 11, 11), end_date=datetime.date(2024, 11, 22)
    )

    assert json_ld(client, year.get_absolute_url())["startDate"] == "1994"
    data = json_ld(client, days.get_absolute_url())
    assert (data["startDate"], data["endDate"]) == ("2024-11-11", "2024-11-22")


def test_event_json_ld_is_in_the_page_language(client):
    event = make_event(title="Talks", title_az="Danışıqlar")
    with translation.override("az"):
        url = event.get_absolute_url()
    data = json_ld(client, url)
    assert (data["name"], data["inLanguage"]) == ("Danışıqlar", "az")


def test_organisation_pages_describe_the_organisation(client):
    china = make_country(name="China", code="CN", slug="china")
    parent = make_organization(
        name="Ministry of Commerce", kind=OrganizationKind.MINISTRY, country=china
    )
    embassy = make_organization(
        name="Embassy of China in Azerbaijan",
        acronym="EMB",
        kind=OrganizationKind.EMBASSY,
        country=china,
        parent=parent,
        website="https://az.china-embassy.gov.cn/",
    )

    data = json_ld(client, embassy.get_absolute_url())

    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Embassy of China in Azerbaijan"
    assert data["alternateName"] == "EMB"
    assert data["sameAs"] == "https://az.china-embassy.gov.cn/"
    assert data["url"] == "http://testserver" + embassy.get_absolute_url()
    assert data["parentOrganization"]["name"] == "Ministry of Commerce"
    assert data["address"] == {"@type": "PostalAddress", "addressCountry": "CN"}


def test_an_unpublished_parent_organisation_is_not_named(client):
    parent = make_organization(name="Secret parent", status=Status.DRAFT)
    unit = make_organization(kind=OrganizationKind.COMPANY, parent=parent)

    data = json_ld(client, unit.get_absolute_url())

    assert data["@type"] == "Corporation"
    assert "parentOrganization" not in data
    assert "Secret parent" not in client.get(unit.get_absolute_url()).content.decode()


def test_person_pages_describe_the_person(client):
    person = make_person(
        name="Lu Mei",
        honorific="Ambassador",
        country=make_country(name="China", code="CN"),
    )
    # The job title is the office held now (tests/site/test_offices_on_pages.py).
    add_office(person, title="Ambassador of the PRC to Azerbaijan")

    data = json_ld(client, person.get_absolute_url())

    assert data["@type"] == "Person"
    assert data["name"] == "Lu Mei"
    assert data["jobTitle"] == "Ambassador of the PRC to Azerbaijan"
    assert data["nationality"] == {"@type": "Country", "name": "China"}


# Open Graph and canonical addresses


def test_every_public_page_has_open_graph_tags_and_a_canonical_address(client, seeded):
    for code, locale in (("en", "en_US"), ("az", "az_AZ"), ("zh-hans", "zh_CN")):
        with translation.override(code):
            urls = public_urls()
        for url in urls:
            response = client.get(url)
            if response.status_code == 404:
                continue
            tags = HeadTags(response.content.decode())
            canonical = tags.link("canonical")
            assert len(canonical) == 1, url
            assert canonical[0].startswith(f"http://testserver/{code}/"), url
            assert "page=1" not in canonical[0]
            assert tags.meta["og:url"] == canonical, url
            assert tags.meta["og:title"][0].strip(), url
            assert tags.meta["og:description"][0].strip(), url
            assert tags.meta["og:type"][0] in ("website", "article", "profile"), url
            assert tags.meta["og:site_name"][0].strip(), url
            assert tags.meta["og:locale"] == [locale], url
            assert len(tags.meta["og:locale:alternate"]) == 2, url


def test_open_graph_uses_the_pages_own_title_and_description(client):
    event = make_event(title="Talks in Baku & Ganja", summary="They talked.")

    tags = HeadTags(client.get(event.get_absolute_url()).content.decode())

    assert tags.meta["og:title"] == ["Talks in Baku & Ganja"]
    assert tags.meta["og:description"] == ["They talked."]
    assert tags.meta["og:type"] == ["article"]


def test_a_filtered_or_first_page_list_is_canonically_the_whole_list(client):
    for number in range(25):
        make_event(date=datetime.date(2000 + number, 1, 1))
    events = reverse("events:list")

    def canonical(query):
        return HeadTags(client.get(events + query).content.decode()).link("canonical")

    assert canonical("") == [f"http://testserver{events}"]
    assert canonical("?page=1") == [f"http://testserver{events}"]
    assert canonical("?type=talks&page=2") == [f"http://testserver{events}"]
    assert canonical("?page=2") == [f"http://testserver{events}?page=2"]
    assert canonical("?page=2&q=") == [f"http://testserver{events}?page=2"]


# Feed links on the lists


def test_the_events_list_links_its_feeds_with_the_filters_in_force(client):
    response = client.get(reverse("events:list") + "?type=signing&page=2")
    tags = HeadTags(response.content.decode())

    assert tags.link("alternate", "application/rss+xml") == [
        "/en/events/feed/rss/?type=signing"
    ]
    assert tags.link("alternate", "application/atom+xml") == [
        "/en/events/feed/atom/?type=signing"
    ]
    assert tags.link("alternate", "text/calendar") == [
        "/en/events/calendar.ics?type=signing"
    ]
    html = response.content.decode()
    assert 'href="/en/events/feed/rss/?type=signing" type="application/rss+xml"' in html
    assert 'href="/en/events/calendar.ics?type=signing" type="text/calendar"' in html
    assert "Follow this list, with its filters:" in html


def test_the_projects_list_links_its_feeds(client):
    html = client.get(reverse("projects:list")).content.decode()
    tags = HeadTags(html)

    assert tags.link("alternate", "application/rss+xml") == ["/en/projects/feed/rss/"]
    assert tags.link("alternate", "application/atom+xml") == ["/en/projects/feed/atom/"]
    assert "Follow this list:" in html
    assert 'href="/en/projects/feed/atom/" type="application/atom+xml"' in html
