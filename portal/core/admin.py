"""The editors' admin for reference data, plus the base class every publishable
record's admin shares."""

from contextlib import nullcontext

from concurrency.api import disable_concurrency
from concurrency.exceptions import RecordModifiedError
from concurrency.forms import ConcurrentForm, VersionField, VersionWidget
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.actions import delete_selected as delete_rows
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import FETCH_PEERS, Q
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationGenericStackedInline,
    TranslationTabularInline,
)
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion import set_comment
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals
from reversion_compare.admin import CompareVersionAdmin
from reversion_compare.mixins import CompareResult

from portal.core import history, workflow
from portal.core.changelist import EstimatedCountPaginator, ScaledChangeList
from portal.core.datacache import cached
from portal.core.dates import PartialDate, Precision
from portal.core.filters import translated_columns
from portal.core.folding import fold
from portal.core.models import (
    Citation,
    Indicator,
    Observation,
    Office,
    Organization,
    Person,
    Place,
    Source,
    Status,
    WorkflowModel,
)
from portal.core.models.reference import MAX_PLACE_DEPTH
from portal.core.resources import (
    IndicatorResource,
    ObservationResource,
    OfficeResource,
    OrganizationResource,
    PersonResource,
    PlaceResource,
    PublishableConfirmImportForm,
    PublishableImportForm,
    SourceResource,
)
from portal.core.search import stored_text_condition
from portal.core.uploads import CheckedImportForm

# Django's own words for the checkbox of a changelist row, translated in its
# catalogue (a name rather than a literal, so makemessages leaves it there).
ACTION_CHECKBOX_LABEL = "Select this object for an action - {}"


def all_languages(*fields):
    """Search fields covering every language's column of translated fields."""
    return tuple(
        build_localized_fieldname(field, code)
        for field in fields
        for code, _name in settings.LANGUAGES
    )


class MissingTranslationFilter(admin.SimpleListFilter):
    """Records with English text in some field that another language lacks."""

    title = _("translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            (code, _("Missing in %(language)s") % {"language": name})
            for code, name in settings.LANGUAGES
            if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        ]

    def queryset(self, request, queryset):
        if self.value() not in dict(self.lookup_choices):
            return queryset
        missing = Q()
        for field in translator.get_options_for_model(queryset.model).fields:
            english = build_localized_fieldname(field, "en")
            other = build_localized_fieldname(field, self.value())
            missing |= Q(**{f"{english}__gt": ""}) & (
                Q(**{f"{other}__isnull": True}) | Q(**{other: ""})
            )
        return queryset.filter(missing)


class UnsourcedFilter(admin.SimpleListFilter):
    """Published records without a citation that quotes its source: those
    published before publishing required one (portal/core/workflow.py)."""

    title = _("sources")
    parameter_name = "sourced"

    def lookups(self, request, model_admin):
        return [("no", _("Published without a quoted source"))]

    def queryset(self, request, queryset):
        if self.value() != "no":
            return queryset
        return workflow.uncited(queryset.filter(status=Status.PUBLISHED))


class RecordTextFilter(admin.SimpleListFilter):
    """Rows linked to a record found by typing part of its name or its slug: a
    list of links to every record would grow with the records (thousands of
    sources, hundreds of places), and render them all on every page."""

    template = "admin/portal/text_filter.html"
    model = None  # the records typed for
    text_fields = ()  # their translated fields the text is looked for in
    path = None  # from the listed rows to those records
    placeholder = _("Part of the title or the slug")
    label = _("%(filter_title)s: part of the title or the slug")

    def lookups(self, request, model_admin):
        return ()

    def has_output(self):
        return True

    def text_lookups(self, text):
        """(lookup, value) pairs on the records, any of which finds one."""
        return [
            ("slug", text),
            *(
                (f"{column}__icontains", text)
                for column in translated_columns(self.model, self.text_fields)
            ),
        ]

    def matches(self, text):
        return Q.create(self.text_lookups(text), connector=Q.OR)

    def queryset(self, request, queryset):
        text = (self.value() or "").strip()[:200]
        if not text:
            return queryset
        found = self.model.objects.filter(self.matches(text))
        return queryset.filter(**{f"{self.path}__in": found.values("pk")})

    def choices(self, changelist):
        yield {
            "name": self.parameter_name,
            "value": self.value() or "",
            "placeholder": self.placeholder,
            "label": self.label % {"filter_title": self.title},
            # The search, ordering and other filters in force, kept by the form.
            "others": [
                (name, value)
                for name, value in changelist.params.items()
                if name != self.parameter_name
            ],
            "clear_query_string": changelist.get_query_string(
                remove=[self.parameter_name]
            ),
        }


class SourceFilter(RecordTextFilter):
    """Citations of one source, found by part of its title or its slug."""

    title = _("source")
    parameter_name = "source"
    model = Source
    text_fields = ("title",)
    path = "source"


class PlaceFilter(RecordTextFilter):
    """Records at a place found by part of its name (in any language) or its
    slug, or anywhere inside it: "Baku" finds the events in its districts."""

    title = _("place")
    parameter_name = "place"
    model = Place
    text_fields = ("name",)
    path = "place"
    placeholder = _("Part of the name or the slug")
    label = _("%(filter_title)s: part of the name or the slug")

    def matches(self, text):
        # The place itself, its parent, its grandparent… matches the text.
        lookups, prefix = [], ""
        for _level in range(MAX_PLACE_DEPTH):
            lookups += [(prefix + lookup, v) for lookup, v in self.text_lookups(text)]
            prefix += "parent__"
        return Q.create(lookups, connector=Q.OR)

    def queryset(self, request, queryset):
        text = (self.value() or "").strip()[:200]
        if not text:
            return queryset
        # The places' ids first (a few hundred places at most): PostgreSQL
        # plans a list of ids from its statistics of each, where it cannot
        # guess how many places a subquery of name matches finds, and then
        # reads every event of Azerbaijan to show the newest hundred.
        found = list(
            self.model.objects.filter(self.matches(text)).values_list("pk", flat=True)
        )
        return queryset.filter(**{f"{self.path}__in": found})


