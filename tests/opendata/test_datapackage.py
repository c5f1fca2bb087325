"""The full dataset is a Frictionless Data Package (portal/opendata/datapackage.py):
frictionless validates it, types, keys and foreign keys included, and every
list of a record is a table of its own, one item a row."""

import csv
import datetime
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from frictionless import validate

from portal.core.models import Side, Source
from tests.builders import (
    add_participant,
    make_event,
    make_organization,
    make_person,
    make_source,
)

pytestmark = pytest.mark.django_db


def unpacked(response, folder):
    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        archive.extractall(folder)
    return folder


def rows(folder, name):
    with open(folder / name, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def problems(folder):
    report = validate(str(folder / "datapackage.json"))
    return report.flatten(["taskName", "rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_frictionless_finds_the_seed_dataset_valid(
    seeded, download_dataset, tmp_path, language
):
    folder = unpacked(download_dataset(language), tmp_path)
    assert problems(folder) == []

    package = json.loads((folder / "datapackage.json").read_text())
    assert package["$schema"].endswith("/2.0/datapackage.json")
    assert package["licenses"][0]["path"] == (
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert package["language"] == language
    # Every CSV file of the ZIP file is a resource, and every resource a file.
    resources = {resource["path"] for resource in package["resources"]}
    assert resources == {path.name for path in folder.glob("*.csv")}
    # The records really are there: the checks above ran on rows.
    assert len(rows(folder, "events.csv")) >= 10
    assert len(rows(folder, "events_participants.csv")) >= 10


def test_a_list_separator_inside_a_value_stays_one_item(
    seeded, download_dataset, tmp_path
):
    """The book presentation's second participant's role holds "; ": in the
    participants table it is one row, with its role whole."""
    folder = unpacked(download_dataset(), tmp_path)
    event = "presidential-chronicle-book-presentation-2025"
    participants = [
        row for row in rows(folder, "events_participants.csv") if row["event"] == event
    ]
    assert [(row["position"], row["person"]) for row in participants] == [
        ("1", "lu-mei"),
        ("2", "rafiq-abbasov"),
    ]
    assert "; " in participants[1]["role"]
    assert participants[1]["side"] == "az"


def test_the_schema_gives_types_keys_and_enums_with_labels(client, media, tmp_path):
    event = make_event(slug="talks", kind="talks")
    person = make_person(slug="lu-mei")
    add_participant(event, person, side=Side.CHINA, role="Ambassador; host")
    call_command("build_dataset", "--language", "az", stdout=io.StringIO())
    folder = unpacked(client.get("/az/data/portal-dataset.zip"), tmp_path)
    assert problems(folder) == []
    package = json.loads((folder / "datapackage.json").read_text())
    resources = {resource["name"]: resource for resource in package["resources"]}

    events = resources["events"]["schema"]
    fields = {field["name"]: field for field in events["fields"]}
    assert events["primaryKey"] == ["id"]
    assert fields["date"]["type"] == "date"
    assert fields["updated_at"]["type"] == "datetime"
    assert fields["url"]["format"] == "uri"
    assert fields["date_approximate"]["type"] == "boolean"
    kinds = {item["value"]: item["label"] for item in fields["kind"]["categories"]}
    assert fields["kind"]["constraints"]["enum"] == list(kinds)
    # The labels in the file's language, as its kind_label column gives them.
    (row,) = rows(folder, "events.csv")
    assert kinds["talks"] == row["kind_label"] != "Talks"
    assert {
        "fields": ["place"],
        "reference": {"resource": "places", "fields": ["slug"]},
    } in (events["foreignKeys"])

    participants = resources["events_participants"]["schema"]
    assert participants["primaryKey"] == ["event", "position"]
    assert {
        "fields": ["event"],
        "reference": {"resource": "events", "fields": ["slug"]},
    } in participants["foreignKeys"]
    assert {
        "fields": ["person"],
        "reference": {"resource": "people", "fields": ["slug"]},
    } in participants["foreignKeys"]
    (participant,) = rows(folder, "events_participants.csv")
    assert participant["role"] == "Ambassador; host"

    citations = resources["events_participants_citations"]["schema"]
    assert {
        "fields": ["event", "participants_position"],
        "reference": {
            "resource": "events_participants",
            "fields": ["event", "position"],
        },
    } in citations["foreignKeys"]


def test_frictionless_would_find_a_broken_foreign_key(client, media, tmp_path):
    """The validation reads the rows: a participant of an event that is not in
    events.csv is an error."""
    event = make_event(slug="talks")
    add_participant(event, make_person(slug="lu-mei"))
    call_command("build_dataset", "--language", "en", stdout=io.StringIO())
    folder = unpacked(client.get("/en/data/portal-dataset.zip"), tmp_path)
    assert problems(folder) == []
    table = folder / "events_participants.csv"
    table.write_bytes(table.read_bytes().replace(b"talks,", b"elsewhere,"))
    assert [problem[3] for problem in problems(folder)] == ["foreign-key"]


def test_an_unknown_date_has_no_precision(client, media):
    """A source without a date: its precision is empty, not `day`, in the API
    and in the files."""
    make_source(slug="undated", published_on=None, published_on_precision="day")
    record = client.get("/api/v1/sources/undated/").json()
    assert record["published_on"] is None
    assert record["published_on_precision"] is None
    assert record["published_on_display"] == ""
    source = Source.objects.get(slug="undated")
    source.published_on = datetime.date(2025, 9, 1)
    source.published_on_precision = "month"
    source.save()
    record = client.get("/api/v1/sources/undated/").json()
    assert record["published_on_precision"] == "month"


def test_sources_name_their_publisher_once(client, media, tmp_path):
    """sources.csv has one `publisher_name` column: the publisher's name as
    the site shows it, the organisation's when there is one."""

    agency = make_organization(slug="azertac", name="AZERTAC")
    make_source(slug="by-agency", publisher=agency, publisher_name="old name")
    make_source(slug="by-name", publisher_name="Report")
    call_command("build_dataset", "--language", "en", stdout=io.StringIO())
    folder = unpacked(client.get("/en/data/portal-dataset.zip"), tmp_path)
    with open(folder / "sources.csv", encoding="utf-8-sig", newline="") as file:
        header = next(csv.reader(file))
    assert header.count("publisher_name") == 1
    names = {row["slug"]: row["publisher_name"] for row in rows(folder, "sources.csv")}
    assert names["by-agency"] == "AZERTAC"
    assert names["by-name"] == "Report"
