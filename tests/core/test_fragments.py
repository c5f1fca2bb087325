"""Rendered pieces of pages kept per record version and language
(portal/core/fragments.py, issue 18): the cards of the lists, the filter forms
and the projects list's map. They must be reused where nothing changed, and
show every change at once: an edit, a publication, a withdrawal, a translation,
a change of a record the card shows (its place).

The suite runs with the data cache off (DATA_CACHE_SECONDS=0 in pyproject),
and so with no fragments kept; these turn it on.
"""

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import EventKind
from portal.core import fragments
from portal.core.datacache import CACHE_ALIAS as DATA_ALIAS
from portal.core.models import Status
from portal.ops.pagecache import token_memo
from tests.builders import (
    add_measure,
    add_office,
    add_participant,
    make_agreement,
    make_event,
    make_organization,
    make_person,
    make_place,
    make_project,
    make_source,
)

pytestmark = pytest.mark.django_db

TRICKY = 'Azerbaijan\'s "People" & <Partners> — Əliyev 中国'


@pytest.fixture(autouse=True)
def kept(settings):
    settings.DATA_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    for alias in (DATA_ALIAS, fragments.CACHE_ALIAS):
        caches[alias].clear()
    token_memo.forget()
    yield settings
    for alias in (DATA_ALIAS, fragments.CACHE_ALIAS):
        caches[alias].clear()
    token_memo.forget()


def get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def rows_read(sqls, table, column="title_en"):
    """The queries that read the table's rows whole (their English titles)."""
    return [sql for sql in sqls if f'"{table}"."{column}"' in sql.split(" FROM ")[0]]


def projects_url():
    with translation.override("en"):
        return reverse("projects:list")


def card(html, slug):
    """The card linking to the record, or None."""
    for article in re.findall(r'<article class="card.*?</article>', html, re.S):
        if f"/{slug}/" in article:
            return article
    return None


def events_url(language="en"):
    # In a language of its own: a request leaves the last one active.
    with translation.override(language):
        return reverse("events:list")


def test_a_card_is_rendered_once_for_every_list_that_shows_it(client):
    event = make_event(title="Talks on trade", kind=EventKind.TALKS)
    first, sqls = get(client, events_url())
    assert rows_read(sqls, "events_event")
    # Another address listing the same event: only the ids and versions are
    # read, and the card is the one kept.
    again, sqls = get(client, events_url() + "?type=talks")
    assert rows_read(sqls, "events_event") == []
    assert card(again, event.slug) == card(first, event.slug)
    assert "Talks on trade" in card(again, event.slug)


def test_an_edited_record_shows_its_new_card_at_once(client, settings):
    # Even before this process reads the new content token: the card's key
    # holds the record's own version.
    event = make_event(title="Talks on trade")
    get(client, events_url())
    settings.PAGE_CACHE_CHECK_SECONDS = 3600
    get(client, events_url())
    event.title = "Talks on energy"
    event.save()
    html, _sqls = get(client, events_url())
    assert "Talks on energy" in card(html, event.slug)
    assert "Talks on trade" not in html


def test_a_published_record_gets_its_card_and_a_withdrawn_one_loses_it(client):
    shown = make_event(title="Shown talks")
    draft = make_event(title="Drafted talks", status=Status.DRAFT)
    html, _sqls = get(client, events_url())
    assert card(html, draft.slug) is None
    draft.status = Status.PUBLISHED
    draft.save()
    html, _sqls = get(client, events_url())
    assert "Drafted talks" in card(html, draft.slug)
    shown.status = Status.DRAFT
    shown.save()
    html, _sqls = get(client, events_url())
    assert card(html, shown.slug) is None
    assert "Shown talks" not in html


def test_a_translation_changes_that_language_only(client):
    event = make_event(title="Talks on trade")
    azerbaijani = events_url("az")
    get(client, azerbaijani)
    english, _sqls = get(client, events_url())
    event.title_az = "Ticarət danışıqları"
    event.save()
    html, _sqls = get(client, azerbaijani)
    assert "Ticarət danışıqları" in card(html, event.slug)
    again, _sqls = get(client, events_url())
    assert card(again, event.slug) == card(english, event.slug)


def test_a_card_shows_a_renamed_place_at_once(client):
    # The place is another record: its change gives a new content token.
    place = make_place(name="Ganja")
    event = make_event(place=place)
    html, _sqls = get(client, events_url())
    assert "Ganja" in card(html, event.slug)
    place.name = "Sheki"
    place.save()
    html, _sqls = get(client, events_url())
    assert "Sheki" in card(html, event.slug)


