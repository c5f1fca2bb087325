"""Putting one record back as a stored version says it was: the record and its
own rows (participants, citations, partners, milestones, observations — rows
that belong to it and are edited only inside it), and nothing else.

Why not django-reversion's own revert: its admin calls
`Revision.revert(delete=True)`, which restores every version the revision
holds and deletes every row that now hangs off any of them. A revision may
hold many records (the seed once saved all of them in one), so reverting one
record put back every other record of that revision and deleted rows added
to them since (issue 15). Here only the chosen version and the versions of the
record's own rows in the same revision count; every other version of that
revision is ignored, and nothing outside the record's own rows is deleted.

Which rows are a record's own is what its history follows: the admin
registers each model with django-reversion following only the inlines of rows
it owns (`register`, called by portal.core.admin.HistoryAdmin).
"""

from dataclasses import dataclass, field

import reversion
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, models, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.translation import gettext as _
from reversion.errors import RevertError
from reversion.models import Version


def register(model, follow):
    """Register `model` with django-reversion following exactly `follow`.

    django-reversion registers a model the first time an admin shows it,
    either as the admin's own model or as one of its inlines (then following
    nothing), and never again: which follow a model got depended on the order
    admins were declared in. This sets it from the model's own admin."""
    follow = tuple(follow)
    if reversion.is_registered(model):
        if reversion.revisions._get_options(model).follow == follow:
            return
        reversion.unregister(model)
    reversion.register(model, follow=follow)


@dataclass(frozen=True)
class Relation:
    """One kind of a record's own rows: the rows whose foreign key (or generic
    relation) points at the record."""

    model: type
    name: str

    @property
    def field(self):
        return self.model._meta.get_field(self.name)

    @property
    def row_model(self):
        return self.field.related_model

    @property
    def label(self):
        return str(self.row_model._meta.verbose_name_plural)

    def points_to(self, row, pk):
        """Whether the (deserialized, unsaved) row belongs to record `pk`."""
        relation = self.field
        if isinstance(relation, GenericRelation):
            content_type = ContentType.objects.get_for_model(
                self.model, for_concrete_model=relation.for_concrete_model
            )
            return getattr(
                row, f"{relation.content_type_field_name}_id"
            ) == content_type.pk and str(
                getattr(row, relation.object_id_field_name)
            ) == str(pk)
        return str(getattr(row, relation.field.attname)) == str(pk)

    def rows(self, record):
        return list(getattr(record, self.name).all())


def relations(model):
    """The kinds of own rows `model`'s history follows."""
    found = []
    for name in reversion.revisions._get_options(model).follow:
        relation = Relation(model, name)
        field = relation.field
        if not (isinstance(field, GenericRelation) or field.one_to_many):
            raise ImproperlyConfigured(
                f"{model.__name__}.{name}: a record's history follows only rows "
                "that point at it (its own rows), not other records."
            )
        found.append(relation)
    return found


def owners_first(models):
    """`models` in groups, each group after the groups of the models whose
    records own its rows (an indicator before its observations, before
    their citations)."""
    owners = {model: set() for model in models}
    for model in models:
        for relation in relations(model):
            if relation.row_model in owners:
                owners[relation.row_model].add(model)
    groups, placed = [], set()
    while len(placed) < len(models):
        group = [m for m in models if m not in placed and owners[m] <= placed]
        if not group:
            raise ImproperlyConfigured("Rows that own each other have no first.")
        groups.append(group)
        placed.update(group)
    return groups


def own_rows(record):
    """Every row the record owns now, and the rows those own, recursively."""
    rows = []
    for relation in relations(type(record)):
        for row in relation.rows(record):
            rows += [row, *own_rows(row)]
    return rows


def _deserialize(version):
    try:
        (stored,) = serializers.deserialize(
            version.format, version.serialized_data, ignorenonexistent=True
        )
    except (serializers.base.DeserializationError, ValueError) as error:
        raise RevertError(
            _(
                "The stored version of “%(object)s” can no longer be read. "
                "Choose another version."
            )
            % {"object": version.object_repr}
        ) from error
    return stored


