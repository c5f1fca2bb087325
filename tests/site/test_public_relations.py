"""No unpublished name on a published page (issue 15, item 3).

Published records are linked, through every kind of relation the site shows,
to records readers may not see: drafts, records in review, archived records
and records scheduled for later. Every public page, feed, calendar, JSON-LD
block, map, the sitemap, search, every API endpoint and every download is then
read: none may name an unpublished record, and each names the published
records it shows.

Data-driven: a new relation is one entry in RELATIONS (a function that links
hidden records to the published ones), a new page one entry in PAGES.
"""

import datetime
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from portal.core.models import Side, Status
from tests.builders import (
    add_observation,
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

# In the name and slug of every record readers may not see, and nowhere else.
SECRET = "Qvxz"
SECRET_PATTERN = re.compile(rf"{SECRET}[\w-]*", re.IGNORECASE)


def unpublished_states():
    """Everything `published()` leaves out, by name."""
    now = timezone.now()
    return {
        "draft": {"status": Status.DRAFT},
        "review": {"status": Status.REVIEW},
        "archived": {
            "status": Status.ARCHIVED,
            "published_at": now - datetime.timedelta(days=30),
        },
        "scheduled": {
            "status": Status.PUBLISHED,
            "published_at": now + datetime.timedelta(days=3),
        },
    }


@dataclass
class World:
    """The published records, and the published records of some relations
    that need one of their own (a unit whose parent is a draft), by name."""

    extra: dict = field(default_factory=dict)

    def build(self):
        self.place = make_place(
            name="Shown place", slug="shown-place", latitude=40.4, longitude=49.8
        )
        self.person = make_person(name="Shown person", slug="shown-person")
        self.parent = make_organization(name="Shown parent", slug="shown-parent")
        self.organization = make_organization(
            name="Shown organisation", slug="shown-organisation", parent=self.parent
        )
        self.unit = make_organization(
            name="Shown unit", slug="shown-unit", parent=self.organization
        )
        self.publisher = make_organization(
            name="Shown publisher", slug="shown-publisher"
        )
        self.source = make_source(
            title="Shown source", slug="shown-source", publisher=self.publisher
        )
        self.event = make_event(
            title="Shown event", slug="shown-event", place=self.place
        )
        add_participant(self.event, self.person, role="Shown role")
        self.event.organizations.add(self.organization)
        self.agreement = make_agreement(
            title="Shown agreement", slug="shown-agreement", event=self.event
        )
        self.agreement.parties.add(self.organization)
        self.project = make_project(
            title="Shown project", slug="shown-project", featured=True
        )
        self.project.places.add(self.place)
        add_partner(self.project, self.organization)
        self.project.events.add(self.event)
        self.project.agreements.add(self.agreement)
        self.indicator = make_indicator(name="Shown indicator", slug="shown-indicator")
        self.reporter = make_organization(name="Shown reporter", slug="shown-reporter")
        self.observation = add_observation(
            self.indicator, reported_by=self.reporter, side=Side.AZERBAIJAN
        )
        for record in self.cited():
            cite(record, self.source)
        return self

    def cited(self):
        return [
            self.event,
            self.agreement,
            self.project,
            self.person,
            self.organization,
            self.indicator,
            self.observation,
        ]


# Relations: each links hidden records (named `name`, in state `state`) to the
# published world. -------------------------------------------------------------


def participant_person(world, name, slug, state, label):
    add_participant(world.event, make_person(name=name, slug=slug, **state))


def event_organisation(world, name, slug, state, label):
    world.event.organizations.add(make_organization(name=name, slug=slug, **state))


def agreement_party(world, name, slug, state, label):
    world.agreement.parties.add(make_organization(name=name, slug=slug, **state))


def project_partner(world, name, slug, state, label):
    add_partner(world.project, make_organization(name=name, slug=slug, **state))


def agreement_signed_at(world, name, slug, state, label):
    event = make_event(title=name, slug=slug, place=world.place, **state)
    world.extra[f"agreement-{label}"] = make_agreement(
        title=f"Shown agreement signed at a {label} event",
        slug=f"shown-agreement-at-{label}",
        event=event,
    )


def event_agreement(world, name, slug, state, label):
    agreement = make_agreement(title=name, slug=slug, event=world.event, **state)
    agreement.parties.add(world.organization)
    world.project.agreements.add(agreement)


def related_event(world, name, slug, state, label):
    # Of the project, of the person (a participant), of the organisation and
    # of the place.
    event = make_event(title=name, slug=slug, place=world.place, **state)
    world.project.events.add(event)
    add_participant(event, world.person)
    event.organizations.add(world.organization)


def related_project(world, name, slug, state, label):
    # Of the event, of the agreement, of the organisation (a partner) and of
    # the place.
    project = make_project(title=name, slug=slug, featured=True, **state)
    project.events.add(world.event)
    project.agreements.add(world.agreement)
    project.places.add(world.place)
    add_partner(project, world.organization)


def organisation_parent(world, name, slug, state, label):
    parent = make_organization(name=name, slug=slug, **state)
    world.extra[f"unit-{label}"] = make_organization(
        name=f"Shown unit of a {label} parent",
        slug=f"shown-unit-of-{label}",
        parent=parent,
    )


def organisation_unit(world, name, slug, state, label):
    make_organization(name=name, slug=slug, parent=world.organization, **state)


def source_publisher(world, name, slug, state, label):
    publisher = make_organization(name=name, slug=slug, **state)
    source = make_source(
        title=f"Shown source of a {label} publisher",
        slug=f"shown-source-of-{label}",
        publisher=publisher,
    )
    world.extra[f"source-{label}"] = source
    # Its citations show the publisher's name under each record citing it.
    for record in world.cited():
        cite(record, source)


def cited_source(world, name, slug, state, label):
    source = make_source(title=name, slug=slug, **state)
    for record in world.cited():
        cite(record, source, quote=f"{SECRET} quoted from a {label} source")


def indicator_observation(world, name, slug, state, label):
    # An unpublished indicator's observation citing the published source: the
    # source's page, the key figures, the API and the dataset must not list it.
    indicator = make_indicator(name=name, slug=slug, **state)
    cite(add_observation(indicator, note=f"{SECRET} note"), world.source)
    cite(indicator, world.source)


def observation_reporter(world, name, slug, state, label):
    # Another value of the shown indicator's period, reported by an unpublished
    # body: the value shows, with its side and a disagreement mark; the body's
    # name does not.
    body = make_organization(name=name, slug=slug, **state)
    observation = add_observation(
        world.indicator, reported_by=body, side=Side.OTHER, value=400
    )
    cite(observation, world.source)


def indicator_component(world, name, slug, state, label):
    # An unpublished component of the shown indicator, and an unpublished
    # indicator a published one is a component of.
    make_indicator(name=name, slug=slug, component_of=world.indicator, **state)
    whole = make_indicator(name=f"{name}-whole", slug=f"{slug}-whole", **state)
    make_indicator(
        name=f"Shown part of a {label} whole",
        slug=f"shown-part-of-{label}",
        component_of=whole,
    )


RELATIONS = {
    "participant": participant_person,
    "event-organisation": event_organisation,
    "agreement-party": agreement_party,
    "project-partner": project_partner,
    "agreement-event": agreement_signed_at,
    "event-agreement": event_agreement,
    "related-event": related_event,
    "related-project": related_project,
    "organisation-parent": organisation_parent,
    "organisation-unit": organisation_unit,
    "source-publisher": source_publisher,
    "cited-source": cited_source,
    "indicator-observation": indicator_observation,
    "observation-reporter": observation_reporter,
    "indicator-component": indicator_component,
}
# Places have no workflow: every place is public, so a project's places are
# not a relation that can hide anything.


@pytest.fixture
def world():
    world = World().build()
    for relation, link in RELATIONS.items():
        for label, state in unpublished_states().items():
            name = f"{SECRET}-{relation}-{label}"
            link(world, name, name.lower(), state, label)
    return world


# Pages -------------------------------------------------------------------------

ALL = ["Shown event", "Shown agreement", "Shown project"]


@dataclass(frozen=True)
class Page:
    url: str
    # What it must show: the published records of the relations it lists.
    shows: tuple = ()
    # How to read it: "text" (HTML, XML, JSON, CSV, iCalendar) or "zip".
    read: str = "text"


def detail(kind, slug, *shows):
    return Page(f"/en/{kind}/{slug}/", tuple(shows))


PAGES = [
    Page("/en/", ("Shown event", "Shown project", "Shown indicator", "Shown source")),
    Page("/en/events/", ("Shown event",)),
    Page("/en/events/timeline/", ("Shown event",)),
    Page("/en/events/2025/", ("Shown event",)),
    Page("/en/agreements/", ("Shown agreement",)),
    Page("/en/projects/", ("Shown project", "Shown place")),
    Page("/en/people/", ("Shown person",)),
    Page("/en/organisations/", ("Shown organisation", "Shown parent")),
    Page(
        "/en/key-figures/",
        (
            "Shown indicator",
            "Shown source",
            "Shown reporter",
            "Sources disagree",
            "Shown part of a draft whole",
        ),
    ),
    Page(
        "/en/search/?q=shown",
        ("/en/events/shown-event/", "/en/people/shown-person/"),
    ),
    detail(
        "events",
        "shown-event",
        "Shown person",
        "Shown role",
        "Shown organisation",
        "Shown agreement",
        "Shown project",
        "Shown place",
        "Shown source",
        "Shown publisher",
        "Shown source of a draft publisher",
    ),
    detail(
        "agreements",
        "shown-agreement",
        "Shown event",
        "Shown organisation",
        "Shown project",
        "Shown source",
    ),
    *[
        detail("agreements", f"shown-agreement-at-{label}", "not stated")
        for label in unpublished_states()
    ],
    detail(
        "projects",
        "shown-project",
        "Shown organisation",
        "Shown event",
        "Shown agreement",
        "Shown place",
        "Shown source",
    ),
    detail(
        "people",
        "shown-person",
        "Shown event",
        "Shown role",
        "Shown agreement",
        "Shown project",
        "Shown source",
    ),
    detail(
        "organisations",
        "shown-organisation",
        "Shown parent",
        "Shown unit",
        "Shown event",
        "Shown agreement",
        "Shown project",
        "Shown source",
    ),
    *[
        detail("organisations", f"shown-unit-of-{label}", f"a {label} parent")
        for label in unpublished_states()
    ],
    detail("places", "shown-place", "Shown event", "Shown project"),
    detail(
        "sources",
        "shown-source",
        "Shown publisher",
        *ALL,
        "Shown person",
        "Shown organisation",
        "Shown indicator",
    ),
    *[
        detail("sources", f"shown-source-of-{label}", "Shown event")
        for label in unpublished_states()
    ],
    # Issue 20's pages: a key figure's own page, the full map and its data.
    Page(
        "/en/key-figures/shown-indicator/",
        ("Shown indicator", "Shown source", "Shown reporter"),
    ),
    Page("/en/map/", ("Shown event", "Shown project", "Shown place")),
    Page("/en/map/places.geojson", ("Shown event", "Shown project", "Shown place")),
    Page("/en/download/key-figures.csv", ("Shown indicator", "Shown reporter")),
    Page("/en/download/key-figures.json", ("Shown indicator", "Shown reporter")),
    Page("/en/events/feed/rss/", ("Shown event",)),
    Page("/en/events/feed/atom/", ("Shown event",)),
    Page("/en/projects/feed/rss/", ("Shown project",)),
    Page("/en/projects/feed/atom/", ("Shown project",)),
    Page("/en/events/calendar.ics", ("Shown event", "Shown place")),
    Page("/en/map.geojson", ("Shown event", "Shown project", "Shown place")),
    Page("/en/projects/map.geojson", ("Shown project", "Shown place")),
    Page("/en/map/event/shown-event.geojson", ("Shown event", "Shown place")),
    Page("/en/map/project/shown-project.geojson", ("Shown project",)),
    Page("/sitemap.xml", ("/sitemap-events-en.xml", "/sitemap-sources-az.xml")),
    Page("/sitemap-events-en.xml", ("/en/events/shown-event/",)),
    Page("/sitemap-sources-en.xml", ("/en/sources/shown-source/",)),
    Page("/sitemap-organisations-az.xml", ("/az/organisations/shown-parent/",)),
    Page(
        "/api/v1/events/?page_size=100",
        ("Shown person", "Shown organisation", *ALL, "Shown source"),
    ),
    Page(
        "/api/v1/events/shown-event/",
        ("Shown person", "Shown organisation", *ALL, "Shown source"),
    ),
    Page(
        "/api/v1/agreements/?page_size=100",
        ("Shown organisation", *ALL, "Shown source"),
    ),
    Page("/api/v1/agreements/shown-agreement-at-draft/", ("Shown agreement",)),
    Page(
        "/api/v1/projects/?page_size=100",
        ("Shown organisation", *ALL, "Shown place", "Shown source"),
    ),
    Page(
        "/api/v1/projects/shown-project/",
        ("Shown organisation", *ALL, "Shown source"),
    ),
    Page("/api/v1/people/?page_size=100", ("Shown person", "Shown event")),
    Page("/api/v1/people/shown-person/", ("Shown event", "Shown source")),
    Page(
        "/api/v1/organisations/?page_size=100",
        ("Shown organisation", "Shown parent", "Shown source"),
    ),
    Page("/api/v1/organisations/shown-unit-of-draft/", ("Shown unit",)),
    Page("/api/v1/places/?page_size=100", ("Shown place",)),
    Page("/api/v1/places/shown-place/", ("Shown place",)),
    Page("/api/v1/sources/?page_size=100", ("Shown source", "Shown publisher")),
    Page("/api/v1/sources/shown-source-of-review/", ("Shown source",)),
    Page(
        "/api/v1/indicators/?page_size=100",
        ("Shown indicator", "Shown source", "Shown reporter", "Shown part of a"),
    ),
    Page(
        "/api/v1/indicators/shown-indicator/",
        ("Shown indicator", "Shown source", "Shown reporter"),
    ),
    Page("/en/suggest-correction/event/shown-event/", ("Shown event",)),
    *[
        # CSV files name participants, partners and sources by their slugs.
        Page(f"/en/download/{kind}.{fmt}", shows)
        for kind, name in [
            ("events", "Shown person"),
            ("agreements", "Shown organisation"),
            ("projects", "Shown organisation"),
            ("people", "Shown event"),
            ("organisations", "Shown parent"),
        ]
        for fmt, shows in [
            ("csv", (name.lower().replace(" ", "-"), "shown-source")),
            ("json", (name, "Shown source")),
        ]
    ],
    Page(
        "/en/data/portal-dataset.zip",
        (
            *ALL,
            "Shown person",
            "Shown organisation",
            "Shown indicator",
            "Shown source",
            "Shown place",
            "Shown reporter",
        ),
        read="zip",
    ),
]


def content(response, read):
    data = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if read == "zip":
        archive = zipfile.ZipFile(io.BytesIO(data))
        return "\n".join(
            archive.read(name).decode("utf-8-sig") for name in archive.namelist()
        )
    return data.decode("utf-8-sig")


def test_no_published_page_names_an_unpublished_record(client, world, media, subtests):
    # One world for every page (building it is most of the cost); each page is
    # a subtest of its own, reported on its own when it fails.
    # The dataset is built ahead of time, as `manage.py build_dataset` does.
    call_command("build_dataset", "--language", "en", stdout=io.StringIO())
    for page in PAGES:
        with subtests.test(page.url):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            text = content(response, page.read)

            assert SECRET_PATTERN.findall(text) == []
            for shown in page.shows:
                assert shown in text, shown


# Addresses that show no record's relations, and why; every other address the
# site answers (the admin aside) must be walked above.
NOT_WALKED = {
    "about": "the about page: no records",
    "api:index": "the API's index: links to its lists",
    "api:docs": "the API's documentation: no records",
    "api:schema": "the API's schema: no records",
    "correction-sent": "the thanks after a correction: no records",
    "healthz": "liveness: no records",
    "readyz": "readiness: no records",
    "robots": "robots.txt: no records",
    "record-preview": "an editor's signed preview of a draft, not for readers "
    "(tests/editorial/test_admin20.py)",
}


def named_addresses(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from named_addresses(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_address_readers_can_open_is_walked():
    # A page, feed or endpoint added later is walked (an entry in PAGES) or
    # says here why it shows no relations.
    walked = {resolve(urlsplit(page.url).path).view_name for page in PAGES}
    public = {
        name
        for name in named_addresses(get_resolver().url_patterns)
        if not name.startswith("admin:")
    }
    assert public - walked - NOT_WALKED.keys() == set()
    assert NOT_WALKED.keys() <= public  # no excuse for an address gone


JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

JSON_LD_PAGES = [
    ("/en/events/shown-event/", ["Shown person", "Shown organisation"]),
    ("/en/people/shown-person/", ["Shown person"]),
    ("/en/organisations/shown-organisation/", ["Shown parent"]),
    *[
        (f"/en/organisations/shown-unit-of-{label}/", [f"a {label} parent"])
        for label in unpublished_states()
    ],
]


def test_no_json_ld_block_names_an_unpublished_record(client, world, subtests):
    for url, shows in JSON_LD_PAGES:
        with subtests.test(url):
            blocks = JSON_LD.findall(client.get(url).content.decode())
            assert len(blocks) == 1
            data = json.dumps(json.loads(blocks[0]), ensure_ascii=False)

            assert SECRET_PATTERN.findall(data) == []
            for shown in shows:
                assert shown in data

    # Only the published attendees, and no parent that is not published.
    data = json.loads(JSON_LD.findall(client.get("/en/events/shown-event/").text)[0])
    assert [attendee["name"] for attendee in data["attendee"]] == [
        "Shown person",
        "Shown organisation",
    ]
    assert "parentOrganization" not in json.loads(
        JSON_LD.findall(client.get("/en/organisations/shown-unit-of-draft/").text)[0]
    )


def test_unpublished_sources_are_not_found(client, world):
    urls = [
        f"{prefix}{SECRET.lower()}-cited-source-{label}/"
        for prefix in ("/en/sources/", "/api/v1/sources/")
        for label in unpublished_states()
    ]
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(
        urls, 404
    )
