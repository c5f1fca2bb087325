"""RSS and Atom feeds of events and projects, and the events' iCalendar feed:
they parse with the standard libraries, follow the lists' filters, speak the
reader's language and never carry a draft or a scheduled record."""

import datetime
import email.utils
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date

from portal.core.dates import Precision
from portal.core.models import Status
from tests.builders import (
    make_country,
    make_event,
    make_place,
    make_project,
    sector,
)
from tests.site.test_query_counts import World, queries

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def url(name, language="en", query=""):
    with translation.override(language):
        return reverse(name) + query


def parse_feed(client, address):
    response = client.get(address)
    assert response.status_code == 200, response.content[:500]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.fixture
def events():
    """Three published events, published a day apart, plus a draft, a record in
    review and a scheduled one that no feed may show."""
    baku = make_place(name="Baku", slug="baku", parent=make_country(slug="az"))
    return {
        "old": make_event(
            title="Old talks",
            title_az="Köhnə danışıqlar",
            title_zh_hans="旧会谈",
            published_at=NOW - datetime.timedelta(days=3),
        ),
        "middle": make_event(
            title="Signing in Baku",
            kind="signing",
            place=baku,
            published_at=NOW - datetime.timedelta(days=2),
        ),
        "new": make_event(
            title="R&D <talks> </script>",
            published_at=NOW - datetime.timedelta(days=1),
        ),
        "draft": make_event(title="Draft event", status=Status.DRAFT),
        "review": make_event(title="Event in review", status=Status.REVIEW),
        "scheduled": make_event(
            title="Scheduled event", published_at=NOW + datetime.timedelta(days=1)
        ),
    }


@pytest.mark.parametrize("name", ["event-feed-rss", "event-feed-atom"])
def test_event_feeds_list_published_events_newest_first(client, events, name):
    response, feed = parse_feed(client, url(name))

    assert [entry.title for entry in feed.entries] == [
        "R&D <talks> </script>",
        "Signing in Baku",
        "Old talks",
    ]
    newest = feed.entries[0]
    assert newest.link == "http://testserver" + events["new"].get_absolute_url()
    assert newest.id == newest.link
    assert newest.published_parsed is not None
    # The summary is HTML that reads as the text.
    assert feedparser.parse(response.content).entries[0].summary == (
        "The two sides held talks."
    )
    assert [tag.term for tag in feed.entries[1].tags] == ["Signing"]


@pytest.mark.parametrize(
    "name", ["event-feed-rss", "event-feed-atom", "event-calendar"]
)
def test_no_draft_review_or_scheduled_record_leaks_into_a_feed(client, events, name):
    body = client.get(url(name)).getvalue().decode()
    for key in ("draft", "review", "scheduled"):
        assert events[key].title not in body
        assert events[key].slug not in body


@pytest.mark.parametrize("name", ["event-feed-rss", "event-feed-atom"])
def test_event_feeds_follow_the_list_filters(client, events, name):
    _response, feed = parse_feed(client, url(name, query="?type=signing&page=3"))

    assert [entry.title for entry in feed.entries] == ["Signing in Baku"]
    # The feed points at the filtered list, without the page number.
    assert feed.feed.link == "http://testserver/en/events/?type=signing"


def test_event_feeds_follow_a_place_filter_through_its_parts(client, events):
    _response, feed = parse_feed(client, url("event-feed-rss", query="?place=az"))
    assert [entry.title for entry in feed.entries] == ["Signing in Baku"]


@pytest.mark.parametrize(
    ("language", "title"), [("az", "Köhnə danışıqlar"), ("zh-hans", "旧会谈")]
)
def test_feeds_speak_the_readers_language(client, events, language, title):
    _response, feed = parse_feed(client, url("event-feed-atom", language))

    titles = [entry.title for entry in feed.entries]
    assert title in titles
    # Untranslated records fall back to English rather than vanish.
    assert "Signing in Baku" in titles
    assert feed.entries[-1].link.startswith(f"http://testserver/{language}/events/")
    assert feed.feed.language == language


def test_project_feeds_list_published_projects_with_their_sector(client):
    solar = make_project(
        title="Solar plant", published_at=NOW - datetime.timedelta(days=2)
    )
    make_project(
        title="Bus factory",
        sector=sector("manufacturing-industry"),
        published_at=NOW - datetime.timedelta(days=1),
    )
    make_project(title="Draft project", status=Status.DRAFT)
    make_project(title="Later project", published_at=NOW + datetime.timedelta(hours=1))

    for name in ("project-feed-rss", "project-feed-atom"):
        _response, feed = parse_feed(client, url(name))
        assert [entry.title for entry in feed.entries] == ["Bus factory", "Solar plant"]

    _response, feed = parse_feed(
        client, url("project-feed-rss", query="?sector=renewable-energy")
    )
    assert [entry.title for entry in feed.entries] == ["Solar plant"]
    assert feed.entries[0].id == "http://testserver" + solar.get_absolute_url()
    assert {tag.term for tag in feed.entries[0].tags} == {
        "Renewable energy",
        "Operational",
    }


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("event-feed-rss", "?type=nonsense"),
        ("event-feed-atom", "?date_from=yesterday"),
        ("event-calendar", "?place=no%20where"),
        ("project-feed-rss", "?sector=no-such-sector"),
        ("project-feed-atom", "?status=flying"),
    ],
)
def test_a_bad_filter_is_a_400_saying_which(client, name, query):
    response = client.get(url(name, query=query))

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert query[1:].split("=")[0] in response.content.decode()


