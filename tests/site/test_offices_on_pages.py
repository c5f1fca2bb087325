"""Offices on the public pages: a person's page lists them with their dates,
a past one read "then …" (时任…, o zamankı …); lists show the short title or
the offices; JSON-LD gives a job title only for an office held now; an
office's organisation and citations show only when readers may see them."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from portal.core.models import Status
from tests.builders import (
    add_office,
    cite,
    make_organization,
    make_person,
    make_source,
)

pytestmark = pytest.mark.django_db

CHAIRMAN = "Chairman of the People's Republic of China"


def json_ld(client, url):
    html = client.get(url).text
    (block,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return json.loads(block)


@pytest.fixture
def jiang():
    person = make_person(name="Jiang Zemin", slug="jiang-zemin")
    office = add_office(
        person,
        title=CHAIRMAN,
        title_az="Çin Xalq Respublikasının Sədri",
        title_zh_hans="中华人民共和国主席",
        ended=True,
    )
    cite(office, make_source(title="The interview"), quote="who was then Chairman")
    return person


def test_a_persons_page_says_then_for_a_past_office_with_its_source(client, jiang):
    html = client.get(jiang.get_absolute_url()).text
    assert f"then {CHAIRMAN}" in html.replace("&#x27;", "'")
    assert "who was then Chairman" in html
    assert "The interview" in html


@pytest.mark.parametrize(
    ("language", "then"),
    [
        ("az", "o zamankı Çin Xalq Respublikasının Sədri"),
        ("zh-hans", "时任中华人民共和国主席"),
    ],
)
def test_then_reads_in_each_language(client, jiang, language, then):
    with translation.override(language):
        html = client.get(jiang.get_absolute_url()).text
    assert then in html


def test_a_persons_page_gives_each_offices_dates_and_organisation(client):
    person = make_person(name="Ilham Aliyev")
    government = make_organization(name="Government of Azerbaijan")
    add_office(
        person,
        title="President of Azerbaijan",
        organization=government,
        start=datetime.date(2003, 1, 1),
        start_precision="year",
    )
    hidden = make_organization(name="Draft body", status=Status.DRAFT)
    add_office(
        person,
        title="Chairman of a commission",
        organization=hidden,
        start=datetime.date(1998, 1, 1),
        start_precision="year",
        end=datetime.date(2001, 1, 1),
        end_precision="year",
    )
    html = client.get(person.get_absolute_url()).text
    assert "President of Azerbaijan" in html and "(since 2003)" in html
    assert government.get_absolute_url() in html
    assert "then Chairman of a commission" in html and "(1998–2001)" in html
    assert "Draft body" not in html


def test_the_people_list_names_a_past_office_as_past(client, jiang):
    current = make_person(name="Ali Asadov")
    add_office(current, title="Prime Minister of Azerbaijan")
    html = client.get(reverse("people:list")).text.replace("&#x27;", "'")
    assert f"Jiang Zemin</a> — then {CHAIRMAN}" in html
    assert "Ali Asadov</a> — Prime Minister of Azerbaijan" in html
    assert f"— {CHAIRMAN}" not in html


def test_the_short_title_is_shown_once_beside_the_offices(client):
    person = make_person(name="Heydar Aliyev", honorific="National leader")
    add_office(person, title="President of Azerbaijan", ended=True)
    html = client.get(person.get_absolute_url()).text
    assert '<p class="subtitle">National leader</p>' in html
    assert "then President of Azerbaijan" in html
    same = make_person(honorific="Prime Minister")
    add_office(same, title="Prime Minister")
    assert 'class="subtitle"' not in client.get(same.get_absolute_url()).text


def test_json_ld_gives_a_job_title_only_for_an_office_held_now(client, jiang):
    assert "jobTitle" not in json_ld(client, jiang.get_absolute_url())
    person = make_person(name="Lu Mei")
    embassy = make_organization(name="Embassy of China", kind="embassy")
    add_office(person, title="Ambassador", organization=embassy)
    add_office(person, title="Consul", ended=True)
    data = json_ld(client, person.get_absolute_url())
    assert data["jobTitle"] == "Ambassador"
    assert [employer["name"] for employer in data["worksFor"]] == ["Embassy of China"]


def test_the_people_list_keeps_its_queries_with_offices(
    client, django_assert_max_num_queries
):
    def build(count):
        for number in range(count):
            person = make_person(name=f"Person {number}")
            add_office(person, title="Minister")
            add_office(person, title="Chairman", ended=True)

    build(3)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("people:list"))
    build(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("people:list"))
