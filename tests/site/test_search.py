"""Site-wide search: what it finds, in which order, in which language, and that
no query string makes it fail or inject anything.

The suite runs on SQLite and on PostgreSQL (CI runs both); checks that only one
of them can pass (stemming and misspellings need PostgreSQL's full-text search
and pg_trgm) are skipped on the other.
"""

import datetime
import re
import subprocess
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Agreement, Event
from portal.core import search
from portal.core.content import token_memo
from portal.core.datacache import CACHE_ALIAS
from portal.core.models import Indicator, Organization, Person, Status
from portal.editorial.management.commands.load_seed import read_seed
from portal.site import search as site_search
from projects.models import Project
from tests.builders import (
    make_agreement,
    make_event,
    make_indicator,
    make_organization,
    make_person,
    make_project,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = ROOT / "node_modules" / ".bin" / "html-validate"

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL full-text search"
)
on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="checks the SQLite fallback"
)


def search_page(client, query, language="en", **params):
    with translation.override(language):
        url = reverse("search")
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return response


def groups(response):
    return {group.kind.key: group for group in response.context["groups"]}


def slugs(response, kind):
    return [hit.record.slug for hit in groups(response)[kind].hits]


# Folding and query words -------------------------------------------------------


def test_folding_reduces_azerbaijani_letters_to_their_latin_neighbours():
    assert search.fold("Əliyev") == search.fold("ALIYEV") == "aliyev"
    assert search.fold("Heydər İlham Şuşa Çin Ağdam Göygöl Üzeyir ılıq") == (
        "heydar ilham susa cin agdam goygol uzeyir iliq"
    )


def test_query_words_keep_letters_and_digits_and_drop_search_syntax():
    assert search.query_words("' & | ! :* ( ) <script>") == ["script"]
    assert search.query_words("Wind WIND wind") == ["wind"]
    # A lone Latin letter matches almost everything; a Chinese character is a word.
    assert search.query_words("a 风 240") == ["风", "240"]
    assert len(search.query_words(" ".join(f"w{i}" for i in range(30)))) == 8


def test_cleaning_drops_control_characters_and_caps_the_length():
    assert search.clean_query("wind\x00\x07 \u202e power\n") == "wind power"
    assert len(search.clean_query("x" * 5000)) == search.MAX_QUERY_LENGTH


# Finding and ranking -----------------------------------------------------------


def test_wind_lists_the_240_mw_wind_plant_first_among_projects(client, seeded):
    response = search_page(client, "wind")
    found = slugs(response, "projects")
    assert found[0] == "wind-power-plant-240-mw"
    assert "five-new-energy-projects-1570-mw" in found


def test_results_are_shown_and_highlighted_in_the_readers_language(client, seeded):
    response = search_page(client, "külək", "az")
    assert slugs(response, "projects")[0] == "wind-power-plant-240-mw"
    assert "<mark>külək</mark> elektrik stansiyası" in response.text
    # An English word finds the record too, shown in Azerbaijani.
    response = search_page(client, "wind", "az")
    assert slugs(response, "projects")[0] == "wind-power-plant-240-mw"
    assert "240 MVt gücündə külək elektrik stansiyası" in response.text


def test_a_title_match_ranks_above_a_summary_match_above_a_body_match(client):
    body = make_project(
        title="Bus depot", summary="A depot.", body="Near the zephyr road."
    )
    summary = make_project(title="Solar park", summary="On a zephyr hill.")
    title = make_project(title="Zephyr plant", summary="A plant.")
    # Two mentions in the summary and body do not beat one in the title.
    make_project(title="Grid line", summary="Zephyr and zephyr.", body="Zephyr again.")
    found = slugs(search_page(client, "zephyr"), "projects")
    assert found[0] == title.slug
    assert found.index(summary.slug) < found.index(body.slug)


