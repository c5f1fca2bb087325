from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from portal.core.admin import (
    CitationInline,
    ParentPermissionsInline,
    PartialDatesForm,
    PublishableAdmin,
    TranslatedHistoryAdmin,
    all_languages,
)
from portal.core.resources import PublishableConfirmImportForm, PublishableImportForm
from projects.models import (
    Measure,
    MeasureKind,
    Milestone,
    Partner,
    Project,
    Sector,
    Unit,
)
from projects.resources import MeasureResource, ProjectResource, SectorResource


@admin.register(Sector)
class SectorAdmin(TranslatedHistoryAdmin):
    resource_classes = (SectorResource,)
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = all_languages("name")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(MeasureKind)
class MeasureKindAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = ("slug", *all_languages("name"))
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Unit)
class UnitAdmin(TranslatedHistoryAdmin):
    list_display = ("name", "symbol", "slug", "is_money", "position")
    list_editable = ("position",)
    list_filter = ("is_money",)
    search_fields = ("slug", *all_languages("name", "symbol"))
    prepopulated_fields = {"slug": ("name",)}


# Partners, milestones and measures carry citations of their own, which an
# inline row cannot hold (Django has no inlines inside inlines): each row
# links to its own page ("Change"), where its citations are edited, as an
# indicator's observations do.


class PartnerInline(ParentPermissionsInline, TranslationTabularInline):
    model = Partner
    extra = 0
    show_change_link = True
    autocomplete_fields = ("organization",)
    fields = ("organization", "role", "note", "reported_not_confirmed", "position")


class MilestoneInline(ParentPermissionsInline, TranslationTabularInline):
    model = Milestone
    form = PartialDatesForm
    extra = 0
    show_change_link = True
    fields = (
        "kind",
        "title",
        "date",
        "date_precision",
        "date_approximate",
        "position",
    )


class MeasureInline(ParentPermissionsInline, TranslationTabularInline):
    model = Measure
    form = PartialDatesForm
    extra = 0
    show_change_link = True
    autocomplete_fields = ("kind", "unit", "per_unit")
    fields = (
        "kind",
        "qualifier",
        "value",
        "value_high",
        "unit",
        "currency",
        "per_unit",
        "as_of",
        "as_of_precision",
        "as_of_approximate",
        "rank",
        "note",
        "position",
    )


@admin.register(Project)
class ProjectAdmin(PublishableAdmin):
    resource_classes = (ProjectResource,)
    import_form_class = PublishableImportForm
    confirm_form_class = PublishableConfirmImportForm
    list_display = (
        "title",
        "sector",
        "project_status",
        "direction",
        "featured",
        "status",
    )
    list_filter = ("status", "project_status", "sector", "direction", "featured")
    list_select_related = ("sector",)
    search_fields = ("slug", *all_languages("title", "summary"))
    autocomplete_fields = ("places", "events", "agreements", "third_country")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "start_date"
    inlines = (
        MeasureInline,
        PartnerInline,
        MilestoneInline,
        *PublishableAdmin.inlines,
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "sector",
                    "project_status",
                    ("direction", "third_country"),
                    "featured",
                    "summary",
                    "body",
                )
            },
        ),
        (
            _("Dates and places"),
            {
                "fields": (
                    ("start_date", "start_date_precision", "start_date_approximate"),
                    ("end_date", "end_date_precision", "end_date_approximate"),
                    "places",
                )
            },
        ),
        (_("Links"), {"fields": ("events", "agreements")}),
        PublishableAdmin.editor_note_fieldset,
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Partner)
class PartnerAdmin(TranslatedHistoryAdmin):
    list_display = ("organization", "project", "role", "reported_not_confirmed")
    list_filter = ("role", "reported_not_confirmed")
    list_select_related = ("organization", "project")
    search_fields = ("organization__name_en", "project__title_en")
    autocomplete_fields = ("project", "organization")
    inlines = (CitationInline,)


@admin.register(Milestone)
class MilestoneAdmin(TranslatedHistoryAdmin):
    list_display = ("title", "project", "kind", "date", "date_precision")
    list_filter = ("kind",)
    list_select_related = ("project",)
    search_fields = ("project__title_en", *all_languages("title"))
    autocomplete_fields = ("project",)
    date_hierarchy = "date"
    inlines = (CitationInline,)


@admin.register(Measure)
class MeasureAdmin(TranslatedHistoryAdmin):
    resource_classes = (MeasureResource,)
    list_display = (
        "project",
        "kind",
        "qualifier",
        "value",
        "value_high",
        "unit",
        "currency",
        "rank",
    )
    list_filter = ("kind", "rank", "unit")
    list_select_related = ("project", "kind", "unit")
    search_fields = ("project__title_en", "project__slug", *all_languages("note"))
    autocomplete_fields = ("project", "kind", "unit", "per_unit")
    date_hierarchy = "as_of"
    inlines = (CitationInline,)
    fieldsets = (
        (None, {"fields": ("project", "kind", "rank", "position")}),
        (
            _("Value"),
            {
                "fields": (
                    ("qualifier", "value", "value_high"),
                    ("unit", "currency", "per_unit"),
                    ("as_of", "as_of_precision", "as_of_approximate"),
                    "note",
                )
            },
        ),
    )
