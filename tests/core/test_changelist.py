"""The admin's changelists at scale (portal/core/changelist.py, issue 18): on
PostgreSQL a large list's count is the planner's estimate and its date
hierarchy's years come from one index probe per year, so no page reads every
row; a small list, and every list on SQLite, is counted exactly. The number of
queries a changelist makes does not grow with its rows, and the place filter
and the sources' language filter answer without listing every place or
reading every source."""

import datetime
import re

import pytest
from django.contrib import admin
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event
from portal.core.changelist import (
    EstimatedCountPaginator,
    estimated_count,
    periods_with_rows,
    years_with_rows,
)
from portal.core.datacache import CACHE_ALIAS
from portal.core.models import Person, Source
from portal.ops.pagecache import token_memo
from tests.builders import (
    make_agreement,
    make_country,
    make_event,
    make_organization,
    make_person,
    make_place,
    make_project,
    make_source,
)

pytestmark = pytest.mark.django_db

POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's estimates"
)
SQLITE = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
EVENTS = reverse("admin:events_event_changelist")
# A query that reads every row of the events table to answer.
FULL_READS = re.compile(r"COUNT\(\*\)|SELECT DISTINCT .*DATE_TRUNC|django_date_trunc")


def events(count, **fields):
    for n in range(count):
        make_event(date=datetime.date(1990 + n % 30, 1 + n % 12, 1), **fields)