class SourceLanguageFilter(admin.AllValuesFieldListFilter):
    """The languages sources are written in, kept under the content token:
    Django reads them with a DISTINCT over every source on each page."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        values = self.lookup_choices
        self.lookup_choices = cached(
            ("admin-filter-values", model._meta.label, field_path),
            lambda: list(values),
        )


def partial_date_names(model):
    """The partial dates of `model` (PartialDatesMixin), each with its
    `<name>_precision` and `<name>_approximate` fields beside it."""
    return tuple(getattr(model, "partial_dates", ()))


class PartialDatesForm(forms.ModelForm):
    """A form whose partial dates' precision is empty while the date is: an
    empty date is not known "to the day". A typed date needs its precision
    said; with no date the column keeps the model's default, which nothing
    shows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in partial_date_names(self._meta.model):
            field = self.fields.get(f"{name}_precision")
            if field is None or name not in self.fields:
                continue
            field.required = False
            if "" not in [value for value, _label in field.choices]:
                field.choices = [("", "---------"), *field.choices]
            if getattr(self.instance, name, None) is None:
                self.initial[f"{name}_precision"] = ""

    def _clean_form(self):
        super()._clean_form()
        for name in partial_date_names(self._meta.model):
            precision = f"{name}_precision"
            if precision not in self.fields or name not in self.fields:
                continue
            if self.cleaned_data.get(precision):
                continue
            if self.cleaned_data.get(name) is not None:
                self.add_error(
                    precision,
                    gettext("Say how precisely the date is known: day, month or year."),
                )
            elif precision in self.cleaned_data:
                self.cleaned_data[precision] = Precision.DAY


def partial_date_column(name, description):
    """A changelist column showing the partial date `name` only as precisely
    as it is known ("2026", "January 2026"), sorted by the date."""

    @admin.display(description=description, ordering=name)
    def column(record):
        value = PartialDate.of(record, name)
        return value.display() if value else None

    # Django names the cells "field-<name>" after the function.
    column.__name__ = name
    return column


class TranslatedAdmin(TabbedTranslationAdmin):
    """Translated fields appear as one tab per language (jQuery UI tabs, served
    from static/vendor/), and the list can show what is not yet translated."""

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter)


class KnownAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that shows the record a row already holds from the
    row's own query, where Django asks the database again for every row."""

    known = None

    def optgroups(self, name, value, attr=None):
        chosen = {
            str(v) for v in value if str(v) not in self.choices.field.empty_values
        }
        if self.known is None or chosen != {str(self.known.pk)}:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(self.known)
        options.append(
            self.create_option(name, self.known.pk, label, chosen, len(options))
        )
        return [(None, options, 0)]


class KnownChoicesInline:
    """Inline rows (participants, partners, citations…) that open in the same
    number of queries however many there are: a record a row points to (the
    person of a participant, the source of a citation) is fetched for every
    row at once when the first row needs it (Django's FETCH_PEERS), and the
    autocomplete fields render it from there."""

    def get_queryset(self, request):
        return super().get_queryset(request).fetch_mode(FETCH_PEERS)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(
            request
        ):
            kwargs["widget"] = KnownAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        names = [
            name
            for name in self.get_autocomplete_fields(request)
            if name in formset.form.base_fields
            and self.model._meta.get_field(name).many_to_one
        ]

        class KnownChoicesFormSet(formset):
            def _construct_form(self, i, **kwargs):
                form = super()._construct_form(i, **kwargs)
                for name in names:
                    widget = getattr(form.fields[name].widget, "widget", None)
                    if isinstance(widget, KnownAutocompleteSelect):
                        # None for new and empty rows.
                        widget.known = getattr(form.instance, name, None)
                return form

        return KnownChoicesFormSet


class ParentPermissionsInline(KnownChoicesInline):
    """Rows edited inside a record's page (participants, partners, citations…)
    may be changed exactly when the record itself may: a contributor edits the
    rows of their own drafts, and nobody else's.

    They are the record's own rows: its history keeps them with it, and
    reverting the record puts them back as they were (HistoryAdmin)."""

    def _parent_editable(self, request, obj):
        parent_admin = self.admin_site._registry[self.parent_model]
        if obj is None:
            return parent_admin.has_add_permission(request)
        return parent_admin.has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._parent_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._parent_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._parent_editable(request, obj)


class RelatedRecordsInline(admin.TabularInline):
    """A read-only list of other records that point at this one (the
    agreements signed at an event), each with a link to its own page. They
    are not this record's rows: its history does not follow them, so
    reverting it never touches them."""

    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Added on their own page, with their own citations.
        return False


