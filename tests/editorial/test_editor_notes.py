"""The editor's note (WorkflowModel.editor_note): the editors' reasoning, kept
apart from the facts of the summary, shown to readers under its own heading in
their language, and given by the API, the downloads and the import."""

import json

import pytest
import tablib
from django.urls import reverse
from django.utils import translation

from events.resources import EventResource
from portal.core.models import Source, Status
from portal.opendata.downloads import read_csv
from tests.admin_forms import form_data
from tests.builders import (
    make_agreement,
    make_event,
    make_indicator,
    make_organization,
    make_person,
    make_project,
    make_source,
)

pytestmark = pytest.mark.django_db

NOTE = "The interview does not name the *company*."


def records():
    """One published record of each kind, each with an editor's note."""
    return {
        "events": make_event(slug="an-event", editor_note=NOTE),
        "agreements": make_agreement(slug="an-agreement", editor_note=NOTE),
        "projects": make_project(slug="a-project", editor_note=NOTE),
        "people": make_person(slug="a-person", editor_note=NOTE),
        "organisations": make_organization(slug="an-organisation", editor_note=NOTE),
        "sources": make_source(slug="a-source", editor_note=NOTE),
    }


@pytest.mark.parametrize(
    "kind",
    ["events", "agreements", "projects", "people", "organisations", "sources"],
)
def test_the_detail_page_shows_the_note_under_its_own_heading(client, kind):
    record = records()[kind]
    html = client.get(record.get_absolute_url()).text
    note = html.split('class="editor-note"')[1].split("</aside>")[0]
    assert "Editor's note</h2>" in note
    # Markdown, as the body is.
    assert "does not name the <em>company</em>." in note
    # Kept apart from the summary.
    assert "does not name" not in html.split('class="editor-note"')[0]


def test_the_key_figures_show_an_indicators_note(client):
    make_indicator(name="Trade", slug="trade", editor_note="Figures of one side.")
    html = client.get(reverse("key-figures")).text
    assert "Figures of one side." in html.split('id="trade"')[1]


def test_a_record_without_a_note_has_no_heading(client):
    event = make_event()
    assert "editor-note" not in client.get(event.get_absolute_url()).text


@pytest.mark.parametrize(
    ("language", "heading", "text"),
    [
        ("az", "Redaktor qeydi", "Şirkətin adı çəkilmir."),
        ("zh-hans", "编者按", "未提及公司。"),
    ],
)
def test_the_note_and_its_heading_read_in_each_language(
    client, language, heading, text
):
    event = make_event(
        editor_note="The company is not named.",
        editor_note_az="Şirkətin adı çəkilmir.",
        editor_note_zh_hans="未提及公司。",
    )
    with translation.override(language):
        html = client.get(event.get_absolute_url()).text
    assert heading in html and text in html


@pytest.mark.parametrize(
    ("kind", "api"),
    [
        ("events", "events/an-event/"),
        ("agreements", "agreements/an-agreement/"),
        ("projects", "projects/a-project/"),
        ("people", "people/a-person/"),
        ("organisations", "organisations/an-organisation/"),
        ("sources", "sources/a-source/"),
    ],
)
def test_the_api_gives_the_note(client, kind, api):
    records()
    assert client.get(f"/api/v1/{api}").json()["editor_note"] == NOTE


def test_the_downloads_give_the_note(client):
    records()
    for kind in ("events", "agreements", "projects", "people", "organisations"):
        (row,) = read_csv(client.get(f"/en/download/{kind}.csv").getvalue())
        assert row["editor_note"] == NOTE, kind
        download = json.loads(client.get(f"/en/download/{kind}.json").getvalue())
        (record,) = download["results"]
        assert record["editor_note"] == NOTE, kind


def test_a_draft_records_note_is_not_shown(client):
    make_event(slug="draft", status=Status.DRAFT, editor_note="Secret reasoning")
    assert "Secret reasoning" not in client.get("/en/events/").text
    assert client.get("/api/v1/events/draft/").status_code == 404


def test_the_note_is_imported_and_exported_in_each_language(editor):
    dataset = tablib.Dataset(
        [
            "talks",
            "Talks",
            "They talked.",
            "talks",
            "2025",
            "Only the year is known.",
            "Yalnız il məlumdur.",
        ],
        headers=[
            "slug",
            "title_en",
            "summary_en",
            "kind",
            "date",
            "editor_note_en",
            "editor_note_az",
        ],
    )
    result = EventResource(user=editor).import_data(dataset, dry_run=False)
    assert not result.has_validation_errors()
    exported = EventResource().export().dict[0]
    assert exported["editor_note_en"] == "Only the year is known."
    assert exported["editor_note_az"] == "Yalnız il məlumdur."


def test_editors_write_the_note_on_the_records_page(editor_client):
    source = make_source(slug="report")
    url = reverse("admin:portal_source_change", args=[source.pk])
    data = form_data(editor_client.get(url))
    data["editor_note_en"] = "Read from the Chinese original."
    assert editor_client.post(url, data).status_code == 302
    assert Source.objects.get().editor_note == "Read from the Chinese original."
