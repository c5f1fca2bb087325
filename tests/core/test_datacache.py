"""What many pages compute alike, kept under the content token
(portal/core/datacache.py): facet counts, the number of records a list shows, the
event years, and the home and key-figures pages' content.

The suite runs with this cache off (DATA_CACHE_SECONDS=0 in pyproject); these
turn it on, with the token re-read on every request so a change shows at once.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import EventKind
from portal.core.datacache import CACHE_ALIAS, cached
from portal.ops.pagecache import token_memo
from tests.builders import add_observation, make_event, make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_cache(settings):
    settings.DATA_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    caches[CACHE_ALIAS].clear()
    token_memo.forget()
    yield settings
    caches[CACHE_ALIAS].clear()
    token_memo.forget()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    # The token's own query (re-read on every request here) is left out.
    return response, [
        query["sql"]
        for query in captured.captured_queries
        if "portal_contenttoken" not in query["sql"]
    ]


def grouping(sqls):
    return [sql for sql in sqls if "GROUP BY" in sql]


def test_facet_counts_are_counted_once_for_every_page_and_language(client, seeded):
    url = reverse("events:list") + "?type=talks"
    first, sqls = queries(client, url)
    assert grouping(sqls), "the first read counts the facets"
    again, sqls = queries(client, url + "&page=1")
    assert grouping(sqls) == []
    assert again.context["facet_counts"] == first.context["facet_counts"]
    with translation.override("zh-hans"):
        chinese = reverse("events:list") + "?type=talks"
    _response, sqls = queries(client, chinese)
    # Another address (the language is in the path) counts afresh.
    assert grouping(sqls)


def test_the_choices_offered_are_read_once_per_language(client, seeded):
    url = reverse("events:list") + "?type=talks"
    first, sqls = queries(client, url)
    assert any('FROM "portal_person"' in sql for sql in sqls)
    again, sqls = queries(client, url + "&page=1")
    assert not any('FROM "portal_person"' in sql for sql in sqls)
    person = again.context["filter"].form.fields["person"]
    assert list(person.widget.choices) == list(
        first.context["filter"].form.fields["person"].widget.choices
    )


def test_other_filters_are_counted_apart(client, seeded):
    queries(client, reverse("events:list") + "?type=talks")
    other, sqls = queries(client, reverse("events:list") + "?type=signing")
    assert grouping(sqls)
    assert other.context["facet_counts"]["type"]["signing"] == (
        other.context["paginator"].count
    )


def test_a_new_event_is_counted_at_once(client, seeded):
    url = reverse("events:list") + "?year=2025"
    before, _sqls = queries(client, url)
    talks = before.context["facet_counts"]["type"][EventKind.TALKS]
    listed = before.context["paginator"].count
    make_event(kind=EventKind.TALKS, date=datetime.date(2025, 3, 1))
    after, sqls = queries(client, url)
    assert grouping(sqls)
    assert after.context["facet_counts"]["type"][EventKind.TALKS] == talks + 1
    assert after.context["paginator"].count == listed + 1


def test_the_number_listed_is_counted_once(client, seeded):
    url = reverse("events:list") + "?type=talks"
    first, sqls = queries(client, url)
    counts = [sql for sql in sqls if "COUNT(*)" in sql]
    assert counts
    again, sqls = queries(client, url)
    assert [sql for sql in sqls if "COUNT(*)" in sql] == []
    assert again.context["paginator"].count == first.context["paginator"].count


def test_an_invalid_filter_is_not_kept(client, seeded):
    # Any year is a valid filter (a year without events lists none); a year
    # that is not a number is not.
    response = client.get(reverse("events:list") + "?year=abc")
    assert response.status_code == 200
    assert response.context["facet_counts"] == {}
    assert response.context["paginator"].count == 0


def test_a_new_year_reaches_the_year_choices(client, seeded):
    url = reverse("events:list")
    before, _sqls = queries(client, url)
    assert "1999" not in dict(before.context["filter"].form.fields["year"].choices)
    make_event(date=datetime.date(1999, 5, 1))
    after, _sqls = queries(client, url)
    assert "1999" in dict(after.context["filter"].form.fields["year"].choices)


def test_key_figures_are_rendered_once_until_a_figure_changes(client, seeded):
    indicator = make_indicator(name="Containers carried")
    add_observation(indicator, value=120)
    add_observation(
        indicator,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 12, 31),
        value=90,
    )
    url = reverse("key-figures")
    first, sqls = queries(client, url)
    assert any("portal_indicator" in sql for sql in sqls)
    again, sqls = queries(client, url)
    assert not any("portal_indicator" in sql for sql in sqls)
    assert again.content == first.content
    add_observation(
        indicator,
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        value=4321,
    )
    changed, _sqls = queries(client, url)
    assert "4,321" in changed.content.decode()


def test_the_home_page_shows_a_new_event_at_once(client, seeded):
    queries(client, reverse("home"))
    _response, sqls = queries(client, reverse("home"))
    assert not any("events_event" in sql for sql in sqls)
    make_event(title="Talks on the middle corridor", date=datetime.date(2099, 1, 1))
    response, _sqls = queries(client, reverse("home"))
    assert "Talks on the middle corridor" in response.content.decode()


def test_each_language_has_its_own_home_page(client, seeded):
    english = client.get("/en/").content.decode()
    chinese = client.get("/zh-hans/").content.decode()
    assert 'lang="zh-Hans"' in chinese or 'lang="zh-hans"' in chinese
    assert english != chinese


def test_nothing_is_kept_when_the_cache_is_off(settings, seeded):
    settings.DATA_CACHE_SECONDS = 0
    calls = []
    assert cached(("x",), lambda: calls.append(1) or 1) == 1
    assert cached(("x",), lambda: calls.append(1) or 1) == 1
    assert calls == [1, 1]


def test_a_value_is_kept_under_the_token(seeded):
    calls = []
    assert cached(("x",), lambda: calls.append(1) or None) is None
    assert cached(("x",), lambda: calls.append(1) or None) is None
    # None is a value like any other: computed once.
    assert calls == [1]