class SourcedCitationFormSet(BaseGenericInlineFormSet):
    """A record's citations as its form will leave them. A record the save
    makes or keeps public (published, scheduled, or being published with the
    button; an observation of a published indicator) must keep one that
    quotes its source (portal/core/workflow.py): otherwise the form shows why
    and nothing is saved."""

    # Whether the user may publish the record: only then is the button's
    # "publish" an intent (for anyone else the save itself is refused).
    can_publish = False

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        record = self.instance
        publishing = self.can_publish and "_publish" in self.data
        if not workflow.must_be_sourced(record, publishing):
            return
        quotes = [
            form.cleaned_data.get("quote", "")
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        # The record's own save (WorkflowAdmin.save_model) comes before its
        # rows are written: it reads them from here.
        record.citation_quotes = quotes
        problems = workflow.unsourced(record, quotes)
        if problems:
            raise ValidationError(problems)


def warn_if_unsourced(request, record):
    """On the page of a public record (or row) that lacks a quoted source,
    published before publishing required one: say so, and what it lacks."""
    if record is None or not workflow.must_be_sourced(record):
        return
    for problem in workflow.unsourced(record):
        messages.warning(
            request,
            gettext(
                "Readers see this record without a source. %(problem)s Until "
                "it has one, it can be returned to draft but not saved as "
                "published."
            )
            % {"problem": problem},
        )


class PublishingFormSetMixin:
    """Tells the rows' formset whether the user may publish the record."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.can_publish = issubclass(
            self.parent_model, WorkflowModel
        ) and workflow.can_publish(request.user, self.parent_model)
        return formset


class CitationInline(
    PublishingFormSetMixin, ParentPermissionsInline, TranslationGenericStackedInline
):
    """A record's citations, one under the other: a row of a table held the
    source, the quote in three languages and the locator side by side, wider
    than the form (1,372 px in a 987 px page)."""

    model = Citation
    formset = SourcedCitationFormSet
    extra = 0
    autocomplete_fields = ("source",)
    fields = ("source", "quote", ("locator", "position"))
    classes = ("citations",)


class ConflictAwareForm(PartialDatesForm, ConcurrentForm):
    """Refuses to save a form opened before someone else saved the record."""

    def clean(self):
        if not self.instance._concurrencymeta.enabled:
            # Reverting or recovering (see WorkflowAdmin.revision_view): the
            # editor deliberately saves an older copy.
            return forms.ModelForm.clean(self)
        cleaned = super().clean()
        if NON_FIELD_ERRORS in self.errors and self.instance.pk:
            opts = self.instance._meta
            history = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_history",
                args=[self.instance.pk],
            )
            self.errors[NON_FIELD_ERRORS] = self.error_class(
                [
                    format_html(
                        _(
                            "Someone else saved this record after you opened it, so "
                            "your changes were not saved and nothing was overwritten. "
                            'See <a href="{}">the newer version in its history</a>, '
                            "then reopen the record and make your changes again."
                        ),
                        history,
                    )
                ]
            )
        return cleaned


class HistoryAdmin(ImportExportMixin, CompareVersionAdmin):
    """Version history with compare, revert and recover (django-reversion), and
    import/export (django-import-export)."""

    # Change list: import-export's template extends the one VersionAdmin sets
    # (ImportExportMixin keeps it as `ie_base_change_list_template`), so the
    # Import/Export buttons and "Recover deleted" appear together; the MRO above
    # (ImportExportMixin before CompareVersionAdmin) is what makes that happen.
    history_latest_first = True
    # Size and type checks on the uploaded file (portal/core/uploads.py).
    import_form_class = CheckedImportForm
    # A partial date's precision is empty while the date is.
    form = PartialDatesForm
    # Changelists answer in the same few queries at any size: no second count
    # of every row for "N of M selected" (the filtered count is shown), and
    # no per-choice counts beside the filters (one conditional count per
    # choice over every row, hundreds for places).
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    # At 100,000 rows: a count PostgreSQL estimates beyond a few thousand
    # rows, and the date hierarchy's years probed from the index, instead of
    # reading every row twice per page (portal/core/changelist.py). The
    # autocomplete views use the same paginator.
    paginator = EstimatedCountPaginator
    # Fifty rows a page rather than Django's hundred: at 100,000 records a
    # row is found by search and filters, not by scrolling, and each row
    # costs about half a millisecond to render (more than half the page's
    # time at a hundred), which eight editors at once wait for in turn.
    list_per_page = 50

    def get_changelist(self, request, **kwargs):
        return ScaledChangeList

    def get_list_display(self, request):
        """A partial date's column shows it as known ("2026", "January 2026"),
        not as the first day Django would show ("Jan. 1, 2026"); its precision
        then needs no column of its own."""
        names = partial_date_names(self.model)
        display = []
        for item in super().get_list_display(request):
            if item in names:
                field = self.model._meta.get_field(item)
                display.append(partial_date_column(item, field.verbose_name))
            elif not (
                isinstance(item, str)
                and item.endswith("_precision")
                and item.removesuffix("_precision") in names
            ):
                display.append(item)
        return display

    def compare(self, obj, version1, version2):
        """What changed between two versions, in the fields an editor writes
        on the record's form: no version number, no times and names the admin
        keeps by itself, each translated field once per language (not also
        under its untranslated name, which mirrors one of them), and the
        record's own rows its history follows."""
        result = super().compare(obj, version1, version2)
        written = self.editor_written_fields()
        followed = set(self.history_follows)
        diff = []
        for entry in result.diff:
            field = entry["field"]
            if getattr(field, "concrete", False) or getattr(field, "many_to_many", 0):
                # A link to a record the history does not follow (a place)
                # compares as changed even when it is empty in both: the
                # values stored in the two versions say whether it changed.
                keep = field.name in written and _stored(version1, field) != _stored(
                    version2, field
                )
            else:
                keep = field.name in followed
            if keep:
                diff.append(entry)
        return CompareResult(
            diff=diff,
            has_unfollowed_fields=any(
                entry["is_related"] and not entry["follow"] for entry in diff
            ),
        )

    def editor_written_fields(self):
        """The names of the model's fields an editor fills in on its form."""
        translated = (
            set(translator.get_options_for_model(self.model).fields)
            if self.model in translator.get_registered_models()
            else set()
        )
        names = set()
        for field in self.model._meta.get_fields():
            if not getattr(field, "editable", False) or not (
                field.concrete or field.many_to_many
            ):
                continue
            if field.auto_created or isinstance(field, VersionField):
                continue
            if field.name in translated or field.name in self.internal_fields:
                continue
            names.add(field.name)
        return names

    # Kept by the admin itself, never typed by an editor.
    internal_fields = (
        "created_at",
        "updated_at",
        "created_by",
        "updated_by",
        "submitted_by",
        "submitted_at",
        "version",
    )

    def action_checkbox(self, obj):
        # Django renders this checkbox through the forms' template renderer,
        # once per row (a tenth of a changelist page's time); the same
        # markup, written out.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" '
            'aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            format_html(gettext(ACTION_CHECKBOX_LABEL), str(obj)),
        )

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.history_follows = [
            name
            for inline in self.inlines
            for _model, name in [self._reversion_introspect_inline_admin(inline)]
            if name
        ]
        history.register(model, self.history_follows)

    def _reversion_introspect_inline_admin(self, inline):
        # django-reversion follows every inline; a record's history follows
        # only its own rows, never the other records an inline lists.
        if not issubclass(inline, ParentPermissionsInline):
            return None, None
        return super()._reversion_introspect_inline_admin(inline)

    # History: the list and compare need the right to view the record;
    # opening a version (the revert form) or recovering one needs the right
    # to change it, checked before anything is written.

    def history_view(self, request, object_id, extra_context=None):
        record = self.get_object(request, unquote(object_id))
        context = {
            "can_revert": record is not None
            and self.has_change_permission(request, record),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def _get_action_list(self, request, object_id, extra_context=None):
        actions = super()._get_action_list(request, object_id, extra_context)
        if not (extra_context or {}).get("can_revert"):
            # The dates link to the revert form, which would answer 403.
            for action in actions:
                action["url"] = None
        return actions

    def compare_view(self, request, object_id, extra_context=None):
        record = self.get_object(request, unquote(object_id))
        if record is not None and not self.has_view_or_change_permission(
            request, record
        ):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        object_id = unquote(object_id)
        version = get_object_or_404(
            Version.objects.get_for_object_reference(self.model, object_id),
            pk=version_id,
        )
        record = self.get_object(request, object_id)
        opts = self.model._meta
        if record is None:
            self.message_user(
                request,
                _(
                    "“%(object)s” has been deleted since. To bring it back, "
                    "recover it from the deleted %(name)s."
                )
                % {"object": version.object_repr, "name": opts.verbose_name_plural},
                messages.WARNING,
            )
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_recoverlist")
            )
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        context = {
            "title": gettext("Revert %(name)s") % {"name": version.object_repr},
            "revert": True,
            **(extra_context or {}),
        }
        return self._restore_view(
            request,
            version,
            self.revision_form_template
            or self._reversion_get_template_list("revision_form.html"),
            context,
            fallback=reverse(
                f"admin:{opts.app_label}_{opts.model_name}_history",
                args=[quote(record.pk)],
            ),
        )

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(
            Version.objects.get_for_model(self.model), pk=version_id
        )
        if not self.has_add_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        existing = self.model._default_manager.filter(pk=version.object_id).first()
        if existing is not None:
            self.message_user(
                request,
                _("“%(object)s” exists: there is nothing to recover.")
                % {"object": existing},
                messages.WARNING,
            )
            return HttpResponseRedirect(
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change",
                    args=[quote(existing.pk)],
                )
            )
        context = {
            "title": gettext("Recover %(name)s") % {"name": version.object_repr},
            "recover": True,
            **(extra_context or {}),
        }
        return self._restore_view(
            request,
            version,
            self.recover_form_template
            or self._reversion_get_template_list("recover_form.html"),
            context,
            fallback=reverse(f"admin:{opts.app_label}_{opts.model_name}_recoverlist"),
        )

    def prepare_restoration(self, request, restoration):
        """Adjust what a revert or recovery writes before anything is written."""

    def _restore_view(self, request, version, template_name, context, fallback):
        """The revert and recover form: the record and its own rows are put back
        as `version` holds them (portal/core/history.py) inside a transaction, and
        the ordinary change form is shown on them. Showing it (GET) rolls the
        transaction back; saving the form (POST) keeps it."""
        try:
            restoration = history.Restoration(version)
        except RevertError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(fallback)
        self.prepare_restoration(request, restoration)
        if not self.has_change_permission(request, restoration.obj):
            raise PermissionDenied
        # Showing the form must not set off what a save would (caches,
        # search text): it is rolled back.
        signals = (
            mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
            if request.method == "GET"
            else nullcontext()
        )
        request.history_restoration = restoration
        try:
            with transaction.atomic(using=version.db), signals:
                restoration.apply()
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(str(restoration.obj.pk)), request.path, context
                    )
                    if restoration.saved:
                        set_comment(
                            gettext(
                                "Reverted to previous version, saved on %(datetime)s"
                            )
                            % {"datetime": self._saved_on(version)}
                        )
                        return response
                    if response.status_code == 200:
                        response.template_name = template_name
                        response.render()
                    raise _RollBack(response)
        except RevertError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(fallback)
        except _RollBack as rollback:
            return rollback.response

    @staticmethod
    def _saved_on(version):
        return localize(template_localtime(version.revision.date_created))

    def response_change(self, request, obj):
        restoration = getattr(request, "history_restoration", None)
        if restoration is None:
            return super().response_change(request, obj)
        restoration.saved = True
        self.message_user(request, self._restored_message(restoration, obj))
        return self.response_post_save_change(request, obj)

    def _restored_message(self, restoration, obj):
        values = {
            "name": self.model._meta.verbose_name,
            "object": obj,
            "date": self._saved_on(restoration.version),
            "rows": ", ".join(restoration.restored_kinds),
        }
        recovered = restoration.live is None
        if restoration.restored_kinds and recovered:
            text = _(
                "The %(name)s “%(object)s” was recovered as it was on %(date)s, "
                "with its own rows as they were then (%(rows)s). No other record "
                "was changed."
            )
        elif restoration.restored_kinds:
            text = _(
                "The %(name)s “%(object)s” was reverted to its version of "
                "%(date)s, with its own rows as they were then (%(rows)s). No "
                "other record was changed."
            )
        elif recovered:
            text = _(
                "The %(name)s “%(object)s” was recovered as it was on %(date)s. "
                "No other record was changed."
            )
        else:
            text = _(
                "The %(name)s “%(object)s” was reverted to its version of "
                "%(date)s. No other record was changed."
            )
        text = text % values
        if restoration.kept_kinds:
            text += " " + _(
                "That version holds no %(rows)s, so those were left as they are."
            ) % {"rows": ", ".join(restoration.kept_kinds)}
        return text

    def has_import_permission(self, request):
        # Only records with a documented column format (a declared resource)
        # can be imported; the rest (citations, participations, partners,
        # milestones) are edited inside their parent record.
        return bool(self.resource_classes) and super().has_import_permission(request)

    def has_export_permission(self, request):
        return bool(self.resource_classes) and super().has_export_permission(request)

    # Import hooks (the rules themselves are in portal/core/resources.py).

    def create_import_form(self, request):
        form = super().create_import_form(request)
        # Only those who may publish choose the status imported records get.
        if not workflow.can_publish(request.user, self.model):
            form.fields.pop("status", None)
        return form

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            # The status chosen on the upload form is kept for the confirm step.
            initial["status"] = import_form.cleaned_data.get("status", "")
        return initial

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The records changed between preview and confirm, and the file no
            # longer imports cleanly; the import was rolled back whole.
            self.message_user(
                request,
                _(
                    "Nothing was imported: the file no longer imports cleanly. "
                    "Upload it again to see why."
                ),
                messages.ERROR,
            )
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_import")
            )
        return super().process_result(result, request)


