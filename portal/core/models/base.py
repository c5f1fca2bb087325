"""What every publishable record shares: workflow status, timestamps, authorship."""

from concurrency.fields import IntegerVersionField
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import OrderBy
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.core.dates import PartialDate, truncate
from portal.core.markdown import MARKDOWN_HELP


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


def published_q(prefix=""):
    """The condition `published()` filters on, for records reached through
    `prefix` ("person__" from a participant row): the verbs of related rows
    (`Participation.objects.public()`…) join on it instead of repeating it."""
    return models.Q(
        **{
            f"{prefix}status": Status.PUBLISHED,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


def public_or_none(record):
    """A record reached through a foreign key (an organisation's parent, a
    source's publisher), or None when readers may not see it."""
    return record if record is not None and record.is_public else None


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, and not scheduled for the future."""
        return self.filter(published_q())

    def for_list(self):
        """What a list row shows, fetched without a query per row; each model
        with relations a row shows says which (`EventQuerySet.for_list()`)."""
        return self

    def for_links(self):
        """Only what a link to a record shows (the API's link serializers: id,
        slug, the title or name in every language, an organisation's acronym):
        a record listing thousands of others (a person's events) then holds a
        few hundred bytes for each instead of their texts and bodies."""
        names = [
            field.name
            for field in self.model._meta.concrete_fields
            if field.name in ("title", "name", "acronym")
        ]
        columns = [
            build_localized_fieldname(name, code)
            for name in names
            for code, _label in settings.LANGUAGES
        ]
        return self.only("id", "slug", *columns)

    def changed_since(self, moment):
        """Records saved, or made public, at or after `moment` (an aware
        datetime): what a harvester that last looked at `moment` has not seen.
        A record scheduled earlier counts from its publication."""
        return self.filter(
            models.Q(updated_at__gte=moment) | models.Q(published_at__gte=moment)
        )

    def for_page(self):
        """What a record's page shows outside its kept content: the rows
        `for_detail()` reads with the record (its select_related). The
        relations `for_detail()` prefetches are read by `read_relations()`
        only when that content is rendered (portal.core.views.RecordDetailView):
        a page whose content is kept (portal/core/fragments.py) needs none."""
        return self

    def read_relations(self, records):
        """Reads onto `records` (read with `for_page()`) the relations this
        QuerySet prefetches, as if they had been read with it."""
        models.prefetch_related_objects(list(records), *self._prefetch_related_lookups)


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class WorkflowModel(TimestampedModel):
    """The editorial workflow (draft, in review, published, archived), who
    moved a record along it and when, and the `publish_<model>` permission.

    Sources use it alone: they have their own slug, and the reverse relation
    `citations` (Citation.source) that Publishable's generic one would clash
    with."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Only published records are shown to readers."),
    )
    published_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "When the record becomes visible. Leave empty to publish now; a future "
            "time schedules publication."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent for review by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(
        _("sent for review at"), null=True, blank=True, editable=False
    )
    editor_note = models.TextField(
        _("editor's note"),
        blank=True,
        help_text=format_lazy(
            "{} {}",
            _(
                "Shown to readers under the heading “Editor's note”: the editors' "
                "reasoning, not a fact (“The interview does not name the "
                "company.”). Facts go in the summary and the text, with their "
                "sources."
            ),
            MARKDOWN_HELP,
        ),
    )
    # Bumped on every save; a form holding an older number is refused, so two
    # people editing one record cannot silently overwrite each other.
    version = IntegerVersionField(
        help_text=_("Changes on every save; used to detect conflicting edits.")
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        # "publish_<model>" guards every path that makes a record public.
        default_permissions = ("add", "change", "delete", "view", "publish")

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class Publishable(WorkflowModel):
    """A record of the relations: the workflow, a slug, and the citations of
    the sources that support it."""

    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_(
            "The record's address on the site. Never change it once the record is "
            "published: links, feeds and the API rely on it."
        ),
    )
    citations = GenericRelation("portal.Citation")

    # The rows a record shows as facts of their own (an indicator's
    # observations): each needs a quoted citation of its own before the record
    # is published (portal/core/workflow.py).
    cited_rows = ()

    class Meta(WorkflowModel.Meta):
        abstract = True


def published_index(name):
    """Published records, newest publication first: serves the feeds and the
    page cache's content token (portal/core/content.py), which both read the
    newest `published_at` of the published records, and counts of what
    readers may see (`published_at <= now`, from the index alone)."""
    return models.Index(
        fields=["-published_at", "-id"],
        condition=models.Q(status=Status.PUBLISHED),
        name=f"{name}_newest",
    )


class NullsLastIndex(models.Index):
    """An index whose columns say where empty values go (`F("signed_on")
    .desc(nulls_last=True)`), as the models' orderings do. SQLite refuses
    NULLS LAST in an index, so there the columns keep only their direction."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.features.supports_order_by_nulls_modifier and (
            schema_editor.connection.vendor != "sqlite"
        ):
            return super().create_sql(model, schema_editor, using, **kwargs)
        plain = self.clone()
        plain.expressions = tuple(
            OrderBy(expression.expression, descending=expression.descending)
            if isinstance(expression, OrderBy)
            else expression
            for expression in self.expressions
        )
        return models.Index.create_sql(plain, model, schema_editor, using, **kwargs)


def per_language(field, name, *more):
    """One index per language's column of a translated field, then `more`:
    lists sort by the column of the reader's language (modeltranslation turns
    "title" into "title_az" on an Azerbaijani page)."""
    return [
        models.Index(
            fields=[build_localized_fieldname(field, code), *more],
            name=f"{name}_{code.replace('-', '_')}",
        )
        for code, _name in settings.LANGUAGES
    ]


def published_requires_date(name):
    """A published record always knows when it was published."""
    return models.CheckConstraint(
        condition=~models.Q(status=Status.PUBLISHED)
        | models.Q(published_at__isnull=False),
        name=f"{name}_published_has_date",
    )


class PartialDatesMixin:
    """Stores each partial date as the first day of its period (see portal.core.dates).

    `partial_dates` names the date fields; each has `<name>_precision` and
    `<name>_approximate` beside it.
    """

    partial_dates = ()

    def save(self, *args, **kwargs):
        for name in self.partial_dates:
            precision = getattr(self, f"{name}_precision")
            setattr(self, name, truncate(getattr(self, name), precision))
        super().save(*args, **kwargs)

    def partial_date(self, name):
        """The partial date `name` as a PartialDate, None when not known."""
        return PartialDate.of(self, name)

    def format_date(self, name):
        """The partial date `name` as readers see it; "" when not known."""
        date = self.partial_date(name)
        return date.display() if date else ""
