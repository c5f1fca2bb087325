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

# Pinned maxima; the measured counts are printed by `pytest -s -k query`.
MAX_QUERIES = {
    "home": 11,  # the map: projects' places, events, the places table
    "events:list": 12,
    "events:timeline": 4,
    "events:year": 6,
    "agreements:list": 8,
    "projects:list": 18,  # the map: projects' places, the places table
    "people:list": 8,
    "organizations:list": 8,
    "key-figures": 6,
    "event": 12,
    "project": 12,
    "agreement": 10,
    "person": 10,
    "organization": 12,
    "place": 10,
    "source": 12,
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
            add_partner(self.project, organization)
            add_milestone(self.project, date=datetime.date(self.year, 1, 1))
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
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("name", MAX_QUERIES)
def test_query_count_does_not_grow_with_rows(client, name):
    world = World()
    world.add(2)
    url = world.url(name)
    queries(client, url)  # warm caches (content types, sessions)
    small = queries(client, url)
    world.add(12)
    large = queries(client, url)
    print(f"{name}: {small} queries with little data, {large} with more")
    assert small == large
    assert large <= MAX_QUERIES[name]


# Lists with filters in force: each facet still costs one query, however many
# choices and rows there are.
FILTERED = {
    "events:list": "?type=talks&place=azerbaijan&person=the-person&q=event",
    "projects:list": "?place=azerbaijan&partner=the-org&partner_country=azerbaijan",
    "agreements:list": "?party=the-org&kind=agreement",
    "people:list": "?country=azerbaijan",
    "organizations:list": "?country=azerbaijan&kind=company",
}


@pytest.mark.parametrize("name", FILTERED)
def test_filtered_lists_with_facets_do_not_grow_with_rows(client, name):
    world = World()
    world.add(2)
    url = reverse(name) + FILTERED[name]
    queries(client, url)
    small = queries(client, url)
    world.add(12)
    large = queries(client, url)
    print(f"{name} filtered: {small} queries with little data, {large} with more")
    assert small == large
    assert large <= MAX_QUERIES[name]