def _stored(version, field):
    """The value of `field` a version holds, as stored (ids for links)."""
    values = version.field_dict
    value = values.get(field.name, values.get(getattr(field, "attname", ""), None))
    if isinstance(value, (list, tuple, set)):
        return sorted(str(item) for item in value)
    return value


# "Save and publish" posts `_publish`; the confirmation posts it again with
# this (WorkflowAdmin.publish_confirmation).
PUBLISH_CONFIRMED = "_publish_confirmed"
SUBMIT_NAMES = (
    "_publish",
    "_save",
    "_continue",
    "_addanother",
    "_saveasnew",
    "_send_for_review",
)


class _ConfirmPublish(Exception):
    """Raised by save_model before anything is written: "Save and publish"
    not yet confirmed."""

    def __init__(self, record):
        self.record = record


class _RollBack(Exception):
    """Leaves the revert form's transaction, undoing what showing it wrote."""

    def __init__(self, response):
        self.response = response


class TranslatedHistoryAdmin(HistoryAdmin, TranslatedAdmin):
    """History and import/export for records with translated fields. Reversion
    registers the model here, after modeltranslation added its columns, so every
    version holds every language."""


class WorkflowAdmin(TranslatedHistoryAdmin):
    """Records that go through draft → in review → published → archived, with
    stale edits refused (django-concurrency's form and version column; its
    ModelAdmin is not used because its action hooks predate Django 6.1's).
    Sources use it as it is; the records of the relations add their citations
    (PublishableAdmin)."""

    form = ConflictAwareForm
    formfield_overrides = {VersionField: {"widget": VersionWidget}}

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _ConfirmPublish as pending:
            # Nothing was written (save_model refused before the first write,
            # and the view's transaction is rolled back).
            return self.publish_confirmation(request, pending.record, object_id)
        except RecordModifiedError:
            # Another save landed between this form's check and its own save; the
            # transaction was rolled back, so nothing of this form was written.
            self.message_user(
                request,
                _(
                    "Someone else saved this record at the same moment; nothing of "
                    "yours was saved. Please make your changes again."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # The revert form holds the version number the restored copy had when
        # shown, and saving it restores the copy again; the editor chose to go
        # back, so no conflict applies.
        with disable_concurrency(self.model):
            return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        with disable_concurrency(self.model):
            return super().recover_view(request, version_id, extra_context)

    def prepare_restoration(self, request, restoration):
        # The restored record continues from its present version number, so a
        # form opened before the revert is still refused afterwards.
        keep = ["version"]
        if not workflow.can_publish(request.user, self.model):
            # Going back in history does not move a record along the
            # workflow: that is an editor's step.
            keep += ["status", "published_at", "submitted_by", "submitted_at"]
        restoration.keep_current(keep)

    list_filter = ("status",)
    readonly_fields = (
        "created_at",
        "updated_at",
        "created_by",
        "updated_by",
        "submitted_by",
        "submitted_at",
    )
    save_on_top = True
    change_form_template = "admin/portal/publishable_change_form.html"
    actions = ("send_for_review", "publish", "return_to_draft", "archive")
    editor_note_fieldset = (
        _("Editor's note"),
        {"classes": ("collapse",), "fields": ("editor_note",)},
    )
    publishing_fieldset = (
        _("Publishing"),
        {
            "fields": (
                "status",
                "published_at",
                ("submitted_by", "submitted_at"),
                ("created_at", "created_by"),
                ("updated_at", "updated_by"),
                "version",
            )
        },
    )

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.can_edit(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if not workflow.can_publish(request.user, self.model):
            # Contributors move records with the "Send for review" button.
            fields = (*fields, "status", "published_at")
        return fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        # What the citation rows will quote (SourcedCitationFormSet), which
        # are saved after the record.
        quotes = getattr(obj, "citation_quotes", None)
        if "_send_for_review" in request.POST:
            workflow.send_for_review(obj, request.user)
        elif "_publish" in request.POST:
            if (
                PUBLISH_CONFIRMED not in request.POST
                and workflow.can_publish(request.user, self.model)
                and getattr(request, "history_restoration", None) is None
            ):
                # "Save and publish" asks first (publish_confirmation).
                raise _ConfirmPublish(obj)
            workflow.publish(obj, request.user, quotes)
        if obj.status not in (Status.DRAFT, Status.REVIEW) and not (
            workflow.can_publish(request.user, self.model)
        ):
            # The form hides the status from contributors; this guards the rest.
            raise PermissionDenied
        if obj.status == Status.PUBLISHED:
            # Published with the status field: the citation rows' form has
            # refused it already when unsourced; this guards the rest.
            workflow.require_sources(obj, quotes)
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_publish"] = workflow.can_publish(request.user, self.model)
        context["can_send_for_review"] = obj is None or obj.status == Status.DRAFT
        context["preview_links"] = self.preview_links(obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def view_on_site(self, obj):
        """Readers' page, only once readers can see it (a draft's is a 404:
        its "Preview" links show it instead)."""
        if getattr(obj, "is_public", False):
            return obj.get_absolute_url()
        return None

    @staticmethod
    def previewable(obj):
        """Whether the record's public page is one a preview can show: a
        record page that reads its record through `readable()` (PublishedMixin
        or `shows_previews`, portal/core/views.py)."""
        try:
            match = resolve(obj.get_absolute_url())
        except (Resolver404, NoReverseMatch, ValueError):
            return False
        view = getattr(match.func, "view_class", match.func)
        return getattr(view, "shows_previews", False)

    def preview_links(self, obj):
        """(language name, address) of the record's signed, expiring preview
        in each language (portal/editorial/preview.py); none for a record not
        yet saved or without a record page."""
        if obj is None or obj.pk is None or not self.previewable(obj):
            return []
        url = reverse("record-preview", kwargs={"token": workflow.preview_token(obj)})
        return [
            (get_language_info(code)["name_local"], f"{url}?lang={code}")
            for code, _name in settings.LANGUAGES
        ]

    def publish_confirmation(self, request, record, object_id):
        """ "Publish “…”?": the form's data carried in hidden fields, to be
        posted again with the answer. Works without JavaScript."""
        opts = self.model._meta
        skipped = {"csrfmiddlewaretoken", PUBLISH_CONFIRMED, *SUBMIT_NAMES}
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in skipped
            for value in values
        ]
        if object_id is None:
            cancel_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        else:
            cancel_url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[quote(unquote(object_id))],
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": gettext("Publish “%(record)s”?") % {"record": record},
            "record": record,
            "object_id": object_id,
            "scheduled": record.published_at is not None
            and record.published_at > timezone.now(),
            "fields": fields,
            "confirmed_name": PUBLISH_CONFIRMED,
            "action_url": request.get_full_path(),
            "cancel_url": cancel_url,
        }
        return TemplateResponse(
            request, "admin/portal/publish_confirmation.html", context
        )

    def _move(self, request, queryset, step, done_message):
        moved, refused = 0, []
        for record in queryset:
            if not workflow.can_edit(request.user, record):
                # A contributor's selection may include other people's drafts
                # and records past draft; those are not theirs to move.
                refused.append(record)
                continue
            try:
                step(record, request.user)
            except workflow.Unsourced as refusal:
                # The message names the record.
                self.message_user(request, str(refusal), messages.ERROR)
                continue
            except PermissionDenied as refusal:
                self.message_user(request, f"{record}: {refusal}", messages.ERROR)
                continue
            record.updated_by = request.user
            record.save()
            moved += 1
        if refused:
            self.message_user(
                request,
                _("Left unchanged, as you may not change them: %(records)s.")
                % {"records": ", ".join(f"“{record}”" for record in refused)},
                messages.WARNING,
            )
        if moved:
            self.message_user(request, done_message % {"count": moved})

    @admin.action(description=_("Send selected records for review"))
    def send_for_review(self, request, queryset):
        self._move(
            request,
            queryset,
            workflow.send_for_review,
            _("%(count)s record(s) sent for review."),
        )

    @admin.action(description=_("Publish selected records"), permissions=("publish",))
    def publish(self, request, queryset):
        """Asks first, as "Save and publish" does: a page naming what readers
        will see, whose form posts the same selection again with post=yes (as
        Django's "Delete selected" confirmation does)."""
        if request.POST.get("post") != "yes":
            return self.publish_selected_confirmation(request, queryset)
        self._move(
            request, queryset, workflow.publish, _("%(count)s record(s) published.")
        )

    # The records a bulk confirmation names; the rest are counted ("and N more"),
    # so a selection across 100,000 records stays one short page.
    CONFIRMATION_SHOWN = 50

    def publish_selected_confirmation(self, request, queryset):
        opts = self.model._meta
        count = queryset.count()
        shown = list(queryset[: self.CONFIRMATION_SHOWN])
        # The selection as posted (the ticked rows, or "select across" with the
        # changelist's filters in the address), carried in hidden fields.
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in {"csrfmiddlewaretoken", "post"}
            for value in values
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": ngettext(
                "Publish %(count)s %(name)s?",
                "Publish %(count)s %(name_plural)s?",
                count,
            )
            % {
                "count": count,
                "name": opts.verbose_name,
                "name_plural": opts.verbose_name_plural,
            },
            "records": [
                (record, workflow.can_edit(request.user, record)) for record in shown
            ],
            "more": count - len(shown),
            "fields": fields,
            "action_url": request.get_full_path(),
        }
        return TemplateResponse(
            request, "admin/portal/publish_selected_confirmation.html", context
        )

    @admin.action(
        description=_("Return selected records to draft"), permissions=("publish",)
    )
    def return_to_draft(self, request, queryset):
        self._move(
            request,
            queryset,
            workflow.return_to_draft,
            _("%(count)s record(s) returned to draft."),
        )

    @admin.action(description=_("Archive selected records"), permissions=("publish",))
    def archive(self, request, queryset):
        self._move(
            request, queryset, workflow.archive, _("%(count)s record(s) archived.")
        )

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user, self.model)


