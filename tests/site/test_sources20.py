"""Issue 20: a source's page groups the records citing it by kind, in pages, and
no public page shows the repository's internal paths."""

import re

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from portal.core.models import Status
from portal.site.views import CITED_PER_PAGE
from tests.builders import (
    add_measure,
    add_observation,
    add_office,
    add_participant,
    cite,
    make_agreement,
    make_event,
    make_indicator,
    make_organization,
    make_person,
    make_project,
    make_source,
)
from tests.safety.routes import ROUTE_ARGS

pytestmark = pytest.mark.django_db


def cited_groups(html):
    """{group key: [link texts]} of a source's page, in page order."""
    groups = {}
    for key, body in re.findall(
        r'<section class="cited-group" id="cited-([\w-]+)"'
        r'.*?<ul class="cited">(.*?)</ul>',
        html,
        re.S,
    ):
        groups[key] = re.findall(r'<li><a href="[^"]*">([^<]*)</a>', body)
    return groups


def headings(html):
    return re.findall(r'<h3 id="cited-[\w-]+-heading">([^<]*)</h3>', html)


@pytest.fixture
def source():
    return make_source(title="The cited source", slug="the-cited-source")


def test_records_citing_a_source_are_grouped_by_the_kind_of_their_page(client, source):
    event = make_event(title="The talks", cited=False)
    person = make_person(name="The minister", cited=False)
    project = make_project(title="The plant", cited=False)
    indicator = make_indicator(name="The trade", cited=False)
    cite(event, source)
    cite(add_participant(event, person), source)  # shown on the event's page
    cite(project, source)
    cite(add_measure(project, 100), source)  # shown on the project's page
    cite(make_agreement(title="The treaty", cited=False), source)
    cite(person, source)
    cite(add_office(person, title="Minister of Things"), source)
    cite(make_organization(name="The company", cited=False), source)
    cite(add_observation(indicator, cited=False), source)

    html = client.get(source.get_absolute_url()).content.decode()

    groups = cited_groups(html)
    assert list(groups) == [
        "events",
        "projects",
        "agreements",
        "people",
        "organisations",
        "key_figures",
    ]
    assert groups["events"][0] == "The talks" and len(groups["events"]) == 2
    assert groups["projects"][0] == "The plant" and len(groups["projects"]) == 2
    assert groups["agreements"] == ["The treaty"]
    assert groups["people"][0] == "The minister" and len(groups["people"]) == 2
    assert groups["organisations"] == ["The company"]
    assert len(groups["key_figures"]) == 1
    assert headings(html)[:2] == ["Events (2)", "Projects (2)"]
    assert "Cited by 9 records" in html


def test_group_headings_use_full_width_brackets_in_chinese(client, source):
    cite(make_event(cited=False), source)
    with translation.override("zh-hans"):
        url = source.get_absolute_url()
    html = client.get(url).content.decode()
    assert headings(html) == ["事件（1）"]


def test_unpublished_records_are_not_listed_or_counted(client, source):
    cite(make_event(title="Shown", cited=False), source)
    cite(make_event(title="Draft", status=Status.DRAFT, cited=False), source)
    html = client.get(source.get_absolute_url()).content.decode()
    assert cited_groups(html) == {"events": ["Shown"]}
    assert headings(html) == ["Events (1)"]
    assert "Cited by 1 record" in html


@pytest.fixture
def many_citations(source):
    """More events than a page holds, and two people."""
    for number in range(CITED_PER_PAGE + 5):
        cite(make_event(title=f"Event {number:02}", cited=False), source)
    for number in range(2):
        cite(make_person(name=f"Person {number}", cited=False), source)
    return source


def test_each_group_is_paged_on_its_own(client, many_citations):
    url = many_citations.get_absolute_url()

    first = client.get(url).content.decode()
    assert len(cited_groups(first)["events"]) == CITED_PER_PAGE
    assert cited_groups(first)["events"][0] == "Event 00"
    assert f"Events ({CITED_PER_PAGE + 5})" in headings(first)
    assert 'href="?events_page=2#cited-events" rel="next"' in first
    # A group that fits one page has no page links.
    assert "people_page" not in first

    second = client.get(url, {"events_page": "2", "people_page": "1"}).content.decode()
    assert cited_groups(second)["events"] == [
        f"Event {number:02}" for number in range(CITED_PER_PAGE, CITED_PER_PAGE + 5)
    ]
    assert cited_groups(second)["people"] == ["Person 0", "Person 1"]
    # The first page's link drops the group's parameter, keeps the others'.
    assert 'href="?people_page=1#cited-events" rel="prev"' in second
    assert 'aria-current="page" href="?people_page=1&amp;events_page=2#' in second


