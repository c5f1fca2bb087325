"""The records bundle: a whole research dataset — records with their
translations, citations, participants, partners, measures, milestones, offices
and observations — in one JSON document (docs/bundle-format.md), imported and
exported whole.

Written here rather than with django-import-export (which the admin's
per-kind spreadsheets use, portal/core/resources.py): that library imports one
flat table of one model at a time, while a bundle is a tree of records that
refer to each other by slug, whose own rows (a project's measures, each with
its citations) must be written with the record, in its revision, all or
nothing.

The import is idempotent (a row that matches is saved only when a value
differs), never deletes a row an editor added unless the record says
`"replace": ["partners"]`, gives each record one revision of its own, and runs
in one transaction: a bundle with any error writes nothing. `plan()` runs it and
rolls back, which is the preview.
"""

import difflib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import reversion
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from portal.core import workflow
from portal.core.dates import PartialDate, Period, Precision
from portal.core.models import Citation, Status
from portal.core.resources import may_add, may_update

FORMAT = "china-azerbaijan-portal/records-1"
ENGLISH = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGES = [code for code, _name in settings.LANGUAGES]
COMMENT_KEY = "//"
COMMENT = "Imported from a records bundle"

# The sections of a bundle, in the order they load: a record may refer to
# records of its own section that come before it, of earlier sections, or
# already in the database. Sources come after organisations (a publisher) and
# organisations cite sources: citations are written after every record.
SECTIONS = (
    # Vocabularies editors extend in the admin, where the portal has them.
    ("sectors", "projects.Sector"),
    ("units", "projects.Unit"),
    ("measure_kinds", "projects.MeasureKind"),
    ("places", "portal.Place"),
    ("organisations", "portal.Organization"),
    ("sources", "portal.Source"),
    ("people", "portal.Person"),
    ("events", "events.Event"),
    ("agreements", "events.Agreement"),
    ("projects", "projects.Project"),
    ("indicators", "portal.Indicator"),
)
# A section's old name (portal/seed/source.json holds one source).
SECTION_ALIASES = {"source": "sources", "organizations": "organisations"}
# British spellings accepted for the models' field names.
KEY_ALIASES = {"organisation": "organization", "organisations": "organizations"}

# The rows a record owns, by the key that lists them: the model, its field
# pointing at the record, and the fields that identify a row among the
# record's (a re-import finds the same row by them, so it updates it rather
# than adding another). Models another layer has not got yet are skipped.
CHILDREN = {
    "participants": ("events.Participation", "event", ("person",)),
    "partners": ("projects.Partner", "project", ("organization", "role")),
    "milestones": ("projects.Milestone", "project", ("title",)),
    "measures": (
        "projects.Measure",
        "project",
        ("kind", "unit", "currency", "value", "value_high", "as_of"),
    ),
    "offices": ("portal.Office", "person", ("title", "organization")),
    "observations": (
        "portal.Observation",
        "indicator",
        ("period_start", "period_end", "reported_by", "side"),
    ),
}
# Fields the bundle never writes: bookkeeping, search columns and the record's
# place in the workflow, which only `status` (below) sets.
SKIPPED = {
    "id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "submitted_by",
    "submitted_at",
    "version",
    "published_at",
    "status",
}
# Vocabularies are named by their slug like records.
SLUGGED = "slug"


