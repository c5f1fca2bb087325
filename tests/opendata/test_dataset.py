"""The full dataset is built ahead of time (portal/opendata/dataset.py): by
`manage.py build_dataset`, and after an editor's change while it is small; its
stable address serves the newest build and never builds one itself."""

import io
import json
import zipfile

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.http import FileResponse
from django.urls import reverse

from portal.core.models import Status
from portal.opendata import dataset, downloads
from tests.builders import make_event

pytestmark = pytest.mark.django_db

URL = "/en/data/portal-dataset.zip"


def build(*languages):
    out = io.StringIO()
    arguments = [item for code in languages for item in ("--language", code)]
    call_command("build_dataset", *arguments, stdout=out)
    return out.getvalue()


def files(settings):
    try:
        return sorted(default_storage.listdir(settings.DATASET_FOLDER)[1])
    except FileNotFoundError:
        return []


def archive_of(response):
    return zipfile.ZipFile(io.BytesIO(response.getvalue()))


def test_the_command_writes_a_dated_file_per_language(media, settings):
    make_event(slug="talks")
    output = build()

    names = files(settings)
    zips = [name for name in names if name.endswith(".zip")]
    assert [name.rsplit("-", 1)[0] for name in zips] == [
        "portal-dataset-az",
        "portal-dataset-en",
        "portal-dataset-zh-hans",
    ]
    assert all(f"{name}.done" in names for name in zips)
    # Dated: portal-dataset-en-20261204T101500123456Z.zip
    assert all(name.rsplit("-", 1)[1][8] == "T" for name in zips)
    assert (media / settings.DATASET_FOLDER).is_dir()
    for code in ("en", "az", "zh-hans"):
        assert f"{code}: {settings.DATASET_FOLDER}/portal-dataset-{code}-" in output


def test_the_address_serves_the_newest_build_streamed(client, media, settings):
    make_event(slug="first")
    build("en")
    make_event(slug="second")
    build("en")

    response = client.get(URL)
    assert isinstance(response, FileResponse)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == (
        'attachment; filename="portal-dataset-en.zip"'
    )
    events = json.loads(archive_of(response).read("events.json"))
    assert sorted(record["slug"] for record in events["results"]) == [
        "first",
        "second",
    ]


def test_the_address_never_builds_the_dataset(client, media, settings, monkeypatch):
    def refuse(language):
        raise AssertionError("built for a request")

    monkeypatch.setattr(dataset, "build", refuse)
    make_event(slug="talks")

    response = client.get(URL)
    assert response.status_code == 404
    assert "manage.py build_dataset" in response.text
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert files(settings) == []


def test_a_build_cut_short_is_never_served(client, media, settings):
    make_event(slug="talks")
    build("en")
    (complete,) = [name for name in files(settings) if name.endswith(".zip")]
    # A newer build whose marker was never written.
    default_storage.save(
        f"{settings.DATASET_FOLDER}/portal-dataset-en-99990101T000000000000Z.zip",
        io.BytesIO(b"half a zip"),
    )
    archive = archive_of(client.get(URL))
    assert "events.csv" in archive.namelist()
    assert dataset.latest("en") == f"{settings.DATASET_FOLDER}/{complete}"


def test_only_the_newest_builds_are_kept(media, settings):
    make_event(slug="talks")
    for _ in range(dataset.KEEP + 2):
        build("az")
    zips = [name for name in files(settings) if name.endswith(".zip")]
    assert len(zips) == dataset.KEEP
    assert len([name for name in files(settings) if name.endswith(".done")]) == (
        dataset.KEEP
    )


def test_an_unknown_language_is_refused(media):
    with pytest.raises(CommandError, match="Unknown language ru"):
        build("ru")


