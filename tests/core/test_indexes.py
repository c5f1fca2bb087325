"""Every index serves the query its comment names (issue 8).

On PostgreSQL each page below is read, each of its SELECTs is explained with
sequential scans turned off, and the plans must name the page's indexes: an
index a query stops using (a changed filter or ordering, a rewritten index)
fails here rather than slowing the site at 100,000 records. SQLite plans
differently and is not the database for large sites, so the SQLite pass skips
this file.
"""

import datetime
import json

import pytest
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from events.models import Agreement, Event, EventKind
from portal.core.models import Organization, Person, Source, Status
from portal.editorial.models import Correction
from projects.models import Direction, Project, ProjectStatus
from tests.builders import make_event
from tests.site.test_query_counts import World

ADMIN = "/" + django_settings.ADMIN_PATH

# Page -> the indexes its queries must use (see each model's Meta.indexes).
PUBLIC = {
    "/en/events/": {"event_date", "event_public", "event_newest"},
    "/en/events/?type=talks": {"event_public"},
    "/en/events/?year=1995": {"event_date"},
    "/en/events/feed/rss/": {"event_newest"},
    "/en/": {"event_date", "project_featured"},
    "/en/agreements/": {"agreement_signed_on", "agreement_newest"},
    "/en/projects/": {"project_title_en", "project_facets"},
    "/az/projects/": {"project_title_az"},
    "/zh-hans/projects/": {"project_title_zh_hans"},
    "/en/projects/feed/rss/": {"project_newest"},
    "/en/people/": {"person_sort_en"},
    "/az/people/": {"person_sort_az"},
    "/zh-hans/people/": {"person_sort_zh_hans"},
    "/en/organisations/": {"organization_sort_en"},
    "/az/organisations/": {"organization_sort_az"},
    "/zh-hans/organisations/": {"organization_sort_zh_hans"},
    "/api/v1/events/": {"event_date"},
    "/api/v1/projects/": {"project_title_en"},
    # ?updated_since=: what was saved since, or published since.
    "/api/v1/events/?updated_since=2100-01-01": {"event_updated_at", "event_newest"},
    "/api/v1/projects/?updated_since=2100-01-01": {
        "project_updated_at",
        "project_newest",
    },
    "/api/v1/agreements/?updated_since=2100-01-01": {
        "agreement_updated_at",
        "agreement_newest",
    },
    "/api/v1/sources/?updated_since=2100-01-01": {
        "source_updated_at",
        "source_newest",
    },
}
EDITORS = {
    "events/event/": {"event_date"},
    # The place filter: Baku and its districts, by date.
    "events/event/?place=baku": {"event_place_date"},
    "events/agreement/": {"agreement_signed_on"},
    "events/participation/": {"participation_order"},
    "projects/project/": {"project_title_en", "project_start_date"},
    "projects/partner/": {"partner_order"},
    "projects/milestone/": {"milestone_order"},
    "portal/person/": {"person_sort_en", "person_updated_at"},
    "portal/organization/": {"organization_sort_en", "organization_updated_at"},
    "portal/source/": {"source_published_on"},
    "portal/citation/": {"citation_order"},
    "portal/office/": {"office_order"},
    "editorial/correction/": {"correction_newest"},
}


def build():
    """A site with enough rows that the planner weighs its choices as on a
    large one, vacuumed so that it knows its indexes can answer alone, as
    autovacuum makes sure on a live site (hence a committing test: VACUUM
    cannot run inside a transaction)."""
    world = World()
    world.add(3)
    # A tenth of them drafts; bulk inserts, quick.
    _bulk(Event, 1500, world, kind=lambda n: list(EventKind)[n % len(EventKind)])
    _bulk(Agreement, 400, world, kind=lambda n: "memorandum")
    _bulk(
        Project,
        600,
        world,
        sector=lambda n: world.project.sector,
        project_status=lambda n: list(ProjectStatus)[n % len(ProjectStatus)],
        direction=lambda n: list(Direction)[n % len(Direction)],
    )
    _bulk(Person, 600, world)
    _bulk(Organization, 600, world, kind=lambda n: "company")
    _bulk(Source, 600, world, kind=lambda n: "news")
    make_event(slug="a-draft", status=Status.DRAFT)
    Correction.objects.create(
        content_object=world.event, message="The date is wrong.", language="en"
    )
    with connection.cursor() as cursor:
        # FULL first: the rows earlier tests wrote and rolled back leave pages
        # behind, and on tables this small the planner's choice between two
        # indexes turns on the page count. Compacted, every run plans alike.
        cursor.execute("VACUUM FULL")
        cursor.execute("VACUUM ANALYZE")
    return world


