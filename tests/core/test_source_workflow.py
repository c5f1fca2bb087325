"""Sources follow the editorial workflow (issue 15, item 4): a new source is a
draft readers never see until an editor publishes it; the sources that existed
before keep being public."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from portal.core import workflow
from portal.core.models import Citation, Source, Status
from tests.builders import cite, make_event, make_source

pytestmark = pytest.mark.django_db

BEFORE = [("portal", "0011_search_columns")]
AFTER = [("portal", "0012_source_workflow")]


# serialized_rollback: see tests/conftest.py.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_publishes_every_existing_source_as_it_was(migrator):
    executor = migrator(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("portal", "Source")
    row = old.objects.create(
        title="Interview with the ambassador",
        title_en="Interview with the ambassador",
        title_az="Səfirlə müsahibə",
        slug="interview",
        kind="interview",
        url="https://apa.az/interview",
        published_on=datetime.date(2025, 12, 1),
        published_on_precision="month",
        language="en",
        notes="Read on the day.",
    )
    created_at = row.created_at

    executor = migrator(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("portal", "Source")
    # The later migrations again, so the tests after this one on its worker
    # find the schema they expect.
    migrator(executor.loader.graph.leaf_nodes())
    source = new.objects.get(slug="interview")

    assert source.status == Status.PUBLISHED
    assert source.published_at == created_at
    assert (source.title_en, source.title_az, source.url, source.notes) == (
        "Interview with the ambassador",
        "Səfirlə müsahibə",
        "https://apa.az/interview",
        "Read on the day.",
    )
    assert source.published_on == datetime.date(2025, 12, 1)
    assert source.created_at == created_at
    assert Source.objects.published().filter(slug="interview").exists()
    editor = Group.objects.get(name="Editor")
    assert editor.permissions.filter(codename="publish_source").exists()
    contributor = Group.objects.get(name="Contributor")
    assert not contributor.permissions.filter(codename="publish_source").exists()


def test_a_new_source_is_a_draft_readers_do_not_see(client):
    source = Source.objects.create(title="Fresh report", slug="fresh", kind="report")
    # (A record published before sources were required: the draft source is
    # its only citation.)
    cite(
        make_event(slug="cited", cited=False),
        source,
        quote="Words from the fresh report",
    )

    assert source.status == Status.DRAFT
    assert not Source.objects.published().exists()
    assert client.get("/en/sources/fresh/").status_code == 404
    assert "Fresh report" not in client.get("/en/events/cited/").text
    assert client.get("/api/v1/sources/fresh/").status_code == 404
    assert not Citation.objects.public().exists()


def test_a_source_scheduled_for_later_stays_hidden_until_then(client):
    make_source(
        slug="later",
        published_at=timezone.now() + datetime.timedelta(hours=1),
    )

    assert client.get("/en/sources/later/").status_code == 404
    assert client.get("/api/v1/sources/").json()["count"] == 0


def test_publishing_a_source_shows_it_and_its_citations(client, editor):
    source = make_source(title="Official statement", slug="statement")
    source.status = Status.DRAFT
    source.save()
    cite(make_event(slug="cited"), source)

    workflow.publish(source, editor)
    source.save()

    assert source.published_at is not None
    assert client.get("/en/sources/statement/").status_code == 200
    assert "Official statement" in client.get("/en/events/cited/").text


def test_only_editors_may_publish_sources(editor, contributor):
    assert workflow.can_publish(editor, Source)
    assert not workflow.can_publish(contributor, Source)


def test_the_seed_source_is_published(seeded):
    assert Source.objects.count() == 1
    assert Source.objects.published().count() == 1
