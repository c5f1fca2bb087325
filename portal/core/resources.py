"""Bulk import and export (django-import-export) of the portal's records as CSV or
XLSX files. The column format is described for editors in docs/import-format.md.

Every resource here follows the same rules:

- Rows are keyed by slug (observations by indicator and period), so importing the
  same file again updates records instead of duplicating them, and a row that
  changes nothing is skipped without touching the record.
- A partial date is one column, written as the seed writes it: "1994", "2025-09",
  "2025-12-24", with "c. " in front when approximate ("c. 2025").
- Related records are named by slug or English name; one that does not exist is an
  error in that row, naming the missing value.
- Translated texts have one column per language: title_en, title_az, title_zh_hans.
- The workflow decides statuses, not the file: new records arrive as drafts unless an
  editor chose a status on the import form, and a row that would change a record the
  importing user may not edit is refused.
- An import is all or nothing: one bad row and nothing of the file is written. Each
  record a confirmed import saves gets a revision of its own (django-reversion: the
  record and its own rows, with the user and the file's name), so reverting one
  imported record never touches another.
- A file is refused whole, before any row is read into a record, when it holds more
  than IMPORT_MAX_ROWS rows, names one record twice or has a column no resource
  knows. Its errors are messages, never tracebacks (DEBUG aside).

What a row costs (IMPORT_MAX_ROWS is sized from it, docs/import-format.md,
"Limits"): the preview and the confirmation each read the related records a file
names once per import, not once per row and column; look up the existing records
of the whole file in one query; and the confirmation builds no preview diff and
stores each record's version once, after its relations are written.
"""

import contextvars
import datetime
import re
import time
from decimal import Decimal, InvalidOperation

import reversion
from diff_match_patch import diff_match_patch
from django import forms
from django.conf import settings
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    ImproperlyConfigured,
    PermissionDenied,
    ValidationError,
)
from django.db import transaction
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, results, widgets
from import_export.forms import ConfirmImportForm
from import_export.instance_loaders import CachedInstanceLoader, ModelInstanceLoader
from modeltranslation.utils import build_localized_fieldname

from portal.core import content, workflow
from portal.core.dates import PartialDate, Period, Precision
from portal.core.models import (
    REPORTING_SIDES,
    Citation,
    Indicator,
    Observation,
    Office,
    Organization,
    Person,
    Place,
    PlaceKind,
    Rank,
    Source,
    Status,
    WorkflowModel,
)
from portal.core.uploads import CheckedImportForm, too_many_rows_message

# What a spreadsheet would run as a formula when a cell starts with it (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def in_every_language(*names):
    """The columns of translated fields: title_en, title_az, title_zh_hans…"""
    return tuple(
        build_localized_fieldname(name, code)
        for name in names
        for code, _name in settings.LANGUAGES
    )


def escape_formula(value):
    """A cell a spreadsheet would run as a formula gets a leading apostrophe, which
    spreadsheets read as "this is text"; the import takes it off again, so an
    export re-imports unchanged. Plain numbers ("-12.5") are left alone."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def unescape_formula(value):
    if (
        isinstance(value, str)
        and value[:1] == "'"
        and value[1:].startswith(FORMULA_STARTS)
    ):
        return value[1:]
    return value


def _text(value):
    """A cell as stripped text; spreadsheets give numbers for cells like "2025"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# Partial dates -------------------------------------------------------------------


