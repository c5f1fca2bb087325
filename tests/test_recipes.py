"""One recipe per query (issue 16): what every list, feed, download, map and API
answer shares is written once, and these fail when a second copy comes back.

- Every answer that reads a list's filters binds its FilterSet through
  `portal.core.filtering.bind`, and no bound FilterSet is made another way.
- A filter that cannot be used reads the same in every text answer (and on the
  list page), and has one JSON shape (maps, downloads, the API).
- The query string without its page number comes from one helper.
- Every record filter is the one slug choice filter.
- Pages, feeds, downloads, maps and the API fetch records with the models'
  QuerySet verbs (`for_list()`, `for_detail()`…), never a chain of their own.
"""

import ast
import html
import re
from pathlib import Path
from unittest import mock

import django_filters
import pytest
from django.conf import settings
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import get_resolver
from django_filters.filterset import BaseFilterSet

from portal.core import filtering
from portal.core.filters import SlugChoiceFilter
from portal.site.templatetags.seo_tags import canonical_path
from tests.builders import (
    make_country,
    make_event,
    make_organization,
    make_place,
    make_project,
)

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)

# Every answer that follows a list's filters.
FILTERED = [
    "/en/events/",
    "/en/agreements/",
    "/en/projects/",
    "/en/people/",
    "/en/organisations/",
    "/en/events/feed/rss/",
    "/en/events/feed/atom/",
    "/en/projects/feed/rss/",
    "/en/projects/feed/atom/",
    "/en/events/calendar.ics",
    "/en/download/events.csv",
    "/en/download/projects.json",
    "/en/download/people.csv",
    "/en/projects/map.geojson",
    "/api/v1/events/",
    "/api/v1/agreements/",
    "/api/v1/projects/",
    "/api/v1/people/",
    "/api/v1/organisations/",
    "/api/v1/places/",
    "/api/v1/sources/",
]


@pytest.fixture
def records():
    country = make_country(slug="azerbaijan")
    make_event(place=country)
    make_project().places.add(country)
    make_organization(country=country)


@pytest.fixture
def bound_filtersets(monkeypatch):
    """The FilterSets made bound to a query while answering (the page cache's
    unbound ones, which only list field names, are not counted)."""
    made = []
    original = BaseFilterSet.__init__

    def counting(self, data=None, *args, **kwargs):
        if data is not None:
            made.append(type(self))
        original(self, data, *args, **kwargs)

    monkeypatch.setattr(BaseFilterSet, "__init__", counting)
    return made


@pytest.mark.parametrize("address", FILTERED)
def test_each_answer_binds_its_filters_through_the_one_function(
    client, records, bound_filtersets, address
):
    with mock.patch.object(filtering, "bind", wraps=filtering.bind) as bind:
        response = client.get(address)

    assert response.status_code == 200
    assert bind.call_count == 1
    assert len(bound_filtersets) == 1


# One query an events answer and a projects answer cannot use, whatever it is.
EVENTS_BAD = "?type=nonsense&date_from=soon"
PROJECTS_BAD = "?sector=no-such-sector&status=flying"


def test_a_bad_filter_reads_the_same_in_every_text_answer(client):
    answers = [
        client.get(f"/en/events/feed/rss/{EVENTS_BAD}"),
        client.get(f"/en/events/feed/atom/{EVENTS_BAD}"),
        client.get(f"/en/events/calendar.ics{EVENTS_BAD}"),
        client.get(f"/en/download/events.csv{EVENTS_BAD}"),
    ]

    assert {answer.status_code for answer in answers} == {400}
    assert {answer["Content-Type"] for answer in answers} == {
        "text/plain; charset=utf-8"
    }
    text = answers[0].content.decode()
    assert [answer.content.decode() for answer in answers] == [text] * len(answers)
    heading, *lines = text.splitlines()
    assert heading == "These filters cannot be used:"
    assert [line.split(":")[0] for line in lines] == ["- type", "- date_from"]

    # The list page says the same, above its form's own messages.
    page = client.get(f"/en/events/{EVENTS_BAD}")
    assert page.status_code == 200
    assert f'<p class="errors">{heading}</p>' in page.text
    shown = re.search(r'<ul class="errors">(.*?)</ul>', page.text, re.DOTALL)
    items = re.findall(r"<li>(.*?)</li>", shown.group(1))
    assert [f"- {html.unescape(item)}" for item in items] == lines


