"""Text is escaped exactly once for its format (issue 15, item 11).

One set of records whose titles, summaries, bodies and names hold an
apostrophe, quotes, an ampersand, angle brackets, Azerbaijani and Chinese
letters is read through every page, feed, calendar, JSON-LD block, map, API
endpoint and download that shows them; pages and feeds in all three languages.
HTML pages must read as the text once parsed (never "&amp;#x27;" in the source,
never "&#x27;" on screen); XML feeds, the calendar, JSON and CSV must give the
characters as they are.
"""

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

import icalendar
import pytest

from portal.opendata.downloads import read_csv
from tests.builders import (
    add_milestone,
    add_observation,
    add_office,
    add_participant,
    add_partner,
    cite,
    make_agreement,
    make_event,
    make_indicator,
    make_organization,
    make_person,
    make_place,
    make_project,
    make_source,
)

pytestmark = pytest.mark.django_db

TRICKY = (
    'Azerbaijan\'s "People" & <Partners> — Əliyev şəhəri, ılıq İlham çay dağ '
    "göl üzüm 中国–阿塞拜疆"
)


def text(field):
    return f"{field} {TRICKY}"


@pytest.fixture
def records():
    place = make_place(
        name=text("Place"), slug="tricky-place", latitude=40.4, longitude=49.8
    )
    person = make_person(
        name=text("Person"), slug="tricky-person", honorific=text("Position")
    )
    office = add_office(person, title=text("Office"))
    organization = make_organization(
        name=text("Organisation"),
        slug="tricky-organisation",
        description=text("Description"),
    )
    source = make_source(
        title=text("Source"), slug="tricky-source", publisher=organization
    )
    event = make_event(
        title=text("Event"),
        slug="tricky-event",
        summary=text("Summary"),
        body=text("Body"),
        editor_note=text("Reasoning"),
        place=place,
        date=datetime.date(2025, 9, 15),
    )
    add_participant(event, person, role=text("Role"))
    event.organizations.add(organization)
    agreement = make_agreement(
        title=text("Agreement"),
        slug="tricky-agreement",
        summary=text("Terms"),
        body=text("Clauses"),
        event=event,
    )
    agreement.parties.add(organization)
    project = make_project(
        title=text("Project"),
        slug="tricky-project",
        summary=text("Outline"),
        body=text("Details"),
        featured=True,
    )
    project.places.add(place)
    project.events.add(event)
    add_partner(project, organization)
    add_milestone(project, title=text("Milestone"))
    indicator = make_indicator(
        name=text("Indicator"), slug="tricky-indicator", description=text("Measure")
    )
    observation = add_observation(indicator, note=text("Note"))
    for record in (event, agreement, project, person, organization, indicator):
        cite(record, source, quote=text("Quote"))
    cite(observation, source, quote=text("Quote"))
    cite(office, source, quote=text("Quote"))


# HTML -------------------------------------------------------------------------


