"""What pages tell machines: schema.org JSON-LD on the record pages (events,
agreements, projects, people, organisations, places, sources) and a Dataset
on the about page, Open Graph tags, a canonical address and its hreflang
alternates on every page, and the lists' feed links. (Every page kind's JSON-LD
read back by an extractor: test_structured_data_extract.py.)"""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.urls import resolve, reverse
from django.utils import translation

from events.models import AgreementStatus
from portal.core.dates import Precision
from portal.core.models import OrganizationKind, PlaceKind, SourceKind, Status
from portal.opendata import downloads
from tests.builders import (
    add_office,
    add_participant,
    make_agreement,
    make_country,
    make_event,
    make_organization,
    make_person,
    make_place,
    make_source,
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


def alternates(html):
    return {
        link["hreflang"]: link["href"]
        for link in HeadTags(html).links
        if link.get("rel") == "alternate" and "hreflang" in link
    }


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


def test_an_event_at_a_known_place_is_attended_there_as_scheduled(client):
    baku = make_place(name="Baku", slug="baku", country_code="AZ")
    event = make_event(place=baku)

    data = json_ld(client, event.get_absolute_url())

    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == (
        "https://schema.org/OfflineEventAttendanceMode"
    )
    assert data["location"] == {
        "@type": "Place",
        "name": "Baku",
        "url": "http://testserver/en/places/baku/",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Baku",
            "addressCountry": "AZ",
        },
    }
    # Nobody is named as organiser: the records do not say who organised.
    assert "organizer" not in data


def test_an_event_whose_place_is_unknown_says_so_in_its_location(client):
    event = make_event(place=None)
    with translation.override("az"):
        url = event.get_absolute_url()

    english = json_ld(client, event.get_absolute_url())
    azerbaijani = json_ld(client, url)

    # Google requires a location; none is invented, and none is online.
    assert english["location"] == {
        "@type": "Place",
        "name": "Place not stated in the sources",
    }
    assert azerbaijani["location"]["name"] == "Yer mənbələrdə göstərilməyib"
    assert "eventAttendanceMode" not in english
    assert english["eventStatus"] == "https://schema.org/EventScheduled"


def test_agreement_pages_describe_the_agreement_as_a_creative_work(client):
    baku = make_place(name="Baku", slug="baku", country_code="AZ")
    event = make_event(title="State visit", place=baku)
    agreement = make_agreement(
        title="Joint declaration on strategic partnership",
        kind="declaration",
        signed_on=datetime.date(2025, 4, 23),
        signed_on_precision=Precision.DAY,
        agreement_status=AgreementStatus.IN_FORCE,
        event=event,
    )
    ministry = make_organization(name="Ministry", kind=OrganizationKind.MINISTRY)
    agreement.parties.add(ministry, make_organization(status=Status.DRAFT))

    data = json_ld(client, agreement.get_absolute_url())

    assert data["@type"] == "CreativeWork"
    assert data["name"] == "Joint declaration on strategic partnership"
    assert data["description"] == "A memorandum was signed."
    assert data["url"] == "http://testserver" + agreement.get_absolute_url()
    assert data["genre"] == "Joint declaration"
    assert data["dateCreated"] == "2025-04-23"
    assert data["creativeWorkStatus"] == "In force"
    # Only the published party.
    assert data["creator"] == [
        {
            "@type": "GovernmentOrganization",
            "name": "Ministry",
            "url": "http://testserver" + ministry.get_absolute_url(),
        }
    ]
    assert data["locationCreated"]["name"] == "Baku"


def test_an_agreement_says_nothing_unknown_or_unpublished(client):
    hidden_event = make_event(
        place=make_place(name="Secret place"), status=Status.DRAFT
    )
    agreement = make_agreement(
        agreement_status=AgreementStatus.NOT_STATED, event=hidden_event
    )

    data = json_ld(client, agreement.get_absolute_url())

    assert "creativeWorkStatus" not in data
    assert "dateCreated" not in data
    assert "locationCreated" not in data
    assert "creator" not in data


def test_place_pages_describe_the_place_with_its_coordinates(client):
    azerbaijan = make_country()
    nakhchivan = make_place(
        name="Nakhchivan AR",
        kind=PlaceKind.REGION,
        parent=azerbaijan,
        country_code="AZ",
    )
    city = make_place(
        name="Nakhchivan",
        slug="nakhchivan-city",
        parent=nakhchivan,
        country_code="AZ",
        latitude=39.2089,
        longitude=45.4122,
    )

    data = json_ld(client, city.get_absolute_url())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Place"
    assert data["name"] == "Nakhchivan"
    assert data["url"] == "http://testserver/en/places/nakhchivan-city/"
    assert data["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 39.2089,
        "longitude": 45.4122,
    }
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Nakhchivan",
        "addressRegion": "Nakhchivan AR",
        "addressCountry": "AZ",
    }
    assert data["containedInPlace"] == {
        "@type": "Place",
        "name": "Nakhchivan AR",
        "url": "http://testserver" + nakhchivan.get_absolute_url(),
    }
    country = json_ld(client, azerbaijan.get_absolute_url())
    assert country["address"] == {"@type": "PostalAddress", "addressCountry": "AZ"}
    assert "geo" not in country and "containedInPlace" not in country