class BundleError(Exception):
    """A bundle that cannot be imported; `errors` lists why, each a sentence
    naming the section, the record and the key."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class RecordReport:
    section: str
    slug: str
    action: str = "unchanged"  # created, updated, unchanged, skipped, merged
    fields: list = field(default_factory=list)
    rows: Counter = field(default_factory=Counter)
    duplicates: list = field(default_factory=list)
    merged_into: str = ""

    @property
    def row_changes(self):
        """(what, how many), for templates (a Counter's .items would be
        looked up as a key there)."""
        return sorted(self.rows.items())

    @property
    def changed(self):
        return self.action in ("created", "updated", "merged") or bool(self.rows)


@dataclass
class Report:
    records: list = field(default_factory=list)

    @property
    def counts(self):
        counts = Counter(record.action for record in self.records)
        counts["updated"] += sum(
            1 for record in self.records if record.action == "unchanged" and record.rows
        )
        counts["unchanged"] -= sum(
            1 for record in self.records if record.action == "unchanged" and record.rows
        )
        return +counts  # without the zeros

    @property
    def duplicates(self):
        return [record for record in self.records if record.duplicates]

    def summary(self):
        counts = self.counts
        parts = [f"{counts['created']} created", f"{counts['updated']} updated"]
        parts += [f"{counts[n]} {n}" for n in ("merged", "skipped") if counts[n]]
        return ", ".join([*parts, f"{counts['unchanged']} unchanged"]) + "."


def model_of(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def translated_fields(model):
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def read(text):
    """The bundle in `text` (JSON), or BundleError."""
    try:
        bundle = json.loads(text)
    except ValueError as error:
        raise BundleError([f"The file is not JSON: {error}."]) from None
    if not isinstance(bundle, dict):
        raise BundleError(["A bundle is a JSON object of sections (docs)."])
    return bundle


def sections(bundle):
    """(section name, model, records) of the bundle in load order; unknown
    sections are errors."""
    errors = []
    given = {}
    for key, value in bundle.items():
        if key in ("format", COMMENT_KEY):
            continue
        name = SECTION_ALIASES.get(key, key)
        if name not in dict(SECTIONS) or model_of(dict(SECTIONS)[name]) is None:
            errors.append(
                f"Unknown section “{key}”: a bundle has "
                f"{', '.join(name for name, _label in SECTIONS)}."
            )
            continue
        records = value if isinstance(value, list) else [value]
        if not all(isinstance(record, dict) for record in records):
            errors.append(f"{name}: each record is a JSON object.")
            continue
        given.setdefault(name, []).extend(records)
    if bundle.get("format", FORMAT) != FORMAT:
        errors.append(f"This importer reads the format “{FORMAT}”.")
    if errors:
        raise BundleError(errors)
    return [
        (name, apps.get_model(label), given.get(name, []))
        for name, label in SECTIONS
        if name in given
    ]


class Importer:
    """Imports one bundle. `status` is what new records (and records the
    bundle names without one) become: draft by default; `published` only for
    someone allowed to publish (the caller checks). `decisions` answers the
    duplicates: {slug: "create" | "skip" | "merge:<existing slug>"}."""

    def __init__(
        self, bundle, *, status=Status.DRAFT, user=None, decisions=None, statuses=True
    ):
        self.bundle = bundle
        self.status = status
        self.user = user
        # Whether a record's own "status" counts (staff at the shell, the
        # seed); an import in the admin sets every status through `status`.
        self.statuses = statuses
        self.decisions = dict(decisions or {})
        self.errors = []
        self.report = Report()
        # (model, slug) -> pk of records the bundle wrote or refers to.
        self.known = {}
        self.written = []  # (report, record, entry) in load order

    # ---- entry points ----------------------------------------------------

    def run(self):
        """Writes the bundle, all or nothing: the Report, or BundleError."""
        with transaction.atomic(), translation.override(ENGLISH):
            self._load()
            if self.errors:
                raise BundleError(self.errors)
            undecided = [
                record
                for record in self.report.duplicates
                if record.slug not in self.decisions
            ]
            if undecided:
                raise BundleError(
                    [
                        f"{record.section} “{record.slug}” looks like "
                        f"{', '.join(record.duplicates)}: say whether to merge it "
                        "into one of them, skip it or create it."
                        for record in undecided
                    ]
                )
        return self.report

    def plan(self):
        """What run() would do, written nothing: the Report (duplicates
        listed), or BundleError."""
        try:
            with transaction.atomic(), translation.override(ENGLISH):
                self._load()
                if self.errors:
                    raise BundleError(self.errors)
                transaction.set_rollback(True)
        finally:
            self.known.clear()
        return self.report

    # ---- loading ---------------------------------------------------------

    def _load(self):
        parts = sections(self.bundle)
        self._check_slugs(parts)
        if self.errors:
            return
        for name, model, records in parts:
            for entry in records:
                self._record(name, model, entry)
        # Citations last: organisations cite sources, which name publishers.
        for report, record, entry in self.written:
            if report.action == "skipped" or record is None:
                continue
            before = sum(report.rows.values())
            with reversion.create_revision():
                reversion.set_comment(COMMENT)
                if self.user is not None and self.user.pk:
                    reversion.set_user(self.user)
                self._citations(report, record, entry.get("citations", []))
                for key, rows in self._child_rows.get(id(entry), ()):
                    for row, saved in rows:
                        self._citations(
                            report, saved, row.get("citations", []), key=key
                        )
                if report.changed or sum(report.rows.values()) != before:
                    reversion.add_to_revision(record)
            if (
                report.rows
                and report.action == "unchanged"
                and _has(type(record), "updated_at")
            ):
                # Only its own rows changed (a citation, a participant): the
                # record has changed for readers and harvesters all the same
                # (`?updated_since=`, docs/api.md). update(): its fields are
                # as they were, and the rows' own saves sent the signals.
                type(record).objects.filter(pk=record.pk).update(
                    updated_at=timezone.now()
                )
            if getattr(record, "status", None) == Status.PUBLISHED and cites(
                type(record)
            ):
                self._check_sourced(report, record)

    _child_rows = None

    def _check_slugs(self, parts):
        self._child_rows = {}
        for name, _model, records in parts:
            seen = {}
            for number, entry in enumerate(records, 1):
                slug = entry.get("slug")
                if not slug or not isinstance(slug, str):
                    self.errors.append(f"{name}, record {number}: no slug.")
                    continue
                if slug in seen:
                    self.errors.append(
                        f"{name}: the slug “{slug}” is given twice (records "
                        f"{seen[slug]} and {number}); a slug names one record."
                    )
                seen.setdefault(slug, number)

    def _where(self, section, entry, key=None):
        where = f"{section} “{entry.get('slug', '?')}”"
        return f"{where}, {key}" if key else where

    def _record(self, section, model, entry):
        slug = entry["slug"]
        report = RecordReport(section, slug)
        self.report.records.append(report)
        existing = model.objects.filter(slug=slug).first()
        decision = self.decisions.get(slug, "")
        if existing is None:
            # "distinct_from": the editor's answer, kept in the file, that a
            # record only looks like these.
            distinct = set(entry.get("distinct_from") or ())
            report.duplicates = [
                slug for slug in self._duplicates(model, entry) if slug not in distinct
            ]
        if decision == "skip":
            report.action = "skipped"
            self.written.append((report, None, entry))
            return
        if decision.startswith("merge:"):
            target = decision.split(":", 1)[1]
            existing = model.objects.filter(slug=target).first()
            if existing is None:
                self.errors.append(
                    f"{self._where(section, entry)}: there is no record “{target}” "
                    "to merge it into."
                )
                return
            report.merged_into = target
            report.duplicates = []
        values, m2m, rows = self._values(section, model, entry)
        if any(error.startswith(self._where(section, entry)) for error in self.errors):
            return
        record = existing or model()
        changed = []
        for name, value in values.items():
            if name == "slug" and existing is not None:
                continue
            if existing is None or getattr(record, name) != value:
                setattr(record, name, value)
                changed.append(name)
        if self.user is not None and not self._allowed(model, existing):
            self.errors.append(
                f"{self._where(section, entry)}: you may not "
                f"{'change' if existing else 'add'} this record."
            )
            return
        given = entry.get("status") if self.statuses else None
        status = given or (None if existing else self.status)
        if not _has(model, "status"):
            status = None
        if status and record.status != status:
            record.status = status
            changed.append("status")
        if existing is None:
            record.slug = slug
            report.action = "created"
        elif report.merged_into:
            report.action = "merged"
        elif changed:
            report.action = "updated"
        report.fields = [name for name in changed if name != "slug"]
        if existing is None or changed:
            if self.user is not None and self.user.pk:
                if existing is None and hasattr(record, "created_by_id"):
                    record.created_by = self.user
                if hasattr(record, "updated_by_id"):
                    record.updated_by = self.user
            try:
                record.full_clean(validate_constraints=False, validate_unique=False)
                record.save()
            except ValidationError as error:
                self._invalid(section, entry, error)
                return
        for name, ids in m2m.items():
            related = getattr(record, name)
            if set(related.values_list("pk", flat=True)) != ids:
                related.add(*ids) if entry.get(
                    "replace"
                ) is None or name not in entry.get("replace", ()) else related.set(ids)
                report.rows[name] += 1
        self.known[model, slug] = record.pk
        saved_rows = []
        for key, child_rows in rows:
            saved_rows.append(
                (key, self._children(section, entry, report, record, key, child_rows))
            )
        self._child_rows[id(entry)] = saved_rows
        self.written.append((report, record, entry))

    def _allowed(self, model, existing):
        allowed = (
            may_update(self.user, existing) if existing else may_add(self.user, model())
        )
        if allowed and existing is None and self.status == Status.PUBLISHED:
            opts = model._meta
            allowed = not _has(model, "status") or self.user.has_perm(
                f"{opts.app_label}.publish_{opts.model_name}"
            )
        return allowed

    def _invalid(self, section, entry, error):
        for name, messages in error.message_dict.items():
            for message in messages:
                self.errors.append(
                    f"{self._where(section, entry, name)}: {message}"
                    if name != "__all__"
                    else f"{self._where(section, entry)}: {message}"
                )

    # ---- values ----------------------------------------------------------

    def _values(self, section, model, entry, *, owner=None):
        """The model field values of one entry, its many-to-many ids and its
        own rows; problems go to self.errors."""
        values, m2m, rows = {}, {}, []
        translated = translated_fields(model)
        partial = set(getattr(model, "partial_dates", ()))
        where = lambda key=None: self._where(section, entry, key)  # noqa: E731
        for raw_key, value in entry.items():
            key = KEY_ALIASES.get(raw_key, raw_key)
            if key in (
                COMMENT_KEY,
                "citations",
                "replace",
                "status",
                "slug",
                "distinct_from",
            ):
                if key == "status" and value not in Status.values:
                    self.errors.append(
                        f"{where(key)}: “{value}” is not a status "
                        f"({', '.join(Status.values)})."
                    )
                continue
            if owner is None and key in CHILDREN:
                label = CHILDREN[key][0]
                child_model = model_of(label)
                if child_model is None:
                    self.errors.append(f"{where(key)}: this portal holds no {key}.")
                elif not isinstance(value, list):
                    self.errors.append(f"{where(key)}: a list of rows.")
                else:
                    rows.append((key, value))
                continue
            if key == "period" and owner is not None:
                values.update(self._period(where(key), value))
                continue
            if key == "publisher" and model._meta.label == "portal.Source":
                values.update(self._publisher(where(key), value))
                continue
            try:
                model_field = model._meta.get_field(key)
            except FieldDoesNotExist:
                model_field = None
            if (
                model_field is None
                or key in SKIPPED
                or (not model_field.concrete and not model_field.many_to_many)
            ):
                self.errors.append(f"{where(raw_key)}: unknown key.")
                continue
            try:
                if key in partial:
                    values.update(self._partial(key, value))
                elif key in translated and not model_field.is_relation:
                    values.update(self._texts(key, value))
                elif model_field.many_to_many:
                    if not model_field.remote_field.through._meta.auto_created:
                        raise ValueError("listed as rows of their own, not here.")
                    m2m[key] = {
                        self._ref(model_field.related_model, slug) for slug in value
                    }
                elif model_field.many_to_one:
                    values[model_field.attname] = (
                        self._ref(model_field.related_model, value)
                        if value not in (None, "")
                        else None
                    )
                else:
                    values[key] = self._plain(model_field, value)
            except (ValueError, ValidationError, LookupError) as error:
                message = error.messages[0] if hasattr(error, "messages") else error
                self.errors.append(f"{where(raw_key)}: {message}")
        return values, m2m, rows

    def _texts(self, name, value):
        if isinstance(value, str):
            return {name: value}
        if not isinstance(value, dict) or set(value) - set(LANGUAGES):
            raise ValueError(
                f"a text is a string (English) or {{{', '.join(LANGUAGES)}}}."
            )
        return {
            name if code == ENGLISH else build_localized_fieldname(name, code): text
            for code, text in value.items()
        }

    def _partial(self, name, value):
        date = PartialDate.parse(value) if value else None
        return {
            name: date and date.value,
            f"{name}_precision": date.precision if date else Precision.DAY,
            f"{name}_approximate": bool(date and date.approximate),
        }

    def _period(self, where, value):
        if not isinstance(value, list) or len(value) != 2:
            self.errors.append(f"{where}: a period is [first, last].")
            return {}
        try:
            period = Period.parse(*value)
        except ValueError as error:
            self.errors.append(f"{where}: {error}")
            return {}
        return {
            "period_start": period.start,
            "period_end": period.end,
            "period_precision": period.precision,
        }

    def _publisher(self, where, value):
        """An organisation's slug, or a name when the portal has no record of
        the publisher."""
        from portal.core.models import Organization, Source

        if not value:
            return {"publisher_id": None}
        pk = self._find(Organization, value)
        if pk is not None:
            return {"publisher_id": pk, **self._if_field(Source, "publisher_name", "")}
        if not self._if_field(Source, "publisher_name", ""):
            self.errors.append(f"{where}: no organisation “{value}”.")
            return {}
        return {"publisher_id": None, "publisher_name": value}

    @staticmethod
    def _if_field(model, name, value):
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            return {}
        return {name: value}

    def _plain(self, model_field, value):
        if isinstance(model_field, models.DecimalField) and value not in (None, ""):
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                raise ValueError(f"“{value}” is not a number.") from None
        if value is None and not model_field.null:
            value = "" if isinstance(model_field, models.CharField) else value
        value = model_field.to_python(value)
        if model_field.choices and value not in ("", None):
            allowed = [str(choice) for choice, _label in model_field.flatchoices]
            if str(value) not in allowed:
                raise ValueError(f"“{value}” is not one of {', '.join(allowed)}.")
        return value

    def _find(self, model, slug):
        if (model, slug) in self.known:
            return self.known[model, slug]
        try:
            model._meta.get_field(SLUGGED)
        except FieldDoesNotExist:
            return None
        pk = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
        if pk is not None:
            self.known[model, slug] = pk
        return pk

    def _ref(self, model, slug):
        if not isinstance(slug, str):
            raise ValueError(f"refer to a {model._meta.verbose_name} by its slug.")
        pk = self._find(model, slug)
        if pk is None:
            raise LookupError(
                f"no {model._meta.verbose_name} “{slug}” in the bundle before "
                "this record or in the portal."
            )
        return pk

    # ---- rows ------------------------------------------------------------

    def _children(self, section, entry, report, record, key, rows):
        label, owner_field, identity = CHILDREN[key]
        model = apps.get_model(label)
        replace = key in (entry.get("replace") or ())
        saved = []
        kept = set()
        seen = {}
        for position, row in enumerate(rows):
            if not isinstance(row, dict):
                self.errors.append(
                    f"{self._where(section, entry, key)}: a row is an object."
                )
                continue
            values, _m2m, _rows = self._values(
                f"{section} “{entry['slug']}”, {key}", model, row, owner=record
            )
            lookup = {owner_field: record}
            for name in identity:
                try:
                    model_field = model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                attname = model_field.attname
                if attname in values:
                    lookup[attname] = values.pop(attname)
                elif name in values:
                    lookup[name] = values.pop(name)
                else:
                    # Not given: the row's is empty, not "any".
                    lookup[attname] = None if model_field.null else ""
                    if model_field.null is False and not isinstance(
                        model_field, models.CharField
                    ):
                        lookup[attname] = model_field.get_default()
            same = tuple(sorted(lookup.items(), key=lambda item: item[0]))
            if same in seen:
                self.errors.append(
                    f"{self._where(section, entry, key)}: rows {seen[same]} and "
                    f"{position + 1} are the same row (the same "
                    f"{', '.join(identity)}); give one row with both citations."
                )
                continue
            seen[same] = position + 1
            obj = model.objects.filter(**lookup).first()
            if obj is None and key == "observations":
                # A value the portal holds without its reporting party is the
                # same value, now said who reports it (the seed before issue 17).
                unstated = {
                    name: value
                    for name, value in lookup.items()
                    if name not in ("reported_by_id", "side")
                }
                obj = model.objects.filter(
                    **unstated, reported_by_id=None, side=""
                ).first()
                if obj is not None:
                    values.update(
                        (name, lookup[name])
                        for name in ("reported_by_id", "side")
                        if name in lookup
                    )
            if obj is None:
                # The file's order for a new row; an existing row keeps the
                # order an editor (or another file) gave it.
                if "position" in {f.name for f in model._meta.fields}:
                    values.setdefault("position", position)
                obj = model(**lookup, **values)
                state = "added"
            else:
                changed = [n for n, v in values.items() if getattr(obj, n) != v]
                for name in changed:
                    setattr(obj, name, values[name])
                state = "changed" if changed else ""
            if state:
                try:
                    obj.full_clean(validate_constraints=False, validate_unique=False)
                    obj.save()
                except ValidationError as error:
                    self._invalid(f"{section} “{entry['slug']}”, {key}", row, error)
                    continue
                report.rows[f"{key} {state}"] += 1
            kept.add(obj.pk)
            saved.append((row, obj))
        if replace:
            gone = model.objects.filter(**{owner_field: record}).exclude(pk__in=kept)
            count = gone.count()
            if count:
                gone.delete()
                report.rows[f"{key} removed"] += count
        return saved

    def _citations(self, report, obj, citations, key=None):
        from portal.core.models import Source

        content_type = ContentType.objects.get_for_model(obj)
        if citations and not cites(type(obj)):
            self.errors.append(
                f"{report.section} “{report.slug}”: "
                f"{type(obj)._meta.verbose_name_plural} carry no citations."
            )
            return
        for position, cited in enumerate(citations):
            where = f"{report.section} “{report.slug}”" + (f", {key}" if key else "")
            if not isinstance(cited, dict) or not cited.get("source"):
                self.errors.append(
                    f'{where}: a citation is {{"source": slug, "quote": …, '
                    '"locator": …}.'
                )
                continue
            try:
                source = self._ref(Source, cited["source"])
            except (LookupError, ValueError) as error:
                self.errors.append(f"{where}, citations: {error}")
                continue
            unknown = set(cited) - {"source", "quote", "locator", COMMENT_KEY}
            if unknown:
                self.errors.append(
                    f"{where}, citations: unknown keys {', '.join(sorted(unknown))}."
                )
                continue
            lookup = {
                "source_id": source,
                "content_type": content_type,
                "object_id": obj.pk,
                "quote": cited.get("quote", ""),
            }
            values = {
                "position": position,
                **self._texts("locator", cited.get("locator", "")),
            }
            citation = Citation.objects.filter(**lookup).first()
            if citation is None:
                Citation.objects.create(**lookup, **values)
                report.rows["citations added"] += 1
            elif any(getattr(citation, n) != v for n, v in values.items()):
                for name, value in values.items():
                    setattr(citation, name, value)
                citation.save()
                report.rows["citations changed"] += 1

    def _check_sourced(self, report, record):
        """A record to publish has a citation with a quote, and so has each of
        the rows it shows as facts of their own (measures, observations): the
        workflow's rule (portal/core/workflow.py), as every path to publishing
        applies it."""
        for problem in workflow.unsourced(record):
            self.errors.append(f"{report.section} “{report.slug}”: {problem}")

    # ---- duplicates ------------------------------------------------------

    def _duplicates(self, model, entry):
        """Records that were in the portal before this import and look like
        the new `entry`: the same kind of record with a similar title or name
        in the same language, and for dated records an overlapping date (a
        year overlaps each of its months and days) and, for a weaker match,
        the same place. Slugs, for the editor to decide."""
        name_field = next((n for n in ("title", "name") if _has(model, n)), None)
        if name_field is None:
            return []
        wanted = self._texts(name_field, entry.get(name_field) or "")
        columns = {
            code: name_field
            if code == ENGLISH
            else build_localized_fieldname(name_field, code)
            for code in LANGUAGES
        }
        titles = {
            code: (wanted.get(column) or "").casefold()
            for code, column in columns.items()
            if wanted.get(column)
        }
        if not titles:
            return []
        new = {pk for (m, _slug), pk in self.known.items() if m is model}
        candidates = model.objects.exclude(pk__in=new)
        date_field = next(
            (n for n in getattr(model, "partial_dates", ()) if entry.get(n)), None
        )
        period = None
        if date_field:
            try:
                date = PartialDate.parse(entry[date_field])
            except ValueError:
                return []
            period = (date.value, date.last_day)
            candidates = candidates.filter(
                **{
                    f"{date_field}__lte": period[1],
                    f"{date_field}__gte": period[0].replace(month=1, day=1),
                }
            )
        found = []
        for candidate in candidates[:5000]:
            score = max(
                (
                    difflib.SequenceMatcher(
                        None,
                        title,
                        (getattr(candidate, columns[code]) or "").casefold(),
                    ).ratio()
                    for code, title in titles.items()
                    if getattr(candidate, columns[code], "")
                ),
                default=0,
            )
            if period is None:
                alike = score >= 0.85
            else:
                other = candidate.partial_date(date_field)
                overlap = other.value <= period[1] and period[0] <= other.last_day
                alike = overlap and (
                    score >= 0.6 or (_same_place(candidate, entry) and score >= 0.4)
                )
            if alike:
                found.append(candidate.slug)
        return found


def cites(model):
    """Whether records of `model` carry citations of their own."""
    return any(
        isinstance(f, GenericRelation) and f.related_model is Citation
        for f in model._meta.private_fields
    )


def _has(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _same_place(candidate, entry):
    place = getattr(candidate, "place", None)
    return (
        bool(entry.get("place")) and place is not None and place.slug == entry["place"]
    )


# ---- export ----------------------------------------------------------------


def localized_names(model):
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    return {f.name for fields in options.all_fields.values() for f in fields}


def _exported_fields(model, skip=()):
    partial = set(getattr(model, "partial_dates", ()))
    companions = {
        f"{name}_{part}" for name in partial for part in ("precision", "approximate")
    }
    hidden = (
        SKIPPED | localized_names(model) | companions | set(skip) | {"slug", "position"}
    )
    if model._meta.label == "portal.Observation":
        hidden |= {"period_start", "period_end", "period_precision"}
    return [f for f in model._meta.concrete_fields if f.name not in hidden]


def _texts_of(obj, name):
    texts = {}
    for code in LANGUAGES:
        value = getattr(obj, build_localized_fieldname(name, code), "")
        if value:
            texts[code] = value
    if set(texts) == {ENGLISH}:
        return texts[ENGLISH]
    return texts


def _slug_of(model, pk):
    return model.objects.filter(pk=pk).values_list("slug", flat=True).first()


def export_values(obj, skip=()):
    """One record or row as the bundle writes it: only what is not empty."""
    model = type(obj)
    translated = translated_fields(model)
    partial = set(getattr(model, "partial_dates", ()))
    data = {}
    if model._meta.label == "portal.Observation":
        data["period"] = list(Period.of(obj).written)
    for model_field in _exported_fields(model, skip):
        name = model_field.name
        if name in partial:
            date = obj.partial_date(name)
            value = str(date) if date else None
        elif name in translated:
            value = _texts_of(obj, name)
        elif model_field.many_to_one:
            pk = getattr(obj, model_field.attname)
            related = model_field.related_model
            value = (
                _slug_of(related, pk)
                if pk is not None and _has(related, "slug")
                else pk
            )
        else:
            value = getattr(obj, name)
            if isinstance(value, Decimal):
                value = str(value)
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
        if value in (None, "", {}, []) or (
            value == model_field.get_default() and not isinstance(value, bool)
        ):
            continue
        if isinstance(value, bool) and value == model_field.get_default():
            continue
        data[name] = value
    for model_field in model._meta.many_to_many:
        if not model_field.remote_field.through._meta.auto_created:
            continue
        slugs = sorted(getattr(obj, model_field.name).values_list("slug", flat=True))
        if slugs:
            data[model_field.name] = slugs
    return data


def export_citations(obj):
    cited = (
        Citation.objects.for_object(obj)
        .select_related("source")
        .order_by("position", "pk")
    )
    result = []
    for citation in cited:
        entry = {"source": citation.source.slug}
        if citation.quote:
            entry["quote"] = citation.quote
        locator = _texts_of(citation, "locator")
        if locator:
            entry["locator"] = locator
        result.append(entry)
    return result


def _ordered(model):
    records = list(model.objects.order_by("pk"))
    if _has(model, "parent") and model._meta.get_field("parent").related_model is model:
        # Parents before their children: a record refers only back.
        done, ordered, pending = set(), [], records
        while pending:
            rest = []
            for record in pending:
                if record.parent_id is None or record.parent_id in done:
                    ordered.append(record)
                    done.add(record.pk)
                else:
                    rest.append(record)
            if len(rest) == len(pending):
                ordered.extend(rest)
                break
            pending = rest
        records = ordered
    return records


def export_bundle():
    """Every record of every section, with its own rows and citations, as a
    bundle that imports back unchanged."""
    bundle = {"format": FORMAT}
    for name, label in SECTIONS:
        model = model_of(label)
        if model is None:
            continue
        entries = []
        for record in _ordered(model):
            entry = {"slug": record.slug, **export_values(record)}
            if getattr(record, "status", None):
                entry["status"] = record.status
            if model._meta.label == "portal.Source" and record.publisher_id:
                entry.pop("publisher_name", None)
            for key, (child_label, owner_field, _identity) in CHILDREN.items():
                child_model = model_of(child_label)
                if (
                    child_model is None
                    or child_model._meta.get_field(owner_field).related_model
                    is not model
                ):
                    continue
                rows = []
                for row in child_model.objects.filter(**{owner_field: record}).order_by(
                    *child_model._meta.ordering or ["pk"]
                ):
                    data = export_values(row, skip={owner_field})
                    cited = export_citations(row)
                    if cited:
                        data["citations"] = cited
                    rows.append(data)
                if rows:
                    entry[key] = rows
            if cites(model):
                cited = export_citations(record)
                if cited:
                    entry["citations"] = cited
            entries.append(entry)
        if entries:
            bundle[name] = entries
    return bundle


def import_bundle(bundle, **options):
    """Import `bundle` (a dict): the Report, or BundleError (nothing written)."""
    return Importer(bundle, **options).run()


def plan_bundle(bundle, **options):
    return Importer(bundle, **options).plan()


def group_errors(errors):
    grouped = defaultdict(list)
    for error in errors:
        grouped[error.split(":", 1)[0]].append(error)
    return grouped