class Reader(HTMLParser):
    """The text a browser shows, and the attribute values, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self.attributes = []

    def handle_data(self, data):
        self.texts.append(data)

    def handle_starttag(self, tag, attrs):
        self.attributes += [value for _name, value in attrs if value]


# What text escaped twice looks like in the page's source…
TWICE_IN_SOURCE = ("&amp;#x27;", "&amp;#39;", "&amp;amp;", "&amp;lt;", "&amp;quot;")
# … and, decoded once, on the screen.
ENTITY = re.compile(r"&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);")

HTML_PAGES = {
    "/en/": ["Event", "Summary", "Project", "Outline", "Indicator", "Source"],
    "/en/events/": ["Event", "Summary"],
    "/en/events/timeline/": ["Event"],
    "/en/events/2025/": ["Event", "Summary"],
    "/en/events/tricky-event/": [
        "Event",
        "Summary",
        "Body",
        "Place",
        "Person",
        "Role",
        "Organisation",
        "Agreement",
        "Project",
        "Source",
        "Quote",
        "Reasoning",
    ],
    "/en/agreements/": ["Agreement", "Terms"],
    "/en/agreements/tricky-agreement/": [
        "Agreement",
        "Terms",
        "Clauses",
        "Event",
        "Organisation",
        "Source",
    ],
    "/en/projects/": ["Project", "Outline", "Place"],
    "/en/projects/tricky-project/": [
        "Project",
        "Outline",
        "Details",
        "Place",
        "Organisation",
        "Milestone",
        "Event",
        "Quote",
    ],
    "/en/people/": ["Person", "Position"],
    "/en/people/tricky-person/": [
        "Person",
        "Position",
        "Office",
        "Quote",
        "Event",
        "Role",
        "Agreement",
    ],
    "/en/organisations/": ["Organisation"],
    "/en/organisations/tricky-organisation/": [
        "Organisation",
        "Description",
        "Event",
        "Agreement",
        "Project",
    ],
    "/en/places/tricky-place/": ["Place", "Event", "Summary", "Project", "Outline"],
    "/en/sources/tricky-source/": ["Source", "Organisation", "Event", "Quote"],
    "/en/key-figures/": ["Indicator", "Measure", "Note", "Source"],
    "/en/key-figures/tricky-indicator/": ["Indicator", "Measure", "Note", "Source"],
    "/en/map/": ["Event", "Project", "Place"],
    "/en/search/?q=partners": ["Event", "Project", "Agreement", "Person"],
}


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_pages_show_the_text_escaped_once(client, records, language, subtests):
    # Each language's pages (their own templates' filters: dates, numbers,
    # Chinese punctuation) over one set of records; each page a subtest.
    for path, fields in HTML_PAGES.items():
        url = path.replace("/en/", f"/{language}/", 1)
        with subtests.test(url):
            response = client.get(url)
            assert response.status_code == 200
            source = response.content.decode()
            reader = Reader()
            reader.feed(source)
            shown = "".join(reader.texts)

            for twice in TWICE_IN_SOURCE:
                assert twice not in source
            assert ENTITY.findall(shown) == []
            assert [value for value in reader.attributes if ENTITY.search(value)] == []
            for field in fields:
                assert text(field) in shown, field


def test_search_snippets_show_the_summary_as_written(client, records):
    reader = Reader()
    reader.feed(client.get("/en/search/?q=partners&kind=events").content.decode())

    assert text("Summary") in "".join(reader.texts)


# Feeds and the calendar ---------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = [
    ("/en/events/feed/rss/", "channel/item", "", "description", "Event", "Summary"),
    ("/en/projects/feed/rss/", "channel/item", "", "description", "Project", "Outline"),
    ("/en/events/feed/atom/", "entry", ATOM, "summary", "Event", "Summary"),
    ("/en/projects/feed/atom/", "entry", ATOM, "summary", "Project", "Outline"),
]
# What HTML text needs escaped, and no more.
HTML_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
def test_feeds_carry_the_text_escaped_once(client, records, language, subtests):
    for path, entry, ns, tag, title, summary in FEEDS:
        url = path.replace("/en/", f"/{language}/", 1)
        with subtests.test(url):
            item = ET.fromstring(client.get(url).content).find(ns + entry)
            # Titles are text: the parsed XML gives them as written.
            assert item.findtext(ns + "title") == text(title)
            # Summaries are HTML (readers show RSS descriptions and Atom "html"
            # summaries as HTML): read as HTML once, they give the text as
            # written…
            description = item.findtext(ns + tag)
            reader = Reader()
            reader.feed(description)
            reader.close()
            assert "".join(reader.texts) == text(summary)
            # … with only what HTML needs escaped, so a reader that shows the
            # HTML source shows apostrophes and quotes as written too.
            assert description == text(summary).translate(HTML_TEXT_ESCAPES)


def test_the_calendar_carries_the_text_as_written(client, records):
    calendar = icalendar.Calendar.from_ical(
        client.get("/en/events/calendar.ics").getvalue()
    )
    (entry,) = calendar.walk("VEVENT")

    assert str(entry["SUMMARY"]) == text("Event")
    assert str(entry["DESCRIPTION"]).startswith(text("Summary"))
    assert str(entry["LOCATION"]) == text("Place")


# JSON-LD, maps, API and downloads ---------------------------------------------

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, url):
    (block,) = JSON_LD.findall(client.get(url).content.decode())
    return json.loads(block)


def test_json_ld_gives_the_text_as_written(client, records):
    event = json_ld(client, "/en/events/tricky-event/")
    assert event["name"] == text("Event")
    assert event["description"] == text("Summary")
    assert event["location"]["name"] == text("Place")
    assert [attendee["name"] for attendee in event["attendee"]] == [
        text("Person"),
        text("Organisation"),
    ]
    # The job title is the office held now, not the short title.
    assert json_ld(client, "/en/people/tricky-person/")["jobTitle"] == text("Office")
    organization = json_ld(client, "/en/organisations/tricky-organisation/")
    assert organization["description"] == text("Description")


@pytest.mark.parametrize(
    "url",
    [
        "/en/map.geojson",
        "/en/projects/map.geojson",
        "/en/map/event/tricky-event.geojson",
        "/en/map/project/tricky-project.geojson",
    ],
)
def test_maps_give_the_text_as_written(client, records, url):
    features = client.get(url).json()["features"]

    assert features
    for feature in features:
        assert feature["properties"]["name"] in (text("Event"), text("Project"))
        assert feature["properties"]["place"] == text("Place")


def test_the_full_maps_places_give_the_text_as_written(client, records):
    (feature,) = client.get("/en/map/places.geojson").json()["features"]

    assert feature["properties"]["place"] == text("Place")
    assert sorted(record["name"] for record in feature["properties"]["records"]) == [
        text("Event"),
        text("Project"),
    ]


def test_key_figure_downloads_give_the_text_as_written(client, records):
    (row,) = read_csv(client.get("/en/download/key-figures.csv").getvalue())
    assert text("Indicator") in row.values()
    assert text("Measure") in row.values()
    document = json.loads(client.get("/en/download/key-figures.json").getvalue())
    assert text("Indicator") in strings(document)
    assert text("Note") in strings(document)


def test_the_api_gives_the_text_as_written(client, records):
    event = client.get("/api/v1/events/tricky-event/").json()
    assert (event["title"], event["summary"], event["body"]) == (
        text("Event"),
        text("Summary"),
        text("Body"),
    )
    assert event["participants"][0]["person"]["name"] == text("Person")
    assert event["participants"][0]["role"] == text("Role")
    assert event["citations"][0]["quote"] == text("Quote")
    assert event["citations"][0]["source"]["title"] == text("Source")
    project = client.get("/api/v1/projects/tricky-project/").json()
    assert project["partners"][0]["organization"]["name"] == text("Organisation")
    assert project["milestones"][0]["title"] == text("Milestone")
    source = client.get("/api/v1/sources/tricky-source/").json()
    assert source["publisher"]["name"] == text("Organisation")
    place = client.get("/api/v1/places/tricky-place/").json()
    assert place["name"] == text("Place")


@pytest.mark.parametrize(
    "kind, column, field",
    [
        ("events", "title", "Event"),
        ("events", "summary", "Summary"),
        ("events", "participants", "Role"),
        ("events", "organizations_names", "Organisation"),
        ("agreements", "body", "Clauses"),
        ("agreements", "parties_names", "Organisation"),
        ("projects", "milestones", "Milestone"),
        ("people", "honorific", "Position"),
        ("organisations", "description", "Description"),
    ],
)
def test_downloads_give_the_text_as_written(client, records, kind, column, field):
    (row,) = read_csv(client.get(f"/en/download/{kind}.csv").getvalue())
    assert text(field) in row[column]
    document = json.loads(client.get(f"/en/download/{kind}.json").getvalue())
    (record,) = document["results"]
    assert text(field) in strings(record)


def strings(value):
    """Every text in a JSON document."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return [value] if isinstance(value, str) else []


def test_the_dataset_gives_the_text_as_written(download_dataset, records):
    archive = zipfile.ZipFile(io.BytesIO(download_dataset().getvalue()))

    events = list(
        csv.DictReader(io.StringIO(archive.read("events.csv").decode("utf-8-sig")))
    )
    assert events[0]["summary"] == text("Summary")
    sources = json.loads(archive.read("sources.json"))["results"]
    assert sources[0]["title"] == text("Source")
    observations = json.loads(archive.read("observations.json"))["results"]
    assert observations[0]["note"] == text("Note")
