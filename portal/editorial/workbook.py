"""A records bundle written as a spreadsheet (docs/bundle-format.md, "As a
spreadsheet"): an XLSX workbook with one sheet per kind, or a ZIP of CSV files
named after the sheets, turned into the bundle the JSON form is, so both go
through one import (portal/editorial/bundle.py).

Sheets of records (`events`, `projects`…) have a row per record; sheets of
rows (`participants`, `partners`, `measures`, `milestones`, `offices`,
`observations`) name their record in their first column (`event`, `project`,
`person`, `indicator`); `citations` name the record, and the row of a rows
sheet when a row is cited (`measures 2`: that record's second measure).
"""

import csv
import io
import zipfile

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.bundle import (
    CHILDREN,
    COMMENT_KEY,
    FORMAT,
    SECTION_ALIASES,
    SECTIONS,
    BundleError,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ENGLISH = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# The rows sheets, and the column naming their record.
OWNERS = {
    "participants": ("events", "event"),
    "partners": ("projects", "project"),
    "measures": ("projects", "project"),
    "milestones": ("projects", "project"),
    "offices": ("people", "person"),
    "observations": ("indicators", "indicator"),
}
# Columns holding several slugs, separated by ";".
LISTS = {
    "places",
    "parties",
    "organizations",
    "organisations",
    "events",
    "agreements",
    "replace",
}
# An observation's period: two columns.
PERIOD = ("period_first", "period_last")


def sheets_of(name, data):
    """{sheet name: list of row dicts} from an .xlsx or a .zip of .csv."""
    if name.lower().endswith(".xlsx"):
        return _xlsx(data)
    if name.lower().endswith(".zip"):
        return _zip(data)
    raise BundleError(
        ["A spreadsheet bundle is an .xlsx workbook or a .zip of .csv files."]
    )


def _xlsx(data):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise BundleError([f"The workbook cannot be read: {error}."]) from None
    sheets = {}
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            continue
        names = [str(cell).strip() if cell is not None else "" for cell in header]
        sheets[sheet.title.strip().lower()] = [
            dict(
                zip(names, ["" if cell is None else cell for cell in row], strict=False)
            )
            for row in rows
            if any(cell not in (None, "") for cell in row)
        ]
    return sheets


def _zip(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise BundleError(["The file is not a ZIP archive."]) from None
    sheets = {}
    for info in archive.infolist():
        if (
            not info.filename.lower().endswith(".csv")
            or info.file_size > settings.BUNDLE_MAX_BYTES * 4
        ):
            continue
        text = archive.read(info).decode("utf-8-sig", errors="replace")
        name = info.filename.rsplit("/", 1)[-1][:-4].lower()
        sheets[name] = [
            row
            for row in csv.DictReader(io.StringIO(text))
            if any(v for v in row.values())
        ]
    return sheets


def _clean(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if value not in (None, "") else ""


def _entry(row, skip=()):
    """A sheet row as a bundle entry: `title_en`/`title_az`/`title_zh_hans`
    become a text in three languages, `;` lists become lists, "yes"/"no"
    booleans, empty cells are left out."""
    entry = {}
    texts = {}
    for column, raw in row.items():
        column = (column or "").strip()
        value = _clean(raw)
        if not column or column in skip or value == "":
            continue
        for code in LANGUAGES:
            suffix = "_" + build_localized_fieldname("", code).lstrip("_")
            if column.endswith(suffix):
                texts.setdefault(column[: -len(suffix)], {})[code] = value
                break
        else:
            if column in LISTS:
                entry[column] = [
                    part.strip() for part in value.split(";") if part.strip()
                ]
            elif value.lower() in ("yes", "true"):
                entry[column] = True
            elif value.lower() in ("no", "false"):
                entry[column] = False
            else:
                entry[column] = value
    for name, text in texts.items():
        entry[name] = text if set(text) != {ENGLISH} else text[ENGLISH]
    return entry


def bundle_from_sheets(sheets):
    """The bundle the sheets describe; unknown sheets and rows naming records
    the sheets do not have are errors."""
    errors = []
    known = {name for name, _label in SECTIONS} | set(SECTION_ALIASES)
    unknown = set(sheets) - known - set(OWNERS) - {"citations", COMMENT_KEY}
    if unknown:
        errors.append(
            f"Unknown sheets: {', '.join(sorted(unknown))}. A workbook has "
            f"{', '.join(name for name, _label in SECTIONS)}, "
            f"{', '.join(OWNERS)} and citations."
        )
    bundle = {"format": FORMAT}
    records = {}
    for name, rows in sheets.items():
        section = SECTION_ALIASES.get(name, name)
        if section in dict(SECTIONS):
            entries = [_entry(row) for row in rows]
            bundle.setdefault(section, []).extend(entries)
            for entry in entries:
                if entry.get("slug"):
                    records.setdefault((section, entry["slug"]), entry)
    for sheet, (section, owner) in OWNERS.items():
        for number, row in enumerate(sheets.get(sheet, []), 2):
            slug = _clean(row.get(owner, ""))
            entry = records.get((section, slug))
            if entry is None:
                entry = {"slug": slug}
                records[section, slug] = entry
                bundle.setdefault(section, []).append(entry)
            fields = _entry(row, skip={owner, *PERIOD})
            if sheet == "observations":
                fields["period"] = [
                    _clean(row.get(PERIOD[0])),
                    _clean(row.get(PERIOD[1])),
                ]
            if not slug:
                errors.append(f"{sheet}, row {number}: no {owner}.")
                continue
            entry.setdefault(sheet, []).append(fields)
    for number, row in enumerate(sheets.get("citations", []), 2):
        section = SECTION_ALIASES.get(
            _clean(row.get("section")), _clean(row.get("section"))
        )
        entry = records.get((section, _clean(row.get("record"))))
        if entry is None:
            errors.append(
                f"citations, row {number}: no record “{_clean(row.get('record'))}” "
                f"in the sheet “{section}”."
            )
            continue
        target = entry
        where = _clean(row.get("row"))
        if where:
            sheet, _space, index = where.partition(" ")
            rows = entry.get(sheet, [])
            if (
                sheet not in CHILDREN
                or not index.isdigit()
                or not 0 < int(index) <= len(rows)
            ):
                errors.append(
                    f"citations, row {number}: no row “{where}” of “{entry['slug']}”."
                )
                continue
            target = rows[int(index) - 1]
        target.setdefault("citations", []).append(
            _entry(row, skip={"section", "record", "row"})
        )
    if errors:
        raise BundleError(errors)
    return bundle
