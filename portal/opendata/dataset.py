"""The full dataset: every published record, one CSV and one JSON file per kind
of record, a CSV file per list of a record's, with a README, the data
dictionary and `datapackage.json` (a Frictionless Data Package,
portal/opendata/datapackage.py), as one ZIP file per language.

Built ahead of time, never while a reader waits: at 100,000 events it takes
minutes. `manage.py build_dataset` writes a dated file per language into media
(DATASET_FOLDER in MEDIA_ROOT or the S3 bucket), "portal-dataset-en-
20260301T020000000000Z.zip", and the stable address /<lang>/data/portal-dataset.zip
serves the newest one there is. Until one is built it answers 404 saying how to
build it. Run the command after loading records and on a schedule (cron): a
record published for later appears in the next build.

After an editor's request that changed published content (publishing,
unpublishing, editing or deleting a published record, or a record without a
workflow such as a place) the dataset is built again once the answer has been
sent, in the same worker, when the published records number at most
DATASET_REBUILD_MAX_RECORDS: there is no background worker to hand the work to,
so the limit keeps it to seconds. Above that (or with 0) it is left to the
command, and the log says so.

The files are made from the API's records in one pass per kind, a chunk of
records at a time (portal/opendata/downloads.py), written into the ZIP file on
the local disk, then saved to storage: memory stays constant at any size. A
build is complete once its marker file (the same name and ".done") is saved;
readers look only at complete builds, and the three newest of each language are
kept.
"""

import contextlib
import contextvars
import itertools
import json
import logging
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core import content
from portal.core.models import Observation, Status, WorkflowModel
from portal.core.siteurl import absolute_url
from portal.core.views import open_data, reads_query
from portal.opendata import datapackage, downloads
from portal.opendata.api import views as api
from portal.opendata.api.serializers import MeasureRowSerializer, ObservationSerializer
from projects.models import Measure

logger = logging.getLogger(__name__)

DICTIONARY = Path(settings.BASE_DIR) / "docs" / "data-dictionary.md"
# Every kind of record, one CSV and one JSON file each.
KINDS = {
    **downloads.LISTS,
    "places": api.PlaceViewSet,
    "sources": api.SourceViewSet,
    "indicators": api.IndicatorViewSet,
}
# Complete builds kept per language; older ones are deleted.
KEEP = 3
# A build without its marker this old was cut short: deleted.
ABANDONED_SECONDS = 24 * 3600
PREFIX = "portal-dataset-"


def _observations():
    return (
        Observation.objects.public()
        .for_data()
        .order_by("indicator__position", "indicator__slug", "period_end", "pk")
    )


def _measures():
    return (
        Measure.objects.public()
        .for_data()
        .order_by("project__slug", "kind__position", "kind__slug", "position", "pk")
    )


def _parts():
    """(file name, serializer, records) for every file of records."""
    for kind, viewset in KINDS.items():
        yield kind, viewset.serializer_class, viewset.records()
    # Rows that belong to a record, one file each, every row with its own
    # citations: an indicator's observations, a project's measures.
    yield "observations", ObservationSerializer, _observations()
    yield "measures", MeasureRowSerializer, _measures()


def _chunk(name):
    return downloads.CHUNKS.get(name, downloads.CHUNK)


# Building --------------------------------------------------------------------


def build(language):
    """Builds the dataset of `language` and keeps it in storage; returns the
    name it was saved under."""
    with translation.override(language):
        address = absolute_url(reverse("dataset"))
        with tempfile.TemporaryFile(prefix="portal-dataset-") as spool:
            with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
                top_tables = []
                for name, serializer_class, records in _parts():
                    table = datapackage.Table(name, serializer_class())
                    _write(archive, table, records, address)
                    top_tables.append(table)
                archive.writestr("README.txt", _readme(address, language))
                archive.writestr("DATA-DICTIONARY.md", DICTIONARY.read_bytes())
                described = datapackage.descriptor(top_tables, address, language)
                archive.writestr(
                    "datapackage.json",
                    json.dumps(described, ensure_ascii=False, indent=2) + "\n",
                )
            spool.seek(0)
            stamp = timezone.now().strftime("%Y%m%dT%H%M%S%fZ")
            name = default_storage.save(
                f"{settings.DATASET_FOLDER}/{PREFIX}{language}-{stamp}.zip",
                File(spool),
            )
    default_storage.save(f"{name}.done", ContentFile(b""))
    _forget_old_builds(language)
    return name