class PublishableAdmin(WorkflowAdmin):
    """The records of the relations: the workflow, and their citations."""

    inlines = (CitationInline,)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            warn_if_unsourced(request, self.get_object(request, unquote(object_id)))
        return super().change_view(request, object_id, form_url, extra_context)

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), UnsourcedFilter)

    def get_search_results(self, request, queryset, search_term):
        """On PostgreSQL, every word is looked for in the record's stored,
        folded text (title, summary and body in every language, as the site
        search reads it; "Aliyev" finds "Əliyev") or is its slug, through the
        search indexes: a changelist search of 100,000 records answers in
        milliseconds instead of reading every row. Elsewhere, Django's own."""
        words = search_term.split()[:10]
        weights = getattr(self.model, "search_weights", ())
        fields = [field for group in weights for field in group]
        conditions = [
            stored_text_condition(self.model, fields, fold(word)) for word in words
        ]
        if not words or not fields or None in conditions:
            return super().get_search_results(request, queryset, search_term)
        for word, condition in zip(words, conditions, strict=True):
            queryset = queryset.filter(Q(condition) | Q(slug=word))
        return queryset, False


@admin.register(Place)
class PlaceAdmin(TranslatedHistoryAdmin):
    resource_classes = (PlaceResource,)
    list_display = ("name", "kind", "parent", "country_code", "latitude", "longitude")
    list_filter = ("kind", "country_code")
    list_select_related = ("parent",)
    search_fields = ("slug", *all_languages("name"))
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}


