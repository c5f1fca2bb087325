"""Bulk import and export (portal/core/resources.py, docs/import-format.md): files go
upload → preview → confirm in the admin, whole or not at all; the same file twice
gives the same database; the workflow, not the file, decides statuses; every
imported record gets a version; exports escape formulas and re-import unchanged."""

import io
from pathlib import Path

import pytest
import tablib
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from import_export.formats.base_formats import CSV, XLSX
from reversion.models import Revision, Version

from events.models import Agreement, Event
from events.resources import AgreementResource, EventResource
from portal.core.dates import Precision
from portal.core.models import (
    Indicator,
    Observation,
    Office,
    Organization,
    Person,
    Place,
    Source,
    Status,
)
from portal.core.resources import (
    IndicatorResource,
    ObservationResource,
    OfficeResource,
    OrganizationResource,
    PersonResource,
    PlaceResource,
    SourceResource,
)
from projects.models import Measure, Project, Sector
from projects.resources import MeasureResource, ProjectResource, SectorResource
from tests.builders import make_country, make_event, make_organization, make_place

pytestmark = pytest.mark.django_db

SAMPLES = Path(settings.BASE_DIR) / "docs" / "samples"

# The sample files in the order they import into an empty database.
SAMPLE_FILES = {
    "places": (PlaceResource, Place),
    "organisations": (OrganizationResource, Organization),
    "people": (PersonResource, Person),
    "offices": (OfficeResource, Office),
    "sources": (SourceResource, Source),
    "indicators": (IndicatorResource, Indicator),
    "events": (EventResource, Event),
    "agreements": (AgreementResource, Agreement),
    "projects": (ProjectResource, Project),
    "measures": (MeasureResource, Measure),
    "observations": (ObservationResource, Observation),
}

EVENT_HEADERS = ["slug", "title_en", "summary_en", "kind", "date", "place"]


def rows(headers, *values):
    return tablib.Dataset(*values, headers=headers)


def sample(name, suffix="csv"):
    path = SAMPLES / f"{name}.{suffix}"
    if suffix == "xlsx":
        return XLSX().create_dataset(path.read_bytes())
    return CSV().create_dataset(path.read_text(encoding="utf-8"))


def run_import(resource_class, dataset, user, dry_run=False, **options):
    resource = resource_class(user=user, status=options.pop("status", ""))
    return resource.import_data(
        dataset, dry_run=dry_run, file_name=options.pop("file_name", "test.csv")
    )


def import_samples(user, names=SAMPLE_FILES, status=""):
    results = {}
    for name in names:
        resource_class, _model = SAMPLE_FILES[name]
        results[name] = run_import(
            resource_class, sample(name), user, status=status, file_name=f"{name}.csv"
        )
    return results


def errors_of(result):
    """Every error of an import, as text, for assertion messages."""
    found = [str(error.error) for error in result.base_errors]
    for line, row_errors in result.row_errors():
        found += [f"line {line}: {error.error}" for error in row_errors]
    for row in result.invalid_rows:
        found += [f"row {row.number}: {row.error_dict}"]
    return found


def database():
    """Every record of the portal, with timestamps and version numbers, and every
    stored version: what "nothing changed" is checked against."""
    out = io.StringIO()
    call_command(
        "dumpdata", "portal", "events", "projects", "reversion", stdout=out, indent=0
    )
    return out.getvalue()


def import_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")


def upload(client, model, content, name="events.csv", **fields):
    file_format = "1" if name.endswith(".xlsx") else "0"
    data = {
        "resource": "0",
        "format": file_format,
        "import_file": SimpleUploadedFile(name, content),
        **fields,
    }
    return client.post(import_url(model), data)


def confirm(client, model, preview):
    """Presses "Confirm import" on a preview page, posting its hidden form."""
    form = preview.context["confirm_form"]
    data = {field.name: field.value() or "" for field in form}
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_process_import")
    return client.post(url, data)


def csv_bytes(dataset):
    return CSV().export_data(dataset).encode()


@pytest.fixture
def baku():
    country = make_country(name="Azerbaijan", slug="azerbaijan")
    return make_place(name="Baku", slug="baku", parent=country)


def good_event(slug="talks-in-baku", place="baku"):
    return [
        slug,
        "Talks in Baku",
        "The two sides held talks.",
        "talks",
        "2025-09",
        place,
    ]


