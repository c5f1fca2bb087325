"""The editorial workflow: draft → in review → published → archived, and who may
move a record along it. The admin, its actions and the importer all go through
these functions, so the rules live in one place.

Editors (the "publish_<model>" permission) may do everything. Contributors may
create records, edit their own drafts and send them for review; they may not
publish, archive, delete, or change a record that has left their hands.

Nothing is published without a source: a record of the relations is published
(or scheduled) only with at least one citation that quotes its source, and the
rows it shows as facts of their own (`cited_rows`: an indicator's
observations) each with one of their own. Every path that publishes goes
through `publish()` or `require_sources()`: the admin's button, status field,
actions and inline rows, the import, and `load_seed`. Records published before
the rule stay as they are; the admin warns on their pages (`unsourced()`).
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models.functions import Trim
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.models import Citation, Publishable, Status, WorkflowModel


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


def publish(record, user, quotes=None):
    """Publish now, or at the record's future "publish at" time if it has one.
    `quotes`: what the record's citations will quote, when they are not yet
    saved (the admin's form); those stored otherwise."""
    if not can_publish(user, type(record)):
        raise PermissionDenied(_("You may not publish records."))
    require_sources(record, quotes)
    record.status = Status.PUBLISHED


class Unsourced(PermissionDenied):
    """A record that would be public without a quoted source; the message
    names the record and says what it lacks."""


def quoted_citations():
    """Citations whose quote is more than blanks."""
    return Citation.objects.annotate(_quote=Trim("quote")).exclude(_quote="")


def uncited(rows):
    """The rows (a queryset) without a citation of their own that quotes."""
    content_type = ContentType.objects.get_for_model(rows.model)
    quoted = quoted_citations().filter(content_type=content_type)
    return rows.exclude(pk__in=quoted.values("object_id"))


def _has_quote(record, quotes):
    if quotes is None:
        if record.pk is None:
            return False
        return quoted_citations().for_object(record).exists()
    return any((quote or "").strip() for quote in quotes)


def unsourced(record, quotes=None):
    """What keeps `record` from being published, as sentences naming it: no
    citation with a quote (`quotes`: its citations' quotes, when not yet
    saved), or rows it shows as facts of their own (`cited_rows`) without a
    quoted citation each. Empty when nothing does. A row of such a record (an
    observation) needs a quoted citation of its own."""
    problems = []
    if not _has_quote(record, quotes):
        problems.append(
            _(
                "“%(record)s” has no citation with a quote: nothing is published "
                "without a source. Add a citation quoting the words of a source "
                "that support it first."
            )
            % {"record": record}
        )
    if record.pk is not None:
        rows = [
            row
            for name in getattr(record, "cited_rows", ())
            for row in uncited(getattr(record, name).all())
        ]
        if rows:
            problems.append(
                _(
                    "“%(record)s” shows figures without a citation of their own "
                    "with a quote: %(rows)s. Cite each on its own page first."
                )
                % {"record": record, "rows": "; ".join(str(row) for row in rows)}
            )
    return problems


def require_sources(record, quotes=None):
    """Refuses (Unsourced) to make public a record or row that `unsourced()`
    finds wanting. Sources (their own workflow) need no citation."""
    if not (isinstance(record, Publishable) or cited_row_parent(record)):
        return
    problems = unsourced(record, quotes)
    if problems:
        raise Unsourced(" ".join(problems))


def cited_row_parent(row):
    """The record that shows `row` as a fact of its own (an observation's
    indicator: the record's `cited_rows` names the row's relation), or None."""
    for field in type(row)._meta.get_fields():
        if (
            field.many_to_one
            and isinstance(field.related_model, type)
            and issubclass(field.related_model, Publishable)
            and field.remote_field.related_name
            in getattr(field.related_model, "cited_rows", ())
        ):
            return getattr(row, field.name, None)
    return None


def left_unsourced(citations):
    """The public records (and rows) these citations are the last quoted
    source of: removing them, or their quotes, would leave those unsourced."""
    cited = {}
    for citation in citations:
        cited.setdefault((citation.content_type_id, citation.object_id), []).append(
            citation.pk
        )
    left = []
    for (content_type_id, object_id), pks in cited.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        record = model._default_manager.filter(pk=object_id).first()
        if record is None or not must_be_sourced(record):
            continue
        others = quoted_citations().filter(
            content_type_id=content_type_id, object_id=object_id
        )
        if not others.exclude(pk__in=pks).exists():
            left.append(record)
    return left


def must_be_sourced(record, publishing=False):
    """Whether saving `record` now makes or keeps it public (or scheduled):
    a published record, one being published (`publishing`: the admin's
    button), or a row of a published record that shows it as a fact."""
    if isinstance(record, Publishable):
        return publishing or record.status == Status.PUBLISHED
    parent = cited_row_parent(record)
    return parent is not None and parent.status == Status.PUBLISHED


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


# Previews ------------------------------------------------------------------------

# A draft is shown to whoever holds its preview link, exactly as readers will
# see it once published: the link is signed (nobody can make one for another
# record) and expires (PREVIEW_MAX_AGE_SECONDS, an hour unless the settings
# say otherwise). portal/editorial/preview.py answers it.
PREVIEW_SALT = "portal.preview"
PREVIEW_MAX_AGE_SECONDS = 3600


def preview_max_age():
    return getattr(settings, "PREVIEW_MAX_AGE_SECONDS", PREVIEW_MAX_AGE_SECONDS)


def preview_token(record):
    """The signed, timestamped token naming `record` in its preview link."""
    content_type = ContentType.objects.get_for_model(type(record))
    return signing.dumps([content_type.pk, record.pk], salt=PREVIEW_SALT)


def previewed_record(token):
    """The record a preview token names. Raises signing.SignatureExpired for
    an expired token, signing.BadSignature for any other that is not ours,
    and LookupError when the record is gone."""
    try:
        content_type_id, pk = signing.loads(
            token, salt=PREVIEW_SALT, max_age=preview_max_age()
        )
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (TypeError, ValueError, ContentType.DoesNotExist) as error:
        raise signing.BadSignature(str(error)) from error
    if model is None or not issubclass(model, WorkflowModel):
        raise signing.BadSignature("not a record")
    record = model._default_manager.filter(pk=pk).first()
    if record is None:
        raise LookupError(pk)
    return record
