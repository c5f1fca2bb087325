"""Maps: the GeoJSON the map script draws, the list of places every map page shows
without it, the tile settings and the Content-Security-Policy they shape."""

import datetime
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from portal.core import maps
from portal.core.models import Place, PlaceKind, Status
from portal.editorial.management.commands.load_seed import read_seed
from portal.settings import tile_origin
from projects.models import Project
from tests.builders import (
    add_partner,
    make_country,
    make_event,
    make_organization,
    make_place,
    make_project,
    sector,
)

ROOT = Path(__file__).resolve().parents[2]
# The site's address in tests (no SITE_URL: the request's).
TEST_SITE = "http://testserver"

pytestmark = pytest.mark.django_db


def features(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    found = data["features"]
    # Addresses are absolute, on the site's address; compared here as paths.
    for feature in found:
        for key in ("url", "place_url"):
            address = feature["properties"][key]
            assert address.startswith(TEST_SITE + "/"), address
            feature["properties"][key] = address.removeprefix(TEST_SITE)
    return found


def pairs(features):
    """(record URL, place URL) for each feature."""
    return {(f["properties"]["url"], f["properties"]["place_url"]) for f in features}


def map_list_pairs(html):
    """(record URL, place URL) from the list of places under a map."""
    section = html[html.index('<details class="map-places"') :]
    section = section[: section.index("</details>")]
    found = set()
    for item in re.split(r"<li>\s*<a ", section)[1:]:
        place_url = re.match(r'href="([^"]+)"', item).group(1)
        for record_url in re.findall(r'<li>[^<]*(?:: |：)<a href="([^"]+)"', item):
            found.add((record_url, place_url))
    return found


# Seed data


def test_every_seed_place_has_coordinates():
    for place in read_seed()["places"]:
        assert place.get("latitude") and place.get("longitude"), place["slug"]
        assert -90 <= Decimal(place["latitude"]) <= 90
        assert -180 <= Decimal(place["longitude"]) <= 180


def test_seed_countries_and_regions_are_marked_approximate():
    for place in read_seed()["places"]:
        if place["kind"] in (PlaceKind.COUNTRY, PlaceKind.REGION):
            assert place.get("coordinates_approximate"), place["slug"]


def test_seed_points_lie_in_their_country(seeded):
    # Rough boxes around Azerbaijan and China catch swapped or mistyped values.
    boxes = {
        "AZ": ((38.3, 41.95), (44.7, 50.7)),
        "CN": ((18.0, 53.6), (73.5, 135.1)),
    }
    for place in Place.objects.all():
        (south, north), (west, east) = boxes[place.country_code]
        assert south <= place.latitude <= north, place.slug
        assert west <= place.longitude <= east, place.slug


def test_the_seed_home_map_lists_every_published_record_with_a_place(client, seeded):
    found = features(client, reverse("map"))
    urls = {f["properties"]["url"] for f in found}
    expected = {
        record.get_absolute_url()
        for record in [
            *Project.objects.published().filter(places__isnull=False),
            *Event.objects.published().filter(place__isnull=False),
        ]
    }
    assert urls == expected


# The projects map follows the list's filters


FILTERS = [
    "",
    "?sector=renewable-energy",
    "?place=azerbaijan",
    "?place=china",
    "?place=nakhchivan",
    "?status=operational",
    "?direction=cn_az",
    "?partner_country=china",
    "?q=solar",
    "?sector=renewable-energy&place=alat-free-economic-zone",
    "?sector=education&page=1",
]


@pytest.mark.parametrize("query", FILTERS)
def test_the_projects_map_shows_the_projects_the_list_shows(client, seeded, query):
    page = client.get(reverse("projects:list") + query)
    assert page.status_code == 200
    listed = list(page.context["paginator"].object_list)
    assert len(listed) == page.context["paginator"].count
    located = {
        project.get_absolute_url()
        for project in listed
        if any(place.latitude is not None for place in project.places.all())
    }

    data_url = page.context["map"].data_url
    path, _, kept = data_url.partition("?")
    assert path == reverse("projects:map")
    # The list's filters, in their canonical order (portal/ops/pagecache.py).
    asked = [pair for pair in parse_qsl(query.lstrip("?")) if pair[0] != "page"]
    assert parse_qsl(kept) == sorted(asked)
    found = features(client, data_url)
    assert {f["properties"]["url"] for f in found} == located
    # Each project once per place.
    assert pairs(found) == {
        (project.get_absolute_url(), place.get_absolute_url())
        for project in listed
        for place in project.places.all()
    }
    # The list under the map says the same, for readers without JavaScript.
    if found:
        assert map_list_pairs(page.text) == pairs(found)
    else:
        assert 'class="map-places"' not in page.text


def test_seed_filters_really_narrow(client, seeded):
    # Guards the test above against filters that match everything.
    everything = features(client, reverse("projects:map"))
    energy = features(client, reverse("projects:map") + "?sector=renewable-energy")
    china = features(client, reverse("projects:map") + "?place=china")
    assert 0 < len(energy) < len(everything)
    assert 0 < len(china) < len(everything)
    assert {f["properties"]["kind"] for f in everything} == {"project"}


def test_a_place_filter_includes_the_places_inside_it(client):
    azerbaijan = make_country(slug="azerbaijan", latitude=40, longitude=47.5)
    baku = make_place(name="Baku", parent=azerbaijan, latitude=40.4, longitude=49.9)
    china = make_country(name="China", code="CN", latitude=35.9, longitude=104.2)
    in_baku = make_project(title="In Baku")
    in_baku.places.add(baku)
    in_china = make_project(title="In China")
    in_china.places.add(china)
    found = features(client, reverse("projects:map") + "?place=azerbaijan")
    assert pairs(found) == {(in_baku.get_absolute_url(), baku.get_absolute_url())}


def test_a_partner_filter_keeps_only_that_partners_projects(client):
    place = make_place(latitude=40.4, longitude=49.9)
    partner = make_organization(slug="the-partner")
    kept = make_project(title="Kept")
    kept.places.add(place)
    add_partner(kept, partner)
    make_project(title="Other").places.add(place)
    found = features(client, reverse("projects:map") + "?partner=the-partner")
    assert [f["properties"]["name"] for f in found] == ["Kept"]


@pytest.mark.parametrize(
    "query, field",
    [
        ("?sector=no-such-sector", "sector"),
        ("?place=atlantis!", "place"),
        ("?status=imaginary", "status"),
        ("?direction=sideways", "direction"),
        ("?partner=nobody?", "partner"),
        ("?partner_country=nar.nia", "partner_country"),
        ("?q=" + "x" * 201, "q"),
    ],
)
def test_a_filter_value_the_map_cannot_use_is_a_400_saying_which(client, query, field):
    response = client.get(reverse("projects:map") + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    errors = response.json()
    assert list(errors) == [field]
    assert errors[field][0]


def test_a_draft_partner_lists_nothing_as_an_unknown_one_does(client):
    # A filter on a record readers may not see keeps nothing, and answers as a
    # slug nobody has: the answer says nothing about drafts.
    hidden = make_organization(slug="hidden", status=Status.DRAFT)
    project = make_project()
    project.places.add(make_place(latitude=40.4, longitude=49.9))
    add_partner(project, hidden)
    assert features(client, reverse("projects:map")) != []
    for slug in ("hidden", "never-used"):
        url = reverse("projects:map") + f"?partner={slug}"
        assert features(client, url) == []


def test_the_list_with_a_bad_filter_shows_no_map(client):
    make_project().places.add(make_place(latitude=40.4, longitude=49.9))
    response = client.get(reverse("projects:list") + "?sector=no-such-sector")
    assert response.status_code == 200
    assert 'class="map-section"' not in response.text


# Points: exact, approximate, borrowed, missing


def test_exact_and_approximate_points_are_told_apart(client):
    country = make_country(
        latitude=40.14, longitude=47.58, coordinates_approximate=True
    )
    city = make_place(name="Baku", parent=country, latitude=40.41, longitude=49.87)
    project = make_project()
    project.places.add(country, city)
    found = {
        f["properties"]["place"]: f for f in features(client, reverse("projects:map"))
    }
    assert found["Azerbaijan"]["properties"]["approximate"] is True
    assert found["Baku"]["properties"]["approximate"] is False
    # GeoJSON order: longitude, latitude.
    assert found["Baku"]["geometry"] == {
        "type": "Point",
        "coordinates": [49.87, 40.41],
    }
    assert found["Baku"]["properties"]["kind"] == "project"
    assert found["Baku"]["properties"]["kind_label"] == "Project"
    assert found["Baku"]["properties"]["url"] == project.get_absolute_url()


def test_features_carry_absolute_addresses_dates_statuses_and_slugs(client, settings):
    settings.SITE_URL = "https://portal.example.org"
    baku = make_place(name="Baku", slug="baku", latitude=40.41, longitude=49.87)
    project = make_project(
        title="Solar plant",
        slug="solar-plant",
        project_status="operational",
        start_date=datetime.date(2023, 5, 1),
        start_date_precision="month",
    )
    project.places.add(baku)
    make_event(
        title="Talks in Baku",
        slug="talks-in-baku",
        place=baku,
        date=datetime.date(2025, 4, 23),
    )
    make_project(title="Undated", slug="undated", start_date=None).places.add(baku)

    response = client.get(reverse("map"))
    found = {
        f["properties"]["slug"]: f["properties"] for f in response.json()["features"]
    }

    solar = found["solar-plant"]
    assert solar["url"] == "https://portal.example.org/en/projects/solar-plant/"
    assert solar["place_url"] == "https://portal.example.org/en/places/baku/"
    assert solar["place_slug"] == "baku"
    assert (solar["date"], solar["date_precision"]) == ("2023-05-01", "month")
    assert solar["date_display"] == "May 2023"
    assert (solar["status"], solar["status_label"]) == ("operational", "Operational")
    talks = found["talks-in-baku"]
    assert talks["url"] == "https://portal.example.org/en/events/talks-in-baku/"
    assert (talks["date"], talks["date_precision"]) == ("2025-04-23", "day")
    assert talks["date_display"]
    # Events have no status; a date not known is null.
    assert (talks["status"], talks["status_label"]) == (None, None)
    undated = found["undated"]
    assert (undated["date"], undated["date_precision"]) == (None, None)
    assert undated["date_display"] == ""


def test_a_place_without_a_point_borrows_its_parents_as_approximate(client):
    country = make_country(
        latitude=40.14, longitude=47.58, coordinates_approximate=True
    )
    city = make_place(name="Baku", parent=country, latitude=40.41, longitude=49.87)
    district = make_place(name="Khazar", kind=PlaceKind.DISTRICT, parent=city)
    site = make_place(name="Port", kind=PlaceKind.SITE, parent=district)
    make_event(title="At the port", place=site)

    (feature,) = features(client, reverse("map"))
    assert feature["properties"]["place"] == "Port"
    assert feature["properties"]["place_url"] == site.get_absolute_url()
    assert feature["geometry"]["coordinates"] == [49.87, 40.41]
    assert feature["properties"]["approximate"] is True


def test_records_without_any_point_are_left_off(client):
    nowhere = make_country(name="Somewhere")
    make_project().places.add(nowhere)
    make_project()  # no place at all
    make_event(place=make_place(parent=nowhere))
    make_event(place=None)
    assert features(client, reverse("map")) == []
    response = client.get(reverse("home"))
    assert 'class="map-section"' not in response.text


def test_names_come_in_the_readers_language(client):
    place = make_place(
        name="Baku", name_az="Bakı", name_zh_hans="巴库", latitude=40.4, longitude=49.9
    )
    project = make_project(title="Solar plant", title_az="Günəş elektrik stansiyası")
    project.places.add(place)

    (az,) = features(client, "/az/map.geojson")
    assert az["properties"]["name"] == "Günəş elektrik stansiyası"
    assert az["properties"]["name_lang"] == "az"
    assert az["properties"]["place"] == "Bakı"
    assert az["properties"]["url"].startswith("/az/projects/")
    (zh,) = features(client, "/zh-hans/map.geojson")
    # Not translated yet: the English title, saying so.
    assert zh["properties"]["name"] == "Solar plant"
    assert zh["properties"]["name_lang"] == "en"
    assert zh["properties"]["place"] == "巴库"
    assert zh["properties"]["place_lang"] == "zh-hans"


# Only published records


HIDDEN = [
    {"status": Status.DRAFT},
    {"status": Status.REVIEW},
    {"status": Status.ARCHIVED},
    {"published_at": "future"},
]


def hidden_fields(fields):
    if fields.get("published_at") == "future":
        return {"published_at": timezone.now() + datetime.timedelta(days=1)}
    return fields


@pytest.mark.parametrize("fields", HIDDEN)
def test_unpublished_records_are_on_no_map(client, fields):
    place = make_place(latitude=40.4, longitude=49.9)
    shown = make_project(title="Shown")
    shown.places.add(place)
    hidden = make_project(title="Hidden project", **hidden_fields(fields))
    hidden.places.add(place)
    event = make_event(title="Hidden event", place=place, **hidden_fields(fields))

    for url in (reverse("map"), reverse("projects:map")):
        names = {f["properties"]["name"] for f in features(client, url)}
        assert names == {"Shown"}, url
    for page in (reverse("home"), reverse("projects:list")):
        text = client.get(page).text
        assert "Shown" in text
        assert "Hidden" not in text
    for record, kind in ((hidden, "project"), (event, "event")):
        url = reverse("map-record", kwargs={"kind": kind, "slug": record.slug})
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["detail"]


def test_the_record_map_shows_the_records_places(client):
    country = make_country(
        latitude=40.14, longitude=47.58, coordinates_approximate=True
    )
    city = make_place(name="Baku", parent=country, latitude=40.41, longitude=49.87)
    project = make_project()
    project.places.add(country, city)
    make_project(title="Another").places.add(city)
    event = make_event(place=city)

    url = reverse("map-record", kwargs={"kind": "project", "slug": project.slug})
    assert url == f"/en/map/project/{project.slug}.geojson"
    assert {f["properties"]["place"] for f in features(client, url)} == {
        "Azerbaijan",
        "Baku",
    }
    url = reverse("map-record", kwargs={"kind": "event", "slug": event.slug})
    (feature,) = features(client, url)
    assert feature["properties"]["url"] == event.get_absolute_url()

    page = client.get(project.get_absolute_url())
    assert f'data-map-src="/en/map/project/{project.slug}.geojson"' in page.text
    assert map_list_pairs(page.text) == {
        (project.get_absolute_url(), country.get_absolute_url()),
        (project.get_absolute_url(), city.get_absolute_url()),
    }
    page = client.get(event.get_absolute_url())
    assert f'data-map-src="/en/map/event/{event.slug}.geojson"' in page.text
    assert map_list_pairs(page.text) == {
        (event.get_absolute_url(), city.get_absolute_url())
    }


def test_an_unknown_kind_of_record_is_a_404(client):
    response = client.get("/en/map/person/someone.geojson")
    assert response.status_code == 404
    assert response.json()["detail"]


# The pages


def test_the_home_page_lists_the_places_on_its_map(client):
    country = make_country(
        latitude=40.14, longitude=47.58, coordinates_approximate=True
    )
    city = make_place(name="Baku", parent=country, latitude=40.41, longitude=49.87)
    project = make_project(title="Solar plant")
    project.places.add(country)
    event = make_event(title="Talks in Baku", place=city)

    response = client.get(reverse("home"))
    html = response.text
    assert 'data-map-src="/en/map.geojson"' in html
    assert map_list_pairs(html) == pairs(features(client, reverse("map")))
    assert map_list_pairs(html) == {
        (project.get_absolute_url(), country.get_absolute_url()),
        (event.get_absolute_url(), city.get_absolute_url()),
    }
    # Exact and approximate, in words.
    assert re.search(r"Azerbaijan</a>\s*<span[^>]*>\(approximate location\)", html)
    assert re.search(r"Baku</a>\s*<span[^>]*>\(exact location\)", html)
    assert "Project: <a" in html
    assert "Event: <a" in html
    # Open until the script folds it away behind the drawn map.
    assert '<details class="map-places" open>' in html


def test_map_pages_load_leaflet_from_this_site_and_nothing_inline(client, seeded):
    project = Project.objects.published().filter(places__isnull=False).first()
    event = Event.objects.published().filter(place__isnull=False).first()
    for url in (
        reverse("home"),
        reverse("projects:list"),
        project.get_absolute_url(),
        event.get_absolute_url(),
    ):
        html = client.get(url).text
        # Every executable script is a file; JSON-LD data blocks (never run,
        # see templates/includes/structured_data.html) are not scripts.
        scripts = re.findall(r"<script\b(?![^>]*application/ld\+json)[^>]*>", html)
        sources = [re.search(r'src="([^"]+)"', tag).group(1) for tag in scripts]
        hashed = r"/static/(.+)\.[0-9a-f]{12}\.js"
        mine = [
            found.group(1)
            for found in (re.fullmatch(hashed, source) for source in sources)
            if found and ("leaflet" in found.group(1) or found.group(1) == "js/map")
        ]
        # Leaflet, then its cluster plugin, then the script that uses both.
        assert mine == [
            "vendor/leaflet/leaflet",
            "vendor/leaflet.markercluster/leaflet.markercluster",
            "js/map",
        ], url
        assert all(source.startswith("/static/") for source in sources), url
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert any("/static/vendor/leaflet/leaflet." in href for href in stylesheets)
        assert all(href.startswith("/static/") for href in stylesheets), url
        assert " style=" not in html and "<style" not in html


def test_pages_carry_the_csp_with_the_tile_host(client, seeded):
    for url in (reverse("home"), reverse("projects:list")):
        policy = client.get(url)["Content-Security-Policy"]
        directives = dict(
            part.strip().split(" ", 1) for part in policy.split(";") if part.strip()
        )
        assert directives["script-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert directives["img-src"] == "'self' data: https://tile.openstreetmap.org"


def test_the_tile_url_and_attribution_come_from_settings(client, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "Tiles by <a href='https://example.org'>Example</a>"
    make_project().places.add(make_place(latitude=40.4, longitude=49.9))
    html = client.get(reverse("home")).text
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-attribution="Tiles by &lt;a href=&#x27;https://example.org' in html


def test_no_tile_url_means_no_map_but_still_the_list(client, settings):
    settings.MAP_TILE_URL = ""
    project = make_project()
    project.places.add(make_place(latitude=40.4, longitude=49.9))
    html = client.get(reverse("home")).text
    assert "data-map-src" not in html
    assert 'class="map-places"' in html
    assert project.get_absolute_url() in html


@pytest.mark.parametrize(
    "url, origin",
    [
        (
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "https://tile.openstreetmap.org",
        ),
        (
            "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
            "https://*.tiles.example.org",
        ),
        ("http://tiles.local:8080/{z}/{x}/{y}.png", "http://tiles.local:8080"),
        ("/static/tiles/{z}/{x}/{y}.png", None),
        ("", None),
    ],
)
def test_the_tile_origin_is_what_the_policy_allows(url, origin):
    assert tile_origin(url) == origin


def run_settings(**env):
    base = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s;"
            "print(' '.join(s.SECURE_CSP['img-src']), repr(s.MAP_TILE_URL))",
        ],
        cwd=ROOT,
        env={**base, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_an_installations_own_tile_server_is_allowed_by_the_policy():
    result = run_settings(MAP_TILE_URL="https://maps.example.az/{z}/{x}/{y}.png")
    assert result.returncode == 0, result.stderr
    assert "'self'" in result.stdout
    assert "https://maps.example.az" in result.stdout
    assert "openstreetmap" not in result.stdout


def test_an_empty_tile_url_turns_the_map_off():
    result = run_settings(MAP_TILE_URL="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "'self' data: ''"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://tiles.example.org/{z}/{x}/{y}.png",
        "https://tiles.example.org/tile.png",
        "tiles/{z}/{x}/{y}.png",
        "https://user@tiles.example.org/{z}/{x}/{y}.png",
    ],
)
def test_a_bad_tile_url_is_refused_at_start(url):
    result = run_settings(MAP_TILE_URL=url)
    assert result.returncode != 0
    assert "MAP_TILE_URL must" in result.stderr


# Query counts


class World:
    def __init__(self):
        self.country = make_country(
            slug="azerbaijan",
            latitude=40.1,
            longitude=47.6,
            coordinates_approximate=True,
        )
        self.count = 0

    def add(self, rounds):
        for _ in range(rounds):
            self.count += 1
            city = make_place(parent=self.country, latitude=40.4, longitude=49.9)
            unlocated = make_place(parent=city)
            project = make_project(sector=sector("renewable-energy"))
            project.places.add(city, unlocated, self.country)
            make_event(place=unlocated)
            make_event(place=city)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response


# Each with the content token, read for the ETag (portal/ops/httpcache.py).
MAX_QUERIES = {
    "/en/map.geojson": 4,
    "/en/projects/map.geojson": 3,
    "/en/projects/map.geojson?sector=renewable-energy&place=azerbaijan": 5,
}


@pytest.mark.parametrize("url", MAX_QUERIES)
def test_map_data_takes_a_fixed_number_of_queries(client, url):
    world = World()
    world.add(2)
    queries(client, url)
    small, response = queries(client, url)
    world.add(10)
    large, response = queries(client, url)
    print(f"{url}: {small} queries with little data, {large} with more")
    assert len(response.json()["features"]) > 20
    assert small == large <= MAX_QUERIES[url]


def test_record_map_data_takes_a_fixed_number_of_queries(client):
    world = World()
    world.add(3)
    project = Project.objects.first()
    url = reverse("map-record", kwargs={"kind": "project", "slug": project.slug})
    count, response = queries(client, url)
    assert len(response.json()["features"]) == 3
    # And the content token, for the ETag (portal/ops/httpcache.py).
    assert count <= 4
    event = Event.objects.filter(place__latitude__isnull=True).first()
    url = reverse("map-record", kwargs={"kind": "event", "slug": event.slug})
    count, response = queries(client, url)
    assert response.json()["features"][0]["properties"]["approximate"] is True
    assert count <= 3


def test_the_geojson_keeps_non_latin_names_readable(client):
    make_project(title="太阳能电站").places.add(
        make_place(latitude=40.4, longitude=49.9)
    )
    response = client.get(reverse("map"))
    assert "太阳能电站".encode() in response.content


# At any size: a map shows at most MAP_LIMIT records of each kind


def test_the_home_map_shows_only_the_latest_events_and_projects(client, monkeypatch):
    monkeypatch.setattr(maps, "MAP_LIMIT", 2)
    place = make_place(latitude=40.4, longitude=49.9)
    for year in (2021, 2023, 2022):
        make_event(title=f"Talks {year}", date=datetime.date(year, 5, 1), place=place)
    make_event(title="Talks nowhere", date=datetime.date(2024, 5, 1), place=None)
    now = timezone.now()
    for days_ago in (3, 1, 2):
        make_project(
            title=f"Project {days_ago}",
            published_at=now - datetime.timedelta(days=days_ago),
        ).places.add(place)
    make_project(title="Project nowhere")  # newest, but it has no place

    names = {f["properties"]["name"] for f in features(client, reverse("map"))}
    assert names == {"Talks 2023", "Talks 2022", "Project 1", "Project 2"}
    html = client.get(reverse("home")).text
    # More records than the map holds: the heading promises no more than "on the
    # map", and a note says which ones it shows.
    assert "Events and projects on the map" in html
    assert (
        "The map shows the places of the 2 latest events and of the 2 projects "
        "published last." in html
    )
    assert {url for url, _place in map_list_pairs(html)} == {
        f["properties"]["url"] for f in features(client, reverse("map"))
    }


def test_the_projects_map_shows_the_lists_first_projects_and_says_so(
    client, monkeypatch
):
    monkeypatch.setattr(maps, "MAP_LIMIT", 2)
    place = make_place(latitude=40.4, longitude=49.9)
    for title in ("Cement works", "Airport", "Bridge"):
        make_project(title=title).places.add(place)

    found = features(client, reverse("projects:map"))
    assert sorted(f["properties"]["name"] for f in found) == ["Airport", "Bridge"]
    html = client.get(reverse("projects:list")).text
    assert len(map_list_pairs(html)) == 2
    assert "The map shows the places of the first 2 of these 3 records." in html

    # A list the map covers whole says nothing of the kind.
    html = client.get(reverse("projects:list") + "?q=bridge").text
    assert len(map_list_pairs(html)) == 1
    assert 'class="map-note"' not in html
