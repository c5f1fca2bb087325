"""The editorial workflow: draft → in review → published → archived, and who may
move a record along it. The admin, its actions and the importer all go through
these functions, so the rules live in one place.

Editors (the "publish_<model>" permission) may do everything. Contributors may
create records, edit their own drafts and send them for review; they may not
publish, archive, delete, or change a record that has left their hands.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.models import Status, WorkflowModel


def publishable_models():
    return [model for model in apps.get_models() if issubclass(model, WorkflowModel)]


def can_publish(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def can_edit(user, record):
    """Whether the user may change this record (None: a record not yet created)."""
    opts = type(record)._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return False
    if can_publish(user, type(record)) or not hasattr(record, "status"):
        # Places, which have no workflow, follow their model permissions alone
        # (and only editors hold them).
        return True
    return record.pk is None or (
        record.status == Status.DRAFT and record.created_by_id == user.pk
    )


def send_for_review(record, user):
    if record.status not in (Status.DRAFT, Status.REVIEW):
        raise PermissionDenied(_("Only drafts can be sent for review."))
    record.status = Status.REVIEW
    record.submitted_by = user
    record.submitted_at = timezone.now()


def publish(record, user):
    """Publish now, or at the record's future "publish at" time if it has one."""
    if not can_publish(user, type(record)):
        raise PermissionDenied(_("You may not publish records."))
    record.status = Status.PUBLISHED


def return_to_draft(record, user):
    if not can_publish(user, type(record)):
        raise PermissionDenied(_("You may not change the status of this record."))
    record.status = Status.DRAFT


def archive(record, user):
    if not can_publish(user, type(record)):
        raise PermissionDenied(_("You may not archive records."))
    record.status = Status.ARCHIVED


def review_queue():
    """Records waiting for an editor, oldest first, with who sent them."""
    waiting = []
    for model in publishable_models():
        waiting += model.objects.filter(status=Status.REVIEW).select_related(
            "submitted_by"
        )
    return sorted(waiting, key=lambda record: record.submitted_at or record.updated_at)
