"""Checks on import files uploaded in the admin (django-import-export).

The portal has no image or document uploads in its models; the only upload
is the import file. Before django-import-export reads it, the upload form
checks its size (IMPORT_MAX_BYTES), that its name ends with the chosen format's
extension, that an XLSX file really is a zip workbook (and not one that
unpacks to far more than its size), that a CSV file is UTF-8 text, and that it
holds at most IMPORT_MAX_ROWS rows. Each failure is a form error, never a 500.

The two limits are what one request can check and write well within the
worker's timeout (docs/import-format.md, "Limits", has the measurements).
django-import-export has no limit of its own, and counting its parsed rows
would come too late: the rows are counted here with the csv module and
openpyxl's streaming reader, stopping at the first row past the limit.
"""

import csv
import io
import zipfile

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.forms import ImportForm
from openpyxl import load_workbook

# Extensions accepted for each format title (base_formats.*.get_title()).
EXTENSIONS = {"csv": (".csv",), "xlsx": (".xlsx",)}
# An XLSX file is a zip archive of XML, which packs text about ten times; one
# that unpacks to more than this many times IMPORT_MAX_BYTES is not a sheet of
# records but a way to make the server read gigabytes.
XLSX_UNPACKED_RATIO = 20
# Rows of a sheet read while counting, empty ones included: a sheet formatted
# far below its data has empty rows that cost reading too.
SCANNED_ROWS_RATIO = 20


def limits_message(problem):
    """`problem`, then what the limits are (IMPORT_MAX_ROWS, IMPORT_MAX_BYTES)."""
    return gettext(
        "%(problem)s An import takes at most %(rows)s rows and %(size)s, what the "
        "server can check and write in one go: split the file into smaller ones."
    ) % {
        "problem": problem,
        "rows": settings.IMPORT_MAX_ROWS,
        "size": filesizeformat(settings.IMPORT_MAX_BYTES),
    }


def too_many_rows_message():
    return limits_message(
        ngettext(
            "The file has more than %(rows)s row.",
            "The file has more than %(rows)s rows.",
            settings.IMPORT_MAX_ROWS,
        )
        % {"rows": settings.IMPORT_MAX_ROWS}
    )


def _filled(values):
    return any(value is not None and str(value).strip() for value in values)


def count_rows(content, title, stop_after=None):
    """The data rows of an import file (bytes; `title` "csv" or "xlsx"): rows
    with something in them, after the header row, as the import reads them.
    Counting stops past `stop_after` filled rows, or past SCANNED_ROWS_RATIO
    times as many rows in all, and then returns that count (more than enough to
    refuse the file)."""
    stop_after = settings.IMPORT_MAX_ROWS if stop_after is None else stop_after
    if title == "xlsx":
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            rows = book.active.iter_rows(values_only=True)
            return _count(rows, stop_after)
        finally:
            book.close()
    text = content.decode("utf-8-sig")
    return _count(csv.reader(io.StringIO(text, newline="")), stop_after)


def _count(rows, stop_after):
    scan_limit = max(SCANNED_ROWS_RATIO * stop_after, 1000)
    filled = 0
    for scanned, values in enumerate(rows):
        if scanned == 0:
            continue  # the header row
        if _filled(values):
            filled += 1
        if filled > stop_after or scanned > scan_limit:
            return max(filled, stop_after + 1)
    return filled


def _format_title(format_class):
    return format_class().get_title().lower()


def _is_utf8_text(upload):
    upload.seek(0)
    decoder_input = upload.read()
    upload.seek(0)
    if b"\x00" in decoder_input:
        return False
    try:
        decoder_input.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_xlsx(upload):
    upload.seek(0)
    try:
        if not zipfile.is_zipfile(upload):
            return False
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(
        name.startswith("xl/") for name in names
    )


def _unpacked_size(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return sum(member.file_size for member in archive.infolist())
    finally:
        upload.seek(0)


class CheckedImportForm(ImportForm):
    """django-import-export's upload form with size and type checks."""

    def __init__(self, formats, resources, **kwargs):
        self.import_formats = list(formats)
        super().__init__(formats, resources, **kwargs)
        limit = settings.IMPORT_MAX_BYTES
        self.fields["import_file"].help_text = _(
            "CSV (UTF-8) or XLSX, at most %(rows)s rows and %(size)s."
        ) % {"rows": settings.IMPORT_MAX_ROWS, "size": filesizeformat(limit)}

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                limits_message(
                    gettext("The file is too large (%(size)s).")
                    % {"size": filesizeformat(upload.size)}
                ),
                code="too_large",
            )
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."), code="empty")
        return upload

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("import_file")
        choice = cleaned.get("format")
        if upload is None or choice in (None, ""):
            return cleaned
        try:
            title = _format_title(self.import_formats[int(choice)])
        except (ValueError, IndexError):
            return cleaned  # the format field reports the bad choice itself
        name = (upload.name or "").lower()
        extensions = EXTENSIONS.get(title, ())
        if extensions and not name.endswith(extensions):
            self.add_error(
                "import_file",
                forms.ValidationError(
                    _(
                        "The file name must end in %(extension)s for the %(format)s "
                        "format."
                    ),
                    code="wrong_extension",
                    params={"extension": extensions[0], "format": title.upper()},
                ),
            )
        elif title == "xlsx" and not _is_xlsx(upload):
            self.add_error(
                "import_file",
                forms.ValidationError(
                    _(
                        "This is not an Excel workbook (XLSX). Save the sheet as "
                        "XLSX, or choose CSV."
                    ),
                    code="not_xlsx",
                ),
            )
        elif title == "xlsx" and _unpacked_size(upload) > self.unpacked_limit():
            self.add_error(
                "import_file",
                forms.ValidationError(
                    limits_message(
                        gettext(
                            "The workbook unpacks to more than %(size)s, far more "
                            "than a sheet of records."
                        )
                        % {"size": filesizeformat(self.unpacked_limit())}
                    ),
                    code="too_large",
                ),
            )
        elif title == "csv" and not _is_utf8_text(upload):
            self.add_error(
                "import_file",
                forms.ValidationError(
                    _(
                        "This is not a UTF-8 text file. Save the sheet as "
                        '"CSV UTF-8", or choose XLSX.'
                    ),
                    code="not_utf8",
                ),
            )
        else:
            self.check_rows(upload, title)
        return cleaned

    def unpacked_limit(self):
        return XLSX_UNPACKED_RATIO * settings.IMPORT_MAX_BYTES

    def check_rows(self, upload, title):
        """Refuses a file of more than IMPORT_MAX_ROWS rows, counted before
        django-import-export parses it (a file it cannot read at all is left to
        its own message)."""
        upload.seek(0)
        content = upload.read()
        upload.seek(0)
        try:
            rows = count_rows(content, title)
        except Exception:
            # A file the csv module or openpyxl cannot read (openpyxl raises
            # many kinds of error) is refused by django-import-export's own
            # reading, with its message.
            return
        if rows > settings.IMPORT_MAX_ROWS:
            self.add_error(
                "import_file",
                forms.ValidationError(too_many_rows_message(), code="too_many_rows"),
            )