class OfficeInline(ParentPermissionsInline, TranslationTabularInline):
    """A person's offices; each one's citations are on its own page (the
    change link), as a row here cannot hold rows of its own."""

    model = Office
    form = PartialDatesForm
    extra = 0
    show_change_link = True
    autocomplete_fields = ("organization",)
    fields = (
        "title",
        "organization",
        "start",
        "start_precision",
        "start_approximate",
        "end",
        "end_precision",
        "end_approximate",
        "ended",
        "position",
    )


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    resource_classes = (PersonResource,)
    import_form_class = PublishableImportForm
    confirm_form_class = PublishableConfirmImportForm
    list_display = ("name", "honorific", "country", "status", "updated_at")
    list_filter = ("status", "country")
    list_select_related = ("country",)
    search_fields = ("slug", *all_languages("name", "honorific"))
    autocomplete_fields = ("country",)
    prepopulated_fields = {"slug": ("name",)}
    date_hierarchy = "updated_at"
    inlines = (OfficeInline, *PublishableAdmin.inlines)
    fieldsets = (
        (None, {"fields": ("name", "slug", "honorific", "country", "bio")}),
        WorkflowAdmin.editor_note_fieldset,
        WorkflowAdmin.publishing_fieldset,
    )


@admin.register(Office)
class OfficeAdmin(TranslatedHistoryAdmin):
    """An office on its own page, with its citations."""

    resource_classes = (OfficeResource,)
    list_display = ("title", "person", "organization", "start", "end", "ended")
    list_filter = ("ended",)
    list_select_related = ("person", "organization")
    search_fields = ("person__name_en", *all_languages("title"))
    autocomplete_fields = ("person", "organization")
    inlines = (CitationInline,)
    fields = (
        "person",
        "title",
        "organization",
        ("start", "start_precision", "start_approximate"),
        ("end", "end_precision", "end_approximate"),
        "ended",
        "position",
    )