def _bulk(model, count, world, **fields):
    """`count` published records (every tenth a draft) with distinct dates,
    titles and names in every language."""
    stamp = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    records = []
    for n in range(count):
        record = model(
            slug=f"bulk-{model._meta.model_name}-{n}",
            status=Status.DRAFT if n % 10 == 0 else Status.PUBLISHED,
            published_at=stamp - datetime.timedelta(hours=n),
            version=1,
            **{name: make(n) for name, make in fields.items()},
        )
        for language in ("en", "az", "zh_hans"):
            for field in ("title", "name", "summary"):
                if hasattr(record, f"{field}_{language}"):
                    setattr(record, f"{field}_{language}", f"{field} {n:05} {language}")
        day = datetime.date(1990 + n % 35, 1 + n % 12, 1 + n % 28)
        for field in ("date", "signed_on", "start_date"):
            if hasattr(record, field):
                setattr(record, field, day)
        if model is Event:
            record.place = world.city
        records.append(record)
    model.objects.bulk_create(records)


def indexes_used(run):
    """The indexes named in the plans of every SELECT that `run()` makes."""
    with CaptureQueriesContext(connection) as captured:
        run()
    used = set()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for query in captured.captured_queries:
            if query["sql"].startswith("SELECT"):
                cursor.execute("EXPLAIN (FORMAT JSON) " + query["sql"])
                plan = cursor.fetchone()[0]
                if isinstance(plan, str):
                    plan = json.loads(plan)
                used |= set(_index_names(plan))
    return used


def plans(run):
    """The plans of the SELECTs `run()` makes, as text: what a failure shows
    when a query stops using its index (the planner's choice on this run's
    tables, which a rerun may not repeat)."""
    with CaptureQueriesContext(connection) as captured:
        run()
    texts = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for query in captured.captured_queries:
            cursor.execute("EXPLAIN " + query["sql"])
            texts.append("\n".join(row[0] for row in cursor.fetchall()))
        cursor.execute(
            "SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables "
            "WHERE relname LIKE 'portal_%' ORDER BY relname"
        )
        texts.append(repr(cursor.fetchall()))
    return ["\n".join(texts)]


def page_indexes(client, url):
    def read():
        assert client.get(url).status_code == 200, url

    return indexes_used(read)


def _index_names(plan):
    if isinstance(plan, dict):
        if "Index Name" in plan:
            yield plan["Index Name"]
        for value in plan.values():
            yield from _index_names(value)
    elif isinstance(plan, list):
        for item in plan:
            yield from _index_names(item)


NEWEST = {
    "event_newest",
    "agreement_newest",
    "project_newest",
    "person_newest",
    "organization_newest",
    "source_newest",
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_page_uses_the_indexes_named_for_it(client, settings, django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL pass only: these are PostgreSQL plans")
    from portal.core.content import read_token

    settings.PAGE_CACHE_SECONDS = 0
    build()
    missing = {}
    used = {}
    for url, wanted in PUBLIC.items():
        used[url] = page_indexes(client, url)
        missing[url] = wanted - used[url]
    # The page cache's content token: the newest publication of each kind.
    missing["content token"] = NEWEST - indexes_used(read_token)
    if missing["content token"]:
        used["content token"] = plans(read_token)
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    for path, wanted in EDITORS.items():
        used[ADMIN + path] = page_indexes(client, ADMIN + path)
        missing[ADMIN + path] = wanted - used[ADMIN + path]
    missing = {
        page: f"{sorted(names)} (used: {sorted(used.get(page, ()))})"
        for page, names in missing.items()
        if names
    }
    assert not missing, f"queries not using their indexes: {missing}"


def test_every_index_in_the_models_is_checked_here():
    """A new index comes with the page that needs it, named above."""
    from django.apps import apps

    declared = {
        index.name
        for app in ("events", "projects", "portal")
        for model in apps.get_app_config(app).get_models()
        for index in model._meta.indexes
    }
    checked = set().union(*PUBLIC.values(), *EDITORS.values(), NEWEST)
    # Served by lookups of a single record's rows, checked by the pages of
    # tests/site/test_query_counts.py rather than by plans here.
    by_record = {"citation_target", "correction_target"}
    assert declared - checked - by_record == set()