def test_a_bad_filter_has_one_json_shape(client):
    answers = [
        client.get(f"/en/projects/map.geojson{PROJECTS_BAD}"),
        client.get(f"/en/download/projects.json{PROJECTS_BAD}"),
        client.get(f"/api/v1/projects/{PROJECTS_BAD}"),
    ]

    assert {answer.status_code for answer in answers} == {400}
    assert {answer["Content-Type"] for answer in answers} == {"application/json"}
    body = answers[0].json()
    assert [answer.json() for answer in answers] == [body] * len(answers)
    assert list(body) == ["sector", "status"]
    assert all(
        isinstance(reasons, list) and all(isinstance(r, str) for r in reasons)
        for reasons in body.values()
    )

    # The same reasons the text answer gives, line for line.
    text = client.get(f"/en/download/projects.csv{PROJECTS_BAD}").content.decode()
    assert text.splitlines()[1:] == [
        f"- {name}: {reason}" for name, reasons in body.items() for reason in reasons
    ]


def test_the_filters_without_the_page_come_from_one_helper(client, monkeypatch):
    make_project(title="Bridge").places.add(make_place(latitude=40.4, longitude=49.9))
    monkeypatch.setattr(
        filtering, "without_page", lambda query: QueryDict("from=the-helper")
    )

    page = client.get("/en/projects/?q=bridge&page=1").text
    feed = client.get("/en/projects/feed/rss/?q=bridge").text

    assert 'href="/en/projects/feed/rss/?from=the-helper"' in page
    assert 'href="/en/download/projects.csv?from=the-helper"' in page
    assert 'data-map-src="/en/projects/map.geojson?from=the-helper"' in page
    assert "<link>http://testserver/en/projects/?from=the-helper</link>" in feed
    # The canonical address drops the page number when the helper finds filters.
    request = RequestFactory().get("/en/projects/?page=2")
    page_two = {"page_obj": mock.Mock(number=2)}
    assert canonical_path(page_two, request) == "/en/projects/"
    monkeypatch.setattr(filtering, "without_page", lambda query: QueryDict())
    assert canonical_path(page_two, request) == "/en/projects/?page=2"


def _filtersets(cls=django_filters.FilterSet):
    for subclass in cls.__subclasses__():
        if subclass.__module__.split(".")[0] in ("portal", "events", "projects"):
            yield subclass
        yield from _filtersets(subclass)


def test_every_record_filter_is_the_slug_choice_filter():
    # Every view, so every FilterSet, is imported with the URLs.
    assert get_resolver().url_patterns
    record_filters = {
        f"{filterset.__name__}.{name}": type(field)
        for filterset in _filtersets()
        for name, field in filterset.base_filters.items()
        if isinstance(field, django_filters.ModelChoiceFilter)
    }

    assert len(record_filters) >= 10
    assert {
        name: kind
        for name, kind in record_filters.items()
        if not issubclass(kind, SlugChoiceFilter)
    } == {}


# The modules that show records: the site's pages, open data (API, downloads,
# calendar, sitemaps) and each app's and the core's views, feeds and sitemaps.
# (An app's maps.py is its own recipe of where its records stand.)
SHOWING = [
    *sorted((ROOT / "portal" / "site").rglob("*.py")),
    *sorted((ROOT / "portal" / "opendata").rglob("*.py")),
    *[
        ROOT / package / f"{name}.py"
        for package in ("events", "projects", "portal/core")
        for name in ("views", "feeds", "sitemaps")
        if (ROOT / package / f"{name}.py").exists()
    ],
]
RECIPE_CALLS = {"select_related", "prefetch_related", "Prefetch"}


def _recipe_calls(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            if name in RECIPE_CALLS:
                yield f"{path.relative_to(ROOT)}:{node.lineno} {name}()"


def test_pages_feeds_downloads_and_the_api_use_the_models_recipes():
    assert len(SHOWING) > 20
    found = [call for path in SHOWING for call in _recipe_calls(path)]
    assert found == [], (
        "Fetch related records with the model's QuerySet verbs (for_list(), "
        "for_detail(), for_map(), for_data()), not a chain of one's own"
    )