# The admin pages ----------------------------------------------------------------

IMPORTED_MODELS = [model for _resource, model in SAMPLE_FILES.values()]


@pytest.mark.parametrize("model", IMPORTED_MODELS, ids=lambda model: model.__name__)
def test_the_import_and_export_pages_load_with_the_files_columns(editor_client, model):
    response = editor_client.get(import_url(model))
    assert response.status_code == 200
    ((_name, columns),) = response.context["fields_list"]
    assert "status" not in columns
    export = f"admin:{model._meta.app_label}_{model._meta.model_name}_export"
    assert editor_client.get(reverse(export)).status_code == 200


# All or nothing ------------------------------------------------------------------


def test_a_dry_run_writes_nothing(editor, baku):
    before = database()
    result = run_import(EventResource, rows(EVENT_HEADERS, good_event()), editor, True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 1
    assert database() == before


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry run", "confirmed"])
def test_one_bad_row_writes_nothing(editor, baku, dry_run):
    before = database()
    dataset = rows(
        EVENT_HEADERS,
        good_event("first-talks"),
        good_event("second-talks"),
        good_event("third-talks", place="atlantis"),
    )
    result = run_import(EventResource, dataset, editor, dry_run=dry_run)
    assert result.has_validation_errors()
    assert database() == before
    assert not Event.objects.exists()
    assert not Revision.objects.exists()


def test_a_preview_with_a_bad_row_offers_no_confirm_and_writes_nothing(
    editor_client, baku
):
    before = database()
    dataset = rows(EVENT_HEADERS, good_event(), good_event("other", place="atlantis"))
    response = upload(editor_client, Event, csv_bytes(dataset))
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert "atlantis" in response.text
    assert database() == before


def test_a_confirm_that_no_longer_imports_cleanly_writes_nothing(editor_client, baku):
    preview = upload(editor_client, Event, csv_bytes(rows(EVENT_HEADERS, good_event())))
    # Between preview and confirm, someone deletes the place the file names.
    baku.delete()
    response = confirm(editor_client, Event, preview)
    assert response.status_code == 302
    assert response.url == import_url(Event)
    assert not Event.objects.exists()
    follow = editor_client.get(response.url)
    assert "Nothing was imported" in follow.text


# Re-importing --------------------------------------------------------------------


def test_every_sample_file_imports_cleanly_into_an_empty_database(editor):
    for name, result in import_samples(editor).items():
        assert errors_of(result) == [], name
        _resource, model = SAMPLE_FILES[name]
        assert result.totals["new"] == len(sample(name)) == model.objects.count()


def test_the_xlsx_sample_imports_like_the_csv_one(editor):
    import_samples(editor, ["places", "organisations", "people"])
    xlsx = sample("events", "xlsx")
    # Empty cells read as None from a spreadsheet, as "" from CSV.
    as_text = [{k: v or "" for k, v in row.items()} for row in xlsx.dict]
    assert as_text == sample("events").dict
    result = run_import(EventResource, xlsx, editor, file_name="events.xlsx")
    assert errors_of(result) == []
    assert Event.objects.count() == len(xlsx)


def test_the_same_file_twice_gives_the_same_database(editor):
    import_samples(editor)
    once = database()
    results = import_samples(editor)
    assert database() == once
    for name, result in results.items():
        assert result.totals["skip"] == len(sample(name)), name


def test_the_samples_restate_the_seed_records(seeded, editor):
    """Importing them onto the seeded database changes nothing at all."""
    before = database()
    for name, result in import_samples(editor).items():
        assert errors_of(result) == [], name
        assert result.totals["skip"] == len(sample(name)), name
    assert database() == before


def test_an_export_imports_back_without_changing_anything(seeded, editor):
    before = database()
    for resource_class, _model in SAMPLE_FILES.values():
        exported = resource_class().export()
        for file_format in (CSV(), XLSX()):
            data = file_format.export_data(exported)
            if not file_format.is_binary():
                data = data.encode()
            dataset = file_format.create_dataset(
                data if file_format.is_binary() else data.decode()
            )
            result = run_import(resource_class, dataset, editor)
            assert errors_of(result) == []
            assert result.totals["skip"] == len(exported)
    assert database() == before


def test_empty_rows_and_unnamed_columns_of_a_spreadsheet_are_ignored(editor, baku):
    dataset = rows([*EVENT_HEADERS, ""], [*good_event(), ""], [""] * 7, [None] * 7)
    result = run_import(EventResource, dataset, editor)
    assert errors_of(result) == []
    assert result.totals["new"] == 1


def test_a_changed_row_updates_the_record_in_place(editor, baku):
    run_import(EventResource, rows(EVENT_HEADERS, good_event()), editor)
    changed = good_event()
    changed[1] = "Talks in Baku, second round"
    result = run_import(EventResource, rows(EVENT_HEADERS, changed), editor)
    assert result.totals["update"] == 1
    (event,) = Event.objects.all()
    assert event.title_en == "Talks in Baku, second round"


# Columns -------------------------------------------------------------------------


def test_translated_columns_land_in_their_languages(editor, baku):
    headers = [*EVENT_HEADERS, "title_az", "title_zh_hans", "summary_az"]
    dataset = rows(headers, [*good_event(), "Bakıda danışıqlar", "巴库会谈", "Xülasə"])
    assert errors_of(run_import(EventResource, dataset, editor)) == []
    event = Event.objects.get()
    assert (event.title_en, event.title_az, event.title_zh_hans) == (
        "Talks in Baku",
        "Bakıda danışıqlar",
        "巴库会谈",
    )
    assert event.summary_az == "Xülasə"
    assert event.summary_zh_hans is None  # no column: readers get the English


def test_english_is_required_where_the_model_requires_it(editor, baku):
    row = good_event()
    row[1] = ""
    result = run_import(EventResource, rows(EVENT_HEADERS, row), editor)
    (invalid,) = result.invalid_rows
    assert invalid.field_specific_errors == {
        "title_en": ["This field cannot be blank."]
    }


@pytest.mark.parametrize(
    ("text", "stored", "precision", "approximate"),
    [
        ("1994", "1994-01-01", Precision.YEAR, False),
        ("2025-09", "2025-09-01", Precision.MONTH, False),
        ("2025-12-24", "2025-12-24", Precision.DAY, False),
        ("c. 2025", "2025-01-01", Precision.YEAR, True),
    ],
)
def test_partial_dates_read_and_write_as_the_seed_writes_them(
    editor, baku, text, stored, precision, approximate
):
    row = good_event()
    row[4] = text
    assert errors_of(run_import(EventResource, rows(EVENT_HEADERS, row), editor)) == []
    event = Event.objects.get()
    assert (str(event.date), event.date_precision, event.date_approximate) == (
        stored,
        precision,
        approximate,
    )
    assert EventResource().export().dict[0]["date"] == text


@pytest.mark.parametrize("text", ["2025-13", "24/12/2025", "~2025", "2025-02-30"])
def test_a_bad_date_is_a_row_error_that_quotes_it(editor, baku, text):
    row = good_event()
    row[4] = text
    result = run_import(EventResource, rows(EVENT_HEADERS, row), editor)
    (invalid,) = result.invalid_rows
    (message,) = invalid.field_specific_errors["date"]
    assert f"“{text}”" in message


def test_an_unknown_related_record_is_a_row_error_naming_it(editor, baku):
    make_organization(name="APA news agency", slug="apa")
    headers = [*EVENT_HEADERS, "organizations"]
    dataset = rows(
        headers,
        [*good_event("one", place="atlantis"), "apa"],
        [*good_event("two"), "APA news agency; ghost-ministry; Nobody Inc"],
    )
    result = run_import(EventResource, dataset, editor)
    first, second = result.invalid_rows
    assert "“atlantis”" in first.field_specific_errors["place"][0]
    missing = second.field_specific_errors["organizations"]
    assert len(missing) == 2
    assert "“ghost-ministry”" in missing[0]
    assert "“Nobody Inc”" in missing[1]
    assert not Event.objects.exists()


def test_related_records_are_found_by_slug_or_english_name(editor, baku):
    apa = make_organization(name="APA news agency", slug="apa")
    mfa = make_organization(name="Ministry of Foreign Affairs", slug="mfa")
    headers = [*EVENT_HEADERS, "organizations"]
    row = [*good_event(place="Baku"), "apa; ministry of foreign affairs"]
    assert errors_of(run_import(EventResource, rows(headers, row), editor)) == []
    event = Event.objects.get()
    assert event.place == baku
    assert set(event.organizations.all()) == {apa, mfa}
    exported = EventResource().export().dict[0]
    assert (exported["place"], exported["organizations"]) == ("baku", "apa; mfa")


def test_a_country_column_only_matches_countries(editor, baku):
    headers = ["slug", "name_en", "country"]
    result = run_import(PersonResource, rows(headers, ["x", "X", "baku"]), editor)
    (invalid,) = result.invalid_rows
    assert "No country “baku”" in invalid.field_specific_errors["country"][0]


def test_an_unknown_column_is_refused_before_anything_is_written(editor, baku):
    headers = [*EVENT_HEADERS, "titel_az"]
    result = run_import(EventResource, rows(headers, [*good_event(), "x"]), editor)
    assert result.has_errors()
    assert "titel_az" in errors_of(result)[0]
    assert not Event.objects.exists()


def test_project_partners_are_organisations_with_their_roles(editor):
    import_samples(editor, ["places", "organisations", "events", "agreements"])
    headers = ["slug", "title_en", "summary_en", "sector", "project_status"]
    headers += ["direction", "partners"]
    row = ["aid", "Aid", "Aid.", "education", "agreed", "cn_az"]
    dataset = rows(headers, [*row, "government-of-china:donor; anama:beneficiary"])
    assert errors_of(run_import(ProjectResource, dataset, editor)) == []
    project = Project.objects.get(slug="aid")
    assert [(p.organization.slug, p.role) for p in project.partners.all()] == [
        ("government-of-china", "donor"),
        ("anama", "beneficiary"),
    ]
    # A file that replaces the partners says so in its `replace` column.
    dataset = rows(
        [*headers, "replace"], [*row, "anama:beneficiary; anama:investor", "partners"]
    )
    # (Two slugs: a file naming one record twice is refused whole.)
    bad = rows(headers, [*row, "anama"], ["aid-2", *row[1:], "anama:sponsor"])
    assert errors_of(run_import(ProjectResource, dataset, editor)) == []
    assert list(project.partners.values_list("role", flat=True)) == [
        "beneficiary",
        "investor",
    ]
    result = run_import(ProjectResource, bad, editor)
    assert len(result.invalid_rows) == 2


def test_a_reimported_file_keeps_the_partners_an_editor_added(editor):
    import_samples(editor, ["places", "organisations", "events", "agreements"])
    headers = ["slug", "title_en", "summary_en", "sector", "project_status"]
    headers += ["direction", "partners"]
    row = ["aid", "Aid", "Aid.", "education", "agreed", "cn_az"]
    dataset = rows(headers, [*row, "government-of-china:donor"])
    assert errors_of(run_import(ProjectResource, dataset, editor)) == []
    project = Project.objects.get(slug="aid")
    # Added in the admin, after the import.
    project.partners.create(
        organization=Organization.objects.get(slug="anama"), role="beneficiary"
    )

    # The same file again: nothing to do, nothing deleted.
    result = run_import(ProjectResource, dataset, editor)
    assert errors_of(result) == []
    assert result.totals["skip"] == 1
    assert [(p.organization.slug, p.role) for p in project.partners.all()] == [
        ("government-of-china", "donor"),
        ("anama", "beneficiary"),
    ]
    # A new partner in the file is added beside the editor's, first as the
    # file orders it.
    dataset = rows(headers, [*row, "anama:investor; government-of-china:donor"])
    assert errors_of(run_import(ProjectResource, dataset, editor)) == []
    assert [(p.organization.slug, p.role) for p in project.partners.all()] == [
        ("anama", "investor"),
        ("government-of-china", "donor"),
        ("anama", "beneficiary"),
    ]
    # An export does not carry the instruction.
    assert "replace" not in ProjectResource().export().headers
    # A replace column naming something else is refused, naming it.
    wrong = rows([*headers, "replace"], [*row, "government-of-china:donor", "places"])
    result = run_import(ProjectResource, wrong, editor)
    (invalid,) = result.invalid_rows
    assert "“places” cannot be replaced" in invalid.field_specific_errors["replace"][0]
    assert project.partners.count() == 3


def test_observations_are_keyed_by_indicator_period_and_reporter(editor):
    import_samples(
        editor, ["places", "organisations", "sources", "indicators", "observations"]
    )
    dataset = sample("observations")
    dataset[0] = tuple("2450000000" if v == "2440000000" else v for v in dataset[0])
    result = run_import(ObservationResource, dataset, editor)
    assert (result.totals["update"], result.totals["new"]) == (1, 0)
    turnover = Observation.objects.get(indicator__slug="trade-turnover")
    assert str(turnover.period_end) == "2025-10-31"
    assert turnover.value == 2450000000
    assert turnover.reported_by.slug == "chinese-embassy-azerbaijan"
    # The row gives its quote, which is the one the changed value keeps.
    assert list(turnover.citations.values_list("quote", flat=True)) == [
        dataset.dict[0]["quote"]
    ]


# Workflow ------------------------------------------------------------------------


def test_a_contributor_imports_drafts_even_when_the_file_says_published(
    contributor_client, contributor, baku
):
    dataset = rows([*EVENT_HEADERS, "status"], [*good_event(), "published"])
    preview = upload(contributor_client, Event, csv_bytes(dataset))
    assert "confirm_form" in preview.context, preview.text
    response = confirm(contributor_client, Event, preview)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.status == Status.DRAFT
    assert (event.created_by, event.updated_by) == (contributor, contributor)


def test_only_editors_are_offered_a_status_for_the_imported_records(
    client, editor, contributor
):
    client.force_login(contributor)
    assert "status" not in client.get(import_url(Event)).context["form"].fields
    client.force_login(editor)
    assert "status" in client.get(import_url(Event)).context["form"].fields


def test_a_contributor_cannot_publish_by_posting_a_status(
    contributor_client, contributor, baku
):
    dataset = rows(EVENT_HEADERS, good_event())
    preview = upload(contributor_client, Event, csv_bytes(dataset), status="published")
    form = preview.context["confirm_form"]
    assert form.initial["status"] == ""
    # A hand-made confirm asking for "published" is refused as a whole.
    data = {field.name: field.value() or "" for field in form}
    data["status"] = "published"
    url = reverse("admin:events_event_process_import")
    contributor_client.post(url, data)
    assert not Event.objects.filter(status=Status.PUBLISHED).exists()
    result = run_import(
        EventResource, dataset, contributor, status=Status.PUBLISHED, dry_run=False
    )
    assert "Only editors" in errors_of(result)[0]
    assert not Event.objects.filter(status=Status.PUBLISHED).exists()


def test_a_contributor_cannot_change_a_published_record_by_import(
    contributor_client, baku
):
    make_event(slug="talks-in-baku", title="Talks in Baku", place=baku)
    changed = good_event()
    changed[1] = "Talks in Baku, rewritten"
    preview = upload(contributor_client, Event, csv_bytes(rows(EVENT_HEADERS, changed)))
    assert "confirm_form" not in preview.context
    (invalid,) = preview.context["result"].invalid_rows
    assert (
        "You may not change “Talks in Baku” (Published)"
        in (invalid.non_field_specific_errors[0])
    )
    assert Event.objects.get().title_en == "Talks in Baku"


def test_a_contributor_may_re_import_unchanged_rows_of_published_records(
    contributor, baku
):
    event = make_event(slug="talks-in-baku", place=baku)
    exported = EventResource().export()
    result = run_import(EventResource, exported, contributor)
    assert errors_of(result) == [] and result.totals["skip"] == 1
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED


def test_a_contributor_cannot_change_an_existing_place(contributor, baku):
    headers = ["slug", "name_en", "kind"]
    result = run_import(
        PlaceResource, rows(headers, ["baku", "Bakı", "city"]), contributor
    )
    (invalid,) = result.invalid_rows
    assert "already exists" in invalid.non_field_specific_errors[0]


def test_an_editor_publishes_through_an_import(editor_client, editor, baku):
    # A record the editor has cited (nothing is published without a source).
    make_event(slug="talks-in-baku", status=Status.DRAFT, cited=True, place=baku)
    dataset = rows(EVENT_HEADERS, good_event())
    preview = upload(editor_client, Event, csv_bytes(dataset), status="published")
    assert preview.context["confirm_form"].initial["status"] == "published"
    confirm(editor_client, Event, preview)
    event = Event.objects.get()
    assert event.status == Status.PUBLISHED
    assert event.published_at is not None
    assert event.is_public


def test_an_update_keeps_the_status_unless_an_editor_chooses_one(editor, baku):
    event = make_event(
        slug="talks-in-baku", status=Status.REVIEW, place=baku, cited=True
    )
    changed = good_event()
    changed[1] = "Renamed"
    run_import(EventResource, rows(EVENT_HEADERS, changed), editor)
    event.refresh_from_db()
    assert (event.title_en, event.status) == ("Renamed", Status.REVIEW)
    run_import(EventResource, rows(EVENT_HEADERS, changed), editor, status="published")
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED


def test_every_imported_record_gets_a_version_with_its_user_and_file(
    editor_client, editor, baku
):
    dataset = rows(EVENT_HEADERS, good_event("one"), good_event("two"))
    preview = upload(editor_client, Event, csv_bytes(dataset), name="autumn.csv")
    confirm(editor_client, Event, preview)
    for event in Event.objects.all():
        (version,) = Version.objects.get_for_object(event)
        assert version.revision.user == editor
        assert version.revision.get_comment() == "Imported from autumn.csv"
        assert version.field_dict["title_en"] == "Talks in Baku"


def test_an_xlsx_file_goes_through_the_admin_too(editor_client, editor):
    import_samples(editor, ["places", "organisations", "people"])
    content = (SAMPLES / "events.xlsx").read_bytes()
    preview = upload(editor_client, Event, content, name="events.xlsx")
    assert "confirm_form" in preview.context, preview.text
    confirm(editor_client, Event, preview)
    assert Event.objects.count() == len(sample("events", "xlsx"))
    assert set(Event.objects.values_list("status", flat=True)) == {Status.DRAFT}


# Export --------------------------------------------------------------------------


def export_from_admin(client, file_format):
    fields = EventResource().get_export_order()
    data = {"resource": "0", "format": file_format}
    data |= {f"eventresource_{name}": "on" for name in fields}
    return client.post(reverse("admin:events_event_export"), data)


def test_exports_escape_spreadsheet_formulas_and_import_them_back(
    editor_client, editor
):
    formula = '=HYPERLINK("https://example.com","click")'
    make_event(slug="formula", title=formula, summary="+1 and @SUM(A1)")
    response = export_from_admin(editor_client, "0")
    assert response.status_code == 200
    text = response.content.decode()
    assert "'=HYPERLINK(" in text
    assert ",=HYPERLINK" not in text
    exported = CSV().create_dataset(text)
    row = exported.dict[0]
    assert (row["title_en"], row["summary_en"]) == (f"'{formula}", "'+1 and @SUM(A1)")
    result = run_import(EventResource, exported, editor)
    assert result.totals["skip"] == 1
    assert Event.objects.get().title_en == formula


def test_exports_come_as_csv_or_xlsx_only(editor_client):
    make_event(slug="talks")
    response = editor_client.get(reverse("admin:events_event_export"))
    titles = [
        label for _value, label in response.context["form"].fields["format"].choices
    ]
    assert titles == ["---", "csv", "xlsx"]
    xlsx = export_from_admin(editor_client, "1")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert XLSX().create_dataset(xlsx.content).dict[0]["slug"] == "talks"


# Which admin pages import ------------------------------------------------------


def test_sectors_import_through_the_admin_too(editor_client):
    assert editor_client.get(import_url(Sector)).status_code == 200


@pytest.mark.parametrize(
    "name", ["portal_citation", "events_participation", "projects_partner"]
)
def test_records_without_a_column_format_offer_no_import_or_export(editor_client, name):
    changelist = reverse(f"admin:{name}_changelist")
    text = editor_client.get(changelist).text
    assert f"{changelist}import/" not in text
    assert f"{changelist}export/" not in text
    assert editor_client.get(f"{changelist}import/").status_code == 403


def test_an_indicator_import_keeps_the_workflow(contributor, editor):
    headers = ["slug", "name_en", "status"]
    dataset = rows(headers, ["trains", "Freight trains", "published"])
    assert errors_of(run_import(IndicatorResource, dataset, contributor)) == []
    assert Indicator.objects.get().status == Status.DRAFT
    result = run_import(IndicatorResource, dataset, contributor, status="published")
    assert result.has_errors()
    assert Indicator.objects.get().status == Status.DRAFT


def test_a_contributor_cannot_change_an_existing_sector(contributor):
    headers = ["slug", "name_en"]
    dataset = rows(headers, ["education", "Schooling"])
    (invalid,) = run_import(SectorResource, dataset, contributor).invalid_rows
    assert "already exists" in invalid.non_field_specific_errors[0]
    assert Sector.objects.get(slug="education").name_en == "Education"
