"""The admin import upload: size limit and type checks give form errors, never
a 500 (portal/core/uploads.py). The portal's models have no image or file fields, so
the import file is the only upload."""

import io
import zipfile
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from openpyxl import Workbook

from events.models import Event

GOOD_CSV = (
    b"slug,title_en,summary_en,kind,date,place\ntalks,Talks,Talks held.,talks,2025,\n"
)
HOSTILE_NAME = '"><img src=x onerror=alert(1)><script>alert(1)</script>.csv'


def post(client, content, name, file_format):
    url = reverse("admin:events_event_import")
    data = {
        "resource": "0",
        "format": file_format,  # 0 is CSV, 1 is XLSX (IMPORT_EXPORT_FORMATS)
        "import_file": SimpleUploadedFile(name, content),
    }
    return client.post(url, data)


def file_errors(response):
    assert response.status_code == 200
    return [str(e) for e in response.context["form"].errors.get("import_file", [])]


def xlsx_bytes():
    book = Workbook()
    book.active.append(["slug", "title_en", "summary_en", "kind", "date", "place"])
    book.active.append(["talks", "Talks", "Talks held.", "talks", "2025", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_no_model_has_an_image_or_file_field():
    for model in apps.get_models():
        if model._meta.app_label in {"portal", "events", "projects"}:
            for field in model._meta.get_fields():
                assert not isinstance(field, models.FileField), (model, field)


@pytest.mark.django_db
def test_too_large_a_file_is_refused(editor_client, settings):
    settings.IMPORT_MAX_BYTES = 100
    errors = file_errors(post(editor_client, GOOD_CSV + b"x" * 200, "e.csv", "0"))
    assert any("too large" in e and "100" in e for e in errors), errors


@pytest.mark.django_db
def test_the_limits_read_the_environment(monkeypatch):
    import importlib

    import portal.settings as portal_settings

    monkeypatch.setenv("IMPORT_MAX_BYTES", "1234")
    monkeypatch.setenv("IMPORT_MAX_ROWS", "12")
    try:
        reloaded = importlib.reload(portal_settings)
        assert (reloaded.IMPORT_MAX_BYTES, reloaded.IMPORT_MAX_ROWS) == (1234, 12)
        monkeypatch.delenv("IMPORT_MAX_BYTES")
        monkeypatch.delenv("IMPORT_MAX_ROWS")
        reloaded = importlib.reload(portal_settings)
        assert (reloaded.IMPORT_MAX_BYTES, reloaded.IMPORT_MAX_ROWS) == (
            1024 * 1024,
            300,
        )
    finally:
        importlib.reload(portal_settings)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name", "file_format", "expected"),
    [
        (GOOD_CSV, "events.xlsx", "0", "must end in .csv"),
        (GOOD_CSV, "events.csv", "1", "must end in .xlsx"),
        (GOOD_CSV, "events.xlsx", "1", "not an Excel workbook"),
        (b"PK\x03\x04 not really a zip", "events.xlsx", "1", "not an Excel workbook"),
        (b"slug,title_en\n\xff\xfe\xe9t\xe9\n", "events.csv", "0", "not a UTF-8"),
        (b"\x00\x01\x02binary", "events.csv", "0", "not a UTF-8"),
        (b"", "events.csv", "0", "empty"),
    ],
)
def test_wrong_types_are_refused_with_a_clear_error(
    editor_client, content, name, file_format, expected
):
    errors = file_errors(post(editor_client, content, name, file_format))
    assert any(expected in e for e in errors), errors


@pytest.mark.django_db
def test_a_zip_that_is_not_a_workbook_is_refused(editor_client):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    errors = file_errors(post(editor_client, out.getvalue(), "events.xlsx", "1"))
    assert any("not an Excel workbook" in e for e in errors), errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "name", "file_format"),
    [(GOOD_CSV, "events.csv", "0"), (GOOD_CSV, "EVENTS.CSV", "0")],
)
def test_good_csv_passes_the_checks(editor_client, content, name, file_format):
    response = post(editor_client, content, name, file_format)
    assert response.status_code == 200
    assert "import_file" not in response.context["form"].errors


@pytest.mark.django_db
def test_good_xlsx_passes_the_checks(editor_client):
    response = post(editor_client, xlsx_bytes(), "events.xlsx", "1")
    assert response.status_code == 200
    assert "import_file" not in response.context["form"].errors


class Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.bad.append((tag, name, value))
        if tag == "img":
            self.bad.append((tag, attrs))


@pytest.mark.django_db
@pytest.mark.parametrize("content", [GOOD_CSV, b"\xff\xfe"])
def test_a_hostile_file_name_reaches_the_page_escaped(editor_client, content):
    response = post(editor_client, content, HOSTILE_NAME, "0")
    assert response.status_code == 200
    parser = Scripts()
    parser.feed(response.content.decode())
    assert parser.bad == []
    assert Event.objects.count() == 0
