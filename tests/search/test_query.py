"""The search's query on PostgreSQL: it reads the stored documents through
their GIN indexes, ranks title matches first, finds misspelt words by trigram
similarity, and counts at most LIST_LIMIT matches of a kind."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.search import query
from portal.search.models import SearchDocument
from portal.site.search import KINDS_BY_KEY
from tests.builders import make_event, make_person, make_project

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the stored documents' query"
    ),
]


def search(client, text, **params):
    response = client.get(reverse("search"), {"q": text, **params})
    assert response.status_code == 200
    return response


def slugs(response, kind):
    groups = {group.kind.key: group for group in response.context["groups"]}
    return [hit.record.slug for hit in groups[kind].hits]


def test_the_page_reads_the_stored_documents(client):
    make_project(title="Zephyr plant")
    with CaptureQueriesContext(connection) as queries:
        search(client, "zephyr")
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "search_document" in sql
    assert "portal_fold" not in sql and "translate(" not in sql


def test_title_matches_rank_first_then_summary_then_body(client):
    body = make_project(title="Bus depot", summary="A depot.", body="The zephyr.")
    summary = make_project(title="Solar park", summary="A zephyr hill.")
    title = make_project(title="Zephyr plant", summary="A plant.")
    found = query.search_queryset(KINDS_BY_KEY["projects"], ["zephyr"], "en")
    assert [record.slug for record in found] == [title.slug, summary.slug, body.slug]


def test_a_misspelt_word_is_found_by_trigram_similarity(client):
    person = make_person(name="Okonkwo Abiodun")
    make_person(name="Somebody Else")
    response = search(client, "Okonkow")
    assert slugs(response, "people") == [person.slug]
    # A full-text match of its own needs no similar titles.
    assert slugs(search(client, "Okonkwo"), "people") == [person.slug]


def test_counts_beyond_the_limit_are_capped(client, monkeypatch):
    monkeypatch.setattr(query, "LIST_LIMIT", 3)
    for number in range(6):
        make_event(title=f"Walrus talks {number}")
    response = search(client, "walrus")
    events = next(g for g in response.context["groups"] if g.kind.key == "events")
    assert (events.count, events.capped) == (3, True)
    assert 'Events <span class="count">(3+)</span>' in response.text
    assert "More than 3 results for “walrus”" in response.text
    assert "Show the newest 3 results in Events" in response.text
    full = search(client, "walrus", kind="events")
    assert full.context["paginator"].count == 3
    assert len(slugs(full, "events")) == 3


def test_a_chinese_query_is_the_phrase_of_its_pairs(client):
    inside = make_project(title="Wind", title_zh_hans="由中国企业实施的风电项目")
    make_project(title="Other", title_zh_hans="中国风电企业")
    found = query.search_queryset(KINDS_BY_KEY["projects"], ["企业实施"], "zh-hans")
    assert [record.slug for record in found] == [inside.slug]


def plan(queryset):
    with connection.cursor() as cursor:
        # At this size the planner would read the small table whole, or by
        # its B-tree indexes on the kind: without them (dropped inside the
        # test's transaction, so only until it rolls back) it shows which GIN
        # index serves the condition.
        cursor.execute(
            "ALTER TABLE search_document DROP CONSTRAINT IF EXISTS search_doc_unique"
        )
        cursor.execute("DROP INDEX IF EXISTS search_doc_unique, search_doc_newest")
        cursor.execute("ANALYZE search_document")
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


def test_the_gin_indexes_serve_the_query_conditions():
    """The conditions the query writes can be answered by the GIN indexes (at
    this size the planner prefers others; bench/README.md shows them used
    at 100,000 events)."""
    make_event(title="Zephyr talks", title_zh_hans="西风会谈")
    for number in range(30):
        make_event(title=f"Other talks {number}")
    documents = SearchDocument.objects.order_by()
    words = plan(
        documents.filter(
            model="events.event", vector=query.tsquery(["zephyr", "西风会"])
        )
    )
    assert "search_vec_event" in words
    similar = documents.filter(
        model="events.event", title__trigram_word_similar="zephir"
    )
    assert "search_title_event" in plan(similar)
