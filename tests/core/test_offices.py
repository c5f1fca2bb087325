"""A person's offices (portal/core/models/reference.py, Office): dated as far
as the sources say, a past one read "then …" in each language, edited inside
the person's admin page with citations on its own page, and imported from a
file of their own linked by the person's slug."""

import datetime

import pytest
import tablib
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from portal.core.dates import Precision
from portal.core.models import Office, Status
from portal.core.resources import OfficeResource
from tests.admin_forms import form_data
from tests.builders import add_office, cite, make_organization, make_person

pytestmark = pytest.mark.django_db

CHAIRMAN = "Chairman of the People's Republic of China"


def test_an_office_marked_ended_is_past_without_dates():
    office = add_office(make_person(), title=CHAIRMAN, ended=True)
    assert office.is_past
    assert office.display == f"then {CHAIRMAN}"
    assert office.dates_display == ""


@pytest.mark.parametrize(
    ("language", "then"),
    [("en", "then Chairman"), ("az", "o zamankı Sədr"), ("zh-hans", "时任主席")],
)
def test_a_past_office_reads_then_in_each_language(language, then):
    office = add_office(
        make_person(),
        title="Chairman",
        title_az="Sədr",
        title_zh_hans="主席",
        ended=True,
    )
    with translation.override(language):
        assert office.display == then


def test_an_end_date_before_today_makes_an_office_past():
    person = make_person()
    ended = add_office(
        person,
        start=datetime.date(1993, 1, 1),
        start_precision=Precision.YEAR,
        end=datetime.date(2003, 1, 1),
        end_precision=Precision.YEAR,
    )
    held = add_office(person, start=datetime.date(2003, 1, 1), start_precision="year")
    ahead = add_office(person, end=datetime.date(2099, 1, 1), end_precision="year")
    assert ended.is_past and ended.dates_display == "1993–2003"
    assert not held.is_past and held.dates_display == "since 2003"
    assert not ahead.is_past and ahead.dates_display == "until 2099"


def test_dates_are_stored_as_precisely_as_known():
    office = add_office(
        make_person(), start=datetime.date(2025, 9, 17), start_precision="month"
    )
    office.refresh_from_db()
    assert office.start == datetime.date(2025, 9, 1)
    with translation.override("az"):
        assert "2025" in office.dates_display


def test_a_list_shows_the_short_title_or_else_the_offices():
    titled = make_person(honorific="National leader of Azerbaijan")
    add_office(titled, title="President of Azerbaijan", ended=True)
    current = make_person()
    add_office(current, title="Prime Minister")
    add_office(current, title="Chairman of a commission")
    past = make_person()
    add_office(past, title=CHAIRMAN, ended=True)
    assert titled.short_title == "National leader of Azerbaijan"
    assert current.short_title == "Prime Minister; Chairman of a commission"
    assert past.short_title == f"then {CHAIRMAN}"
    assert make_person().short_title == ""


# The admin


