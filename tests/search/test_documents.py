"""The stored search documents: one per published record and language, kept
current as records are saved, published, unpublished and deleted, and built
for existing records by `manage.py build_search_index` (PostgreSQL; SQLite
keeps none and searches the records)."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from portal.core.models import Status
from portal.search import documents
from portal.search.models import SEARCHED, SearchDocument
from tests.builders import make_event, make_organization, make_person, make_project

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="documents are kept on PostgreSQL"
)
on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="checks the SQLite fallback"
)


def stored(record):
    """{language: (title, vector as text)} of a record's documents."""
    rows = SearchDocument.objects.filter(
        model=record._meta.label_lower, record_id=record.pk
    ).values_list("language", "title", "vector")
    return {language: (title, str(vector)) for language, title, vector in rows}


def found(client, query, language="en"):
    with translation.override(language):
        url = reverse("search")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return {
        hit.record.slug for group in response.context["groups"] for hit in group.hits
    }


def test_every_searched_kind_has_its_own_gin_indexes():
    assert {documents.label(model) for model in documents.searched_models()} == set(
        SEARCHED
    )


# What a document holds --------------------------------------------------------------


def test_chinese_runs_are_cut_into_overlapping_pairs():
    assert documents.pairs("第二次访华") == ["第二", "二次", "次访", "访华", "华"]
    assert documents.segment("2025年第二次访华, wind") == (
        "2025 年第 第二 二次 次访 访华 华 , wind"
    )
    assert documents.pieces("a风电b") == [(False, "a"), (True, "风电"), (False, "b")]


def test_documents_hold_the_folded_title_and_the_texts_by_weight():
    person = make_person(name="Heydər Əliyev", honorific="President", bio="Born")
    (language, title, texts), *_rest = documents.documents(
        person, person.search_weights
    )
    assert (language, title, texts) == (
        "en",
        "heydar aliyev",
        (
            "heydar aliyev",
            "president",
            "born",
        ),
    )


@on_postgresql
def test_a_published_record_has_a_weighted_document_per_language():
    event = make_event(
        title="Zephyr talks",
        summary="On the wind.",
        body="In the body.",
        title_az="Zefir danışıqları",
        title_zh_hans="西风会谈",
    )
    docs = stored(event)
    assert set(docs) == {"en", "az", "zh-hans"}
    assert docs["en"][0] == "zephyr talks"
    assert "'zephyr':1A" in docs["en"][1]
    assert re.search(r"'wind':\d+B", docs["en"][1])
    assert "'bodi':" in docs["en"][1]  # English is stemmed
    assert "'zefir':1A" in docs["az"][1]
    assert "'西风':1A" in docs["zh-hans"][1]


@on_postgresql
def test_saving_a_record_replaces_its_documents(client):
    project = make_project(title="Quokka plant", title_az="Quokka zavodu")
    assert "quokka-" not in str(found(client, "walrus"))
    project.title = "Walrus plant"
    project.title_az = ""
    project.save()
    assert stored(project)["en"][0] == "walrus plant"
    # No Azerbaijani text left: no Azerbaijani document either.
    assert set(stored(project)) == {"en"}
    assert project.slug in found(client, "walrus")
    assert project.slug not in found(client, "quokka")


@on_postgresql
def test_publishing_unpublishing_and_deleting_keep_the_documents_current(client):
    draft = make_event(title="Narwhal talks", status=Status.DRAFT)
    assert stored(draft) == {}
    draft.status = Status.PUBLISHED
    draft.save()
    assert set(stored(draft)) == {"en"}
    assert draft.slug in found(client, "narwhal")
    draft.status = Status.ARCHIVED
    draft.save()
    assert stored(draft) == {}
    assert found(client, "narwhal") == set()
    draft.status = Status.PUBLISHED
    draft.save()
    pk = draft.pk
    draft.delete()
    assert not SearchDocument.objects.filter(record_id=pk, model="events.event")


@on_postgresql
def test_a_scheduled_record_is_found_from_its_publication_time(client):
    later = timezone.now() + datetime.timedelta(days=2)
    event = make_event(title="Okapi talks", published_at=later)
    assert stored(event)  # written now, visible from its time
    assert found(client, "okapi") == set()
    event.published_at = timezone.now() - datetime.timedelta(minutes=1)
    event.save()
    assert event.slug in found(client, "okapi")


# Building --------------------------------------------------------------------------


def forget_documents():
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_document")


@on_postgresql
def test_the_command_builds_documents_for_records_written_without_signals(client):
    people = [make_person(name=f"Capybara {number}") for number in range(5)]
    organisation = make_organization(name="Capybara Society", acronym="CS")
    make_person(name="Capybara draft", status=Status.DRAFT)
    forget_documents()
    assert found(client, "capybara") == set()
    output = io.StringIO()
    call_command("build_search_index", "--batch-size", "2", stdout=output)
    assert "portal.person: 5 documents" in output.getvalue()
    assert "portal.organization: 1 documents" in output.getvalue()
    assert {person.slug for person in people} | {organisation.slug} <= found(
        client, "capybara"
    )
    # Run again: the same documents, not twice as many.
    call_command("build_search_index", stdout=io.StringIO())
    assert SearchDocument.objects.filter(model="portal.person").count() == 5


@on_postgresql
def test_migrate_builds_the_documents_when_there_are_none():
    make_project(title="Axolotl farm")
    forget_documents()
    documents.build_if_empty(using="default")
    assert SearchDocument.objects.filter(model="projects.project").count() == 1
    # Documents already there: nothing is rebuilt.
    forget_documents()
    make_project(title="Second farm")
    documents.build_if_empty(using="default")
    assert SearchDocument.objects.count() == 1


def test_the_command_refuses_a_batch_size_below_one():
    with pytest.raises(CommandError, match="at least 1"):
        call_command("build_search_index", "--batch-size", "0")


@on_sqlite
def test_sqlite_keeps_no_documents_and_still_finds_records(client):
    project = make_project(title="Pangolin park")
    assert SearchDocument.objects.count() == 0
    assert found(client, "pangolin") == {project.slug}
    output = io.StringIO()
    call_command("build_search_index", stdout=output)
    assert "Nothing to build" in output.getvalue()
    assert SearchDocument.objects.count() == 0