def test_beyond_the_rank_limit_the_newest_matches_are_ranked_first(client, monkeypatch):
    monkeypatch.setattr(search, "RANK_LIMIT", 2)
    day = datetime.timedelta(days=1)
    now = timezone.now()
    title = make_project(title="Zephyr plant", published_at=now - 3 * day)
    body = make_project(title="Bus depot", body="Near the zephyr road.")
    body.published_at = now - 2 * day
    body.save()
    summary = make_project(title="Solar park", summary="On a zephyr hill.")
    summary.published_at = now - day
    summary.save()
    # The two newest matches, ranked; then the older one, though in its title.
    found = slugs(search_page(client, "zephyr"), "projects")
    assert found == [summary.slug, body.slug, title.slug]
    monkeypatch.setattr(search, "RANK_LIMIT", 1000)
    found = slugs(search_page(client, "zephyr"), "projects")
    assert found == [title.slug, summary.slug, body.slug]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_chinese_substring_finds_its_record(client, seeded, language):
    seed = read_seed()
    records = {record["slug"]: record for record in seed["events"] + seed["projects"]}
    title = records["ilham-aliyev-second-visit-to-china-2025"]["title"]["zh-hans"]
    assert "第二次访华" in title
    response = search_page(client, "第二次访华", language)
    assert slugs(response, "events") == ["ilham-aliyev-second-visit-to-china-2025"]
    # Text from the middle of a summary, not a word on its own.
    summary = records["wind-power-plant-240-mw"]["summary"]["zh-hans"]
    assert "由中国企业实施" in summary
    response = search_page(client, "中国企业实施", language)
    assert "wind-power-plant-240-mw" in slugs(response, "projects")


def test_the_chinese_page_highlights_the_chinese_title(client, seeded):
    response = search_page(client, "第二次访华", "zh-hans")
    assert "伊利哈姆·阿利耶夫2025年<mark>第二次访华</mark>" in response.text


@pytest.mark.parametrize("query", ["Aliyev", "Əliyev", "ƏLİYEV", "aliyev"])
@pytest.mark.parametrize("language", ["en", "az"])
def test_aliyev_and_eliyev_find_the_same_records(client, seeded, query, language):
    response = search_page(client, query, language)
    assert "ilham-aliyev" in slugs(response, "people")
    assert {
        "ilham-aliyev-state-visit-to-china-april-2025",
        "ilham-aliyev-second-visit-to-china-2025",
    } <= set(slugs(response, "events"))


def test_heydar_finds_heyder_written_only_in_azerbaijani(client):
    museum = make_event(
        title="A museum visit", summary="A visit.", title_az="Heydər Əliyev Muzeyi"
    )
    make_event(title="Other talks", summary="Talks.")
    for query, language in [("Heydar Aliyev", "en"), ("Heydər", "az")]:
        assert slugs(search_page(client, query, language), "events") == [museum.slug]


def test_a_partial_word_finds_its_record(client, seeded):
    response = search_page(client, "Nakhch")
    assert "heydar-aliyev-museum-nakhchivan" in slugs(response, "organisations")
    response = search_page(client, "Naxçıv", "az")
    assert "heydar-aliyev-museum-nakhchivan" in slugs(response, "organisations")


@on_postgresql
def test_a_misspelt_name_is_found_on_postgresql(client, seeded):
    response = search_page(client, "Aliyv")
    assert "ilham-aliyev" in slugs(response, "people")
    response = search_page(client, "Ilham Alyev")
    assert slugs(response, "people")[0] == "ilham-aliyev"


@on_postgresql
def test_english_words_are_stemmed_on_postgresql(client, seeded):
    response = search_page(client, "plants")
    assert "wind-power-plant-240-mw" in slugs(response, "projects")


@on_sqlite
def test_the_sqlite_fallback_needs_every_word_somewhere_in_the_record(client):
    both = make_project(title="Wind farm", summary="Near Baku.")
    make_project(title="Wind farm", summary="Near Ganja.")
    assert slugs(search_page(client, "wind baku"), "projects") == [both.slug]
    # No stemming or misspellings in the fallback.
    assert slugs(search_page(client, "farms"), "projects") == []


def test_every_kind_is_searched_and_links_to_its_page(client, seeded):
    response = search_page(client, "Aliyev")
    found = groups(response)
    assert set(found) == {kind.key for kind in site_search.KINDS}
    figure = found["key-figures"].hits[0]
    assert figure.url == reverse("key-figure", args=[figure.record.slug])
    for group in found.values():
        for hit in group.hits:
            assert f'href="{hit.url}"' in response.text


