"""Facets: every choice of a list filter shows how many records the list would
show with that choice added to the filters in force, and says so in the select."""

import re

import pytest
from django.urls import reverse

from portal.core.models import Status
from tests.builders import make_event, make_place

pytestmark = pytest.mark.django_db

# Each list with the filters already in force that the facets are checked under.
CASES = [
    ("events:list", {}),
    ("events:list", {"place": "azerbaijan"}),
    ("events:list", {"year": "2025", "person": "ilham-aliyev"}),
    ("events:list", {"q": "visit"}),
    # A text filter with a filter across a relation: the facets count the
    # list's records through a subquery, where the text must still hold.
    ("events:list", {"q": "visit", "person": "ilham-aliyev"}),
    ("projects:list", {"q": "plant", "partner_country": "china"}),
    ("projects:list", {}),
    ("projects:list", {"place": "azerbaijan"}),
    ("projects:list", {"partner_country": "china", "status": "operational"}),
    ("agreements:list", {}),
    ("agreements:list", {"kind": "memorandum"}),
    ("people:list", {}),
    ("organizations:list", {}),
    ("organizations:list", {"country": "azerbaijan"}),
]


def listed(client, name, params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(("name", "params"), CASES)
def test_each_count_is_what_the_list_shows_with_that_choice(
    client, seeded, name, params
):
    response = listed(client, name, params)
    facets = response.context["facet_counts"]
    assert facets, "the list has facets"
    nonzero = 0
    for facet, counts in facets.items():
        for choice, count in counts.items():
            shown = listed(client, name, {**params, facet: choice})
            assert shown.context["paginator"].count == count, (facet, choice)
            nonzero += count > 0
    assert nonzero, "some choice has records"


def test_the_counts_read_in_the_select_next_to_each_choice(client, seeded):
    response = listed(client, "projects:list", {})
    counts = response.context["facet_counts"]["sector"]
    html = response.text
    renewable = counts["renewable-energy"]
    assert renewable > 0
    assert re.search(
        rf'<option value="renewable-energy">Renewable energy \({renewable}\)</option>',
        html,
    )
    # The choice in force stays selected, with its own count.
    response = listed(client, "projects:list", {"sector": "renewable-energy"})
    assert re.search(
        rf'<option value="renewable-energy" selected>Renewable energy '
        rf"\({renewable}\)</option>",
        response.text,
    )


def test_counts_read_in_the_readers_language(client, seeded):
    response = client.get("/zh-hans/projects/")
    assert "（" in response.text or "(" in response.text
    counts = response.context["facet_counts"]["sector"]
    assert any(count > 0 for count in counts.values())


def test_a_place_counts_the_records_of_the_places_inside_it(client):
    country = make_place(name="Azerbaijan", slug="az", kind="country")
    city = make_place(name="Baku", slug="bk", parent=country)
    district = make_place(name="Khazar", slug="kh", kind="district", parent=city)
    make_event(slug="in-the-country", place=country)
    make_event(slug="in-the-city", place=city)
    make_event(slug="in-the-district", place=district)
    make_event(slug="a-draft", place=district, status=Status.DRAFT)
    counts = listed(client, "events:list", {}).context["facet_counts"]["place"]
    assert (counts["az"], counts["bk"], counts["kh"]) == (3, 2, 1)


def test_a_form_with_errors_shows_no_counts_and_no_error_page(client, seeded):
    response = listed(client, "events:list", {"type": "nonsense", "year": "abc"})
    assert response.context["facet_counts"] == {}
    assert "Select a valid choice" in response.text


def test_places_nest_no_deeper_than_five_levels():
    from django.core.exceptions import ValidationError

    place = make_place(slug="level-1", kind="country")
    for level in range(2, 6):
        place = make_place(slug=f"level-{level}", parent=place)
    too_deep = make_place(slug="level-6")
    too_deep.parent = place
    with pytest.raises(ValidationError, match="at most 5 deep"):
        too_deep.full_clean()
    top = place.lineage()[-1]
    top.parent = place
    with pytest.raises(ValidationError, match="inside itself"):
        top.full_clean()


def test_a_project_in_two_places_of_one_country_counts_once_for_it(client):
    from tests.builders import make_project

    country = make_place(name="Azerbaijan", slug="az", kind="country")
    baku = make_place(name="Baku", slug="bk", parent=country)
    ganja = make_place(name="Ganja", slug="gj", parent=country)
    both = make_project(slug="in-baku-and-ganja")
    both.places.add(baku, ganja, country)
    make_project(slug="in-baku").places.add(baku)
    counts = listed(client, "projects:list", {}).context["facet_counts"]["place"]
    assert (counts["az"], counts["bk"], counts["gj"]) == (2, 2, 1)
    shown = listed(client, "projects:list", {"place": "az"})
    assert shown.context["paginator"].count == 2