def parse_partial_date(value):
    """A cell as a PartialDate, written as PartialDate.parse() reads it ("1994",
    "2025-09", "c. 2025"); a spreadsheet's own date cell counts as a day. None
    for an empty cell."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return PartialDate(value, Precision.DAY)
    text = _text(value)
    return PartialDate.parse(text) if text else None


class PartialDateWidget(widgets.Widget):
    """A PartialDate in a cell, in its written form."""

    def __init__(self, allow_approximate=True):
        self.allow_approximate = allow_approximate
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        parsed = parse_partial_date(value)
        if parsed and parsed.approximate and not self.allow_approximate:
            raise ValueError(
                gettext("“%(value)s”: this date cannot be approximate.")
                % {"value": _text(value)}
            )
        return parsed

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""


class PartialDateField(fields.Field):
    """One column for a date kept in three model fields: the date, how precisely it
    is known (`<name>_precision`) and whether it is approximate
    (`<name>_approximate`; pass approximate=None where the model has none)."""

    def __init__(self, name, precision=None, approximate="", **kwargs):
        self.precision = precision or f"{name}_precision"
        self.approximate = f"{name}_approximate" if approximate == "" else approximate
        widget = PartialDateWidget(allow_approximate=self.approximate is not None)
        super().__init__(attribute=name, column_name=name, widget=widget, **kwargs)

    def get_value(self, instance):
        value = getattr(instance, self.attribute)
        if value is None:
            return None
        approximate = self.approximate and getattr(instance, self.approximate)
        return PartialDate(value, getattr(instance, self.precision), approximate)

    def save(self, instance, row, is_m2m=False, **kwargs):
        date = self.clean(row)
        setattr(instance, self.attribute, date and date.value)
        setattr(instance, self.precision, date.precision if date else Precision.DAY)
        if self.approximate:
            setattr(instance, self.approximate, bool(date and date.approximate))


class FollowingDateField(fields.Field):
    """A date as precise as another partial date of the record: an event's end date
    follows its date, an observation's period end follows the period start.
    `last_day` stores the last day of the period ("2025-10" -> 31 October)."""

    def __init__(self, name, follows, precision, last_day=False, **kwargs):
        self.follows = follows
        self.precision = precision
        self.last_day = last_day
        widget = PartialDateWidget(allow_approximate=False)
        super().__init__(attribute=name, column_name=name, widget=widget, **kwargs)

    def get_value(self, instance):
        value = getattr(instance, self.attribute)
        if value is None:
            return None
        return PartialDate(value, getattr(instance, self.precision))

    def save(self, instance, row, is_m2m=False, **kwargs):
        date = self.clean(row)
        if date is None:
            setattr(instance, self.attribute, None)
            return
        if date.precision != getattr(instance, self.precision):
            raise ValueError(
                gettext(
                    "“%(value)s” is not as precise as the “%(column)s” column: give "
                    "both as a year, a month or a day."
                )
                % {"value": _text(row[self.column_name]), "column": self.follows}
            )
        setattr(
            instance, self.attribute, date.last_day if self.last_day else date.value
        )


# Plain values --------------------------------------------------------------------


class TextWidget(widgets.Widget):
    """Text, stripped. An empty cell is None in a nullable column (a translation not
    yet written, so readers get the English one) and "" elsewhere."""

    def __init__(self, null=False):
        self.null = null
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        return None if not text and self.null else text

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ChoiceWidget(widgets.Widget):
    """One of a model field's choices, written as its code ("state_visit")."""

    def __init__(self, choices, empty=""):
        self.codes = [str(code) for code, _label in choices]
        self.empty = empty
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return self.empty
        for code in self.codes:
            if code.lower() == text.lower():
                return code
        raise ValueError(
            gettext("“%(value)s” is not one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(code for code in self.codes if code)}
        )

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class DecimalWidget(widgets.Widget):
    """Numbers with a dot for decimals, never localised: an export made in any
    language of the admin imports back the same."""

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise ValueError(
                gettext(
                    "“%(value)s” is not a number: write digits, with a dot for "
                    "decimals and no thousands separators (1570, 40.4093)."
                )
                % {"value": text}
            )
        return number

    def render(self, value, obj=None, **kwargs):
        # normalize() drops trailing zeros; "f" keeps 2440000000 from becoming 2.44E+9.
        return "" if value is None else format(Decimal(value).normalize(), "f")


class IntegerWidget(DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        number = super().clean(value, row, **kwargs)
        if number is None:
            return None
        if number != number.to_integral_value():
            raise ValueError(
                gettext("“%(value)s” is not a whole number.") % {"value": _text(value)}
            )
        return int(number)


class BooleanWidget(widgets.Widget):
    """yes/no (also 1/0, true/false). An empty cell is no."""

    TRUE = {"yes", "1", "true"}
    FALSE = {"no", "0", "false", ""}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(
            gettext("“%(value)s” is neither yes nor no.") % {"value": _text(value)}
        )

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


# Related records -----------------------------------------------------------------


# Different names of related records one import may look up: a few a row is
# plenty (places and organisations recur from row to row, and each is looked
# up once), while a file naming thousands of different ones, or one name spelt
# a thousand ways, would keep the worker busy past its timeout.
LOOKUPS_PER_ROW = 5
_lookups_left = contextvars.ContextVar("import_lookups_left", default=None)


def lookup_budget():
    return LOOKUPS_PER_ROW * settings.IMPORT_MAX_ROWS


def spend_lookup():
    """Counts one lookup against the running import's budget (none outside an
    import); past it, the name is an error and is not looked up."""
    left = _lookups_left.get()
    if left is None:
        return
    if left <= 0:
        raise ValueError(
            gettext(
                "The file names more than %(count)s different related records: "
                "split it into smaller files."
            )
            % {"count": lookup_budget()}
        )
    _lookups_left.set(left - 1)


def find_record(queryset, text, name_field, kind):
    """The record whose slug is `text`, or else whose English name it is."""
    found = list(queryset.filter(slug=text)[:1]) or list(
        queryset.filter(**{f"{name_field}__iexact": text})[:2]
    )
    if not found:
        raise ValueError(
            gettext(
                "No %(kind)s “%(value)s”: give the slug or the English name of one "
                "that exists (import it first if it is new)."
            )
            % {"kind": kind, "value": text}
        )
    if len(found) > 1:
        raise ValueError(
            gettext("“%(value)s” names more than one %(kind)s: give its slug.")
            % {"kind": kind, "value": text}
        )
    return found[0]


class RelatedWidget(widgets.Widget):
    """A related record named by slug or English name; exported as its slug."""

    def __init__(self, model, name_field="name_en", kind=None, filters=None):
        self.model = model
        self.name_field = name_field
        self.kind = kind or model._meta.verbose_name
        self.filters = filters or {}
        # Records found so far, by the text that named them. Each resource works
        # on its own copy of its fields (and so of this), so what is remembered
        # lasts one import: a file naming "baku" on every row reads it once.
        self.found = {}
        super().__init__()

    def queryset(self):
        return self.model._default_manager.filter(**self.filters)

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return None
        if text not in self.found:
            spend_lookup()
            self.found[text] = find_record(
                self.queryset(), text, self.name_field, self.kind
            )
        return self.found[text]

    def render(self, value, obj=None, **kwargs):
        return value.slug if value is not None else ""


class RelatedListWidget(widgets.ManyToManyWidget):
    """Several related records in one cell, separated by ";". Every name that
    matches no record is reported, not only the first."""

    separator = ";"

    def __init__(self, model, name_field="name_en", kind=None):
        self.related = RelatedWidget(model, name_field, kind)
        super().__init__(model, separator=self.separator, field="slug")

    def clean(self, value, row=None, **kwargs):
        found, errors = [], []
        for text in _text(value).split(self.separator):
            if not text.strip():
                continue
            try:
                record = self.related.clean(text)
            except ValueError as error:
                if str(error) not in errors:
                    errors.append(str(error))
                continue
            if record not in found:
                found.append(record)
        if errors:
            raise ValidationError(errors)
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{self.separator} ".join(record.slug for record in value.all())


class ManyField(fields.Field):
    """A many-to-many column. Its value is written after the record is saved, so it
    is checked on its own (`wanted`) and compared by key with what is stored."""

    def wanted(self, row):
        return sorted(record.pk for record in self.clean(row))

    def stored(self, instance):
        if instance.pk is None:
            return []
        return sorted(getattr(instance, self.attribute).values_list("pk", flat=True))

    def differs(self, row, instance):
        """Whether saving the row would change what is stored."""
        return self.wanted(row) != self.stored(instance)


def related(name, model, name_field="name_en", kind=None, filters=None):
    return fields.Field(
        attribute=name,
        column_name=name,
        widget=RelatedWidget(model, name_field, kind, filters),
    )


def related_list(name, model, name_field="name_en", kind=None):
    return ManyField(
        attribute=name,
        column_name=name,
        widget=RelatedListWidget(model, name_field, kind),
    )


def country(name="country"):
    return related(name, Place, kind=_("country"), filters={"kind": PlaceKind.COUNTRY})


def status_column():
    """Exported so a spreadsheet shows it; never read back (see apply_status)."""
    return fields.Field(
        attribute="status", column_name="status", readonly=True, widget=TextWidget()
    )


# Errors and limits ---------------------------------------------------------------


class PlainError(results.Error):
    """An import error without its traceback. django-import-export's error page
    shows every error's traceback, which tells an editor nothing and whoever
    imports how the code runs; with DEBUG on, developers keep it."""

    @property
    def traceback(self):
        if settings.DEBUG:
            return results.Error.traceback.func(self)
        return ""


# The preview shows each changed cell as a diff (diff-match-patch), which can
# take a second a cell for two long texts that differ throughout: a file of such
# rows would keep the worker past its timeout. Each cell gets at most
# DIFF_CELL_SECONDS and a preview DIFF_SECONDS in all; past that, cells show the
# old text struck out and the new one, undiffed.
DIFF_CELL_SECONDS = 0.05
DIFF_SECONDS = 1.0


class BoundedDiff(resources.Diff):
    """django-import-export's preview diff, in bounded time (see above)."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.resource = resource

    def as_html(self):
        cells = []
        for left, right in zip(self.left, self.right, strict=False):
            left, right = force_str(left), force_str(right)
            if left != right and self.new:
                left = ""
            # diff_prettyHtml escapes the texts.
            cells.append(mark_safe(self.resource.diff_html(left, right)))
        return cells


class UnshownDiff(resources.Diff):
    """No diff: see PortalResource.get_diff_class."""

    def __init__(self, resource, instance, new):
        self.left = self.right = []
        self.new = new

    def compare_with(self, resource, instance):
        pass

    def as_html(self):
        return []


# The import form -----------------------------------------------------------------

IMPORT_STATUSES = [
    ("", _("New records as drafts; existing records keep their status")),
    (Status.DRAFT, Status.DRAFT.label),
    (Status.REVIEW, Status.REVIEW.label),
    (Status.PUBLISHED, Status.PUBLISHED.label),
]


class PublishableImportForm(CheckedImportForm):
    """The upload form, with the status imported records get. The admin removes
    the choice for anyone who may not publish (HistoryAdmin.create_import_form)."""

    status = forms.ChoiceField(
        label=_("Status of imported records"),
        choices=IMPORT_STATUSES,
        required=False,
        help_text=_(
            "Applies to every record in the file, new or existing. The file's own "
            "status column is not read."
        ),
    )


class PublishableConfirmImportForm(ConfirmImportForm):
    """Carries the chosen status from the preview to the confirmed import."""

    status = forms.ChoiceField(
        choices=IMPORT_STATUSES, required=False, widget=forms.HiddenInput
    )


# The base resource ---------------------------------------------------------------

# Steps of the workflow an editor's chosen status is reached by.
STATUS_STEPS = {
    Status.DRAFT: workflow.return_to_draft,
    Status.REVIEW: workflow.send_for_review,
    Status.PUBLISHED: workflow.publish,
}


def may_update(user, record):
    """Whether the user may change an existing record (the admin's rule)."""
    if isinstance(record, WorkflowModel):
        return workflow.can_edit(user, record)
    opts = record._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def may_add(user, record):
    opts = record._meta
    return user.has_perm(f"{opts.app_label}.add_{opts.model_name}")


class PortalResource(resources.ModelResource):
    """What every import and export of the portal shares (see the module doc).

    Takes `user` (the importing user) and `status` (an editor's choice of status for
    the imported records), or the admin's import `form` holding that choice.
    """

    # Related records fetched with the exported rows, not one query per row.
    export_select_related = ()
    export_prefetch_related = ()
    # Fields besides Meta.import_id_fields that say which record a row is,
    # when the file has their columns (ObservationResource).
    also_keyed_by = ()

    class Meta:
        import_id_fields = ("slug",)
        # The file's existing records in one query, not one per row.
        instance_loader_class = CachedInstanceLoader
        skip_unchanged = True
        report_skipped = True
        # All or nothing, whatever the settings say.
        use_transactions = True

    def __init__(self, user=None, status=None, form=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        if status is None:
            cleaned = getattr(form, "cleaned_data", None) or {}
            status = cleaned.get("status", "")
        self.status = status or ""
        self.file_name = None
        self.refusal = None
        self.dry_run = True
        self.differ = diff_match_patch()
        self.diff_until = time.monotonic() + DIFF_SECONDS

    @property
    def publishable(self):
        return issubclass(self._meta.model, WorkflowModel)

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        """Plain model fields get the portal's strict, unlocalised widgets."""
        internal = django_field.get_internal_type()
        if django_field.choices:
            widget = ChoiceWidget(django_field.choices)
        elif internal in ("CharField", "TextField", "SlugField", "URLField"):
            widget = TextWidget(null=django_field.null)
        elif internal == "DecimalField":
            widget = DecimalWidget()
        elif internal == "BooleanField":
            widget = BooleanWidget()
        elif internal in ("PositiveSmallIntegerField", "IntegerField"):
            widget = IntegerWidget()
        else:
            raise ImproperlyConfigured(
                f"{cls.__name__}: declare a field for {field_name} ({internal})."
            )
        return fields.Field(
            attribute=field_name,
            column_name=field_name,
            widget=widget,
            readonly=readonly,
        )

    def get_user_visible_fields(self):
        # The columns the upload form lists: the status column is export-only.
        return [field for field in self.get_import_fields() if not field.readonly]

    # Export --------------------------------------------------------------------

    def filter_export(self, queryset, **kwargs):
        if self.export_select_related:
            queryset = queryset.select_related(*self.export_select_related)
        if self.export_prefetch_related:
            queryset = queryset.prefetch_related(*self.export_prefetch_related)
        return queryset

    def export_field(self, field, instance, **kwargs):
        return escape_formula(super().export_field(field, instance, **kwargs))

    # Import --------------------------------------------------------------------

    def import_data_inner(
        self,
        dataset,
        dry_run,
        raise_errors,
        using_transactions,
        collect_failed_rows,
        **kwargs,
    ):
        self.user = kwargs.get("user") or self.user
        self.file_name = kwargs.get("file_name") or self.file_name
        if self.user is None:
            raise ImproperlyConfigured("An import needs the importing user.")
        problems = self.problems_of_file(dataset)
        if problems:
            # Refused whole, before any row is read into a record: a file too
            # long, or one that names a record twice, would otherwise cost a
            # worker the time of every row only to say so at the end.
            result = self.get_result_class()()
            result.diff_headers = self.get_diff_headers()
            result.total_rows = len(dataset)
            for problem in problems:
                self.handle_import_error(result, problem, raise_errors)
            return result
        self.diff_until = time.monotonic() + DIFF_SECONDS
        budget = _lookups_left.set(lookup_budget())
        try:
            # (import_data runs this in the import's transaction.)
            with content.token_replaced_once():
                result = super().import_data_inner(
                    dataset,
                    dry_run,
                    raise_errors,
                    using_transactions,
                    collect_failed_rows,
                    **kwargs,
                )
        finally:
            _lookups_left.reset(budget)
        if (
            not dry_run
            and using_transactions
            and (result.has_errors() or result.has_validation_errors())
        ):
            # One bad row and nothing is written, the rows' revisions included.
            transaction.set_rollback(True, using=self.get_db_connection_name())
        return result

    def problems_of_file(self, dataset):
        """What makes the whole file unimportable, as exceptions whose text is
        shown to the importing user; empty rows are dropped on the way."""
        if self.status and not (
            self.publishable and workflow.can_publish(self.user, self._meta.model)
        ):
            return [
                PermissionDenied(
                    gettext("Only editors choose the status of imported records.")
                )
            ]
        # Spreadsheets keep empty rows (and unnamed columns) past the data.
        for index in reversed(range(len(dataset))):
            if all(_text(value) == "" for value in dataset[index]):
                del dataset[index]
        if len(dataset) > settings.IMPORT_MAX_ROWS:
            return [ValueError(too_many_rows_message())]
        # Every column of the resource may be in a file (an export holds the
        # status column too); the message lists those an import reads.
        known = {field.column_name for field in self.fields.values()}
        unknown = [
            str(name)
            for name in dataset.headers or ()
            if _text(name) and name not in known
        ]
        if unknown:
            columns = [field.column_name for field in self.get_user_visible_fields()]
            return [
                ValueError(
                    ngettext(
                        "Unknown column: %(columns)s. The columns of this file are: "
                        "%(expected)s (docs/import-format.md describes them).",
                        "Unknown columns: %(columns)s. The columns of this file are: "
                        "%(expected)s (docs/import-format.md describes them).",
                        len(unknown),
                    )
                    % {"columns": ", ".join(unknown), "expected": ", ".join(columns)}
                )
            ]
        return [ValueError(message) for message in self.repeated_records(dataset)]

    def repeated_records(self, dataset):
        """A record named on two rows would be written twice, the last row
        silently winning: each such record, with its rows, is an error. Rows are
        numbered as the preview numbers them (the first after the header is 1).
        A file without the columns that say which record a row is, is an error
        too."""
        keys = [self.fields[name].column_name for name in self.get_import_id_fields()]
        missing = [key for key in keys if key not in (dataset.headers or ())]
        required = len(keys)
        # Columns that are part of the key when the file has them (who
        # reports an observation): left out, they are empty on every row.
        keys += [
            self.fields[name].column_name
            for name in self.also_keyed_by
            if self.fields[name].column_name in (dataset.headers or ())
        ]
        if missing:
            return [
                ngettext(
                    "The file has no %(columns)s column, which says which record "
                    "each row is.",
                    "The file has no %(columns)s columns, which say which record "
                    "each row is.",
                    len(missing),
                )
                % {"columns": ", ".join(missing)}
            ]
        rows = {}
        for number, row in enumerate(dataset.dict, 1):
            key = tuple(_text(unescape_formula(row[column])) for column in keys)
            if all(key[:required]):
                rows.setdefault(key, []).append(number)
        return [
            gettext(
                "“%(key)s” (%(columns)s) is on rows %(rows)s: a file may name each "
                "record only once."
            )
            % {
                "key": ", ".join(key),
                "columns": ", ".join(keys),
                "rows": ", ".join(str(number) for number in numbers),
            }
            for key, numbers in rows.items()
            if len(numbers) > 1
        ]

    def get_error_result_class(self):
        return PlainError

    def get_diff_class(self):
        # The preview shows each row's changes; a confirmed import shows none, so
        # it does not spend a rendering of every column of every row on them.
        return BoundedDiff if self.dry_run else UnshownDiff

    def diff_html(self, left, right):
        """One cell of the preview: `left` changed into `right`, as HTML."""
        if left == right:
            changes = [(diff_match_patch.DIFF_EQUAL, right)]
            return self.differ.diff_prettyHtml(changes)
        left_seconds = self.diff_until - time.monotonic()
        if left_seconds <= 0:
            changes = [
                (diff_match_patch.DIFF_DELETE, left),
                (diff_match_patch.DIFF_INSERT, right),
            ]
        else:
            # (A timeout of 0 would mean none at all.)
            self.differ.Diff_Timeout = min(DIFF_CELL_SECONDS, left_seconds)
            changes = self.differ.diff_main(left, right)
            self.differ.diff_cleanupSemantic(changes)
        return self.differ.diff_prettyHtml(changes)

    def import_row(self, row, instance_loader, **kwargs):
        self.dry_run = kwargs.get("dry_run", True)
        if self.dry_run:
            return super().import_row(row, instance_loader, **kwargs)
        # Each record its own revision, holding the record and the rows that
        # belong to it (its model's registration follows them): reverting one
        # imported record then restores that record only, never the others of
        # the file. Versions are added by hand (save_m2m), once the record and
        # its relations are written, instead of at each save and relation
        # change the row makes.
        with reversion.create_revision(manage_manually=True, atomic=False):
            reversion.set_user(self.user)
            reversion.set_comment(
                gettext("Imported from %(file)s") % {"file": self.file_name}
                if self.file_name
                else gettext("Imported from a file")
            )
            return super().import_row(row, instance_loader, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if reversion.is_active():
            reversion.add_to_revision(instance)

    def before_import_row(self, row, **kwargs):
        for column, value in row.items():
            value = unescape_formula(value)
            row[column] = value.strip() if isinstance(value, str) else value

    def after_init_instance(self, instance, new, row, **kwargs):
        # Decided before the row's values touch the record: who may change it
        # depends on its stored status and author.
        self.refusal = None
        if not new and not may_update(self.user, instance):
            if self.publishable:
                message = gettext(
                    "You may not change “%(record)s” (%(status)s): contributors "
                    "change only their own drafts."
                ) % {"record": instance, "status": instance.get_status_display()}
            else:
                message = gettext(
                    "“%(record)s” already exists and you may not change it."
                ) % {"record": instance}
            self.refusal = message
        elif new and self.user is not None and not may_add(self.user, instance):
            # The admin asks for the right to add before an upload; this holds
            # for every other caller too (places are added by editors only).
            self.refusal = gettext("You may not add %(kind)s.") % {
                "kind": instance._meta.verbose_name_plural
            }

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        for field in self.get_import_fields():
            if field.readonly or field.column_name not in row:
                continue
            try:
                if isinstance(field, ManyField):
                    # Written once the record is saved; checked now.
                    field.wanted(row)
                else:
                    self.import_field(field, instance, row, **kwargs)
            except (ValueError, ValidationError) as error:
                messages = getattr(error, "messages", None) or [str(error)]
                errors[field.column_name] = messages
        try:
            self.apply_status(instance)
        except PermissionDenied as refusal:
            errors[NON_FIELD_ERRORS] = [str(refusal)]
        if errors:
            raise ValidationError(errors)

    def apply_status(self, instance):
        """New records are drafts; an editor's chosen status goes through the
        workflow's own steps. Nothing else changes a status."""
        if not self.publishable:
            return
        if self.status and instance.status != self.status:
            STATUS_STEPS[self.status](instance, self.user)
        elif not self.status and instance._state.adding:
            instance.status = Status.DRAFT
        if instance.status == Status.PUBLISHED and instance.published_at is None:
            instance.published_at = timezone.now()

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged rows are skipped, so the same file twice changes nothing."""
        if import_validation_errors or instance._state.adding:
            return False
        if self.publishable and (
            (instance.status, instance.published_at)
            != (original.status, original.published_at)
        ):
            return False
        for field in self.get_import_fields():
            if field.readonly or field.column_name not in row:
                continue
            if isinstance(field, ManyField):
                if field.differs(row, original):
                    return False
            elif not _same(field.get_value(instance), field.get_value(original)):
                return False
        return True

    def validate_instance(
        self, instance, import_validation_errors=None, validate_unique=True
    ):
        errors = {}
        if import_validation_errors:
            errors = ValidationError(import_validation_errors).message_dict
        columns = {field.column_name: field for field in self.fields.values()}
        exclude = {columns[column].attribute for column in errors if column in columns}
        if self.refusal:
            errors.setdefault(NON_FIELD_ERRORS, []).insert(0, self.refusal)
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                # A model field's errors are shown under the file's column for it;
                # `title` and `title_en` report the same blank English title once.
                shown = errors.setdefault(self.column_for(name, columns), [])
                shown += [message for message in messages if message not in shown]
        if errors:
            raise ValidationError(errors)

    def column_for(self, name, columns):
        """The file's column for a model field's error: `title` is `title_en`."""
        if name in columns or name == NON_FIELD_ERRORS:
            return name
        english = build_localized_fieldname(
            name, settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        )
        if english in columns:
            return english
        for column, field in columns.items():
            if field.attribute == name or getattr(field, "precision", None) == name:
                return column
        return name

    def before_save_instance(self, instance, row, **kwargs):
        if self.publishable:
            if instance._state.adding:
                instance.created_by = self.user
            instance.updated_by = self.user

    def do_instance_save(self, instance, is_create):
        # modeltranslation fills the untranslated column from the active language;
        # English keeps it the same whatever language the admin is shown in.
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            instance.save(force_insert=is_create)


def _same(left, right):
    """Equal, counting an empty text and a missing one (None) as the same."""
    if left in (None, "") and right in (None, ""):
        return True
    return left == right


def parents_first(queryset, parent="parent"):
    """The records with each one's parent before it, so an export imports into an
    empty database: places and organisations name their parent by slug, an
    indicator the indicator it is a component of (`parent="component_of"`)."""
    records = list(queryset)
    parents = dict(queryset.model._default_manager.values_list("pk", parent))

    def depth(pk):
        seen = set()
        while pk is not None and pk not in seen:
            seen.add(pk)
            pk = parents.get(pk)
        return len(seen)

    return sorted(records, key=lambda record: depth(record.pk))


# Reference records ---------------------------------------------------------------


class PlaceResource(PortalResource):
    parent = related("parent", Place)

    export_select_related = ("parent",)

    class Meta(PortalResource.Meta):
        model = Place
        fields = (
            "slug",
            *in_every_language("name"),
            "kind",
            "parent",
            "country_code",
            "latitude",
            "longitude",
            "coordinates_approximate",
        )

    def filter_export(self, queryset, **kwargs):
        return parents_first(super().filter_export(queryset, **kwargs))


class OrganizationResource(PortalResource):
    country = country()
    parent = related("parent", Organization)
    status = status_column()

    export_select_related = ("country", "parent")

    class Meta(PortalResource.Meta):
        model = Organization
        fields = (
            "slug",
            *in_every_language("name", "acronym"),
            "kind",
            "country",
            "parent",
            "website",
            *in_every_language("description", "editor_note"),
            "status",
        )

    def filter_export(self, queryset, **kwargs):
        return parents_first(super().filter_export(queryset, **kwargs))


class PersonResource(PortalResource):
    country = country()
    status = status_column()

    export_select_related = ("country",)

    class Meta(PortalResource.Meta):
        model = Person
        fields = (
            "slug",
            *in_every_language("name", "honorific"),
            "country",
            *in_every_language("bio", "editor_note"),
            "status",
        )


class OfficeResource(PortalResource):
    """A person's offices, keyed by the person and the English title: the same
    two update the office, anything else adds one. Citations are added in
    the admin, on the office's own page."""

    person = related("person", Person)
    organization = related("organization", Organization)
    start = PartialDateField("start")
    end = PartialDateField("end")

    export_select_related = ("person", "organization")

    class Meta(PortalResource.Meta):
        model = Office
        import_id_fields = ("person", "title_en")
        # Keyed by two columns (get_instance below), which the cached loader
        # cannot do.
        instance_loader_class = ModelInstanceLoader
        fields = (
            "person",
            *in_every_language("title"),
            "organization",
            "start",
            "end",
            "ended",
            "position",
        )

    def get_instance(self, instance_loader, row):
        try:
            person = self.fields["person"].clean(row)
            title = self.fields["title_en"].clean(row)
        except (ValueError, TypeError):
            # Not a lookup that can succeed; the row's own errors say why.
            return None
        if person is None or not title:
            return None
        return Office.objects.filter(person=person, title_en=title).first()

    def filter_export(self, queryset, **kwargs):
        return (
            super()
            .filter_export(queryset, **kwargs)
            .order_by("person__slug", "position", "pk")
        )


class SourceResource(PortalResource):
    publisher = related("publisher", Organization)
    status = status_column()
    published_on = PartialDateField("published_on")

    export_select_related = ("publisher",)

    class Meta(PortalResource.Meta):
        model = Source
        fields = (
            "slug",
            *in_every_language("title"),
            "kind",
            "publisher",
            "url",
            "published_on",
            "language",
            *in_every_language("notes", "editor_note"),
            "status",
        )


class IndicatorResource(PortalResource):
    component_of = related("component_of", Indicator)
    status = status_column()

    export_select_related = ("component_of",)

    class Meta(PortalResource.Meta):
        model = Indicator
        fields = (
            "slug",
            *in_every_language("name", "unit"),
            "currency",
            *in_every_language("description", "editor_note"),
            "component_of",
            "position",
            "status",
        )

    def filter_export(self, queryset, **kwargs):
        return parents_first(super().filter_export(queryset, **kwargs), "component_of")


class PeriodWidget(widgets.Widget):
    """One bound of a period, as `Period.parse()` reads it: "2025", "2025-10",
    "2025-10-31", "2025-Q1", "2025-H1". Cleaned to the period of that one
    bound."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            value = value.isoformat()
        text = _text(value)
        return Period.parse(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return value or ""


class PeriodBoundField(fields.Field):
    """`period_start` or `period_end` of an observation. The start sets the
    period's precision; the end must be written as precisely, and a quarter or
    a half-year must be exactly one (both columns "2025-Q1")."""

    def __init__(self, name, **kwargs):
        self.first = name == "period_start"
        super().__init__(attribute=name, column_name=name, widget=PeriodWidget())

    def get_value(self, instance):
        if instance.period_start is None or instance.period_end is None:
            return None
        first, last = instance.period.written
        return first if self.first else last

    def save(self, instance, row, is_m2m=False, **kwargs):
        bound = self.clean(row)
        if bound is None:
            setattr(instance, self.attribute, None)
            return
        if self.first:
            instance.period_start = bound.start
            instance.period_precision = bound.precision
            return
        if bound.precision != instance.period_precision:
            raise ValueError(
                gettext(
                    "“%(value)s” is not as precise as the “%(column)s” column: give "
                    "both as years, half-years, quarters, months or days."
                )
                % {"value": _text(row[self.column_name]), "column": "period_start"}
            )
        instance.period_end = bound.end
        if instance.period_start is not None:
            try:
                Period.of(instance).check()
            except ValueError as error:
                raise ValueError(str(error)) from None


class CitationColumn(fields.Field):
    """A column of the citation an observation row gives (`source`, `quote`,
    `locator_…`). Written once the observation is saved
    (`ObservationResource.save_m2m`), never onto the observation itself;
    exported from the observation's first citation."""

    def __init__(self, name, widget):
        # `attribute` only names the column for import-export, which skips a
        # field without one: nothing of the observation is set from it.
        super().__init__(attribute=name, column_name=name, widget=widget)

    def get_value(self, instance):
        if instance.pk is None:
            return None
        citation = instance.citations.order_by("position", "pk").first()
        if citation is None:
            return None
        return getattr(citation, self.attribute)

    def save(self, instance, row, is_m2m=False, **kwargs):
        # Checked now, so that a bad cell is an error of its row.
        self.clean(row)


# What an observation's citation supports: a change to any of these is a new
# claim, which the old citations do not back (see ObservationResource).
FIGURES = ("value", "value_qualifier", "change_percent", "change_qualifier")


class ObservationResource(PortalResource):
    """Keyed by indicator, period and reporting party (`reported_by` and
    `side`): values of the same period reported by different parties are
    different observations, side by side.

    A row may give one citation (`source`, `quote`, `locator_…`), added to the
    observation unless it already has it. A row that changes the figures
    (value, change and their qualifiers) of an observation makes a new claim
    that the old citations do not support: they are removed, and only the
    row's citation, if it gives one, is kept. So a later value never keeps an
    earlier value's quote."""

    indicator = related("indicator", Indicator)
    period_start = PeriodBoundField("period_start")
    period_end = PeriodBoundField("period_end")
    reported_by = related("reported_by", Organization)
    side = fields.Field(
        attribute="side", column_name="side", widget=ChoiceWidget(REPORTING_SIDES)
    )
    rank = fields.Field(
        attribute="rank",
        column_name="rank",
        widget=ChoiceWidget(Rank.choices, empty=Rank.NORMAL),
    )
    source = CitationColumn(
        "source", RelatedWidget(Source, "title_en", kind=_("source"))
    )
    quote = CitationColumn("quote", TextWidget())
    also_keyed_by = ("reported_by", "side")

    export_select_related = ("indicator", "reported_by")

    class Meta(PortalResource.Meta):
        model = Observation
        import_id_fields = ("indicator", "period_start", "period_end")
        # Keyed by several columns (get_instance below), which the cached
        # loader cannot do.
        instance_loader_class = ModelInstanceLoader
        fields = (
            "indicator",
            "period_start",
            "period_end",
            "reported_by",
            "side",
            "rank",
            "value_qualifier",
            "value",
            "change_qualifier",
            "change_percent",
            *in_every_language("note"),
            "source",
            "quote",
            *in_every_language("locator"),
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for column in in_every_language("locator"):
            self.fields[column] = CitationColumn(column, TextWidget())
        self.stored_figures = None

    def get_instance(self, instance_loader, row):
        try:
            indicator = self.fields["indicator"].clean(row)
            start = self.fields["period_start"].clean(row)
            end = self.fields["period_end"].clean(row)
            reported_by = (
                self.fields["reported_by"].clean(row) if "reported_by" in row else None
            )
            side = self.fields["side"].clean(row) if "side" in row else ""
        except (ValueError, TypeError, ValidationError):
            # Not a lookup that can succeed; the row's own errors say why.
            return None
        if start is None or end is None or start.precision != end.precision:
            return None
        return Observation.objects.filter(
            indicator=indicator,
            period_start=start.start,
            period_end=end.end,
            reported_by=reported_by,
            side=side,
        ).first()

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self.stored_figures = None if new else _figures(instance)

    def row_citation(self, row):
        """The citation the row gives, as the fields of a Citation, or None."""
        source = self.fields["source"].clean(row) if "source" in row else None
        if source is None:
            return None
        citation = {"source": source, "quote": self.fields["quote"].clean(row) or ""}
        for column in in_every_language("locator"):
            if column in row:
                citation[column] = self.fields[column].clean(row) or ""
        return citation

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "quote" in row and _text(row["quote"]) and not _text(row.get("source")):
            errors.setdefault("quote", []).append(
                gettext("A quote needs its source: fill in the “source” column.")
            )
        if instance.pk is None and workflow.must_be_sourced(instance):
            # A new figure of a published indicator is public at once: the row
            # must give it a source and a quote.
            quoted = _text(row.get("source")) and _text(row.get("quote"))
            try:
                workflow.require_sources(instance, [row.get("quote")] if quoted else [])
            except workflow.Unsourced as refusal:
                errors.setdefault(NON_FIELD_ERRORS, []).append(str(refusal))
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not super().skip_row(instance, original, row, import_validation_errors):
            return False
        citation = self.row_citation(row)
        return citation is None or self.cited(instance, citation)

    @staticmethod
    def cited(instance, citation):
        """Whether the observation already has this citation, as given."""
        return instance.citations.filter(**citation).exists()

    def save_m2m(self, instance, row, **kwargs):
        using_transactions = self._is_using_transactions(kwargs)
        if using_transactions or not self._is_dry_run(kwargs):
            self.save_citation(instance, row)
        super().save_m2m(instance, row, **kwargs)

    def save_citation(self, instance, row):
        citation = self.row_citation(row)
        existing = instance.citations.all()
        if citation is not None:
            existing = existing.exclude(
                source=citation["source"], quote=citation["quote"]
            )
        if self.stored_figures is not None and self.stored_figures != _figures(
            instance
        ):
            # A new claim: the old quotes do not support it.
            for old in existing:
                old.delete()
        if citation is None or self.cited(instance, citation):
            return
        match = instance.citations.filter(
            source=citation["source"], quote=citation["quote"]
        ).first()
        if match is None:
            last = instance.citations.order_by("-position").first()
            match = Citation(
                content_object=instance,
                position=last.position + 1 if last is not None else 0,
            )
        for name, value in citation.items():
            setattr(match, name, value)
        match.save()


def _figures(observation):
    return tuple(getattr(observation, name) for name in FIGURES)


__all__ = [
    "IndicatorResource",
    "ObservationResource",
    "OfficeResource",
    "OrganizationResource",
    "PersonResource",
    "PlaceResource",
    "PortalResource",
    "PublishableConfirmImportForm",
    "PublishableImportForm",
    "SourceResource",
]