def test_offices_are_edited_inside_the_persons_page(editor_client):
    person = make_person(name="Jiang Zemin")
    url = reverse("admin:portal_person_change", args=[person.pk])
    data = form_data(editor_client.get(url))
    data.update(
        {
            "offices-TOTAL_FORMS": "1",
            "offices-0-title_en": CHAIRMAN,
            "offices-0-title_zh_hans": "中华人民共和国主席",
            "offices-0-start_precision": "day",
            "offices-0-end_precision": "day",
            "offices-0-ended": "on",
            "offices-0-position": "0",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    office = person.offices.get()
    assert (office.title_en, office.title_zh_hans, office.ended) == (
        CHAIRMAN,
        "中华人民共和国主席",
        True,
    )
    # Its citations are on its own page, linked from the row.
    assert reverse("admin:portal_office_change", args=[office.pk]) in (
        editor_client.get(url).text
    )
    page = editor_client.get(reverse("admin:portal_office_change", args=[office.pk]))
    assert "portal-citation-content_type-object_id-TOTAL_FORMS" in page.text


def test_an_office_cannot_end_before_it_begins(editor_client):
    person = make_person()
    url = reverse("admin:portal_person_change", args=[person.pk])
    data = form_data(editor_client.get(url))
    data.update(
        {
            "offices-TOTAL_FORMS": "1",
            "offices-0-title_en": "Minister",
            "offices-0-start": "2010-01-01",
            "offices-0-start_precision": "year",
            "offices-0-end": "2005-01-01",
            "offices-0-end_precision": "year",
            "offices-0-position": "0",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert not person.offices.exists()


def test_contributors_edit_offices_only_inside_their_own_drafts(
    contributor_client, contributor
):
    mine = make_person(status=Status.DRAFT, created_by=contributor)
    url = reverse("admin:portal_person_change", args=[mine.pk])
    data = form_data(contributor_client.get(url))
    data.update(
        {
            "offices-TOTAL_FORMS": "1",
            "offices-0-title_en": "Minister",
            "offices-0-start_precision": "day",
            "offices-0-end_precision": "day",
            "offices-0-position": "0",
        }
    )
    assert contributor_client.post(url, data).status_code == 302
    assert mine.offices.get().title == "Minister"
    office = add_office(make_person(), title="Someone else's")
    change = reverse("admin:portal_office_change", args=[office.pk])
    assert 'name="title_en"' not in contributor_client.get(change).text


# The import


OFFICE_HEADERS = ["person", "title_en", "title_az", "organization", "start", "ended"]


def test_offices_import_linked_by_the_persons_slug(editor):
    person = make_person(slug="li-peng")
    make_organization(slug="npc-standing-committee")
    dataset = tablib.Dataset(
        ["li-peng", "Chairman", "Sədr", "npc-standing-committee", "1998", "yes"],
        headers=OFFICE_HEADERS,
    )
    result = OfficeResource(user=editor).import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    office = person.offices.get()
    assert office.organization.slug == "npc-standing-committee"
    assert (office.start, office.start_precision) == (
        datetime.date(1998, 1, 1),
        Precision.YEAR,
    )
    assert office.ended

    # The same person and English title update that office; nothing is added.
    dataset[0] = ["li-peng", "Chairman", "Sədr", "", "1998", "no"]
    OfficeResource(user=editor).import_data(dataset, dry_run=False)
    office = person.offices.get()
    assert office.organization is None and not office.ended
    # Unchanged, it is skipped.
    result = OfficeResource(user=editor).import_data(dataset, dry_run=False)
    assert result.totals["skip"] == 1


def test_an_office_of_an_unknown_person_is_a_row_error_naming_it(editor):
    dataset = tablib.Dataset(
        ["nobody", "Chairman", "", "", "", ""], headers=OFFICE_HEADERS
    )
    result = OfficeResource(user=editor).import_data(dataset, dry_run=True)
    (invalid,) = result.invalid_rows
    assert "“nobody”" in str(invalid.error_dict)


def test_contributors_may_not_import_offices(contributor):
    make_person(slug="li-peng")
    dataset = tablib.Dataset(
        ["li-peng", "Chairman", "", "", "", ""], headers=OFFICE_HEADERS
    )
    result = OfficeResource(user=contributor).import_data(dataset, dry_run=True)
    assert result.has_validation_errors()
    assert not Office.objects.exists()


def test_the_offices_export_imports_back_unchanged(editor):
    person = make_person(slug="jiang-zemin")
    office = add_office(person, title=CHAIRMAN, ended=True)
    cite(office, quote="Jiang Zemin, who was then Chairman")
    exported = OfficeResource().export()
    assert exported.dict[0]["person"] == "jiang-zemin"
    assert exported.dict[0]["ended"] == "yes"
    result = OfficeResource(user=editor).import_data(exported, dry_run=False)
    assert result.totals["skip"] == 1


# The migration that brought offices


BEFORE = [("portal", "0017_offices_editor_notes")]
AFTER = [("portal", "0018_offices_from_short_titles")]


# serialized_rollback: see tests/conftest.py.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_short_title_becomes_an_office_and_stays():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Person = old.get_model("portal", "Person")
    Person.objects.create(
        name="Xi Jinping",
        name_en="Xi Jinping",
        slug="xi-jinping",
        honorific="President of the People's Republic of China",
        honorific_en="President of the People's Republic of China",
        honorific_az="Çin Xalq Respublikasının Sədri",
        honorific_zh_hans="中华人民共和国主席",
        status="draft",
    )
    Person.objects.create(name="No title", name_en="No title", slug="untitled")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Office = new.get_model("portal", "Office")
    office = Office.objects.get()
    assert office.person.slug == "xi-jinping"
    assert (office.title_en, office.title_az, office.title_zh_hans) == (
        "President of the People's Republic of China",
        "Çin Xalq Respublikasının Sədri",
        "中华人民共和国主席",
    )
    assert not office.ended and office.start is None
    person = new.get_model("portal", "Person").objects.get(slug="xi-jinping")
    assert person.honorific_az == "Çin Xalq Respublikasının Sədri"

    # Back, and forward again: no second copy.
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    assert Office.objects.count() == 1
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