@pytest.mark.parametrize("name", ["event-feed-rss", "event-feed-atom"])
def test_a_year_with_no_events_is_an_empty_feed(client, events, name):
    _response, feed = parse_feed(client, url(name, query="?year=2027"))
    assert feed.entries == []
    _response, feed = parse_feed(client, url(name, query="?year=2025"))
    assert len(feed.entries) == 3


FEED_NAMES = [
    "event-feed-rss",
    "event-feed-atom",
    "project-feed-rss",
    "project-feed-atom",
]
ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
PORTAL = {
    "en": "China–Azerbaijan Relations Portal",
    "az": "Çin–Azərbaycan əlaqələri portalı",
    "zh-hans": "中国—阿塞拜疆关系门户网站",
}


@pytest.mark.parametrize("language", ["en", "az", "zh-hans"])
@pytest.mark.parametrize("name", FEED_NAMES)
def test_every_feed_parses_cleanly_and_names_its_author(client, seeded, name, language):
    response, feed = parse_feed(client, url(name, language))
    assert feed.entries
    author = PORTAL[language]
    home = f"http://testserver/{language}/"
    root = ET.fromstring(response.content)
    if name.endswith("atom"):
        assert feed.version == "atom10"
        # RFC 4287 §4.1.1, §4.1.2: the feed and every entry have an author
        # with a name, and every entry an id, a title and an updated date.
        assert root.findtext(f"{ATOM}author/{ATOM}name") == author
        assert root.findtext(f"{ATOM}author/{ATOM}uri") == home
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == len(feed.entries)
        for entry in entries:
            assert entry.findtext(f"{ATOM}author/{ATOM}name") == author
            assert entry.findtext(f"{ATOM}author/{ATOM}uri") == home
            for child in ("id", "title", "updated"):
                assert entry.findtext(f"{ATOM}{child}"), child
        assert {entry.author for entry in feed.entries} == {author}
    else:
        assert feed.version == "rss20"
        # RSS 2.0: a channel has a title, link and description; an item names
        # who wrote it in dc:creator, since <author> must be an email address.
        channel = root.find("channel")
        for child in ("title", "link", "description"):
            assert channel.findtext(child), child
        items = channel.findall("item")
        assert len(items) == len(feed.entries)
        for item in items:
            assert item.findtext(f"{DC}creator") == author
            assert item.find("author") is None
            assert item.findtext("title") and item.findtext("guid")