def test_drafts_and_scheduled_records_never_appear(client):
    later = timezone.now() + datetime.timedelta(days=3)
    for status in (Status.DRAFT, Status.REVIEW, Status.ARCHIVED):
        make_event(title=f"Quokka talks {status}", status=status)
        make_project(title=f"Quokka plant {status}", status=status)
        make_person(name=f"Quokka {status}", status=status)
        make_organization(name=f"Quokka {status}", status=status)
        make_agreement(title=f"Quokka memo {status}", status=status)
        make_indicator(name=f"Quokka count {status}", status=status)
    make_event(title="Quokka talks scheduled", published_at=later)
    response = search_page(client, "quokka")
    assert response.context["total"] == 0
    assert "Quokka" not in response.text.replace("quokka", "")


# Counts, pages and kinds ----------------------------------------------------------


def test_grouped_counts_equal_the_listed_results(client, seeded):
    response = search_page(client, "Azerbaijan")
    total = 0
    for key, group in groups(response).items():
        assert len(group.hits) == min(group.count, search.TOP)
        listed = []
        page = 1
        while True:
            full = search_page(client, "Azerbaijan", kind=key, page=page)
            listed += slugs(full, key)
            if not full.context["page_obj"].has_next():
                break
            page += 1
        assert len(listed) == group.count == len(set(listed)), key
        assert listed[: search.TOP] == slugs(response, key)
        total += group.count
    assert response.context["total"] == total
    assert f"{total} results for “Azerbaijan”" in response.text


def test_one_kind_is_shown_in_full_with_pages(client):
    for number in range(search.PER_PAGE + 3):
        make_event(title=f"Walrus talks {number}")
    overview = search_page(client, "walrus")
    assert len(groups(overview)["events"].hits) == search.TOP
    assert "Show all 23 results in Events" in overview.text
    first = search_page(client, "walrus", kind="events")
    assert len(slugs(first, "events")) == search.PER_PAGE
    # The parameters in their canonical order (portal/ops/pagecache.py).
    assert 'href="?kind=events&amp;q=walrus&amp;page=2"' in first.text
    second = search_page(client, "walrus", kind="events", page="2")
    assert len(slugs(second, "events")) == 3
    # A page past the end or not a number shows the nearest page.
    assert slugs(search_page(client, "walrus", kind="events", page="99"), "events")
    assert slugs(
        search_page(client, "walrus", kind="events", page="abc"), "events"
    ) == slugs(first, "events")


def test_an_unknown_kind_shows_every_kind_with_a_note(client, seeded):
    response = search_page(client, "wind", kind="<script>x</script>")
    assert "There is no kind of record called" in response.text
    assert "&lt;script&gt;x&lt;/script&gt;" in response.text
    assert slugs(response, "projects")[0] == "wind-power-plant-240-mw"


# Bad input ------------------------------------------------------------------------

