"""Issue 20, design: the home page's story, stable "latest" ordering, the
timeline without empty future years, lists' filters folded in a <details>,
detail pages on a grid, focus colours, and the 404/500 pages with the
language switcher and search in every language. Each test failed before."""

import datetime
import re
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from events.views import decades
from portal.core.models import Status
from portal.ops.faults import server_error
from tests.builders import (
    make_agreement,
    make_event,
    make_organization,
    make_person,
    make_place,
    make_project,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["en", "az", "zh-hans"]


def section(html, heading_id):
    """The HTML of the <section> labelled by `heading_id`."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def slugs(html, kind):
    """The test's records ("tie-…") linked in `html`, in order."""
    return re.findall(rf'href="/[\w-]+/{kind}/(tie-\d+)/"', html)


# Titles whose English and Azerbaijani alphabetical orders differ.
TITLES = [
    ("Alpha", "Zeta"),
    ("Bravo", "Yota"),
    ("Charlie", "Xi"),
    ("Delta", "Wu"),
    ("Echo", "Vu"),
    ("Foxtrot", "Uu"),
    ("Golf", "Tu"),
]


def test_the_latest_events_are_the_same_in_every_language(client):
    """Seven events on one day: the sixth shown used to differ by language (ties
    sorted by the title in the reader's language)."""
    day = datetime.date(2025, 9, 15)
    for number, (en, az) in enumerate(TITLES):
        make_event(slug=f"tie-{number}", title=en, title_az=az, date=day)
    shown = {
        language: slugs(
            section(client.get(f"/{language}/").text, "events-heading"), "events"
        )
        for language in LANGUAGES
    }
    assert len(shown["en"]) == 6
    assert shown["en"] == shown["az"] == shown["zh-hans"]


def test_the_events_list_and_timeline_order_ties_alike_in_every_language(client):
    day = datetime.date(2025, 9, 15)
    for number, (en, az) in enumerate(TITLES):
        make_event(slug=f"tie-{number}", title=en, title_az=az, date=day)
    for name in ("events:list", "events:timeline"):
        orders = []
        for language in ("en", "az"):
            with translation.override(language):
                url = reverse(name)
            orders.append(slugs(client.get(url).text, "events"))
        assert orders[0] == orders[1], name
        assert orders[0] == sorted(orders[0]), "ties in slug order"


def test_the_featured_projects_are_the_same_in_every_language(client):
    for number, (en, az) in enumerate(TITLES):
        make_project(slug=f"tie-{number}", title=en, title_az=az, featured=True)
    shown = {
        language: slugs(
            section(client.get(f"/{language}/").text, "projects-heading"), "projects"
        )
        for language in LANGUAGES
    }
    assert len(shown["en"]) == 6
    assert shown["en"] == shown["az"] == shown["zh-hans"]


def test_the_home_page_says_what_the_record_holds(client):
    make_event(), make_event(), make_event(status=Status.DRAFT)
    make_project(), make_agreement(), make_person(), make_organization()
    html = client.get("/en/").text
    holdings = section(html, "holdings-heading")
    assert re.search(
        r'href="/en/events/"><span class="count-number">2</span>'
        r' <span class="count-label">Events</span>',
        holdings,
    )
    assert '<span class="count-number">1</span> <span class="count-label">Projects' in (
        holdings
    )
    assert "/en/agreements/" in holdings and "/en/people/" in holdings
    # A kind without a list of its own (sources) is one box, as the linked ones.
    assert re.search(
        r'<li class="count-sources"><span class="count-box"><span class="count-number">'
        r'\d+</span> <span class="count-label">Sources</span></span></li>',
        holdings,
    )


def test_the_home_page_says_what_is_new_and_when_it_last_changed(client):
    old = make_event(slug="old-news", title="Old news")
    newer = make_project(slug="new-project", title="New project")
    draft = make_event(slug="a-draft", title="A draft", status=Status.DRAFT)
    type(old).objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=400),
        published_at=timezone.now() - datetime.timedelta(days=400),
    )
    html = client.get("/en/").text
    new = section(html, "whats-new-heading")
    assert new.index("New project") < new.index("Old news")
    assert draft.title not in new
    today = timezone.localdate()
    assert f'<time datetime="{today.isoformat()}">' in new
    intro = section(html, "intro-heading")
    assert f'<time datetime="{today.isoformat()}">Last updated: ' in intro
    assert newer.get_absolute_url() in new


