"""Issue 20: the full map page (`map-page`) of every published record grouped
by place, filterable like the lists, readable without JavaScript and without
tiles (an outline of the countries vendored from npm); the home map's heading
says truly what it shows."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import EventKind
from portal.core import maps
from portal.core.models import Status
from projects.models import ProjectStatus
from tests.builders import make_country, make_event, make_place, make_project, sector

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TEST_SITE = "http://testserver"
LANGUAGES = ["en", "az", "zh-hans"]


@pytest.fixture
def world(db):
    azerbaijan = make_country(slug="azerbaijan", latitude=40.3, longitude=47.7)
    baku = make_place(
        name="Baku", slug="baku", parent=azerbaijan, latitude=40.41, longitude=49.87
    )
    ganja = make_place(
        name="Ganja", slug="ganja", parent=azerbaijan, latitude=40.68, longitude=46.36
    )
    talks = make_event(
        title="Talks in Baku",
        slug="talks",
        place=baku,
        kind=EventKind.TALKS,
        date=datetime.date(1994, 3, 1),
    )
    visit = make_event(
        title="Visit to Ganja",
        slug="visit",
        place=ganja,
        kind=EventKind.VISIT,
        date=datetime.date(2024, 5, 2),
    )
    solar = make_project(title="Solar plant", slug="solar")
    solar.places.add(baku)
    make_project(title="Draft plant", slug="draft", status=Status.DRAFT).places.add(
        baku
    )
    make_event(title="Draft talks", slug="draft-talks", place=ganja, status="draft")
    return {"baku": baku, "ganja": ganja, "talks": talks, "visit": visit}


def map_page(client, query="", language="en"):
    with translation.override(language):
        url = reverse("map-page")
    return client.get(url + query)


def places_list(html):
    """{place URL: [record URL, …]} from the list under the map."""
    section = html[html.index('<details class="map-places"') :]
    section = section[: section.index("</details>")]
    found = {}
    for item in re.split(r"<li>\s*<a ", section)[1:]:
        place = re.match(r'href="([^"]+)"', item).group(1)
        found[place] = re.findall(r'<li>[^<]*(?:: |：)<a href="([^"]+)"', item)
    return found


def geojson(client, query=""):
    response = client.get(reverse("map-page-data") + query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return response.json()["features"]


# The page


def test_the_map_page_is_under_each_language(world):
    for language in LANGUAGES:
        with translation.override(language):
            assert reverse("map-page") == f"/{language}/map/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_page_lists_every_published_record_by_place_without_js(
    client, world, language
):
    response = map_page(client, language=language)
    assert response.status_code == 200
    html = response.text
    prefix = f"/{language}"
    assert places_list(html) == {
        # The latest first; a record without a date (the project) last.
        f"{prefix}/places/baku/": [
            f"{prefix}/events/talks/",
            f"{prefix}/projects/solar/",
        ],
        f"{prefix}/places/ganja/": [f"{prefix}/events/visit/"],
    }
    assert "Draft" not in html
    # The interactive map is there for the script, with the page's filters.
    assert 'data-map-src="/' + language + '/map/places.geojson"' in html


def test_the_map_data_is_one_feature_per_place_with_its_records(client, world):
    features = geojson(client)
    by_place = {f["properties"]["place_slug"]: f["properties"] for f in features}
    assert set(by_place) == {"baku", "ganja"}
    baku = by_place["baku"]
    assert baku["count"] == 2
    assert [r["url"] for r in baku["records"]] == [
        TEST_SITE + "/en/events/talks/",
        TEST_SITE + "/en/projects/solar/",
    ]
    assert baku["place_url"] == TEST_SITE + "/en/places/baku/"
    assert baku["more"] == 0


def test_a_record_at_several_places_is_named_at_each_for_the_clusters(client, world):
    # The clusters (static/js/map.js) count `count` less `shared`, plus each
    # shared key once: a project at Baku and at Ganja is one record, not two.
    corridor = make_project(title="Freight corridor", slug="corridor")
    corridor.places.add(world["baku"], world["ganja"])
    by_place = {f["properties"]["place_slug"]: f["properties"] for f in geojson(client)}
    assert by_place["baku"]["count"] == 3 and by_place["ganja"]["count"] == 2
    assert by_place["baku"]["shared"] == ["project:corridor"]
    assert by_place["ganja"]["shared"] == ["project:corridor"]
    counted = sum(p["count"] - len(p["shared"]) for p in by_place.values())
    counted += len({key for p in by_place.values() for key in p["shared"]})
    assert counted == 4  # talks, visit, solar, corridor
    # Only what the map shows: without projects nothing is at two places.
    events = geojson(client, "?kind=event")
    assert [f["properties"]["shared"] for f in events] == [[], []]


@pytest.mark.parametrize(
    ("query", "places"),
    [
        ("?kind=event", {"baku": ["talks"], "ganja": ["visit"]}),
        ("?kind=project", {"baku": ["solar"]}),
        # A filter of the events list keeps projects off, and the other way.
        (f"?type={EventKind.VISIT}", {"ganja": ["visit"]}),
        ("?year=1994", {"baku": ["talks"]}),
        ("?sector=renewable-energy", {"baku": ["solar"]}),
        (f"?status={ProjectStatus.OPERATIONAL}", {"baku": ["solar"]}),
        ("?place=ganja", {"ganja": ["visit"]}),
        ("?q=solar", {"baku": ["solar"]}),
        ("?kind=project&type=visit", {}),
    ],
)
def test_the_map_filters_like_the_lists(client, world, query, places):
    features = geojson(client, query)
    found = {
        f["properties"]["place_slug"]: [
            r["url"].rstrip("/").rsplit("/", 1)[1] for r in f["properties"]["records"]
        ]
        for f in features
    }
    assert found == places
    response = map_page(client, query)
    assert response.status_code == 200
    if places:
        listed = places_list(response.text)
        assert {url.split("/")[-2] for url in listed} == set(places)
        # The map's data follows the same filters.
        data_url = reverse("map-page-data") + query
        assert f'data-map-src="{data_url.replace("&", "&amp;")}"' in response.text
    else:
        assert "No events or projects with a place match these filters." in (
            response.text
        )


@pytest.mark.parametrize(
    "query",
    ["?kind=everything", "?year=abc", "?type=nonsense", "?sector=none", "?status=gone"],
)
def test_filters_the_map_cannot_use_are_named_not_a_500(client, world, query):
    name = query[1:].split("=")[0]
    response = map_page(client, query)
    assert response.status_code == 400
    assert "These filters cannot be used:" in response.text
    assert f"<li>{name}: " in response.text
    data = client.get(reverse("map-page-data") + query)
    assert data.status_code == 400
    assert name in data.json()


def test_a_busy_place_lists_its_latest_records_and_links_to_the_rest(client, world):
    for day in range(1, maps.PLACE_RECORD_LIMIT + 3):
        make_event(
            title=f"Meeting {day:02}",
            slug=f"meeting-{day:02}",
            place=world["ganja"],
            date=datetime.date(2020, 1, day),
        )
    html = map_page(client, "?kind=event").text
    ganja = places_list(html)["/en/places/ganja/"]
    assert len(ganja) == maps.PLACE_RECORD_LIMIT
    # The latest first: 2024's visit, then the meetings from the 12th down.
    assert ganja[:2] == ["/en/events/visit/", "/en/events/meeting-12/"]
    assert "and 3 more records at this place" in html
    assert '<li class="map-more"><a href="/en/places/ganja/">' in html
    feature = next(
        f for f in geojson(client) if f["properties"]["place_slug"] == "ganja"
    )
    assert feature["properties"]["count"] == maps.PLACE_RECORD_LIMIT + 3
    assert len(feature["properties"]["records"]) == maps.PLACE_RECORD_LIMIT
    assert feature["properties"]["more_label"] == "and 3 more records at this place"


def test_the_map_page_makes_as_many_queries_at_any_size(client, world):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert map_page(client).status_code == 200
            geojson(client)
        return len(queries)

    small = count()
    for number in range(5):
        make_event(slug=f"more-{number}", place=world["baku"])
        make_project(slug=f"more-{number}").places.add(world["ganja"])
    assert count() == small


# Without tiles: the countries' outline, vendored from npm


def test_every_interactive_map_names_the_vendored_outline(client, world):
    html = map_page(client).text
    outline = re.search(r'data-outline-src="([^"]+)"', html).group(1)
    assert "/static/vendor/world-atlas/countries-110m" in outline
    assert "vendor/topojson-client/topojson-client.min" in html
    home = client.get(reverse("home")).text
    assert 'data-outline-src="' in home


def test_the_outline_is_real_boundary_data_with_both_countries():
    topology = json.loads(
        (ROOT / "static/vendor/world-atlas/countries-110m.json").read_text()
    )
    assert topology["type"] == "Topology"
    countries = {
        geometry.get("id"): geometry["properties"]["name"]
        for geometry in topology["objects"]["countries"]["geometries"]
    }
    # ISO 3166-1 numeric codes, which static/js/map.js picks them out by.
    assert countries["156"] == "China"
    assert countries["031"] == "Azerbaijan"
    assert len(countries) > 150
    script = (ROOT / "static/js/map.js").read_text()
    assert '"156"' in script and '"031"' in script


def test_the_outline_lies_under_the_tiles():
    css = (ROOT / "static/css/map.css").read_text()
    pane = re.search(r"\.leaflet-outline-pane \{\s*z-index: (\d+);", css)
    # Leaflet's tile pane is at 200: tiles that load cover the outline.
    assert pane and int(pane.group(1)) < 200


# The home map's heading


def render_site_map():
    request = RequestFactory().get("/en/")
    return Template("{% load map_tags %}{% site_map %}").render(
        Context({"request": request})
    )


def test_the_home_map_heading_promises_no_latest_when_it_shows_everything(world):
    # The 1994 talks are on the map: a "latest" heading would be untrue.
    html = render_site_map()
    heading = re.search(r'<h2 id="map-heading">(.*?)</h2>', html).group(1)
    assert heading == "Events and projects on the map"
    assert "latest" not in html.lower()
    assert "/en/events/talks/" in html
    assert f'<a href="{reverse("map-page")}">' in html


def test_the_home_map_says_when_it_shows_only_the_latest(world, monkeypatch):
    monkeypatch.setattr(maps, "MAP_LIMIT", 1)
    html = render_site_map()
    assert (
        "The map shows the places of the 1 latest events and of the 1 projects "
        "published last." in html
    )
    # The latest event (2024) is shown, not the 1994 one.
    assert "/en/events/visit/" in html and "/en/events/talks/" not in html


def test_a_project_beyond_the_limit_is_said_too(world, monkeypatch):
    monkeypatch.setattr(maps, "MAP_LIMIT", 2)
    make_project(slug="second").places.add(world["ganja"])
    make_project(slug="third", sector=sector()).places.add(world["ganja"])
    assert "latest events" in render_site_map()