def _write(archive, table, queryset, address):
    """The table's CSV and JSON files, and the CSV files of its lists
    (portal/opendata/datapackage.py), from one pass over the records: the CSV
    rows go straight into the archive, the JSON and the lists' rows beside it
    on the disk until the CSV file is closed (a ZIP file is written one member
    at a time)."""
    name, serializer_class = table.name, type(table.serializer)
    document = downloads.envelope(queryset.count(), address)
    records = downloads.serialized(serializer_class, queryset, None, _chunk(name))
    with contextlib.ExitStack() as stack:
        lists = {
            inner.name: stack.enter_context(
                tempfile.TemporaryFile(prefix="portal-dataset-list-")
            )
            for inner in table.all()
            if inner is not table
        }
        tables = {inner.name: inner for inner in table.all()}
        for inner_name, spool in lists.items():
            spool.write(datapackage.csv_header(tables[inner_name]))
        records = _with_lists(records, table, tables, lists)
        for_csv, for_json = itertools.tee(records)
        # In step, a record each, so the tee holds at most one.
        json_parts = downloads.json_chunks(document, for_json)
        json_file = stack.enter_context(
            tempfile.TemporaryFile(prefix="portal-dataset-json-")
        )
        with archive.open(f"{name}.csv", "w", force_zip64=True) as member:
            for chunk in downloads.csv_chunks(for_csv, serializer_class):
                member.write(chunk)
                json_file.write(next(json_parts, b""))
        for chunk in json_parts:
            json_file.write(chunk)
        _copy(json_file, archive, f"{name}.json")
        for inner_name, spool in lists.items():
            _copy(spool, archive, f"{inner_name}.csv")


def _with_lists(records, table, tables, lists):
    """The records, as they pass writing each one's list rows to `lists`."""
    for record in records:
        for inner_name, rows in table.rows(record).items():
            for row in rows:
                lists[inner_name].write(datapackage.csv_row(tables[inner_name], row))
        yield record


def _copy(spool, archive, name):
    spool.seek(0)
    with archive.open(name, "w", force_zip64=True) as member:
        while block := spool.read(downloads.WRITE_SIZE):
            member.write(block)


def _readme(address, language):
    return "\n".join(
        [
            "China–Azerbaijan Relations Portal — full dataset",
            "",
            f"Address: {address}",
            f"Made: {timezone.now().isoformat(timespec='seconds')}",
            f"Language of texts and labels: {language} (English where a "
            "translation is missing)",
            "",
            "Every published record, one CSV and one JSON file per kind of record.",
            "Drafts, records in review and records scheduled for later are left out.",
            "DATA-DICTIONARY.md describes every column; the JSON files hold the same",
            "records as the API (/api/v1/). Every list of a record (participants,",
            "partners, citations...) is also a CSV file of its own, one item a row",
            "(events_participants.csv...). datapackage.json describes every CSV file",
            "as a Frictionless Data Package (https://datapackage.org/): types, keys,",
            "codes with their labels, licence and sources.",
            "",
            "Licence: Creative Commons Attribution 4.0 International (CC BY 4.0),",
            "https://creativecommons.org/licenses/by/4.0/",
            "Please cite the portal and the original sources given with each record.",
            "",
        ]
    ).encode()


def _builds(language):
    """(complete, abandoned): the names of the language's builds in storage,
    oldest first; abandoned ones have had no marker for ABANDONED_SECONDS."""
    folder = settings.DATASET_FOLDER
    try:
        _folders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return [], []
    names = set(files)
    zips = sorted(
        name
        for name in files
        if name.startswith(f"{PREFIX}{language}-") and name.endswith(".zip")
    )
    complete = [f"{folder}/{name}" for name in zips if f"{name}.done" in names]
    cutoff = time.time() - ABANDONED_SECONDS
    abandoned = [
        f"{folder}/{name}"
        for name in zips
        if f"{name}.done" not in names
        and default_storage.get_modified_time(f"{folder}/{name}").timestamp() < cutoff
    ]
    return complete, abandoned


def latest(language):
    """The name of the newest complete build of `language`, or None."""
    complete, _abandoned = _builds(language)
    return complete[-1] if complete else None


