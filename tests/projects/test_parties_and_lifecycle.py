"""Partners in every role with their notes, flags and sources; a direction
that may be unknown or involve a third country; planned projects; milestones
of a kind, with their own sources (issue 17, items 3 and 4)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from portal.core.models import Status
from projects.models import Direction, MilestoneKind, PartnerRole, ProjectStatus
from tests.builders import (
    add_measure,
    add_milestone,
    add_partner,
    cite,
    make_country,
    make_organization,
    make_project,
    make_source,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", PartnerRole)
def test_a_partner_shows_on_the_page_whatever_its_role(client, role):
    project = make_project(slug="plant")
    add_partner(project, make_organization(name="Some Ministry"), role)
    text = client.get("/en/projects/plant/").text
    assert "Some Ministry" in text
    assert str(role.label) in text


def test_the_new_roles_read_in_each_language(client):
    project = make_project(slug="plant")
    add_partner(project, make_organization(), PartnerRole.GOVERNMENT)
    add_partner(project, make_organization(), PartnerRole.CO_ORGANISER)
    assert "Government counterparty" in client.get("/en/projects/plant/").text
    assert "Dövlət tərəf-müqabili" in client.get("/az/projects/plant/").text
    assert "联合主办方" in client.get("/zh-hans/projects/plant/").text


def test_a_partner_shows_its_note_flag_and_sources(client):
    project = make_project(slug="plant")
    partner = add_partner(project, make_organization(name="Acme"), PartnerRole.OTHER)
    partner.note = "The source does not state Acme's role."
    partner.note_az = "Mənbədə Acme-nin rolu göstərilmir."
    partner.reported_not_confirmed = True
    partner.save()
    cite(partner, make_source(title="Business daily"), quote="Acme is said to")
    cite(partner, make_source(title="Unpublished tip", status=Status.DRAFT))
    text = client.get("/en/projects/plant/").text
    assert "The source does not state Acme&#x27;s role." in text
    assert "reported, not confirmed" in text
    assert "Business daily" in text
    assert "Acme is said to" in text
    assert "Unpublished tip" not in text
    azerbaijani = client.get("/az/projects/plant/").text
    assert "Mənbədə Acme-nin rolu göstərilmir." in azerbaijani
    assert "xəbər verilib, təsdiqlənməyib" in azerbaijani


def test_the_api_gives_a_partners_note_flag_and_citations(client):
    project = make_project(slug="plant")
    partner = add_partner(project, make_organization(slug="acme"), PartnerRole.LENDER)
    partner.note = "Loan reported by one paper."
    partner.reported_not_confirmed = True
    partner.save()
    cite(partner, make_source(title="Business daily"))
    (shown,) = client.get("/api/v1/projects/plant/").json()["partners"]
    assert (shown["role"], shown["role_label"]) == ("lender", "Lender")
    assert shown["note"] == "Loan reported by one paper."
    assert shown["reported_not_confirmed"] is True
    assert shown["citations"][0]["source"]["title"] == "Business daily"


# Direction


def test_a_direction_the_sources_do_not_give_is_shown_as_not_stated(client):
    make_project(slug="plant", direction="")
    text = client.get("/en/projects/plant/").text
    assert "not stated" in text
    assert "China → Azerbaijan" not in text


def test_a_third_country_is_named_with_its_direction(client):
    turkey = make_country(name="Türkiye", code="TR", slug="turkiye")
    make_project(slug="plant", direction=Direction.THIRD_COUNTRY, third_country=turkey)
    text = client.get("/en/projects/plant/").text
    assert "With a third country" in text
    assert "Türkiye" in text
    assert turkey.get_absolute_url() in text
    data = client.get("/api/v1/projects/plant/").json()
    assert data["direction"] == "third_country"
    assert data["third_country"]["slug"] == "turkiye"
    listed = client.get("/en/projects/?direction=third_country")
    assert [p.slug for p in listed.context["object_list"]] == ["plant"]


def test_a_third_country_needs_its_direction():
    turkey = make_country(name="Türkiye", code="TR", slug="turkiye")
    project = make_project(direction=Direction.CN_TO_AZ)
    project.third_country = turkey
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "third_country" in error.value.message_dict
    with transaction.atomic(), pytest.raises(IntegrityError):
        project.save()


# Status and milestones


def test_a_planned_project_says_so(client):
    make_project(slug="plant", project_status=ProjectStatus.PLANNED)
    assert "Planned" in client.get("/en/projects/plant/").text
    listed = client.get("/en/projects/?status=planned")
    assert [p.slug for p in listed.context["object_list"]] == ["plant"]


def test_milestones_show_their_kind_and_their_own_sources(client):
    project = make_project(slug="plant", project_status=ProjectStatus.OPERATIONAL)
    built = add_milestone(
        project,
        kind=MilestoneKind.CONSTRUCTION_COMPLETED,
        title="Works finished",
        date=datetime.date(2024, 6, 1),
        date_precision="month",
    )
    cite(built, make_source(title="Ministry release"), quote="works are finished")
    cite(built, make_source(title="Draft note", status=Status.DRAFT))
    text = client.get("/en/projects/plant/").text
    assert "Construction completed" in text
    assert "Works finished" in text
    assert "Ministry release" in text
    assert "works are finished" in text
    assert "Draft note" not in text
    # Finishing construction does not end the project.
    assert "Ended" not in text
    assert "Tikinti başa çatıb" in client.get("/az/projects/plant/").text
    (milestone,) = client.get("/api/v1/projects/plant/").json()["milestones"]
    assert milestone["kind"] == "construction_completed"
    assert milestone["citations"][0]["source"]["title"] == "Ministry release"


def test_a_source_page_lists_the_measures_partners_and_milestones_it_backs(client):
    source = make_source(slug="report", title="Report")
    project = make_project(slug="plant", title="Wind plant")
    cite(add_partner(project, make_organization(name="Acme")), source)
    cite(add_milestone(project, title="Commissioned"), source)
    cite(add_measure(project, 240), source)
    hidden = make_project(slug="hidden", title="Hidden plant", status=Status.DRAFT)
    cite(add_milestone(hidden, title="Secret milestone"), source)
    text = client.get("/en/sources/report/").text
    assert "Acme" in text
    assert "Commissioned" in text
    assert "Wind plant: Capacity 240 MW" in text
    assert "Secret milestone" not in text
