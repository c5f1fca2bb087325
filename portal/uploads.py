"""Checks on import files uploaded in the admin (django-import-export).

The portal has no image or document uploads in its models; the only upload
is the import file. Before django-import-export reads it, the upload form
checks its size (IMPORT_MAX_BYTES, default 5 MB), that its name ends with the
chosen format's extension, that an XLSX file really is a zip workbook and
that a CSV file is UTF-8 text. Each failure is a form error, never a 500.
"""

import zipfile

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from import_export.forms import ImportForm

# Extensions accepted for each format title (base_formats.*.get_title()).
EXTENSIONS = {"csv": (".csv",), "xlsx": (".xlsx",)}


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


class CheckedImportForm(ImportForm):
    """django-import-export's upload form with size and type checks."""

    def __init__(self, formats, resources, **kwargs):
        self.import_formats = list(formats)
        super().__init__(formats, resources, **kwargs)
        limit = settings.IMPORT_MAX_BYTES
        self.fields["import_file"].help_text = _(
            "CSV (UTF-8) or XLSX, at most %(size)s."
        ) % {"size": filesizeformat(limit)}

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large (%(size)s); the limit is %(limit)s."),
                code="too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit),
                },
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
        return cleaned