@pytest.mark.parametrize(
    ("requested", "shown"),
    # As the lists do (Paginator.get_page): a number out of range shows the last
    # page, anything else the first.
    [("0", 2), ("-3", 2), ("abc", 1), ("9999", 2), ("2.5", 1), ("1" * 400, 2)],
)
def test_a_page_that_does_not_exist_shows_the_nearest_and_says_so(
    client, many_citations, requested, shown
):
    response = client.get(many_citations.get_absolute_url(), {"events_page": requested})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"showing page {shown} of 2." in html
    expected = CITED_PER_PAGE if shown == 1 else 5
    assert len(cited_groups(html)["events"]) == expected


def test_the_seeded_interviews_page_stays_short(client, seeded):
    for language in ("en", "az", "zh-hans"):
        with translation.override(language):
            url = reverse("source-detail", kwargs={"slug": "lu-mei-apa-interview"})
        html = client.get(url).content.decode()
        groups = cited_groups(html)
        assert len(groups) >= 4, url
        assert all(len(rows) <= CITED_PER_PAGE for rows in groups.values()), url


# What the repository's own files look like in text: a relative path into one
# of its folders, a file name with a source-tree extension, or the checkout's
# absolute path. Addresses (/static/…, https://…/robots.txt) are not matched:
# a path inside an address follows a slash.
INTERNAL_PATH = re.compile(
    r"(?<![/\w.:-])(?:docs|portal|tests|templates|locale|scripts|requirements)"
    r"/[\w.-]"
    r"|(?<![/\w.-])[\w-]+(?:/[\w.-]+)*\.(?:txt|py|po|mo|sqlite3)\b"
    rf"|{re.escape(str(settings.BASE_DIR))}"
)
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/")
BINARY = ("application/zip", "application/octet-stream")


def test_the_pattern_finds_repository_paths_and_not_addresses():
    found = [
        "a copy is kept (docs/sources/lu-mei-apa-interview.txt).",
        "see portal/seed/source.json",
        "saved as interview.txt",
        f"at {settings.BASE_DIR}/db.sqlite3",
    ]
    fine = [
        '<a href="/en/robots.txt">',
        "https://example.org/docs/file.txt",
        '<link href="/static/css/site.css">',
        "/en/api/v1/docs/",
        "the 2.5 per cent",
    ]
    assert all(INTERNAL_PATH.search(text) for text in found)
    assert not [text for text in fine if INTERNAL_PATH.search(text)]


def public_addresses():
    """Every public route (tests/safety/routes) with the first of its records,
    every source's page and API answer, the full map and the key-figure pages
    where this version has them, search results and the 404 page, in every
    language. The dataset (a zip file, slow to build) is left out."""
    from portal.core.models import Indicator, Source
    from tests.safety.routes import LANGUAGES, _slugs, urls

    addresses = [url for name, url in urls(first_only=True) if name != "dataset"]
    every = {
        "source-detail": _slugs(Source, Source.objects.all()),
        "api:source-detail": _slugs(Source, Source.objects.all()),
        "map-page": [{}],
        "key-figure": _slugs(Indicator),
    }
    for name, arg_sets in every.items():
        for language in LANGUAGES:
            with translation.override(language):
                try:
                    addresses += [reverse(name, kwargs=kw) for kw in arg_sets]
                except NoReverseMatch:  # a page this version does not have
                    break
    for language in LANGUAGES:
        addresses.append(f"/{language}/no-such-page/")  # the 404 page
        addresses.append(f"/{language}/search/?q=Lu+Mei")
    return sorted(set(addresses))


def test_no_public_page_shows_an_internal_repository_path(client, seeded):
    assert "source-detail" in ROUTE_ARGS
    shown = []
    addresses = public_addresses()
    for url in addresses:
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        if content_type.startswith(BINARY) or response.status_code in (301, 302):
            continue
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        ).decode("utf-8", "replace")
        shown += [f"{url}: {m.group(0)!r}" for m in INTERNAL_PATH.finditer(body)]
    assert len(addresses) > 100
    assert shown == []
