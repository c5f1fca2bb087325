"""The editors' admin for reference data, plus the base class every publishable
record's admin shares."""

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationGenericTabularInline,
    TranslationTabularInline,
)
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .models import (
    Citation,
    Indicator,
    Observation,
    Organization,
    Person,
    Place,
    Source,
)


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


class TranslatedAdmin(TabbedTranslationAdmin):
    """Translated fields appear as one tab per language (jQuery UI tabs, served
    from static/vendor/), and the list can show what is not yet translated."""

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter)


class CitationInline(TranslationGenericTabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ("source",)
    fields = ("source", "quote", "locator", "position")


class PublishableAdmin(TranslatedAdmin):
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
class PlaceAdmin(TranslatedAdmin):
    list_display = ("name", "kind", "parent", "country_code", "latitude", "longitude")
    list_filter = ("kind", "country_code")
    list_select_related = ("parent",)
    search_fields = ("slug", *all_languages("name"))
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    list_display = ("name", "honorific", "country", "status", "updated_at")
    list_filter = ("status", "country")
    list_select_related = ("country",)
    search_fields = ("slug", *all_languages("name", "honorific"))
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
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Source)
class SourceAdmin(TranslatedAdmin):
    list_display = ("title", "kind", "publisher", "published_on", "language")
    list_filter = ("kind", "language")
    list_select_related = ("publisher",)
    search_fields = ("url", *all_languages("title"))
    autocomplete_fields = ("publisher",)
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_on"


@admin.register(Citation)
class CitationAdmin(TranslatedAdmin):
    list_display = ("source", "content_type", "object_id", "locator")
    list_filter = ("content_type", "source")
    list_select_related = ("source", "content_type")
    search_fields = ("quote", "source__title_en", *all_languages("locator"))
    autocomplete_fields = ("source",)


class ObservationInline(TranslationTabularInline):
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
    search_fields = ("slug", *all_languages("name", "description"))
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
class ObservationAdmin(TranslatedAdmin):
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
    search_fields = ("indicator__name_en", *all_languages("note"))
    autocomplete_fields = ("indicator",)
    date_hierarchy = "period_end"
    inlines = (CitationInline,)