def test_the_home_story_is_translated(client):
    make_event()
    html = client.get("/zh-hans/").text
    assert "记录概览" in html and "最新动态" in html and "最后更新：" in html
    html = client.get("/az/").text
    assert "Yeniliklər" in html and "Son yenilənmə: " in html


def test_the_timeline_shows_no_empty_years_still_to_come(client):
    this_year = timezone.localdate().year
    make_event(date=datetime.date(this_year - this_year % 10, 3, 1))
    response = client.get(reverse("events:timeline"))
    years = [
        year for _start, decade in response.context["decades"] for year, _ in decade
    ]
    assert max(years) == this_year
    overview = section(response.text, "decades-heading")
    assert str(this_year + 1) not in overview


def test_a_decade_stops_at_this_year_or_at_a_planned_event():
    today = datetime.date(2026, 12, 4)
    assert decades({2025: 2}, today) == [
        (2020, [(y, 2 if y == 2025 else 0) for y in range(2020, 2027)])
    ]
    assert [y for y, _ in decades({2028: 1}, today)[0][1]] == list(range(2020, 2029))
    assert decades({}, today) == []


def test_the_timeline_overview_is_a_list_that_wraps_not_a_table(client):
    make_event(date=datetime.date(2025, 3, 1))
    overview = section(client.get(reverse("events:timeline")).text, "decades-heading")
    assert "<table" not in overview
    assert '<ul class="years">' in overview


LISTS = [
    "events:list",
    "projects:list",
    "agreements:list",
    "people:list",
    "organizations:list",
]


@pytest.mark.parametrize("name", LISTS)
def test_list_filters_are_folded_in_a_details_disclosure(client, name):
    html = client.get(reverse(name)).text
    match = re.search(
        r'<details class="filter-disclosure"( open)?>\s*<summary>Filter</summary>\s*'
        r'<form class="filters"',
        html,
    )
    assert match, "the filter form is not inside <details><summary>Filter"
    assert match.group(1) is None, "folded unless something needs saying"
    # The results follow the (one line tall) disclosure.
    assert html.index("filter-disclosure") < html.index('class="results"')


def test_list_filters_say_how_many_are_in_use(client):
    make_event(kind="talks")
    html = client.get(reverse("events:list") + "?type=talks").text
    assert (
        '<summary>Filter <span class="filter-active">(1 in use)</span></summary>'
        in (html)
    )


def test_list_filters_open_to_show_their_errors(client):
    html = client.get(reverse("events:list") + "?date_from=not-a-date").text
    assert '<details class="filter-disclosure" open>' in html


def detail_pages():
    place = make_place(slug="baku-test")
    event = make_event(place=place)
    return [
        event,
        make_project(),
        make_agreement(event=event),
        make_person(),
        make_organization(),
        place,
    ]


def test_detail_pages_put_the_facts_beside_the_text(client):
    for record in detail_pages():
        html = client.get(record.get_absolute_url()).text
        assert '<article class="record record-grid">' in html, record
        head = html.index('class="record-head"')
        aside = html.index('class="record-aside"')
        main = html.index('class="record-main"')
        facts = html.index('<dl class="facts">')
        assert head < aside < facts < main, record


def contrast(one, two):
    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_focus_colours_stand_out_at_least_3_to_1():
    css = (ROOT / "static/css/site.css").read_text()
    colour = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    for background in ("paper", "wash"):
        assert contrast(colour["focus"], colour[background]) >= 3, background
    assert ".site-header :focus-visible { outline-color: var(--focus-on-dark); }" in css
    assert contrast(colour["focus-on-dark"], colour["brand"]) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_404_page_has_the_language_switcher_and_search(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.text
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    for code in LANGUAGES:
        assert f'href="/{code}/no-such-page/"' in nav.group(0)
    assert 'aria-current="true"' in nav.group(0)
    main = html[html.index("<main") :]
    assert f'action="/{language}/search/"' in main
    assert 'id="not-found-search-q"' in main


def test_the_404_of_an_address_without_a_language_links_to_each_home(client):
    html = client.get("/no-such-page/").text
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    assert 'href="/az/"' in nav and 'href="/zh-hans/"' in nav


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_500_page_has_the_language_switcher_and_search(language):
    request = RequestFactory().get(f"/{language}/events/?page=2")
    with translation.override(language):
        try:
            raise RuntimeError("a bug")
        except RuntimeError:
            assert sys.exc_info()[0] is RuntimeError
            response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    for code in LANGUAGES:
        assert f'href="/{code}/events/?page=2"' in nav.group(0)
    assert f'action="/{language}/search/"' in html[html.index("<main") :]
    assert f'<html lang="{language}">' in html
