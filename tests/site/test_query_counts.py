"""Each page runs a fixed number of queries, however many rows it shows.

Every page is measured twice: with a little data and with many times more. The
counts must be equal (no query per row) and stay under the pinned maximum.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import (
    add_measure,
    add_milestone,
    add_observation,
    add_participant,
    add_partner,
    cite,
    make_agreement,
    make_country,
    make_event,
    make_indicator,
    make_organization,
    make_person,
    make_place,
    make_project,
    make_source,
)

pytestmark = pytest.mark.django_db

# Pinned maxima; the measured counts are printed by `pytest -s -k query`. Each
# includes the content token, read for the answer's ETag (portal/ops/httpcache.py;
# on every request here, PAGE_CACHE_CHECK_SECONDS being 0 in the tests).
MAX_QUERIES = {
    # The map: projects' places, events, the places table; the story
    # (portal/site/story.py): a UNION of counts, 3 kinds' latest changes, years.
    "home": 17,
    "events:list": 12,
    "events:timeline": 4,
    "events:year": 7,
    "agreements:list": 8,
    "projects:list": 19,  # the map: projects' places, the places table
    "people:list": 8,
    "organizations:list": 8,
    "key-figures": 6,
    "event": 12,
    "project": 13,
    "agreement": 10,
    "person": 10,
    "organization": 12,
    "place": 10,
    "source": 13,
}


class World:
    """A web of linked records that grows by `add(n)` rounds."""

    def __init__(self):
        self.country = make_country(slug="azerbaijan")
        self.city = make_place(name="Baku", slug="baku", parent=self.country)
        self.source = make_source(slug="the-source")
        self.person = make_person(slug="the-person", country=self.country)
        self.organization = make_organization(slug="the-org", country=self.country)
        self.event = make_event(slug="the-event", place=self.city)
        self.project = make_project(slug="the-project", featured=True)
        self.agreement = make_agreement(slug="the-agreement", event=self.event)
        self.indicator = make_indicator(slug="the-indicator")
        self.year = 1990

    def add(self, rounds):
        for _ in range(rounds):
            self.year += 1
            person = make_person(country=self.country)
            organization = make_organization(country=self.country)
            event = make_event(place=self.city, date=datetime.date(self.year, 5, 1))
            add_participant(event, person)
            add_participant(event, make_person())
            add_participant(self.event, person)
            event.organizations.add(self.organization, organization)
            self.event.organizations.add(organization)
            project = make_project(featured=True)
            project.places.add(self.city, self.country)
            project.events.add(event, self.event)
            project.agreements.add(self.agreement)
            add_partner(project, self.organization)
            add_measure(project, 240)
            partner = add_partner(self.project, organization)
            milestone = add_milestone(self.project, date=datetime.date(self.year, 1, 1))
            measure = add_measure(self.project, 240, position=self.year)
            for row in (partner, milestone, measure):
                cite(row, self.source)
            self.project.places.add(make_place(parent=self.country))
            self.project.events.add(event)
            agreement = make_agreement(event=self.event)
            agreement.parties.add(self.organization, organization)
            self.agreement.parties.add(organization)
            add_participant(event, self.person, role=f"Role {self.year}")
            add_observation(
                self.indicator,
                period_start=datetime.date(self.year, 1, 1),
                period_end=datetime.date(self.year, 12, 31),
            )
            for record in (event, project, agreement, person, organization):
                cite(record, self.source)
            for record in (self.event, self.project, self.agreement, self.person):
                cite(record, self.source)
            cite(self.indicator.observations.last(), self.source)
            cite(self.organization, make_source())

    def url(self, name):
        records = {
            "event": self.event,
            "project": self.project,
            "agreement": self.agreement,
            "person": self.person,
            "organization": self.organization,
            "place": self.country,
            "source": self.source,
        }
        if name in records:
            return records[name].get_absolute_url()
        if name == "events:year":
            return reverse(name, args=[1992])
        return reverse(name)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            # A streamed answer reads its records as it goes out.
            response.getvalue()
    assert response.status_code == 200, url
    return len(captured)


# Lists with filters in force: each facet still costs one query, however many
# choices and rows there are.
FILTERED = {
    "events:list": "?type=talks&place=azerbaijan&person=the-person&q=event",
    "projects:list": "?place=azerbaijan&partner=the-org&partner_country=azerbaijan",
    "agreements:list": "?party=the-org&kind=agreement",
    "people:list": "?country=azerbaijan",
    "organizations:list": "?country=azerbaijan&kind=company",
}


def test_each_page_stays_under_its_pinned_count_at_any_size(client, subtests):
    # One world for every page, measured small and again once it has grown
    # (building it is most of the cost); each page a subtest of its own.
    world = World()
    world.add(2)
    urls = {name: world.url(name) for name in MAX_QUERIES}
    urls |= {
        f"{name} filtered": reverse(name) + query for name, query in FILTERED.items()
    }
    for url in urls.values():
        queries(client, url)  # warm caches (content types, sessions)
    small = {label: queries(client, url) for label, url in urls.items()}
    world.add(12)
    for label, url in urls.items():
        with subtests.test(label):
            large = queries(client, url)
            print(
                f"{label}: {small[label]} queries with little data, {large} with more"
            )
            assert small[label] == large
            assert large <= MAX_QUERIES[label.removesuffix(" filtered")]


# Every page, API list and admin page at once (issue 8): each group of
# addresses is measured with a small world and again with one several times
# bigger, in one test per group so the world is built once. A page whose count
# changes with the data makes a query per row somewhere.


@pytest.fixture
def uncached(settings):
    # The page cache would answer repeated reads without queries; the pages'
    # own work is what is measured here.
    settings.PAGE_CACHE_SECONDS = 0


def grown(client, world, urls, rounds=8):
    """{label: (queries with the small world, queries with the grown one)}."""
    for url in urls.values():
        queries(client, url)  # warm caches (content types, sessions)
    small = {label: queries(client, url) for label, url in urls.items()}
    world.add(rounds)
    large = {label: queries(client, url) for label, url in urls.items()}
    for label in urls:
        print(f"{label}: {small[label]} queries with little data, {large[label]}")
    return {label: (small[label], large[label]) for label in urls}


def assert_bounded(counts, ceiling):
    changed = {label: pair for label, pair in counts.items() if pair[0] != pair[1]}
    assert not changed, f"query counts grow with the data: {changed}"
    over = {label: pair[1] for label, pair in counts.items() if pair[1] > ceiling}
    assert not over, f"more than {ceiling} queries: {over}"


def public_urls(world):
    person, org, city = world.person.slug, world.organization.slug, world.city.slug
    events = reverse("events:list")
    projects = reverse("projects:list")
    return {
        "events, type and year": f"{events}?type=talks&year=1992",
        "events, place": f"{events}?place={city}",
        "events, person": f"{events}?person={person}",
        "events, organisation": f"{events}?organization={org}",
        "events, dates": f"{events}?date_from=1991-01-01&date_to=2030-01-01",
        "events, page 2": f"{events}?page=2",
        "projects, sector and status": f"{projects}?sector=renewable-energy"
        "&status=operational&direction=cn_az",
        "projects, place and partner": f"{projects}?place={city}&partner={org}",
        "agreements, party": f"{reverse('agreements:list')}?party={org}",
        "organisations, kind": f"{reverse('organizations:list')}?kind=company",
        "search": f"{reverse('search')}?q=talks",
        "search, one kind": f"{reverse('search')}?q=solar&kind=projects",
        "about": reverse("about"),
        "event feed": f"{reverse('event-feed-rss')}?person={person}",
        "event atom feed": reverse("event-feed-atom"),
        "project feed": f"{reverse('project-feed-rss')}?partner={org}",
        "calendar": reverse("event-calendar"),
        "map": reverse("map"),
        "project map": reverse("projects:map"),
        "record map": reverse(
            "map-record", kwargs={"kind": "project", "slug": world.project.slug}
        ),
        "sitemap": reverse("sitemap"),
        "robots.txt": reverse("robots"),
        "correction form": reverse(
            "suggest-correction", kwargs={"kind": "event", "slug": world.event.slug}
        ),
        "events csv": f"{reverse('download', args=['events', 'csv'])}?type=talks",
    }


def test_every_public_page_makes_as_many_queries_at_any_size(client, uncached):
    world = World()
    world.add(2)
    urls = {name: world.url(name) for name in MAX_QUERIES} | public_urls(world)
    assert_bounded(grown(client, world, urls), ceiling=20)


def api_urls(world):
    urls = {
        f"api {basename}": reverse(f"api:{basename}-list")
        for basename in (
            "event",
            "agreement",
            "project",
            "person",
            "organization",
            "place",
            "indicator",
            "source",
        )
    }
    urls |= {
        "api events, filtered": reverse("api:event-list")
        + f"?type=talks&person={world.person.slug}&place={world.country.slug}",
        "api projects, filtered": reverse("api:project-list")
        + f"?partner_country={world.country.slug}&page_size=2&page=2",
        "api event": reverse("api:event-detail", args=[world.event.slug]),
        "api project": reverse("api:project-detail", args=[world.project.slug]),
        "api person": reverse("api:person-detail", args=[world.person.slug]),
    }
    return urls


def test_every_api_list_makes_as_many_queries_at_any_size(client, uncached):
    world = World()
    world.add(2)
    # 15: a filtered project list, whose partners, milestones and measures
    # each bring their own citations (a query per kind of row), and the
    # content token (for the ETag); an events list, with its participants' own
    # citations and their people's offices.
    assert_bounded(grown(client, world, api_urls(world)), ceiling=15)


def admin_urls(world):
    from django.contrib import admin

    urls = {}
    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label in ("events", "projects", "portal"):
            name = f"{opts.app_label}_{opts.model_name}"
            urls[f"{name} list"] = reverse(f"admin:{name}_changelist")
            urls[f"{name} add"] = reverse(f"admin:{name}_add")
    for record in (
        world.event,
        world.project,
        world.agreement,
        world.person,
        world.organization,
        world.indicator,
        world.source,
        world.city,
    ):
        opts = record._meta
        urls[f"{opts.model_name} change"] = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]
        )
    events = reverse("admin:events_event_changelist")
    projects = reverse("admin:projects_project_changelist")
    urls |= {
        "events, search": f"{events}?q=talks",
        "events, filters": f"{events}?status__exact=published&kind__exact=talks"
        f"&place={world.city.slug}",
        "events, a year": f"{events}?date__year=1992",
        "events, by title": f"{events}?o=1",
        "projects, search and filters": f"{projects}?q=solar&sector__id__exact="
        f"{world.project.sector_id}",
        "citations, a source": reverse("admin:portal_citation_changelist")
        + f"?source={world.source.slug}",
    }
    return urls


def test_every_admin_page_makes_as_many_queries_at_any_size(
    client, django_user_model, uncached
):
    world = World()
    world.add(2)
    admin_user = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(admin_user)
    assert_bounded(grown(client, world, admin_urls(world)), ceiling=40)
