import datetime

import pytest
from django.urls import reverse

from projects.models import PartnerRole, ProjectStatus
from tests.builders import (
    add_measure,
    add_milestone,
    add_partner,
    cite,
    make_agreement,
    make_country,
    make_event,
    make_organization,
    make_place,
    make_project,
    sector,
)

pytestmark = pytest.mark.django_db


def listed(client, query):
    response = client.get(f"{reverse('projects:list')}?{query}")
    assert response.status_code == 200
    return {project.slug for project in response.context["object_list"]}


def test_the_sector_status_and_direction_filters(client):
    wind = make_project(sector=sector("renewable-energy"))
    school = make_project(
        sector=sector("education"),
        project_status=ProjectStatus.COMPLETED,
        direction="az_cn",
    )
    assert listed(client, "sector=renewable-energy") == {wind.slug}
    assert listed(client, "status=completed") == {school.slug}
    assert listed(client, "direction=az_cn") == {school.slug}


def test_the_place_filter_includes_places_inside(client):
    azerbaijan = make_country(slug="azerbaijan")
    nakhchivan = make_place(name="Nakhchivan", parent=azerbaijan, slug="nakhchivan")
    schools = make_project()
    schools.places.add(nakhchivan)
    make_project().places.add(make_place(name="Yunnan", slug="yunnan"))
    assert listed(client, "place=azerbaijan") == {schools.slug}


def test_the_partner_and_partner_country_filters(client):
    china = make_country(name="China", code="CN", slug="china")
    byd = make_organization(name="BYD", slug="byd", country=china)
    buses = make_project()
    add_partner(buses, byd)
    add_partner(buses, byd, role=PartnerRole.OPERATOR)
    make_project()
    assert listed(client, "partner=byd") == {buses.slug}
    # One row per project even when the partner holds two roles in it.
    response = client.get(reverse("projects:list") + "?partner_country=china")
    assert [p.slug for p in response.context["object_list"]] == [buses.slug]


def test_the_project_page_shows_everything_about_it(client):
    project = make_project(title="Wind power plant")
    add_measure(project, 240, rank="preferred")
    add_measure(project, 1_200_000_000, "investment", "money", currency="USD")
    add_partner(project, make_organization(name="Builder Co"), PartnerRole.CONTRACTOR)
    add_milestone(
        project,
        title="Commissioned",
        date=datetime.date(2025, 1, 1),
        date_precision="year",
    )
    add_milestone(
        project,
        title="Construction began",
        date=datetime.date(2023, 5, 1),
        date_precision="month",
    )
    event = make_event(title="Opening ceremony")
    project.events.add(event)
    project.agreements.add(make_agreement(title="Power purchase agreement"))
    cite(project, quote="has already been commissioned")
    text = client.get(project.get_absolute_url()).text
    assert "240 MW" in text
    assert "USD 1.2 billion" in text
    assert "Builder Co" in text
    assert "Contractor" in text
    assert text.index("Construction began") < text.index("Commissioned")
    assert "Opening ceremony" in text
    assert "Power purchase agreement" in text
    assert "has already been commissioned" in text


def test_a_project_links_to_its_events_and_back(client):
    project = make_project(title="Digital classrooms")
    event = make_event(title="Handover")
    project.events.add(event)
    assert event.get_absolute_url() in client.get(project.get_absolute_url()).text
    assert project.get_absolute_url() in client.get(event.get_absolute_url()).text
