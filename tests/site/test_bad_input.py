"""Whatever a reader types into the address bar, the answer is never a 500."""

import pytest
from django.urls import reverse

from tests.builders import make_event, make_project

pytestmark = pytest.mark.django_db

LISTS = [
    "events:list",
    "projects:list",
    "agreements:list",
    "people:list",
    "organizations:list",
]

BAD_QUERIES = [
    "type=nonsense",
    "year=abc",
    "year=99999999999999999999",
    "year=-5",
    "date_from=2025-13-45",
    "date_from=abc&date_to=0000-00-00",
    "date_from=0001-01-01&date_to=9999-12-31",
    "place=no-such-place",
    "person=%27%3B+DROP+TABLE+events_event%3B--",
    "organization=../../etc/passwd",
    "sector=%00",
    "status=operational&status=cancelled",
    "partner_country=atlantis",
    "direction=sideways",
    "kind=<script>alert(1)</script>",
    "q=%00",
    "q=" + "x" * 5000,
    "q=%E2%80%AE%F0%9F%92%A5",
    "page=abc",
    "page=0",
    "page=-1",
    "page=99999",
    "page=1e10",
    "page=",
]


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("query", BAD_QUERIES)
def test_malformed_query_strings_never_fail(client, name, query):
    make_event()
    make_project()
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 200


def test_an_unknown_choice_shows_a_form_error_and_no_results(client):
    make_event()
    response = client.get(reverse("events:list") + "?type=nonsense")
    assert response.context["filter"].errors
    assert "Select a valid choice" in response.text
    assert list(response.context["object_list"]) == []


def test_a_malformed_date_shows_a_form_error(client):
    response = client.get(reverse("events:list") + "?date_from=2025-13-45")
    assert "date_from" in response.context["filter"].errors


def test_a_page_past_the_end_says_so_and_shows_the_last_page(client):
    make_event(title="Only event")
    response = client.get(reverse("events:list") + "?page=99999")
    assert "There is no page “99999”" in response.text
    assert "Only event" in response.text


def test_a_page_that_is_not_a_number_shows_the_first_page(client):
    make_event(title="Only event")
    response = client.get(reverse("events:list") + "?page=abc")
    assert response.context["page_obj"].number == 1
    assert "Only event" in response.text


def test_hostile_text_is_escaped(client):
    response = client.get(
        reverse("events:list") + "?q=%3Cscript%3Ealert(1)%3C/script%3E"
    )
    assert "<script>alert(1)</script>" not in response.text
