"""Corrections readers send about a public record, kept for editors to handle.

Nothing here is ever shown to readers: a correction is a note to the editors,
who change the record themselves (with a source) if the reader is right.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

# The records a reader can correct, by the name used in the form's address.
# Labels rather than classes: the form's kinds are data, looked up when used.
CORRECTABLE = {
    "event": "events.event",
    "agreement": "events.agreement",
    "project": "projects.project",
    "person": "portal.person",
    "organization": "portal.organization",
}


def _correctable_types():
    condition = Q()
    for label in CORRECTABLE.values():
        app_label, model = label.split(".")
        condition |= Q(app_label=app_label, model=model)
    return condition


def sender_fingerprint(address):
    """A keyed hash of the reader's IP address, never the address itself.

    Editors need to see that twenty corrections came from one sender, not who
    the sender is. A plain hash would not do: every IPv4 address can be hashed
    in minutes and looked up. Keyed with SECRET_KEY, the value means nothing
    outside this site (and changes if the key is rotated, which is fine).
    """
    if not address:
        return ""
    return salted_hmac(
        "portal.correction.sender", address, algorithm="sha256"
    ).hexdigest()[:16]


class CorrectionStatus(models.TextChoices):
    NEW = "new", _("New")
    RESOLVED = "resolved", _("Resolved")
    REJECTED = "rejected", _("Rejected")


class CorrectionQuerySet(models.QuerySet):
    def mark(self, status, user):
        """Set the status of many corrections at once, recording who did it."""
        handled = status != CorrectionStatus.NEW
        return self.update(
            status=status,
            handled_by=user if handled else None,
            handled_at=timezone.now() if handled else None,
        )


class Correction(models.Model):
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of record"),
        on_delete=models.CASCADE,
        limit_choices_to=_correctable_types(),
    )
    object_id = models.PositiveBigIntegerField(_("record number"))
    content_object = GenericForeignKey("content_type", "object_id")
    message = models.TextField(
        _("message"), help_text=_("What the reader says is wrong, in their words.")
    )
    name = models.CharField(_("reader's name"), max_length=200, blank=True)
    email = models.EmailField(
        _("reader's email"),
        blank=True,
        help_text=_("Use it only to ask the reader about this correction."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("Language of the page the reader sent it from."),
    )
    sender = models.CharField(
        _("sender fingerprint"),
        max_length=16,
        blank=True,
        editable=False,
        help_text=_(
            "The same value means the same internet address. The address itself "
            "is not kept."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CorrectionStatus,
        default=CorrectionStatus.NEW,
        db_index=True,
    )
    editor_note = models.TextField(
        _("editor's note"),
        blank=True,
        help_text=_("What was changed, or why the correction was not accepted."),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(
        _("handled at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        # The table it has had since it lived in the shared core (migration
        # editorial 0001 moved the model without touching the table).
        db_table = "portal_correction"
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # Serves "corrections about this record" from a record's admin page.
            models.Index(
                fields=["content_type", "object_id"], name="correction_target"
            ),
            # The admin changelist, newest first, and its date hierarchy.
            models.Index(fields=["-created_at", "-id"], name="correction_newest"),
        ]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id}: {self.excerpt}"

    def get_absolute_url(self):
        target = self.content_object
        return target.get_absolute_url() if target is not None else ""

    @property
    def excerpt(self):
        text = " ".join(self.message.split())
        return text if len(text) <= 60 else f"{text[:59]}…"

    def set_status(self, status, user):
        """Change the status, recording who handled it and when (or clearing
        both when the correction is reopened)."""
        self.status = status
        handled = status != CorrectionStatus.NEW
        self.handled_by = user if handled else None
        self.handled_at = timezone.now() if handled else None


__all__ = ["CORRECTABLE", "Correction", "CorrectionStatus", "sender_fingerprint"]