def test_a_project_card_shows_a_new_figure_at_once(client):
    project = make_project(title="Wind farm")
    html, _sqls = get(client, projects_url())
    assert "MW" not in card(html, project.slug)
    add_measure(project, 240)
    html, _sqls = get(client, projects_url())
    assert "240" in card(html, project.slug)


def test_a_kept_card_is_escaped_once(client):
    event = make_event(title=TRICKY, summary=TRICKY)
    first, _sqls = get(client, events_url())
    again, sqls = get(client, events_url() + "?type=talks")
    assert rows_read(sqls, "events_event") == []
    kept = card(again, event.slug)
    assert kept == card(first, event.slug)
    assert "Azerbaijan&#x27;s &quot;People&quot; &amp; &lt;Partners&gt;" in kept
    assert "&amp;#x27;" not in kept and "<Partners>" not in kept


def test_nothing_is_kept_with_the_data_cache_off(client, settings):
    settings.DATA_CACHE_SECONDS = 0
    make_event()
    _html, sqls = get(client, events_url())
    _html, sqls = get(client, events_url())
    assert rows_read(sqls, "events_event")
    assert not caches[fragments.CACHE_ALIAS]._cache


# The filter forms -------------------------------------------------------------------


def options(html, name):
    """{value: label} of the select named `name`, and the selected value."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    found = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    chosen = [value for value, selected, _label in found if selected]
    return {value: label for value, _selected, label in found}, chosen


def test_the_filter_form_offers_the_counted_choices_on_every_page(client):
    person = make_person(name="Ilham Aliyev", slug="ilham-aliyev")
    for day in range(1, 23):
        event = make_event(kind=EventKind.TALKS, date=datetime.date(2025, 1, day))
        add_participant(event, person)
    make_event(kind=EventKind.VISIT)
    url = events_url() + "?type=talks"
    first, _sqls = get(client, url)
    types, chosen = options(first, "type")
    assert types["talks"].endswith("(22)")
    assert types["visit"].endswith("(1)")
    assert chosen == ["talks"]
    people, _chosen = options(first, "person")
    assert people["ilham-aliyev"] == "Ilham Aliyev (22)"
    # Page 2 of the same filters shows the same form, kept.
    second, _sqls = get(client, url + "&page=2")
    assert options(second, "type") == (types, ["talks"])
    assert options(second, "person")[0] == people


def test_the_filter_form_follows_the_filters_and_the_language(client):
    make_event(kind=EventKind.TALKS)
    make_event(kind=EventKind.VISIT)
    talks, _sqls = get(client, events_url() + "?type=talks")
    visits, _sqls = get(client, events_url() + "?type=visit")
    assert options(talks, "type")[1] == ["talks"]
    assert options(visits, "type")[1] == ["visit"]
    chinese_url = events_url("zh-hans") + "?type=talks"
    with translation.override("zh-hans"):
        label = str(EventKind.VISIT.label)
    chinese, _sqls = get(client, chinese_url)
    assert options(chinese, "type")[0]["visit"].startswith(label)
    assert label != "Visit"


def test_the_filter_form_counts_a_new_record_at_once(client):
    make_event(kind=EventKind.TALKS)
    url = events_url() + "?type=talks"
    before, _sqls = get(client, url)
    assert options(before, "type")[0]["visit"].endswith("(0)")
    make_event(kind=EventKind.VISIT)
    after, _sqls = get(client, url)
    assert options(after, "type")[0]["visit"].endswith("(1)")


def test_an_invalid_filter_shows_its_error_in_the_kept_form(client):
    make_event()
    html, _sqls = get(client, events_url() + "?type=nonsense")
    again, _sqls = get(client, events_url() + "?type=nonsense&page=2")
    for page in (html, again):
        assert "Select a valid choice" in page


# The projects list's map ----------------------------------------------------------


def test_the_projects_map_is_kept_for_the_filters_and_follows_changes(client):
    place = make_place(name="Khachmaz", latitude=41.46, longitude=48.8)
    project = make_project(title="Wind farm")
    project.places.add(place)
    url = projects_url()
    first, sqls = get(client, url)
    assert any("projects_project_places" in sql for sql in sqls)
    assert "Khachmaz" in first
    again, sqls = get(client, url + "?page=1")
    assert not any("projects_project_places" in sql for sql in sqls)
    assert "Khachmaz" in again
    place.name = "Xaçmaz"
    place.save()
    changed, _sqls = get(client, url)
    assert "Xaçmaz" in changed and "Khachmaz" not in changed


# Record pages -------------------------------------------------------------------------


def test_a_record_page_is_kept_and_reads_no_relations_again(client):
    event = make_event(title="Talks on trade")
    add_participant(event, make_person(name="Ilham Aliyev"))
    url = event.get_absolute_url()
    first, sqls = get(client, url)
    assert any("events_participation" in sql for sql in sqls)
    assert "Ilham Aliyev" in first
    again, sqls = get(client, url)
    assert not any("events_participation" in sql for sql in sqls)
    assert not any("portal_citation" in sql for sql in sqls)
    assert again == first


def test_a_record_page_shows_every_change_at_once(client):
    event = make_event(title="Talks on trade")
    person = make_person(name="Ilham Aliyev")
    url = event.get_absolute_url()
    get(client, url)
    add_participant(event, person)
    html, _sqls = get(client, url)
    assert "Ilham Aliyev" in html
    # A participant no longer published leaves the page (the published filter
    # of the relation, not the kept page, decides).
    person.status = Status.DRAFT
    person.save()
    html, _sqls = get(client, url)
    assert "Ilham Aliyev" not in html
    event.title = "Talks on energy"
    event.save()
    html, _sqls = get(client, url)
    assert "Talks on energy" in html and "Talks on trade" not in html


def test_a_withdrawn_record_page_is_gone_at_once(client):
    event = make_event()
    url = event.get_absolute_url()
    get(client, url)
    event.status = Status.DRAFT
    event.save()
    assert client.get(url).status_code == 404


def test_a_record_page_shows_its_relations_with_nothing_kept(client, settings):
    settings.DATA_CACHE_SECONDS = 0
    event = make_event()
    add_participant(event, make_person(name="Ilham Aliyev"))
    project = make_project()
    project.events.add(event)
    html, _sqls = get(client, event.get_absolute_url())
    article = html[html.index('<article class="record') :]
    assert "Ilham Aliyev" in article
    assert project.title in article
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
    assert "Ilham Aliyev" in json_ld.group(1)


def json_ld_of(html):
    return re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(
        1
    )


def test_kept_json_ld_of_agreements_places_and_sources_follows_changes(client):
    place = make_place(name="Baku", slug="baku")
    event = make_event(place=place)
    agreement = make_agreement(event=event)
    party = make_organization(name="Ministry of Energy")
    source = make_source(title="Interview")
    urls = [agreement.get_absolute_url(), place.get_absolute_url()]
    urls.append(source.get_absolute_url())
    for url in urls:
        first, _sqls = get(client, url)
        again, _sqls = get(client, url)
        assert json_ld_of(again) == json_ld_of(first)
    # A new party, a renamed place, a retitled source: each at once.
    agreement.parties.add(party)
    place.name = "Bakı"
    place.save()
    source.title = "Interview with the ambassador"
    source.save()
    agreement_json = json_ld_of(get(client, urls[0])[0])
    assert "Ministry of Energy" in agreement_json and "Bakı" in agreement_json
    assert '"name": "Bakı"' in json_ld_of(get(client, urls[1])[0])
    assert "with the ambassador" in json_ld_of(get(client, urls[2])[0])
    # A party withdrawn from readers leaves the kept JSON-LD too.
    party.status = Status.DRAFT
    party.save()
    assert "Ministry of Energy" not in json_ld_of(get(client, urls[0])[0])


def test_a_project_page_shows_a_new_figure_at_once(client):
    project = make_project(title="Wind farm")
    url = project.get_absolute_url()
    before, _sqls = get(client, url)
    add_measure(project, 240)
    after, _sqls = get(client, url)
    assert "240" in after and after != before


def test_the_people_list_shows_a_new_office_and_a_new_name_at_once(client):
    person = make_person(name="Ilham Aliyev", honorific="")
    with translation.override("en"):
        url = reverse("people:list")
    html, _sqls = get(client, url)
    assert "Ilham Aliyev</a></li>" in html
    add_office(person, title="President of Azerbaijan")
    html, _sqls = get(client, url)
    assert "Ilham Aliyev</a> — President of Azerbaijan" in html
    _again, sqls = get(client, url)
    assert rows_read(sqls, "portal_person", column="name_en") == []
    person.name = "İlham Əliyev"
    person.save()
    html, _sqls = get(client, url)
    assert "İlham Əliyev</a> — President of Azerbaijan" in html


@pytest.mark.parametrize("kind", ["events", "projects", "people"])
def test_kept_lists_make_as_many_queries_at_any_size(client, kind):
    makers = {"events": make_event, "projects": make_project, "people": make_person}
    with translation.override("en"):
        url = reverse(f"{kind}:list")

    def kept_queries():
        get(client, url)  # renders what is not kept yet
        _html, sqls = get(client, url)
        return [sql for sql in sqls if "portal_contenttoken" not in sql]

    for _ in range(3):
        makers[kind]()
    small = kept_queries()
    for _ in range(25):
        makers[kind]()
    large = kept_queries()
    assert len(small) == len(large)