HOSTILE = [
    "",
    "   ",
    "\x00",
    "wind\x00power",
    "x" * 5000,
    "' OR 1=1 --",
    "'; DROP TABLE events_event; --",
    "wind & | ! :* ( )",
    "!!!",
    "a:*",
    '"unterminated',
    "<script>alert(1)</script>",
    "%",
    "_",
    "\\",
    "%_%",
    "\u202e\U0001f4a5",
    "\x01\x1f\x7f",
    "the",
    "风",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_empty_and_hostile_queries_answer_200_with_safe_output(client, seeded, query):
    response = search_page(client, query)
    assert "<script>alert" not in response.text
    assert "\x00" not in response.text
    page = search_page(client, query, "zh-hans", kind="events", page="-1")
    assert "<script>alert" not in page.text


def test_an_empty_query_shows_a_prompt_without_touching_the_records(
    client, seeded, django_assert_max_num_queries
):
    # The content token alone, for the ETag (portal/ops/httpcache.py).
    with django_assert_max_num_queries(1) as captured:
        response = search_page(client, "")
    assert "portal_contenttoken" in captured.captured_queries[0]["sql"]
    assert "Search events, projects, agreements" in response.text


def test_like_wildcards_in_the_query_are_matched_literally(client):
    literal = make_project(title="Plant code grid_line")
    wildcard = make_project(title="Plant code gridXline")
    found = slugs(search_page(client, "grid_line"), "projects")
    # "_" is a letter here, not LIKE's any-character.
    assert literal.slug in found
    assert wildcard.slug not in found
    # % and \\ separate words, so they never reach a LIKE pattern.
    response = search_page(client, "%%")
    assert "groups" not in response.context
    assert "Type at least two letters" in response.text


def test_the_query_is_echoed_escaped(client, seeded):
    response = search_page(client, "<b>wind</b>")
    assert 'value="&lt;b&gt;wind&lt;/b&gt;"' in response.text
    assert "<b>wind</b>" not in response.text


# Highlighting ---------------------------------------------------------------------


def test_highlighting_escapes_the_text_before_marking_it():
    marked = search.highlight("Wind & <b>power</b> by WIND", ["wind", "power"])
    assert marked == (
        "<mark>Wind</mark> &amp; &lt;b&gt;<mark>power</mark>&lt;/b&gt; "
        "by <mark>WIND</mark>"
    )
    # A word that is itself markup is matched as text, never as tags.
    assert search.highlight("a <mark> b", ["mark"]) == "a &lt;<mark>mark</mark>&gt; b"
    assert search.highlight("Heydər Əliyev", ["aliyev"]) == "Heydər <mark>Əliyev</mark>"
    assert search.highlight("İlham", ["ilham"]) == "<mark>İlham</mark>"


def test_highlighted_results_carry_no_markup_from_the_records(client):
    make_event(title="Wind <img src=x onerror=alert(1)> & talks")
    response = search_page(client, "wind")
    assert "<img src=x" not in response.text
    assert "<mark>Wind</mark> &lt;img src=x onerror=alert(1)&gt; &amp; talks" in (
        response.text
    )


def test_the_excerpt_shows_the_text_around_the_first_match():
    text = "Lorem ipsum dolor. " * 30 + "The wind plant. " + "Sit amet. " * 30
    cut = search.excerpt(text, ["wind"])
    assert "wind plant" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= search.SNIPPET_LENGTH + 2


# The header box -------------------------------------------------------------------


def test_every_page_has_a_search_box_in_its_header(client, seeded):
    response = client.get(reverse("home"))
    header = re.search(r"<header.*</header>", response.text, re.S).group()
    assert 'role="search"' in header
    assert 'action="/en/search/"' in header
    assert '<label for="site-search-q"' in header
    with translation.override("az"):
        response = client.get(reverse("events:list"))
    assert 'action="/az/search/"' in response.text


def test_search_pages_are_valid_html(client, seeded, tmp_path):
    if not VALIDATOR.exists():
        pytest.fail("html-validate is missing: run `npm ci` (make test does).")
    for number in range(search.PER_PAGE + 1):
        make_event(title=f"Walrus talks {number}")
    queries = [
        {"q": ""},
        {"q": "Aliyev"},
        {"q": "walrus", "kind": "events", "page": "2"},
        {"q": "walrus", "kind": "people"},
        {"q": "<script>", "kind": "nonsense"},
        {"q": "x"},
        {"q": "第二次访华"},
    ]
    files = []
    for language in ("en", "az", "zh-hans"):
        for query in queries:
            params = dict(query)
            response = search_page(client, params.pop("q"), language, **params)
            files.append(tmp_path / f"page{len(files)}.html")
            files[-1].write_bytes(response.content)
    result = subprocess.run(
        [str(VALIDATOR), "--config", str(ROOT / ".htmlvalidate.json"), *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Query counts ---------------------------------------------------------------------


def add_records(rounds, start):
    for number in range(start, start + rounds):
        make_event(title=f"Narwhal talks {number}")
        make_project(title=f"Narwhal plant {number}")
        make_agreement(title=f"Narwhal memorandum {number}")
        make_person(name=f"Narwhal {number}")
        make_organization(name=f"Narwhal {number}")
        make_indicator(name=f"Narwhal count {number}")


def count_queries(client, **params):
    with CaptureQueriesContext(connection) as context:
        search_page(client, "narwhal", **params)
    return len(context.captured_queries)


def test_query_counts_stay_bounded_however_many_results(
    client, django_assert_max_num_queries
):
    add_records(2, 0)
    small = [count_queries(client), count_queries(client, kind="projects")]
    add_records(30, 2)
    # One query per kind, the people's offices (their short titles) and the
    # content token, for the ETag (portal/ops/httpcache.py).
    with django_assert_max_num_queries(8):
        search_page(client, "narwhal")
    # A page of one kind: a count per kind, its page and its people's offices.
    with django_assert_max_num_queries(9):
        search_page(client, "narwhal", kind="people", page="2")
    large = [count_queries(client), count_queries(client, kind="projects")]
    assert small == large


# PostgreSQL indexes ---------------------------------------------------------------

SEARCHED = [Event, Agreement, Project, Person, Organization, Indicator]


@on_postgresql
@pytest.mark.parametrize("model", SEARCHED, ids=lambda model: model.__name__)
def test_the_search_query_can_use_every_gin_index_on_postgresql(model):
    kind = next(kind for kind in site_search.KINDS if kind.model is model)
    table = model._meta.db_table
    with connection.cursor() as cursor:
        # Seed-size tables are read whole; forbid that to see what can be used.
        cursor.execute("SET LOCAL enable_seqscan = off")
    # The match condition alone: with the status filter, the planner prefers the
    # status index on a tiny table, and with the model's ordering its date or
    # title index (read in order, nothing to sort).
    plan = (
        model.objects.filter(search.match_condition(kind, ["aliyev"]))
        .order_by()
        .explain()
    )
    for language in ("en", "az", "zh_hans"):
        assert f"{table}_search_{language}" in plan
        assert f"{table}_trgm_{language}" in plan
        assert f"{table}_fuzzy_{language}" in plan


def index_names():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE %s "
            "OR indexname LIKE %s",
            ["%\\_search\\_%", "%\\_trgm\\_%"],
        )
        return {row[0] for row in cursor.fetchall()}


# serialized_rollback: the flush afterwards then leaves content types to the
# next test that restores them (the browser tests), instead of recreating them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_search_migration_applies_and_unapplies(client, migrator):
    executor = migrator([("portal", "0006_corrections")])
    if connection.vendor == "postgresql":
        assert index_names() == set()
    migrator(executor.loader.graph.leaf_nodes())
    if connection.vendor == "postgresql":
        assert len(index_names()) == 2 * 3 * len(SEARCHED)
    make_project(title="Wind farm")
    assert slugs(search_page(client, "wind"), "projects")


@pytest.fixture
def data_cache(settings):
    """The data cache on, as the site runs (the suite runs with it off)."""
    settings.DATA_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    caches[CACHE_ALIAS].clear()
    token_memo.forget()
    yield
    caches[CACHE_ALIAS].clear()
    token_memo.forget()


def test_a_repeated_search_is_answered_from_the_data_cache_until_a_change(
    client, data_cache
):
    add_records(2, 0)
    first = search_page(client, "narwhal")
    with CaptureQueriesContext(connection) as context:
        again = search_page(client, "narwhal")
    # Only the content token (read for the ETag and the cache keys, each
    # time here): the kinds' hits and counts are kept under it.
    sqls = [q["sql"] for q in context.captured_queries]
    assert sqls and all('FROM "portal_contenttoken"' in q for q in sqls)
    assert slugs(again, "events") == slugs(first, "events")
    assert groups(again)["projects"].count == groups(first)["projects"].count
    # Another kind's page keeps the other kinds' counts the same way.
    search_page(client, "narwhal", kind="people")
    with CaptureQueriesContext(connection) as context:
        search_page(client, "narwhal", kind="people")
    people = [q["sql"] for q in context.captured_queries if "portal_person" in q["sql"]]
    assert not [
        q
        for q in context.captured_queries
        if 'events_event"' in q["sql"] and "portal_contenttoken" not in q["sql"]
    ]
    assert people  # the page of the kind shown is read each time
    # A new record changes the token: it is found at once.
    make_event(slug="narwhal-new", title="Narwhal summit")
    assert "narwhal-new" in slugs(search_page(client, "narwhal"), "events")
