from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from portal.core.admin import (
    HistoryAdmin,
    ParentPermissionsInline,
    PublishableAdmin,
    TranslatedHistoryAdmin,
    all_languages,
)
from portal.core.resources import PublishableConfirmImportForm, PublishableImportForm
from projects.models import Milestone, Partner, Project, Sector
from projects.resources import ProjectResource, SectorResource


@admin.register(Sector)
class SectorAdmin(TranslatedHistoryAdmin):
    resource_classes = (SectorResource,)
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = all_languages("name")
    prepopulated_fields = {"slug": ("name",)}


class PartnerInline(ParentPermissionsInline, admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ("organization",)
    fields = ("organization", "role", "position")


class MilestoneInline(ParentPermissionsInline, TranslationTabularInline):
    model = Milestone
    extra = 0
    fields = ("title", "date", "date_precision", "date_approximate", "position")


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
    autocomplete_fields = ("places", "events", "agreements")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "start_date"
    inlines = (PartnerInline, MilestoneInline, *PublishableAdmin.inlines)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "sector",
                    "project_status",
                    "direction",
                    "featured",
                    "summary",
                    "body",
                )
            },
        ),
        (
            _("Size"),
            {
                "fields": (
                    ("capacity_value", "capacity_unit"),
                    ("investment_amount", "investment_currency"),
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
class PartnerAdmin(HistoryAdmin):
    list_display = ("organization", "project", "role")
    list_filter = ("role",)
    list_select_related = ("organization", "project")
    search_fields = ("organization__name_en", "project__title_en")
    autocomplete_fields = ("project", "organization")


@admin.register(Milestone)
class MilestoneAdmin(TranslatedHistoryAdmin):
    list_display = ("title", "project", "date", "date_precision")
    list_select_related = ("project",)
    search_fields = ("project__title_en", *all_languages("title"))
    autocomplete_fields = ("project",)
    date_hierarchy = "date"
