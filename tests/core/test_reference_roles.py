"""Who may add and change the reference records (issue 15, item 4), through the
real admin and the importer.

Sources follow the workflow: a contributor's source is their draft until an
editor publishes it. Places have no workflow and are editor-only: a new place
is public at once and a child place changes its parent's page."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from portal.core import workflow
from portal.core.models import Place, Source, Status
from portal.core.resources import PlaceResource, SourceResource
from tests.admin_forms import form_data
from tests.builders import make_place, make_source
from tests.core.test_import_export import errors_of, rows, run_import

pytestmark = pytest.mark.django_db

SOURCE_ADD = reverse("admin:portal_source_add")
SOURCES = reverse("admin:portal_source_changelist")
PLACE_ADD = reverse("admin:portal_place_add")


def source_url(source):
    return reverse("admin:portal_source_change", args=[source.pk])


def new_source_data(client, **changes):
    data = form_data(client.get(SOURCE_ADD))
    data.update(
        {
            "title_en": "Ministry statement on the wind farm",
            "slug": "ministry-statement",
            "kind": "statement",
            "url": "https://minenergy.gov.az/en/news/1",
            "language": "en",
            **changes,
        }
    )
    return data


def edit(client, source, **changes):
    data = form_data(client.get(source_url(source)))
    data.update(changes)
    return client.post(source_url(source), data)


# Sources


def test_a_contributors_new_source_is_their_draft_and_not_public(
    contributor_client, contributor, client
):
    page = contributor_client.get(SOURCE_ADD)
    assert page.status_code == 200
    assert "status" not in form_data(page)
    data = new_source_data(contributor_client, status="published")
    assert contributor_client.post(SOURCE_ADD, data).status_code == 302

    source = Source.objects.get(slug="ministry-statement")
    assert source.status == Status.DRAFT
    assert source.published_at is None
    assert source.created_by == contributor
    assert client.get("/en/sources/ministry-statement/").status_code == 404
    assert client.get("/api/v1/sources/ministry-statement/").status_code == 404


def test_a_contributor_edits_and_sends_their_own_draft_source(
    contributor_client, contributor
):
    source = make_source(status=Status.DRAFT, created_by=contributor, title="Mine")
    assert edit(contributor_client, source, title_en="Mine, fixed").status_code == 302
    source.refresh_from_db()
    assert source.title == "Mine, fixed"

    response = edit(contributor_client, source, _send_for_review="Send")
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.status == Status.REVIEW
    assert source.submitted_by == contributor
    assert source in workflow.review_queue()


def test_a_contributor_cannot_publish_a_source(contributor_client, contributor):
    source = make_source(status=Status.DRAFT, created_by=contributor)
    assert edit(contributor_client, source, _publish="Publish").status_code == 403
    data = {"action": "publish", "post": "yes", ACTION_CHECKBOX_NAME: [str(source.pk)]}
    contributor_client.post(SOURCES, data)
    source.refresh_from_db()
    assert source.status == Status.DRAFT
    assert 'value="publish"' not in contributor_client.get(SOURCES).text


def test_a_contributor_cannot_change_other_sources(
    contributor_client, contributor, other_contributor
):
    published = make_source(created_by=contributor, title="Published")
    theirs = make_source(
        status=Status.DRAFT, created_by=other_contributor, title="Their draft"
    )
    for source in (published, theirs):
        assert edit(contributor_client, source, title_en="Mine").status_code == 403
        source.refresh_from_db()
        assert source.title != "Mine"

    data = {"action": "send_for_review", ACTION_CHECKBOX_NAME: [str(theirs.pk)]}
    contributor_client.post(SOURCES, data)
    theirs.refresh_from_db()
    assert theirs.status == Status.DRAFT


def test_an_editor_publishes_a_source_from_its_page(editor_client, client):
    source = make_source(status=Status.REVIEW, slug="in-review", title="Report")
    assert client.get("/en/sources/in-review/").status_code == 404
    assert (
        edit(
            editor_client, source, _publish="Publish", _publish_confirmed="1"
        ).status_code
        == 302
    )
    source.refresh_from_db()
    assert source.status == Status.PUBLISHED
    assert source.published_at is not None
    assert client.get("/en/sources/in-review/").status_code == 200


def test_imported_sources_are_drafts_unless_an_editor_publishes_them(
    contributor, editor
):
    headers = ["slug", "title_en", "kind"]
    result = run_import(
        SourceResource, rows(headers, ["report-a", "Report A", "report"]), contributor
    )
    assert errors_of(result) == []
    assert Source.objects.get(slug="report-a").status == Status.DRAFT

    result = run_import(
        SourceResource,
        rows(headers, ["report-b", "Report B", "report"]),
        editor,
        status=Status.PUBLISHED,
    )
    assert errors_of(result) == []
    assert Source.objects.get(slug="report-b").is_public

    published = make_source(slug="public-one", title="Public one")
    result = run_import(
        SourceResource,
        rows(headers, ["public-one", "Changed by a contributor", "news"]),
        contributor,
    )
    assert errors_of(result) != []
    published.refresh_from_db()
    assert published.title == "Public one"


# Places


def test_places_are_added_and_changed_by_editors_only(contributor_client, editor):
    baku = make_place(name="Baku", slug="baku")
    assert contributor_client.get(PLACE_ADD).status_code == 403
    data = {"name_en": "Ganja", "slug": "ganja", "kind": "city", "parent": baku.pk}
    assert contributor_client.post(PLACE_ADD, data).status_code == 403
    assert not Place.objects.filter(slug="ganja").exists()
    change = reverse("admin:portal_place_change", args=[baku.pk])
    assert 'name="_save"' not in contributor_client.get(change).text

    editor_client = Client()
    editor_client.force_login(editor)
    assert editor_client.get(PLACE_ADD).status_code == 200


def test_sectors_are_added_by_editors_only(contributor_client):
    assert (
        contributor_client.get(reverse("admin:projects_sector_add")).status_code == 403
    )


def test_a_contributor_cannot_import_places(contributor, editor):
    headers = ["slug", "name_en", "kind"]
    result = run_import(
        PlaceResource, rows(headers, ["ganja", "Ganja", "city"]), contributor
    )
    (invalid,) = result.invalid_rows
    assert "may not add" in invalid.non_field_specific_errors[0]
    assert not Place.objects.filter(slug="ganja").exists()

    result = run_import(
        PlaceResource, rows(headers, ["ganja", "Ganja", "city"]), editor
    )
    assert errors_of(result) == []
    assert Place.objects.filter(slug="ganja").exists()


def test_the_roles_say_the_same():
    contributor = Group.objects.get(name="Contributor")
    held = set(contributor.permissions.values_list("codename", flat=True))
    assert {"add_source", "change_source", "view_source"} <= held
    assert {"view_place", "view_sector"} <= held
    assert not {"add_place", "change_place", "delete_place", "publish_source"} & held
    assert not {"add_sector", "change_sector", "delete_sector"} & held
    assert "delete_source" not in held
