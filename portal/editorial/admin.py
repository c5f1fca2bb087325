"""Corrections readers sent, for editors to resolve or reject with a note.

Contributors may read corrections, but never a reader's email address: the form
promises readers that only the editors see it. Everything in the admin that
could show or reveal it (the change form, the list, search and the list's URL
lookups) goes through readers_emails_visible_to().
"""

from django.contrib import admin
from django.db.models.constants import LOOKUP_SEP
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from portal.editorial.models import Correction, CorrectionStatus

HANDLING = ("status", "editor_note", "handled_by", "handled_at")
# What the reader sent. Read-only once received: they are the reader's words, and
# an editor's answer goes in the note.
RECEIVED = ("record_links", "message", "name", "email", "language", "sender")
RECEIVED_READONLY = (*RECEIVED, "created_at")
# An editor may file a correction someone sent by other means (email, phone).
TYPED_IN = ("content_type", "object_id", "message", "name", "email", "language")
SEARCH_FIELDS = ("message", "editor_note", "=sender")


def readers_emails_visible_to(user):
    """Whether `user` may see the email addresses readers give: those who
    handle corrections (the Editor group's right to change them), who may write
    to a reader about one."""
    return user.has_perm("editorial.change_correction")


def _without_email(fields):
    return tuple(field for field in fields if field != "email")


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ("record", "status", "created_at", "language", "excerpt")
    list_filter = (
        "status",
        ("content_type", admin.RelatedOnlyFieldListFilter),
        "language",
    )
    list_select_related = ("content_type",)
    # "=sender": paste a fingerprint to see everything one address sent; editors
    # may paste a reader's email too (get_search_fields).
    search_fields = SEARCH_FIELDS
    date_hierarchy = "created_at"
    actions = ("mark_resolved", "mark_rejected")

    def get_queryset(self, request):
        # One query per kind of record, not one per row, for the "record" column.
        return super().get_queryset(request).prefetch_related("content_object")

    def get_search_fields(self, request):
        if readers_emails_visible_to(request.user):
            return (*SEARCH_FIELDS, "=email")
        return SEARCH_FIELDS

    def get_list_display(self, request):
        display = super().get_list_display(request)
        if readers_emails_visible_to(request.user):
            return display
        return _without_email(display)

    def lookup_allowed(self, lookup, value, request):
        # The changelist filters by any field named in its address
        # (?email__startswith=a), which would let anyone who can read the list
        # find out readers' addresses letter by letter.
        if lookup.split(LOOKUP_SEP)[0] == "email" and not readers_emails_visible_to(
            request.user
        ):
            return False
        return super().lookup_allowed(lookup, value, request)

    def get_fieldsets(self, request, obj=None):
        received = TYPED_IN if obj is None else (*RECEIVED, "created_at")
        if not readers_emails_visible_to(request.user):
            received = _without_email(received)
        return (
            (_("What the reader sent"), {"fields": received}),
            (_("Handling"), {"fields": HANDLING}),
        )

    def get_readonly_fields(self, request, obj=None):
        handled = ("handled_by", "handled_at")
        return handled if obj is None else (*RECEIVED_READONLY, *handled)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.set_status(obj.status, request.user)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("record"))
    def record(self, obj):
        target = obj.content_object
        if target is None:
            return _("(deleted record)")
        return f"{capfirst(target._meta.verbose_name)}: {target}"

    @admin.display(description=_("record"))
    def record_links(self, obj):
        target = obj.content_object
        if target is None:
            return _("(deleted record)")
        opts = target._meta
        change_url = reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk]
        )
        links = format_html(
            '{}: <a href="{}">{}</a>',
            capfirst(opts.verbose_name),
            change_url,
            target,
        )
        if getattr(target, "is_public", False):
            links = format_html(
                '{} · <a href="{}">{}</a>',
                links,
                target.get_absolute_url(),
                _("public page"),
            )
        return links

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return obj.excerpt

    @admin.action(description=_("Mark resolved"), permissions=("change",))
    def mark_resolved(self, request, queryset):
        count = queryset.mark(CorrectionStatus.RESOLVED, request.user)
        self.message_user(
            request, _("%(count)s correction(s) marked resolved.") % {"count": count}
        )

    @admin.action(description=_("Mark rejected"), permissions=("change",))
    def mark_rejected(self, request, queryset):
        count = queryset.mark(CorrectionStatus.REJECTED, request.user)
        self.message_user(
            request, _("%(count)s correction(s) marked rejected.") % {"count": count}
        )