def test_source_pages_describe_the_source(client):
    apa = make_organization(name="APA", kind=OrganizationKind.MEDIA)
    source = make_source(
        title="Interview with the ambassador",
        kind=SourceKind.INTERVIEW,
        publisher=apa,
        url="https://apa.az/interview",
        published_on=datetime.date(2026, 1, 1),
        published_on_precision=Precision.YEAR,
        language="az",
    )

    data = json_ld(client, source.get_absolute_url())

    assert data["@type"] == "CreativeWork"
    assert data["name"] == "Interview with the ambassador"
    assert data["url"] == "http://testserver" + source.get_absolute_url()
    assert data["sameAs"] == "https://apa.az/interview"
    assert data["genre"] == "Interview"
    assert data["datePublished"] == "2026"
    assert data["inLanguage"] == "az"
    assert data["publisher"]["name"] == "APA"


def test_a_sources_unpublished_publisher_is_not_named(client):
    hidden = make_organization(name="Hidden publisher", status=Status.DRAFT)
    source = make_source(publisher=hidden, publisher_name="", url="")

    data = json_ld(client, source.get_absolute_url())

    assert "publisher" not in data and "sameAs" not in data
    assert "Hidden publisher" not in json.dumps(data)


def test_the_about_page_describes_the_dataset_and_its_files(client):
    with translation.override("az"):
        about = reverse("about")

    data = json_ld(client, about)

    assert data["@type"] == "Dataset"
    assert data["url"] == f"http://testserver{about}"
    assert data["inLanguage"] == "az"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["name"] == "Çin–Azərbaycan əlaqələri portalı"
    assert len(data["description"]) >= 50
    files = {item["contentUrl"]: item for item in data["distribution"]}
    assert files["http://testserver/az/data/portal-dataset.zip"]["encodingFormat"] == (
        "application/zip"
    )
    for kind in downloads.LISTS:
        for fmt, media_type in (("csv", "text/csv"), ("json", "application/json")):
            address = f"http://testserver/az/download/{kind}.{fmt}"
            assert files[address]["encodingFormat"] == media_type
            assert files[address]["@type"] == "DataDownload"
    assert len(files) == 1 + 2 * len(downloads.LISTS)
    # Each file is one the site serves.
    for address in files:
        assert resolve(address.removeprefix("http://testserver")).url_name in (
            "dataset",
            "download",
        )
    assert client.get("/az/download/events.csv").status_code == 200


# Open Graph and canonical addresses


# Tags built from the page's own address and records, whatever the engine that
# stored them: CI walks the pages once, in its SQLite pass.
@pytest.mark.single_pass
def test_every_public_page_has_open_graph_tags_canonical_and_alternates(client, seeded):
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
            # Its hreflang alternates: every language, itself (its canonical
            # address) and an x-default, the address without a language.
            found = alternates(response.content.decode())
            assert set(found) == {"en", "az", "zh-hans", "x-default"}, url
            assert found[code] == canonical[0], url
            path = canonical[0].removeprefix(f"http://testserver/{code}/")
            for other in ("en", "az", "zh-hans"):
                assert found[other] == f"http://testserver/{other}/{path}", url
            assert found["x-default"] == f"http://testserver/{path}", url


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


def test_a_filtered_lists_alternates_agree_with_its_canonical(client):
    for number in range(25):
        make_event(date=datetime.date(2000 + number, 1, 1))

    def links(query):
        html = client.get("/az/events/" + query).content.decode()
        return HeadTags(html).link("canonical"), alternates(html)

    canonical, found = links("?type=talks&page=2")
    # A filtered list is canonically the whole list, in every language.
    assert canonical == ["http://testserver/az/events/"]
    assert found == {
        "en": "http://testserver/en/events/",
        "az": "http://testserver/az/events/",
        "zh-hans": "http://testserver/zh-hans/events/",
        "x-default": "http://testserver/events/",
    }
    canonical, found = links("?page=2")
    assert canonical == ["http://testserver/az/events/?page=2"]
    assert found["zh-hans"] == "http://testserver/zh-hans/events/?page=2"
    assert found["x-default"] == "http://testserver/events/?page=2"
    # The x-default sends readers to a language version of the same page.
    response = client.get("/events/?page=2", HTTP_ACCEPT_LANGUAGE="az")
    assert response.status_code == 302
    assert response["Location"] == "/az/events/?page=2"


def test_every_page_has_an_open_graph_image_the_site_serves(client):
    event = make_event()

    for url in (reverse("home"), event.get_absolute_url()):
        tags = HeadTags(client.get(url).content.decode())
        [image] = tags.meta["og:image"]
        assert image.startswith("http://testserver/static/img/og-image")
        assert image.endswith(".png")
        assert tags.meta["og:image:width"] == ["1200"]
        assert tags.meta["og:image:height"] == ["630"]
        assert tags.meta["og:image:alt"][0].strip()
    path = finders.find("img/og-image.png")
    with open(path, "rb") as png:
        header = png.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(header[16:20]), int.from_bytes(header[20:24])
    assert (width, height) == (1200, 630)


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