def analyse(model=Event):
    """What autovacuum does on a live site: the statistics the estimates read."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


@pytest.fixture
def short_pages(monkeypatch):
    """Pages of ten events, so that a few dozen fill several."""
    monkeypatch.setattr(admin.site._registry[Event], "list_per_page", 10)


@pytest.fixture
def signed_in(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    return client


def sql_of(captured):
    return [query["sql"] for query in captured.captured_queries]


@POSTGRESQL
def test_a_large_list_is_estimated_on_postgresql(monkeypatch):
    events(30)
    events(5, kind="visit")
    analyse()
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 10)
    for queryset, expected in (
        (Event.objects.all(), 35),  # the table's reltuples
        (Event.objects.filter(kind="talks"), 30),  # EXPLAIN's estimate
    ):
        with CaptureQueriesContext(connection) as captured:
            paginator = EstimatedCountPaginator(queryset, 100)
            count = paginator.count
        assert paginator.estimated
        # ANALYZE of a table this small reads every row: the estimate is exact.
        assert count == pytest.approx(expected, abs=2)
        assert not any("COUNT(" in sql for sql in sql_of(captured))


@POSTGRESQL
def test_a_list_estimated_below_the_threshold_is_counted_on_postgresql(monkeypatch):
    events(30)
    events(5, kind="visit")
    analyse()
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 10)
    with CaptureQueriesContext(connection) as captured:
        paginator = EstimatedCountPaginator(Event.objects.filter(kind="visit"), 100)
        assert paginator.count == 5
    assert not paginator.estimated
    assert any("COUNT(" in sql for sql in sql_of(captured))


def test_a_small_list_is_counted_exactly():
    events(12)
    analyse()
    with CaptureQueriesContext(connection) as captured:
        paginator = EstimatedCountPaginator(Event.objects.all(), 100)
        assert paginator.count == 12
    assert not paginator.estimated
    assert any("COUNT(" in sql for sql in sql_of(captured))


@SQLITE
def test_every_list_is_counted_exactly_on_sqlite(monkeypatch):
    events(12)
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 0)
    assert estimated_count(Event.objects.all()) is None
    paginator = EstimatedCountPaginator(Event.objects.all(), 100)
    assert paginator.count == 12
    assert not paginator.estimated


def test_a_list_that_cannot_match_counts_nothing(monkeypatch):
    events(3)
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 0)
    paginator = EstimatedCountPaginator(Event.objects.filter(pk__in=[]), 100)
    assert paginator.count == 0
    assert not paginator.estimated


def test_the_changelist_says_about_when_it_estimates(
    signed_in, short_pages, monkeypatch
):
    events(30)
    analyse()
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 10)
    page = signed_in.get(EVENTS).text
    if connection.vendor == "postgresql":
        assert re.search(r"about 3\d events", page)
    else:
        assert "30 events" in page and "about" not in page


@POSTGRESQL
def test_a_large_changelist_reads_no_table_whole(signed_in, short_pages, monkeypatch):
    """No COUNT(*) and no DISTINCT of the years over every event: the count
    is estimated and the years are probed, with the same years shown."""
    events(40)
    analyse()
    expected = sorted({day.year for day in Event.objects.dates("date", "year")})
    # Whatever the planner guesses for a search, the list is "large".
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 1)
    for url in (EVENTS, f"{EVENTS}?kind__exact=talks", f"{EVENTS}?q=Baku"):
        with CaptureQueriesContext(connection) as captured:
            response = signed_in.get(url)
        assert response.status_code == 200
        reads = [sql for sql in sql_of(captured) if FULL_READS.search(sql)]
        assert not reads, url
        years = [int(y) for y in re.findall(r"date__year=(\d{4})", response.text)]
        assert sorted(set(years)) == expected, url


@POSTGRESQL
def test_the_autocomplete_counts_no_row_either(signed_in, monkeypatch):
    """A project's events are picked through the events' autocomplete: its
    pages are paged by the same paginator."""
    events(30)
    analyse()
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 1)
    with CaptureQueriesContext(connection) as captured:
        response = signed_in.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "projects",
                "model_name": "project",
                "field_name": "events",
                "term": "Baku",
            },
        )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 20
    assert response.json()["pagination"]["more"]
    assert not any("COUNT(" in sql for sql in sql_of(captured))


def test_years_are_the_years_django_lists():
    place = make_place(slug="here")
    events(25)
    make_event(date=datetime.date(2031, 12, 31), place=place)
    for queryset in (
        Event.objects.all(),
        Event.objects.filter(place=place),
        Event.objects.filter(date__year__in=[1991, 1995, 2031]),
        Event.objects.none(),
    ):
        assert years_with_rows(queryset, "date") == list(queryset.dates("date", "year"))


def test_years_of_moments_are_the_years_django_lists(settings):
    make_person()
    Person.objects.update(
        updated_at=datetime.datetime(2019, 12, 31, 23, 30, tzinfo=datetime.UTC)
    )
    make_person()
    for zone in ("UTC", "Asia/Baku"):
        # 23:30 UTC on 31 December is already the next year in Baku.
        settings.TIME_ZONE = zone
        queryset = Person.objects.all()
        assert years_with_rows(queryset, "updated_at") == list(
            queryset.datetimes("updated_at", "year")
        )


@POSTGRESQL
def test_an_estimate_the_page_shows_wrong_is_put_right(signed_in, monkeypatch):
    """The planner's guess for a filter can be far off; a page with room left
    is the last one, and its rows give the exact count."""
    events(30)
    analyse()
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 1)
    monkeypatch.setattr(
        "portal.core.changelist.estimated_count", lambda queryset: 5_000
    )
    response = signed_in.get(EVENTS, {"kind__exact": "talks"})
    changelist = response.context["cl"]
    assert changelist.result_count == 30
    assert not changelist.paginator.estimated
    assert "30 events" in response.text
    past_the_end = signed_in.get(EVENTS, {"kind__exact": "talks", "p": 3})
    assert past_the_end.context["cl"].result_count == 30


@pytest.mark.parametrize("level", ["year", "month", "day"])
def test_months_and_days_are_the_ones_django_lists(level):
    for day in (1, 2, 2, 28):
        make_event(date=datetime.date(1995, 3, day))
    make_event(date=datetime.date(1995, 7, 4))
    make_event(date=datetime.date(1996, 2, 29))
    queryset = Event.objects.filter(date__year=1995)
    first, last = datetime.date(1995, 1, 1), datetime.date(1995, 12, 31)
    if level == "day":
        queryset = queryset.filter(date__month=3)
        first, last = datetime.date(1995, 3, 1), datetime.date(1995, 3, 31)
    assert periods_with_rows(queryset, "date", level, first, last) == list(
        queryset.dates("date", level)
    )


def test_days_of_moments_are_the_ones_django_lists(settings):
    settings.TIME_ZONE = "Asia/Baku"
    for moment in (
        datetime.datetime(2020, 5, 31, 21, 0, tzinfo=datetime.UTC),  # 1 June in Baku
        datetime.datetime(2020, 5, 30, 12, 0, tzinfo=datetime.UTC),
    ):
        person = make_person()
        Person.objects.filter(pk=person.pk).update(updated_at=moment)
    queryset = Person.objects.all()
    for level, first, last in (
        ("month", datetime.date(2020, 1, 1), datetime.date(2020, 12, 31)),
        ("day", datetime.date(2020, 5, 1), datetime.date(2020, 6, 30)),
    ):
        assert periods_with_rows(queryset, "updated_at", level, first, last) == list(
            queryset.datetimes("updated_at", level)
        )


@POSTGRESQL
def test_a_large_changelist_drills_down_without_reading_the_table(
    signed_in, short_pages, monkeypatch
):
    events(40)
    for n in range(40):  # ten in each of four months: a page and more of each
        make_event(date=datetime.date(1995, 1 + n % 4, 1 + n % 3 * 9))
    analyse()
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 1)
    for params, level in (
        ({"date__year": "1995"}, "month"),
        ({"date__year": "1995", "date__month": "4"}, "day"),
    ):
        expected = [
            f"date__{level}={getattr(day, level)}"
            for day in Event.objects.filter(
                **{f"date__{k.split('__')[1]}": int(v) for k, v in params.items()}
            ).dates("date", level)
        ]
        with CaptureQueriesContext(connection) as captured:
            response = signed_in.get(EVENTS, params)
        assert not [sql for sql in sql_of(captured) if FULL_READS.search(sql)]
        shown = re.findall(rf"date__{level}=\d+", response.text)
        assert sorted(set(shown)) == sorted(set(expected)), params


@pytest.mark.parametrize(
    "params",
    [
        {"date__year": "abc"},
        {"date__year": "9999"},
        {"date__year": "1995", "date__month": "13"},
        {"date__year": "0"},
    ],
)
def test_odd_dates_in_the_address_never_fail(signed_in, monkeypatch, params):
    events(12)
    analyse()
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 1)
    monkeypatch.setattr(admin.site._registry[Event], "list_per_page", 5)
    response = signed_in.get(EVENTS, params)
    assert response.status_code in (200, 302)


def test_the_action_checkbox_is_djangos_own():
    event = make_event(title='Talks on "trade" <and> & more')
    model_admin = admin.site._registry[Event]
    assert model_admin.action_checkbox(event) == admin.ModelAdmin.action_checkbox(
        model_admin, event
    )


def test_the_place_filter_finds_a_place_and_what_is_inside_it(signed_in):
    country = make_country(slug="azerbaijan", name="Azerbaijan")
    baku = make_place(slug="baku", name="Baku", name_az="Bakı", parent=country)
    district = make_place(slug="sabail", name="Sabail", parent=baku)
    ganja = make_place(slug="ganja", name="Ganja", parent=country)
    at = {
        place.slug: make_event(title=f"Talks at {place.slug}", place=place)
        for place in (baku, district, ganja)
    }
    make_event(title="Talks nowhere")

    def listed(text):
        response = signed_in.get(EVENTS, {"place": text})
        assert response.status_code == 200
        return {event.pk for event in response.context["cl"].result_list}

    assert listed("baku") == {at["baku"].pk, at["sabail"].pk}
    assert listed("Bakı") == {at["baku"].pk, at["sabail"].pk}
    assert listed("sabail") == {at["sabail"].pk}
    assert listed("azerbaijan") == {event.pk for event in at.values()}
    assert listed("atlantis") == set()
    # The filter is a text field: the page lists no place.
    page = signed_in.get(EVENTS).text
    assert 'name="place"' in page and "Ganja</a>" not in page


def test_the_source_language_filter_reads_the_languages_once(signed_in, settings):
    # The data cache on (the suite runs with it off), its token read each time.
    settings.DATA_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    caches[CACHE_ALIAS].clear()
    token_memo.forget()
    make_source(language="en")
    make_source(language="zh")
    url = reverse("admin:portal_source_changelist")
    first = signed_in.get(url)
    assert {"en", "zh"} <= {
        choice["display"]
        for spec in first.context["cl"].filter_specs
        if spec.title == Source._meta.get_field("language").verbose_name
        for choice in spec.choices(first.context["cl"])
    }
    with CaptureQueriesContext(connection) as captured:
        signed_in.get(url)
    assert not any('DISTINCT "portal_source"."language"' in s for s in sql_of(captured))
    # A new source replaces the token: its language is listed at once.
    make_source(language="ru")
    again = signed_in.get(url)
    assert "?language=ru" in again.text
    caches[CACHE_ALIAS].clear()
    token_memo.forget()


CHANGELISTS = {
    "events": "admin:events_event_changelist",
    "agreements": "admin:events_agreement_changelist",
    "projects": "admin:projects_project_changelist",
    "people": "admin:portal_person_changelist",
    "organisations": "admin:portal_organization_changelist",
    "sources": "admin:portal_source_changelist",
}


def grow(rounds):
    """Rows whose every column links to a record of its own."""
    for n in range(rounds):
        country = make_country(name=f"Country {n}")
        place = make_place(parent=country, name=f"City {n}")
        publisher = make_organization(country=country)
        event = make_event(place=place, date=datetime.date(1990 + n, 1, 1))
        make_agreement(event=event, signed_on=datetime.date(1990 + n, 1, 1))
        make_project(start_date=datetime.date(1990 + n, 1, 1))
        make_person(country=country)
        make_source(publisher=publisher, published_on=datetime.date(1990 + n, 1, 1))


@pytest.mark.parametrize("name", CHANGELISTS)
def test_a_changelist_makes_as_many_queries_at_any_size(signed_in, name, monkeypatch):
    """The same queries with 2 rows of each kind as with 14, pages of 5 rows
    (no query per row, whatever the columns link to); on PostgreSQL, with
    the rows beyond a page, none of them reads the table whole."""
    url = reverse(CHANGELISTS[name])
    model = next(
        m
        for m in admin.site._registry
        if url.endswith(f"/{m._meta.app_label}/{m._meta.model_name}/")
    )
    monkeypatch.setattr(admin.site._registry[model], "list_per_page", 5)
    # Estimated counts on PostgreSQL from the first rows on.
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 1)
    grow(2)
    analyse(model)
    signed_in.get(url)  # content types, the session

    def run():
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(url).status_code == 200
        return sql_of(captured)

    small = run()
    grow(12)
    analyse(model)
    large = run()
    assert len(large) == len(small)
    if connection.vendor == "postgresql":
        assert not [sql for sql in large if FULL_READS.search(sql)]