def _forget_old_builds(language):
    try:
        complete, abandoned = _builds(language)
        for name in complete[:-KEEP]:
            default_storage.delete(f"{name}.done")
            default_storage.delete(name)
        for name in abandoned:
            default_storage.delete(name)
    except Exception as error:  # any storage's own (S3: botocore's)
        logger.warning("Could not delete old builds of the dataset (%s)", error)


# Serving ---------------------------------------------------------------------


@open_data
@reads_query()
def dataset(request):
    """/<lang>/data/portal-dataset.zip: the newest build of the language,
    streamed from storage; never built here."""
    language = get_language()
    # Twice: the newest may be deleted by a new build between listing and opening.
    for _attempt in range(2):
        name = latest(language)
        if name is None:
            break
        try:
            file = default_storage.open(name, "rb")
        except FileNotFoundError:
            continue
        return FileResponse(
            file,
            content_type="application/zip",
            as_attachment=True,
            filename=f"portal-dataset-{language}.zip",
        )
    return HttpResponse(
        _(
            "The full dataset has not been built yet. The site's operators make "
            "it with the command “manage.py build_dataset”; until then every "
            "record is in the lists' downloads and the API."
        )
        + "\n",
        status=404,
        content_type="text/plain; charset=utf-8",
    )


# Built again after a publication ---------------------------------------------


def published_records():
    """How many records the dataset holds, near enough: the published records
    of every kind."""
    return sum(viewset.records().count() for viewset in KINDS.values())


def rebuild_if_small():
    """Builds every language again when the dataset is small enough to build
    while an editor waits (DATASET_REBUILD_MAX_RECORDS); otherwise says so in
    the log. Never fails the request that asked: a failure is logged."""
    limit = settings.DATASET_REBUILD_MAX_RECORDS
    if limit <= 0:
        return
    try:
        count = published_records()
        if count > limit:
            logger.warning(
                "The dataset was not built again after this change: %s published "
                "records are more than DATASET_REBUILD_MAX_RECORDS (%s). Run "
                "`manage.py build_dataset` on a schedule instead.",
                count,
                limit,
            )
            return
        for code, _name in settings.LANGUAGES:
            build(code)
    except Exception:
        logger.exception("Could not build the dataset again after a change")


# The changes of the request being answered, or None outside one.
_changes = contextvars.ContextVar("dataset_changes", default=None)


# Requests of this thread whose answer has yet to be sent before a rebuild.
_after_response = threading.local()


class RebuildAfterChangeMiddleware:
    """Builds the dataset again (rebuild_if_small) after a request that changed
    what it holds, once however many records changed, and once its answer has
    gone out (Django's request_finished, sent when the server closes the
    answer): the editor is not kept waiting, the worker is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return self.get_response(request)
        changes = []
        reset = _changes.set(changes)
        try:
            response = self.get_response(request)
        finally:
            _changes.reset(reset)
        if changes:
            _after_response.pending = True
        return response


def _rebuild_after_response(**kwargs):
    if getattr(_after_response, "pending", False):
        _after_response.pending = False
        rebuild_if_small()


def _changed(using):
    changes = _changes.get()
    if changes is not None:
        # Only once the change is committed: a rolled-back one changed nothing.
        transaction.on_commit(lambda: changes.append(True), using=using)


def _was_published(sender, instance, raw=False, **kwargs):
    # A record leaving "published" changes the dataset as much as one entering.
    if _changes.get() is None or raw or not isinstance(instance, WorkflowModel):
        return
    instance._dataset_was_published = (
        instance.pk is not None
        and instance.status != Status.PUBLISHED
        and sender._base_manager.filter(
            pk=instance.pk, status=Status.PUBLISHED
        ).exists()
    )


def _saved_or_deleted(sender, instance, using, **kwargs):
    if sender not in content_models:
        return
    if isinstance(instance, WorkflowModel) and not (
        instance.status == Status.PUBLISHED
        or getattr(instance, "_dataset_was_published", False)
    ):
        return  # a draft's change: nothing readers see
    _changed(using)


def _relation_changed(sender, action, using, **kwargs):
    if sender in content_models and action.startswith("post_"):
        _changed(using)


content_models = set()


def connect_signals():
    from django.core.signals import request_finished
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

    content_models.update(content.content_models())
    request_finished.connect(_rebuild_after_response, dispatch_uid="dataset.after")
    pre_save.connect(_was_published, dispatch_uid="dataset.before")
    post_save.connect(_saved_or_deleted, dispatch_uid="dataset.saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="dataset.deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="dataset.related")