@admin.register(Organization)
class OrganizationAdmin(PublishableAdmin):
    resource_classes = (OrganizationResource,)
    import_form_class = PublishableImportForm
    confirm_form_class = PublishableConfirmImportForm
    list_display = ("name", "acronym", "kind", "country", "status", "updated_at")
    list_filter = ("status", "kind", "country")
    list_select_related = ("country",)
    search_fields = ("slug", *all_languages("name", "acronym"))
    autocomplete_fields = ("country", "parent")
    prepopulated_fields = {"slug": ("name",)}
    date_hierarchy = "updated_at"
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "slug",
                    "acronym",
                    "kind",
                    "country",
                    "parent",
                    "website",
                    "description",
                )
            },
        ),
        WorkflowAdmin.editor_note_fieldset,
        WorkflowAdmin.publishing_fieldset,
    )


@admin.register(Source)
class SourceAdmin(WorkflowAdmin):
    """Sources follow the workflow: a contributor's new source is a draft,
    and neither its page nor any citation of it is public until an editor
    publishes it."""

    resource_classes = (SourceResource,)
    import_form_class = PublishableImportForm
    confirm_form_class = PublishableConfirmImportForm
    list_display = (
        "title",
        "kind",
        "publisher",
        "published_on",
        "language",
        "status",
    )
    list_filter = ("status", "kind", ("language", SourceLanguageFilter))
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "kind",
                    "publisher",
                    "url",
                    (
                        "published_on",
                        "published_on_precision",
                        "published_on_approximate",
                    ),
                    "language",
                    "notes",
                )
            },
        ),
        WorkflowAdmin.editor_note_fieldset,
        WorkflowAdmin.publishing_fieldset,
    )
    list_select_related = ("publisher",)
    search_fields = ("url", *all_languages("title"))
    autocomplete_fields = ("publisher",)
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_on"