@pytest.mark.parametrize("name", [*FEED_NAMES, "event-calendar"])
def test_feeds_answer_conditional_requests_with_304(client, seeded, name):
    address = url(name, query="?type=statement" if "event" in name else "")
    first = client.get(address)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]

    def ask(**headers):
        response = client.get(address, **headers)
        return response.status_code, response.getvalue()

    # A feed reader sends back what it was given: either validator holds.
    assert ask(HTTP_IF_MODIFIED_SINCE=modified) == (304, b"")
    assert ask(HTTP_IF_NONE_MATCH=etag) == (304, b"")
    assert ask(HTTP_IF_NONE_MATCH=etag, HTTP_IF_MODIFIED_SINCE=modified) == (304, b"")
    later = http_date(email.utils.parsedate_to_datetime(modified).timestamp() + 60)
    assert ask(HTTP_IF_MODIFIED_SINCE=later)[0] == 304
    assert client.head(address, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # Older than the feed, or another ETag (which wins over the date, RFC 9110
    # §13.2.2): the whole feed again.
    earlier = http_date(email.utils.parsedate_to_datetime(modified).timestamp() - 1)
    assert ask(HTTP_IF_MODIFIED_SINCE=earlier)[0] == 200
    other = 'W/"something-else"'
    assert ask(HTTP_IF_NONE_MATCH=other, HTTP_IF_MODIFIED_SINCE=modified)[0] == 200


@pytest.mark.parametrize("name", FEED_NAMES)
def test_a_feed_is_new_to_its_readers_after_a_publication(client, seeded, name):
    address = url(name)
    first = client.get(address)
    if "event" in name:
        make_event(title="News of the day", published_at=timezone.now())
    else:
        make_project(title="News of the day", published_at=timezone.now())

    response = client.get(
        address,
        HTTP_IF_NONE_MATCH=first["ETag"],
        HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
    )
    assert response.status_code == 200
    assert feedparser.parse(response.content).entries[0].title == "News of the day"
    assert response["ETag"] != first["ETag"]


# iCalendar


def parse_calendar(client, address):
    response = client.get(address)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.getvalue()  # streamed: read once
    return body, icalendar.Calendar.from_ical(body)


def test_the_calendar_parses_with_one_event_per_published_event(client, events):
    body, calendar = parse_calendar(client, url("event-calendar"))

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert str(calendar["X-WR-CALNAME"]) == "China–Azerbaijan Relations: events"
    entries = calendar.walk("VEVENT")
    assert sorted(str(entry["SUMMARY"]) for entry in entries) == sorted(
        events[key].title for key in ("old", "middle", "new")
    )
    for entry in entries:
        for field in ("UID", "DTSTAMP", "DTSTART", "DTEND", "URL", "DESCRIPTION"):
            assert field in entry
    # Lines are folded at 75 octets and end in CRLF, as RFC 5545 asks.
    lines = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in body.replace(b"\r\n", b"")


def test_calendar_entries_are_all_day_and_as_precise_as_the_record(client):
    day = make_event(
        slug="day",
        date=datetime.date(2024, 11, 11),
        end_date=datetime.date(2024, 11, 22),
    )
    month = make_event(
        slug="month",
        date=datetime.date(2025, 9, 1),
        date_precision=Precision.MONTH,
    )
    year = make_event(
        slug="year",
        date=datetime.date(1994, 1, 1),
        date_precision=Precision.YEAR,
        date_approximate=True,
    )
    baku = make_place(name="Baku", parent=make_country())
    make_event(slug="placed", place=baku)

    _response, calendar = parse_calendar(client, url("event-calendar"))
    entries = {
        str(entry["URL"]).split("/")[-2]: entry for entry in calendar.walk("VEVENT")
    }

    def span(slug):
        entry = entries[slug]
        return entry.decoded("DTSTART"), entry.decoded("DTEND")

    # All-day DATE values; DTEND is the day after the last day.
    assert span(day.slug) == (datetime.date(2024, 11, 11), datetime.date(2024, 11, 23))
    assert span(month.slug) == (datetime.date(2025, 9, 1), datetime.date(2025, 10, 1))
    assert span(year.slug) == (datetime.date(1994, 1, 1), datetime.date(1995, 1, 1))
    assert "known only to the month: September 2025" in str(
        entries[month.slug]["DESCRIPTION"]
    )
    assert "known only to the year: c. 1994" in str(entries[year.slug]["DESCRIPTION"])
    assert str(entries["placed"]["LOCATION"]) == "Baku, Azerbaijan"


def test_calendar_uids_stay_the_same_when_an_event_changes(client, events):
    def uids():
        _response, calendar = parse_calendar(client, url("event-calendar"))
        return {
            str(entry["SUMMARY"]): str(entry["UID"])
            for entry in calendar.walk("VEVENT")
        }

    before = uids()
    event = events["old"]
    event.title = "Old talks, renamed"
    event.save()
    after = uids()

    assert after["Old talks, renamed"] == before["Old talks"]
    assert len(set(after.values())) == 3
    # The same event has the same UID in every language's calendar.
    _response, azerbaijani = parse_calendar(client, url("event-calendar", "az"))
    assert {str(e["UID"]) for e in azerbaijani.walk("VEVENT")} == set(after.values())


def test_a_calendar_of_a_year_with_no_events_yet_is_empty(client, events):
    # A calendar subscribed to next year works before its first event.
    _body, calendar = parse_calendar(client, url("event-calendar", query="?year=2027"))
    assert calendar.walk("VEVENT") == []
    _body, calendar = parse_calendar(client, url("event-calendar", query="?year=2025"))
    assert len(calendar.walk("VEVENT")) == 3


def test_the_calendar_follows_the_list_filters_and_language(client, events):
    _response, calendar = parse_calendar(
        client, url("event-calendar", "zh-hans", "?q=talks&type=talks")
    )
    assert sorted(str(entry["SUMMARY"]) for entry in calendar.walk("VEVENT")) == [
        "R&D <talks> </script>",
        "旧会谈",
    ]


# Query counts

FEEDS = ["event-feed-rss", "event-feed-atom", "project-feed-atom", "event-calendar"]
MAX_QUERIES = 6


def test_feed_query_count_does_not_grow_with_rows(client, subtests):
    # One world for every feed (building it is most of the cost).
    world = World()
    world.add(2)
    addresses = [
        url(name, query=query)
        for name in FEEDS
        for query in ["", "?place=azerbaijan&q=event"]
    ]
    for address in addresses:
        queries(client, address)  # warm caches (content types, sessions)
    small = {address: queries(client, address) for address in addresses}
    world.add(12)
    for address in addresses:
        with subtests.test(address):
            large = queries(client, address)
            print(f"{address}: {small[address]} queries with little data, {large}")
            assert small[address] == large
            assert large <= MAX_QUERIES