@dataclass
class Restoration:
    """What putting `version`'s record back involves, worked out before
    anything is written: the record and its own rows as the version holds
    them (`record`, `rows`), the own rows that exist now but not in the
    version (`stale`, removed), and the kinds of rows the version holds none
    of (`kept`: left as they are, since a version saved before its history
    followed them cannot say they did not exist)."""

    version: Version
    record: object = None
    rows: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    restored_kinds: list = field(default_factory=list)
    kept_kinds: list = field(default_factory=list)
    # Set by the admin once the form built on the restored record is saved.
    saved: bool = False

    def __post_init__(self):
        version = self.version
        self.model = version.content_type.model_class()
        if self.model is None:
            raise RevertError(_("This kind of record no longer exists."))
        self._revision_versions = {}
        self.record = _deserialize(version)
        self.live = self.model._default_manager.filter(pk=self.record.object.pk).first()
        self._plan(self.model, self.record.object.pk, self.live)

    @property
    def obj(self):
        return self.record.object

    def _versions_of(self, model):
        """The versions of `model` rows in the chosen version's revision."""
        if model not in self._revision_versions:
            content_type = ContentType.objects.get_for_model(model)
            self._revision_versions[model] = [
                (stored, _deserialize(stored))
                for stored in self.version.revision.version_set.filter(
                    content_type=content_type, db=self.version.db
                ).order_by("pk")
            ]
        return self._revision_versions[model]

    def _plan(self, model, pk, live):
        for relation in relations(model):
            stored_rows = [
                row
                for _version, row in self._versions_of(relation.row_model)
                if relation.points_to(row.object, pk)
            ]
            current = relation.rows(live) if live is not None else []
            if not stored_rows:
                if current and relation.label not in self.kept_kinds:
                    self.kept_kinds.append(relation.label)
                continue
            if relation.label not in self.restored_kinds:
                self.restored_kinds.append(relation.label)
            stored_pks = {str(row.object.pk) for row in stored_rows}
            self.stale += [row for row in current if str(row.pk) not in stored_pks]
            current_by_pk = {str(row.pk): row for row in current}
            for row in stored_rows:
                self.rows.append(row)
                row_live = current_by_pk.get(str(row.object.pk))
                if row_live is None:
                    row_live = relation.row_model._default_manager.filter(
                        pk=row.object.pk
                    ).first()
                self._plan(relation.row_model, row.object.pk, row_live)

    def keep_current(self, names):
        """Keep the record's present values of these fields (a contributor's
        revert leaves the workflow status alone)."""
        if self.live is not None:
            for name in names:
                attname = self.model._meta.get_field(name).attname
                setattr(self.obj, attname, getattr(self.live, attname))

    def _missing_references(self):
        """Records the restored rows point at that have been deleted since.
        A nullable reference whose target would have been cleared on deletion
        (SET_NULL: who created or changed a record) is cleared the same way; a
        link of a many-to-many field is dropped, as deleting the target did."""
        restoring = {
            (type(s.object), str(s.object.pk)) for s in [self.record, *self.rows]
        }
        wanted = []
        for stored in [self.record, *self.rows]:
            obj = stored.object
            for model_field in obj._meta.concrete_fields:
                if not model_field.is_relation or model_field.remote_field is None:
                    continue
                value = getattr(obj, model_field.attname)
                if value is not None:
                    wanted.append((obj, model_field, value))
            for name, ids in (stored.m2m_data or {}).items():
                target = obj._meta.get_field(name).remote_field.model
                existing = set(
                    target._default_manager.filter(pk__in=ids).values_list(
                        "pk", flat=True
                    )
                )
                stored.m2m_data[name] = [pk for pk in ids if pk in existing]
        missing = []
        for obj, model_field, value in wanted:
            target = model_field.remote_field.model
            to_field = model_field.target_field.attname
            if (
                target,
                str(value),
            ) in restoring and to_field == target._meta.pk.attname:
                continue
            if target._default_manager.filter(**{to_field: value}).exists():
                continue
            if model_field.remote_field.on_delete is models.SET_NULL:
                setattr(obj, model_field.attname, None)
                continue
            missing.append(_describe(target, value))
        return list(dict.fromkeys(missing))

    def _check_deletions(self):
        """Removing the stale rows must delete nothing but the record's own rows."""
        if not self.stale:
            return None
        collector = Collector(using=self.version.db)
        by_model = {}
        for row in self.stale:
            by_model.setdefault(type(row), []).append(row)
        try:
            for rows in by_model.values():
                collector.collect(rows)
        except (ProtectedError, RestrictedError) as refusal:
            blocking = refusal.args[1]
            raise RevertError(
                _(
                    "Reverting would also delete or change other records "
                    "(%(records)s), so nothing was changed."
                )
                % {"records": ", ".join(_describe(type(o), o.pk) for o in blocking)}
            ) from refusal
        allowed = (
            {(type(row), row.pk) for row in own_rows(self.live)}
            if self.live is not None
            else set()
        )
        doomed = {
            (model, obj.pk)
            for model, objs in collector.data.items()
            for obj in objs
            if not model._meta.auto_created
        }
        for queryset in collector.fast_deletes:
            if not queryset.model._meta.auto_created:
                doomed |= {
                    (queryset.model, pk) for pk in queryset.values_list("pk", flat=True)
                }
        others = [_describe(model, pk) for model, pk in doomed - allowed]
        # Rows another record's SET_NULL reference would be cleared in (each
        # batch is a list of instances or a queryset).
        others += [
            _describe(type(obj), obj.pk)
            for batches in collector.field_updates.values()
            for batch in batches
            for obj in batch
        ]
        if others:
            raise RevertError(
                _(
                    "Reverting would also delete or change other records "
                    "(%(records)s), so nothing was changed."
                )
                % {"records": ", ".join(others)}
            )
        return collector

    def apply(self):
        """Write the record and its own rows as the version holds them, in one
        transaction: all of it, or nothing and a RevertError saying why."""
        missing = self._missing_references()
        if missing:
            raise RevertError(
                _(
                    "This version cannot be restored: it refers to %(records)s, "
                    "deleted since. Recover them first, or choose another version."
                )
                % {"records": ", ".join(missing)}
            )
        db = self.version.db
        try:
            with transaction.atomic(using=db):
                collector = self._check_deletions()
                if collector is not None:
                    collector.delete()
                for stored in [self.record, *self.rows]:
                    stored.save(using=db)
        except IntegrityError as error:
            raise RevertError(
                _(
                    "This version cannot be restored as it is: it conflicts with "
                    "the records as they are now (another record may have taken "
                    "its slug, for example). Nothing was changed."
                )
            ) from error


def _describe(model, pk):
    """'person “Su Hui”', from the record's last version if it has one (a
    deleted record has no other name left)."""
    name = model._meta.verbose_name
    if reversion.is_registered(model):
        last = Version.objects.get_for_object_reference(model, pk).first()
        if last is not None:
            return f"{name} “{last.object_repr}”"
    return f"{name} #{pk}"
