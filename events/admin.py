from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from events.models import Agreement, Event, Participation
from events.resources import AgreementResource, EventResource
from portal.core.admin import (
    CitationInline,
    ParentPermissionsInline,
    PlaceFilter,
    PublishableAdmin,
    RelatedRecordsInline,
    TranslatedHistoryAdmin,
    all_languages,
)
from portal.core.resources import PublishableConfirmImportForm, PublishableImportForm


class ParticipationInline(ParentPermissionsInline, TranslationTabularInline):
    """The event's participants; each one's own citations are on its own
    page (the change link)."""

    model = Participation
    extra = 0
    show_change_link = True
    autocomplete_fields = ("person",)
    fields = ("person", "role", "side", "position")


class AgreementInline(RelatedRecordsInline):
    """The agreements signed at the event: each is its own record."""

    model = Agreement
    fk_name = "event"
    fields = ("title", "kind", "status")
    readonly_fields = fields


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    resource_classes = (EventResource,)
    import_form_class = PublishableImportForm
    confirm_form_class = PublishableConfirmImportForm
    list_display = ("title", "kind", "date", "date_precision", "place", "status")
    # The place is typed (part of its name), not picked from a list of every
    # place rendered on each page.
    list_filter = ("status", "kind", "date_precision", PlaceFilter)
    list_select_related = ("place",)
    search_fields = ("slug", *all_languages("title", "summary"))
    autocomplete_fields = ("place", "organizations")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "date"
    inlines = (ParticipationInline, AgreementInline, *PublishableAdmin.inlines)
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "body")}),
        PublishableAdmin.editor_note_fieldset,
        (
            _("When and where"),
            {
                "fields": (
                    ("date", "date_precision", "date_approximate"),
                    "end_date",
                    "place",
                    "organizations",
                )
            },
        ),
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    resource_classes = (AgreementResource,)
    import_form_class = PublishableImportForm
    confirm_form_class = PublishableConfirmImportForm
    list_display = ("title", "kind", "signed_on", "agreement_status", "status")
    list_filter = ("status", "kind", "agreement_status")
    list_select_related = ("event",)
    search_fields = ("slug", *all_languages("title", "summary"))
    autocomplete_fields = ("event", "parties")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "signed_on"
    fieldsets = (
        (None, {"fields": ("title", "slug", "kind", "summary", "body")}),
        (
            _("Signing"),
            {
                "fields": (
                    ("signed_on", "signed_on_precision", "signed_on_approximate"),
                    "event",
                    "parties",
                    "agreement_status",
                )
            },
        ),
        PublishableAdmin.editor_note_fieldset,
        PublishableAdmin.publishing_fieldset,
    )


@admin.register(Participation)
class ParticipationAdmin(TranslatedHistoryAdmin):
    list_display = ("person", "event", "role", "side")
    list_filter = ("side",)
    list_select_related = ("person", "event")
    search_fields = ("person__name_en", "event__title_en", *all_languages("role"))
    autocomplete_fields = ("event", "person")
    inlines = (CitationInline,)
