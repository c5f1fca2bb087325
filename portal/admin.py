"""The editors' admin for reference data, plus the base class every publishable
record's admin shares."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext_lazy as _

from .models import (
    Citation,
    Indicator,
    Observation,
    Organization,
    Person,
    Place,
    Source,
)


class CitationInline(GenericTabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ("source",)
    fields = ("source", "quote", "locator", "position")


class PublishableAdmin(admin.ModelAdmin):
    """Shared options for every record that goes through draft → published."""

    list_filter = ("status",)
    readonly_fields = ("created_at", "updated_at", "created_by", "updated_by")
    inlines = (CitationInline,)
    save_on_top = True
    publishing_fieldset = (
        _("Publishing"),
        {
            "fields": (
                "status",
                "published_at",
                ("created_at", "created_by"),
                ("updated_at", "updated_by"),
            )
        },
    )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent", "country_code", "latitude", "longitude")
    list_filter = ("kind", "country_code")
    list_select_related = ("parent",)
    search_fields = ("name", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    list_display = ("name", "honorific", "country", "status", "updated_at")
    list_filter = ("status", "country")
    list_select_related = ("country",)
    search_fields = ("name", "honorific", "slug")
    autocomplete_fields = ("country",)
    prepopulated_fields = {"slug": ("name",)}
    date_hierarchy = "updated_at"
    fieldsets = (
        (None, {"fields": ("name", "slug", "honorific", "country", "bio")}),
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Organization)
class OrganizationAdmin(PublishableAdmin):
    list_display = ("name", "acronym", "kind", "country", "status", "updated_at")
    list_filter = ("status", "kind", "country")
    list_select_related = ("country",)
    search_fields = ("name", "acronym", "slug")
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
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "publisher", "published_on", "language")
    list_filter = ("kind", "language")
    list_select_related = ("publisher",)
    search_fields = ("title", "url", "publisher__name")
    autocomplete_fields = ("publisher",)
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_on"


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ("source", "content_type", "object_id", "locator")
    list_filter = ("content_type", "source")
    list_select_related = ("source", "content_type")
    search_fields = ("quote", "locator", "source__title")
    autocomplete_fields = ("source",)


class ObservationInline(admin.TabularInline):
    model = Observation
    extra = 0
    show_change_link = True
    fields = (
        "period_start",
        "period_end",
        "period_precision",
        "value_qualifier",
        "value",
        "change_qualifier",
        "change_percent",
        "note",
    )


@admin.register(Indicator)
class IndicatorAdmin(PublishableAdmin):
    list_display = ("name", "unit", "currency", "position", "status", "updated_at")
    list_editable = ("position",)
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    date_hierarchy = "updated_at"
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
                    "position",
                )
            },
        ),
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = (
        "indicator",
        "period_start",
        "period_end",
        "value_qualifier",
        "value",
        "change_percent",
    )
    list_filter = ("indicator",)
    list_select_related = ("indicator",)
    search_fields = ("indicator__name", "note")
    autocomplete_fields = ("indicator",)
    date_hierarchy = "period_end"
    inlines = (CitationInline,)