def test_the_dataset_s_files_are_the_downloads_files(client, media):
    """The same records, byte for byte: a list's unfiltered CSV download is the
    dataset's CSV file, its JSON the dataset's records."""
    for number in range(3):
        make_event(slug=f"event-{number}", title_az=f"Tədbir {number}")
    build("az")
    archive = archive_of(client.get("/az/data/portal-dataset.zip"))
    for kind in downloads.LISTS:
        csv_file = client.get(f"/az/download/{kind}.csv").getvalue()
        assert archive.read(f"{kind}.csv") == csv_file, kind
        listed = json.loads(client.get(f"/az/download/{kind}.json").getvalue())
        whole = json.loads(archive.read(f"{kind}.json"))
        assert whole["results"] == listed["results"], kind
        assert whole["count"] == listed["count"] == len(listed["results"])


def test_a_streamed_json_file_is_what_rendering_it_at_once_gives(client):
    """The envelope, then the records: the bytes DRF renders for the whole
    document."""
    from rest_framework.renderers import JSONRenderer

    from portal.opendata.api.views import EventViewSet

    for number in range(3):
        make_event(slug=f"event-{number}", title="Talks “quoted” \u2028 line")
    streamed = client.get("/en/download/events.json?type=talks").getvalue()
    document = json.loads(streamed)
    records = downloads._serialize(
        EventViewSet.serializer_class, EventViewSet.records(), None
    )
    whole = {key: value for key, value in document.items() if key != "results"}
    assert JSONRenderer().render({**whole, "results": records}) == streamed


# Built again after an editor's change ------------------------------------------


@pytest.fixture
def publishing(settings, media, editor_client):
    settings.DATASET_REBUILD_MAX_RECORDS = 100
    return editor_client


def publish(client, *records, action="publish"):
    response = client.post(
        reverse("admin:events_event_changelist"),
        # "post": the answer to the confirmation publishing asks first.
        {
            "action": action,
            "post": "yes",
            ACTION_CHECKBOX_NAME: [r.pk for r in records],
        },
    )
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_builds_the_small_dataset_again(client, publishing, settings):
    shown = make_event(slug="shown")
    draft = make_event(slug="draft-talks", status=Status.REVIEW, cited=True)
    build("en")
    publish(publishing, draft)

    events = json.loads(archive_of(client.get(URL)).read("events.json"))
    assert sorted(r["slug"] for r in events["results"]) == ["draft-talks", "shown"]
    assert len([name for name in files(settings) if name.endswith(".zip")]) == 4

    # Back to draft: the next build leaves it out again.
    publish(publishing, draft, action="return_to_draft")
    events = json.loads(archive_of(client.get(URL)).read("events.json"))
    assert [r["slug"] for r in events["results"]] == [shown.slug]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_draft_s_change_builds_nothing(publishing, settings):
    draft = make_event(slug="draft-talks", status=Status.DRAFT)
    other = make_event(slug="other", status=Status.DRAFT)
    publish(publishing, draft, other, action="send_for_review")
    assert files(settings) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_large_dataset_is_left_to_the_command_and_the_log_says_so(
    publishing, settings, monkeypatch
):
    settings.DATASET_REBUILD_MAX_RECORDS = 2
    make_event(slug="one")
    make_event(slug="two")
    draft = make_event(slug="three", status=Status.REVIEW, cited=True)
    # What the module's logger is asked to write, whatever the logging set-up
    # other tests on the worker left (caplog saw nothing here once, in the
    # full run only), and whether the rebuild ran at all.
    warnings, runs = [], []
    monkeypatch.setattr(
        dataset.logger,
        "warning",
        lambda message, *args: warnings.append(message % args),
    )
    rebuild = dataset.rebuild_if_small
    monkeypatch.setattr(dataset, "rebuild_if_small", lambda: runs.append(rebuild()))
    publish(publishing, draft)
    assert runs, "the publishing request did not ask for a rebuild"
    assert files(settings) == []
    assert len(warnings) == 1
    assert "DATASET_REBUILD_MAX_RECORDS" in warnings[0]
    assert "manage.py build_dataset" in warnings[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_no_limit_only_the_command_builds_it(publishing, settings, caplog):
    settings.DATASET_REBUILD_MAX_RECORDS = 0
    draft = make_event(slug="talks", status=Status.REVIEW)
    publish(publishing, draft)
    assert files(settings) == []
    assert "DATASET_REBUILD_MAX_RECORDS" not in caplog.text