class CitationForm(forms.ModelForm):
    """Refuses to take the last quoted source from a public record: blanking
    the quote, or moving the citation to another record."""

    def clean(self):
        cleaned = super().clean()
        stored = self.instance
        if stored.pk is None:
            return cleaned
        # (The instance takes the form's values only after clean().)
        target = (
            getattr(cleaned.get("content_type"), "pk", stored.content_type_id),
            cleaned.get("object_id", stored.object_id),
        )
        moved = target != (stored.content_type_id, stored.object_id)
        if moved or not (cleaned.get("quote", stored.quote) or "").strip():
            refuse_last_sources(workflow.left_unsourced([stored]))
        return cleaned


def refuse_last_sources(records):
    if records:
        raise ValidationError(last_sources_message(records))


def last_sources_message(records):
    return gettext(
        "This is the last citation with a quote of %(records)s, which readers "
        "see: nothing is published without a source. Add another citation "
        "first, or return the record to draft."
    ) % {"records": ", ".join(f"“{record}”" for record in records)}


@admin.register(Citation)
class CitationAdmin(TranslatedHistoryAdmin):
    form = CitationForm
    list_display = ("source", "content_type", "object_id", "locator")
    list_filter = ("content_type", SourceFilter)
    list_select_related = ("source", "content_type")
    search_fields = ("quote", "source__title_en", *all_languages("locator"))
    autocomplete_fields = ("source",)
    actions = ("delete_selected",)

    def delete_view(self, request, object_id, extra_context=None):
        citation = self.get_object(request, unquote(object_id))
        left = workflow.left_unsourced([citation]) if citation else []
        if left:
            self.message_user(request, last_sources_message(left), messages.ERROR)
            return HttpResponseRedirect(
                reverse("admin:portal_citation_change", args=[quote(citation.pk)])
            )
        return super().delete_view(request, object_id, extra_context)

    @admin.action(description=delete_rows.short_description, permissions=("delete",))
    def delete_selected(self, request, queryset):
        left = workflow.left_unsourced(queryset)
        if left:
            self.message_user(request, last_sources_message(left), messages.ERROR)
            return None
        return delete_rows(self, request, queryset)


class ObservationFormSet(forms.BaseInlineFormSet):
    """A published indicator's figures each need a citation of their own,
    which a row here cannot hold: a new one is added on its own page."""

    can_publish = False  # (as SourcedCitationFormSet's)

    def clean(self):
        super().clean()
        indicator = self.instance
        publishing = self.can_publish and "_publish" in self.data
        if not workflow.must_be_sourced(indicator, publishing):
            return
        added = [
            form
            for form in self.extra_forms
            if form.has_changed() and not self._should_delete_form(form)
        ]
        if added:
            raise ValidationError(
                gettext(
                    "A figure of a published indicator is shown only with its own "
                    "source: add it on the observation's own page (Observations, "
                    "Add), with a citation quoting its source."
                )
            )


class ObservationInline(
    PublishingFormSetMixin, ParentPermissionsInline, TranslationTabularInline
):
    model = Observation
    formset = ObservationFormSet
    extra = 0
    show_change_link = True
    autocomplete_fields = ("reported_by",)
    fields = (
        "period_start",
        "period_end",
        "period_precision",
        "reported_by",
        "side",
        "rank",
        "value_qualifier",
        "value",
        "change_qualifier",
        "change_percent",
        "note",
    )


@admin.register(Indicator)
class IndicatorAdmin(PublishableAdmin):
    resource_classes = (IndicatorResource,)
    import_form_class = PublishableImportForm
    confirm_form_class = PublishableConfirmImportForm
    list_display = (
        "name",
        "unit",
        "currency",
        "component_of",
        "position",
        "status",
        "updated_at",
    )
    list_editable = ("position",)
    search_fields = ("slug", *all_languages("name", "description"))
    prepopulated_fields = {"slug": ("name",)}
    date_hierarchy = "updated_at"
    autocomplete_fields = ("component_of",)
    list_select_related = ("component_of",)
    inlines = (ObservationInline, CitationInline)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "slug",
                    "unit",
                    "currency",
                    "description",
                    "component_of",
                    "position",
                )
            },
        ),
        WorkflowAdmin.editor_note_fieldset,
        WorkflowAdmin.publishing_fieldset,
    )


@admin.register(Observation)
class ObservationAdmin(TranslatedHistoryAdmin):
    resource_classes = (ObservationResource,)
    list_display = (
        "indicator",
        "period_start",
        "period_end",
        "reported_by",
        "side",
        "rank",
        "value_qualifier",
        "value",
        "change_percent",
    )
    list_filter = ("indicator", "side", "rank")
    list_select_related = ("indicator", "reported_by")
    search_fields = ("indicator__name_en", *all_languages("note"))
    autocomplete_fields = ("indicator", "reported_by")
    date_hierarchy = "period_end"
    inlines = (CitationInline,)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            warn_if_unsourced(request, self.get_object(request, unquote(object_id)))
        return super().change_view(request, object_id, form_url, extra_context)
