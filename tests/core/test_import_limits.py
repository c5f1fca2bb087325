"""Imports a request can finish (portal/core/uploads.py, portal/core/resources.py,
docs/import-format.md "Limits"): files over IMPORT_MAX_ROWS or IMPORT_MAX_BYTES
are refused before their rows are read, with a message naming both limits; a file
naming one record twice or holding an unknown column is refused whole, in plain
words, with no traceback for anyone (DEBUG aside); each imported record gets a
revision of its own; and a row costs the same few queries however long the file."""

import io
import random
import string

import pytest
from diff_match_patch import diff_match_patch
from django.db import connection
from django.test.utils import CaptureQueriesContext
from import_export.formats.base_formats import CSV, XLSX
from openpyxl import Workbook
from reversion.models import Revision, Version

from events.models import Event
from events.resources import EventResource
from portal.core import content, resources
from portal.core.models import ContentToken, Indicator, Observation
from portal.core.resources import ObservationResource
from projects.models import Project
from projects.resources import ProjectResource
from tests.builders import make_country, make_organization, make_place
from tests.core.test_import_export import (
    EVENT_HEADERS,
    confirm,
    csv_bytes,
    database,
    errors_of,
    good_event,
    rows,
    run_import,
    upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def baku():
    country = make_country(name="Azerbaijan", slug="azerbaijan")
    return make_place(name="Baku", slug="baku", parent=country)


def events(count, prefix="talks"):
    return rows(EVENT_HEADERS, *(good_event(f"{prefix}-{n}") for n in range(count)))


def xlsx_bytes(dataset):
    book = Workbook()
    book.active.append(dataset.headers)
    for row in dataset:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_errors(response):
    assert response.status_code == 200
    return [str(e) for e in response.context["form"].errors.get("import_file", [])]


@pytest.fixture
def unread(monkeypatch):
    """Fails the test if django-import-export parses an uploaded file."""

    def refuse(self, *args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(CSV, "create_dataset", refuse)
    monkeypatch.setattr(XLSX, "create_dataset", refuse)


# Limits ------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_file_over_the_row_limit_is_refused_before_its_rows_are_read(
    editor_client, baku, settings, unread, file_format
):
    settings.IMPORT_MAX_ROWS = 3
    dataset = events(4)
    if file_format == "xlsx":
        response = upload(editor_client, Event, xlsx_bytes(dataset), name="e.xlsx")
    else:
        response = upload(editor_client, Event, csv_bytes(dataset))
    (error,) = file_errors(response)
    assert "more than 3 rows" in error
    assert "at most 3 rows and 1.0\xa0MB" in error
    assert "confirm_form" not in response.context
    assert not Event.objects.exists()


def test_a_file_at_the_row_limit_goes_through(editor_client, baku, settings):
    settings.IMPORT_MAX_ROWS = 3
    preview = upload(editor_client, Event, csv_bytes(events(3)))
    assert "confirm_form" in preview.context, preview.text
    confirm(editor_client, Event, preview)
    assert Event.objects.count() == 3


def test_a_file_over_the_byte_limit_names_both_limits(
    editor_client, baku, settings, unread
):
    settings.IMPORT_MAX_BYTES = 200
    settings.IMPORT_MAX_ROWS = 40
    (error,) = file_errors(upload(editor_client, Event, csv_bytes(events(3))))
    assert "too large" in error
    assert "at most 40 rows and 200\xa0bytes" in error


def test_the_upload_form_says_both_limits(editor_client, settings):
    settings.IMPORT_MAX_ROWS = 40
    response = editor_client.get("/admin/events/event/import/")
    assert "at most 40 rows and 1.0\xa0MB" in response.text


def test_a_workbook_that_unpacks_to_far_more_than_its_size_is_refused(
    editor_client, settings, unread
):
    settings.IMPORT_MAX_BYTES = 10_000
    book = Workbook()
    book.active.append(["slug", "title_en"])
    for number in range(10):
        # (A cell holds at most 32,767 characters.)
        book.active.append([f"talks-{number}", "x" * 30_000])
    out = io.BytesIO()
    book.save(out)
    assert len(out.getvalue()) < 10_000
    (error,) = file_errors(upload(editor_client, Event, out.getvalue(), name="e.xlsx"))
    assert "unpacks to more than" in error


def test_rows_are_counted_as_the_import_reads_them():
    from portal.core.uploads import count_rows

    quoted = b'slug,title_en\na,"two\nlines"\n,\nb,x\n\n'
    assert count_rows(quoted, "csv", stop_after=10) == 2
    assert count_rows(b"\xef\xbb\xbfslug\n" + b"x\n" * 50, "csv", stop_after=10) == 11
    book = Workbook()
    book.active.append(["slug", "title_en"])
    book.active.append(["a", "x"])
    book.active.append([None, None])
    book.active.append(["b", "y"])
    out = io.BytesIO()
    book.save(out)
    assert count_rows(out.getvalue(), "xlsx", stop_after=10) == 2


def test_an_import_of_too_many_rows_is_refused_whatever_its_way_in(
    editor, baku, settings
):
    # The confirmation and imports outside the admin read no upload form.
    settings.IMPORT_MAX_ROWS = 3
    result = run_import(EventResource, events(4), editor)
    (message,) = errors_of(result)
    assert "more than 3 rows" in message
    assert not Event.objects.exists()


def test_a_file_naming_too_many_different_records_is_refused(editor, settings):
    settings.IMPORT_MAX_ROWS = 2  # five lookups a row: ten in all
    orgs = [make_organization(slug=f"org-{n}") for n in range(12)]
    headers = [*EVENT_HEADERS, "organizations"]
    names = "; ".join(org.slug for org in orgs)
    dataset = rows(headers, [*good_event(place=""), names])
    with CaptureQueriesContext(connection) as queries:
        result = run_import(EventResource, dataset, editor)
    errors = errors_of(result)
    assert any("more than 10 different related records" in e for e in errors), errors
    looked_up = [q for q in queries if 'FROM "portal_organization"' in q["sql"]]
    assert len(looked_up) <= 10
    assert not Event.objects.exists()


# One record, one row -------------------------------------------------------------


def test_a_file_naming_one_slug_twice_is_refused_naming_the_slug_and_rows(
    editor_client, baku
):
    before = database()
    dataset = rows(
        EVENT_HEADERS, good_event("talks"), good_event("other"), good_event("talks")
    )
    response = upload(editor_client, Event, csv_bytes(dataset))
    assert "confirm_form" not in response.context
    (error,) = response.context["result"].base_errors
    assert str(error.error) == (
        "“talks” (slug) is on rows 1, 3: a file may name each record only once."
    )
    assert "“talks” (slug) is on rows 1, 3" in response.text
    assert database() == before


def test_a_slug_named_twice_is_refused_in_a_confirmed_import_too(editor, baku):
    dataset = rows(EVENT_HEADERS, good_event("talks"), good_event("talks"))
    result = run_import(EventResource, dataset, editor)
    assert errors_of(result) == [
        "“talks” (slug) is on rows 1, 2: a file may name each record only once."
    ]
    assert not Event.objects.exists()


def test_an_observation_named_twice_is_refused(editor):
    Indicator.objects.create(slug="trains", name="Freight trains")
    headers = ["indicator", "period_start", "period_end", "value"]
    dataset = rows(
        headers,
        ["trains", "2025-01", "2025-10", "1"],
        ["trains", "2025-01", "2025-10", "2"],
    )
    result = run_import(ObservationResource, dataset, editor)
    assert errors_of(result) == [
        "“trains, 2025-01, 2025-10” (indicator, period_start, period_end) is on "
        "rows 1, 2: a file may name each record only once."
    ]
    assert not Observation.objects.exists()


# Plain messages ------------------------------------------------------------------


def test_an_unknown_column_is_a_plain_message_naming_the_expected_ones(
    editor_client, baku
):
    headers = [*EVENT_HEADERS, "titel_az"]
    dataset = rows(headers, [*good_event(), "x"])
    response = upload(editor_client, Event, csv_bytes(dataset))
    (error,) = response.context["result"].base_errors
    assert str(error.error).startswith(
        "Unknown column: titel_az. The columns of this file are: slug, title_en, "
        "title_az, title_zh_hans, summary_en,"
    )
    assert "Traceback" not in response.text
    assert "File &quot;" not in response.text and 'File "' not in response.text
    assert not Event.objects.exists()


@pytest.fixture
def failing_row(monkeypatch):
    """Any row's save fails with an error the resource does not expect."""

    def fail(self, instance, row, **kwargs):
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(EventResource, "before_save_instance", fail)


def test_a_row_error_shows_its_message_and_no_traceback(
    editor_client, baku, failing_row
):
    response = upload(
        editor_client, Event, csv_bytes(rows(EVENT_HEADERS, good_event()))
    )
    assert "the disk is on fire" in response.text
    assert "Traceback" not in response.text
    assert "before_save_instance" not in response.text


@pytest.fixture
def failing_file(monkeypatch):
    """The whole file fails with an error the resource does not expect."""

    def fail(self, dataset, **kwargs):
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(EventResource, "before_import", fail)


def test_a_file_error_shows_its_message_and_no_traceback(
    editor_client, baku, failing_file
):
    dataset = rows(EVENT_HEADERS, good_event())
    response = upload(editor_client, Event, csv_bytes(dataset))
    assert "the disk is on fire" in response.text
    assert "Traceback" not in response.text


def test_with_debug_on_developers_see_tracebacks(
    editor_client, baku, failing_file, settings
):
    settings.DEBUG = True
    dataset = rows(EVENT_HEADERS, good_event())
    response = upload(editor_client, Event, csv_bytes(dataset))
    assert "Traceback" in response.text
    assert "before_import" in response.text


# The preview's diff ----------------------------------------------------------


def long_texts(count, seed):
    chance = random.Random(seed)
    letters = string.ascii_letters + " "
    return ["".join(chance.choices(letters, k=3000)) for _ in range(count)]


@pytest.fixture
def differ_calls(monkeypatch):
    """The timeout of each diff the preview computes."""
    calls = []
    real = diff_match_patch.diff_main

    def diff_main(self, *args, **kwargs):
        calls.append(self.Diff_Timeout)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(diff_match_patch, "diff_main", diff_main)
    return calls


def rewritten_bodies(editor):
    """Three events with long bodies, and a file giving each a different one."""
    headers = [*EVENT_HEADERS, "body_en"]
    old, new = long_texts(3, "old"), long_texts(3, "new")
    first = rows(headers, *([*good_event(f"e-{n}"), old[n]] for n in range(3)))
    assert errors_of(run_import(EventResource, first, editor)) == []
    return rows(headers, *([*good_event(f"e-{n}"), new[n]] for n in range(3))), new


def test_the_preview_diffs_each_long_text_in_a_bounded_time(
    editor_client, editor, baku, differ_calls
):
    dataset, _new = rewritten_bodies(editor)
    differ_calls.clear()
    response = upload(editor_client, Event, csv_bytes(dataset))
    assert "confirm_form" in response.context
    # Each diff may take a second (diff-match-patch's default) for texts that
    # differ throughout; a file of such rows would time the worker out.
    assert differ_calls
    assert all(0 < timeout <= 0.05 for timeout in differ_calls), differ_calls


def test_past_its_time_the_preview_shows_changed_cells_undiffed(
    editor_client, editor, baku, differ_calls, monkeypatch
):
    dataset, new = rewritten_bodies(editor)
    differ_calls.clear()
    monkeypatch.setattr(resources, "DIFF_SECONDS", 0)
    response = upload(editor_client, Event, csv_bytes(dataset))
    assert "confirm_form" in response.context
    assert differ_calls == []
    assert f'<ins style="background:#e6ffe6;">{new[0]}</ins>' in response.text


# Revisions -----------------------------------------------------------------------


def test_each_imported_record_gets_a_revision_of_its_own(editor_client, baku):
    preview = upload(editor_client, Event, csv_bytes(events(3)), name="autumn.csv")
    confirm(editor_client, Event, preview)
    assert Revision.objects.count() == 3
    for event in Event.objects.all():
        (version,) = Version.objects.get_for_object(event)
        assert [v.object for v in version.revision.version_set.all()] == [event]
        assert version.revision.get_comment() == "Imported from autumn.csv"


def test_a_project_s_revision_holds_its_own_partners_only(editor):
    make_organization(slug="anama")
    make_organization(slug="byd")
    headers = ["slug", "title_en", "summary_en", "sector", "project_status"]
    headers += ["direction", "partners"]
    dataset = rows(
        headers,
        ["aid", "Aid", "Aid.", "education", "agreed", "cn_az", "anama:beneficiary"],
        [
            "buses",
            "Buses",
            "Buses.",
            "transport-logistics",
            "agreed",
            "cn_az",
            "byd:investor",
        ],
    )
    assert errors_of(run_import(ProjectResource, dataset, editor)) == []
    for project in Project.objects.all():
        (version,) = Version.objects.get_for_object(project)
        held = {str(v.object) for v in version.revision.version_set.all()}
        assert held == {str(project), *(str(p) for p in project.partners.all())}


def test_reverting_one_imported_record_leaves_the_others_alone(editor, baku):
    assert errors_of(run_import(EventResource, events(2), editor)) == []
    first, second = Event.objects.order_by("slug")
    Event.objects.update(title_en="Edited later")
    (version,) = Version.objects.get_for_object(first)
    version.revision.revert()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.title_en == "Talks in Baku"
    assert second.title_en == "Edited later"


def test_one_bad_row_still_writes_no_record_and_no_revision(editor, baku):
    dataset = rows(EVENT_HEADERS, good_event("fine"), good_event("bad", "atlantis"))
    result = run_import(EventResource, dataset, editor)
    assert result.has_validation_errors()
    assert not Event.objects.exists()
    assert not Revision.objects.exists()


# Cost ----------------------------------------------------------------------------


def import_queries(editor, dataset):
    with CaptureQueriesContext(connection) as queries:
        assert errors_of(run_import(EventResource, dataset, editor)) == []
    return [query["sql"] for query in queries]


def test_a_row_costs_the_same_few_queries_however_long_the_file(editor, baku):
    make_organization(slug="government-of-china")
    headers = [*EVENT_HEADERS, "organizations"]

    def file(count, prefix):
        return rows(
            headers,
            *(
                [*good_event(f"{prefix}-{n}"), "government-of-china"]
                for n in range(count)
            ),
        )

    ten = import_queries(editor, file(10, "ten"))
    twenty = import_queries(editor, file(20, "twenty"))
    # The place and the organisation every row names are looked up once a file,
    # and the existing records of the file are read in one query.
    for queries in (ten, twenty):
        assert sum('"portal_place"."slug" =' in sql for sql in queries) == 1
        assert sum('"portal_organization"."slug" =' in sql for sql in queries) == 1
        assert sum('"events_event"."slug" IN' in sql for sql in queries) == 1
    # What is left is each row's own: checks (unique slug, the place exists, two
    # constraints, each in a savepoint), the insert and its relation, and its
    # revision (the relations it follows, the revision and the version).
    assert (len(twenty) - len(ten)) / 10 <= 22


def test_an_import_replaces_the_content_token_once(editor, baku):
    content.replace_token("default")
    before = ContentToken.objects.get().token
    with CaptureQueriesContext(connection) as queries:
        assert errors_of(run_import(EventResource, events(5), editor)) == []
    updates = [
        q
        for q in queries
        if q["sql"].startswith("UPDATE") and "portal_contenttoken" in q["sql"]
    ]
    assert len(updates) == 1
    assert ContentToken.objects.get().token != before
