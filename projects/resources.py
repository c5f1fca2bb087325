"""Import and export of cooperation projects (see portal/core/resources.py for the rules
every resource shares, docs/import-format.md for the columns)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets
from import_export.instance_loaders import ModelInstanceLoader

from events.models import Agreement, Event
from portal.core.models import Organization, Place
from portal.core.resources import (
    ChoiceWidget,
    ManyField,
    PartialDateField,
    PortalResource,
    RelatedWidget,
    TextWidget,
    country,
    in_every_language,
    related,
    related_list,
    status_column,
)
from projects.models import (
    Measure,
    MeasureKind,
    Partner,
    PartnerRole,
    Project,
    Sector,
    Unit,
)


class PartnersWidget(widgets.ManyToManyWidget):
    """Partners as "organisation:role" pairs separated by ";", e.g.
    "government-of-china:donor; anama:beneficiary"."""

    separator = ";"

    def __init__(self):
        self.organization = RelatedWidget(Organization)
        self.role = ChoiceWidget(PartnerRole.choices)
        super().__init__(Partner, separator=self.separator)

    def clean(self, value, row=None, **kwargs):
        found, errors = [], []
        text = "" if value is None else str(value)
        for pair in text.split(self.separator):
            if not pair.strip():
                continue
            # The role is last: an organisation's name may hold a colon.
            name, colon, role = pair.strip().rpartition(":")
            if not (colon and name.strip() and role.strip()):
                errors.append(
                    gettext(
                        "“%(value)s” is not an organisation and a role: write "
                        "slug:role, e.g. byd:supplier."
                    )
                    % {"value": pair.strip()}
                )
                continue
            try:
                partner = (self.organization.clean(name), self.role.clean(role))
            except ValueError as error:
                errors.append(str(error))
                continue
            if partner not in found:
                found.append(partner)
        if errors:
            raise ValidationError(errors)
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{self.separator} ".join(
            f"{partner.organization.slug}:{partner.role}" for partner in value.all()
        )


class ReplaceWidget(TextWidget):
    """The `replace` column: which of the rows a project owns the file gives
    in full, so that rows the file leaves out are deleted. Only `partners`."""

    choices = ("partners",)

    def clean(self, value, row=None, **kwargs):
        names = [
            name.strip().lower()
            for name in str(value or "").replace(",", ";").split(";")
            if name.strip()
        ]
        wrong = [name for name in names if name not in self.choices]
        if wrong:
            raise ValueError(
                gettext(
                    "“%(value)s” cannot be replaced: the replace column names "
                    "only %(choices)s."
                )
                % {"value": ", ".join(wrong), "choices": ", ".join(self.choices)}
            )
        return names


class ReplaceField(fields.Field):
    """Read on import (and checked), never exported, never stored on the
    project."""

    def __init__(self):
        super().__init__(
            attribute="replace", column_name="replace", widget=ReplaceWidget()
        )

    def get_value(self, instance):
        return None

    def save(self, instance, row, is_m2m=False, **kwargs):
        self.clean(row)


def _replaces(row, name):
    try:
        return name in ReplaceWidget().clean(row.get("replace"))
    except ValueError:
        return False


class PartnersField(ManyField):
    """The project's Partner rows, in the order given. Partners the file does
    not name (an editor added them in the admin) stay, unless the row's
    `replace` column says `partners`: a re-imported file never deletes what an
    editor added without saying so."""

    def __init__(self):
        super().__init__(
            attribute="partners", column_name="partners", widget=PartnersWidget()
        )

    def get_value(self, instance):
        # A project not yet saved has no partner rows to read.
        return instance.partners if instance.pk is not None else None

    def wanted(self, row):
        return [(organization.pk, role) for organization, role in self.clean(row)]

    def stored(self, instance):
        if instance.pk is None:
            return []
        return list(instance.partners.values_list("organization_id", "role"))

    def differs(self, row, instance):
        wanted, stored = self.wanted(row), self.stored(instance)
        if _replaces(row, "partners"):
            return wanted != stored
        # Added to what is there: a change only if a partner named is missing
        # or the named ones stand in another order.
        return [pair for pair in stored if pair in wanted] != wanted

    def save(self, instance, row, is_m2m=False, **kwargs):
        if not _replaces(row, "partners"):
            self.add(instance, row)
            return
        kept = []
        for position, (organization, role) in enumerate(self.clean(row)):
            partner, created = Partner.objects.get_or_create(
                project=instance,
                organization=organization,
                role=role,
                defaults={"position": position},
            )
            if not created and partner.position != position:
                partner.position = position
                partner.save()
            kept.append(partner.pk)
        instance.partners.exclude(pk__in=kept).delete()

    def add(self, instance, row):
        """The file's partners first, in its order, then those it does not
        name, as they were."""
        named = []
        for organization, role in self.clean(row):
            partner, _created = Partner.objects.get_or_create(
                project=instance,
                organization=organization,
                role=role,
                defaults={"position": 0},
            )
            named.append(partner)
        others = list(
            instance.partners.exclude(pk__in=[p.pk for p in named]).order_by(
                "position", "pk"
            )
        )
        for position, partner in enumerate(named + others):
            if partner.position != position:
                partner.position = position
                partner.save()


class SectorResource(PortalResource):
    """Not yet on the Sectors admin page (see docs/import-format.md)."""

    class Meta(PortalResource.Meta):
        model = Sector
        fields = (
            "slug",
            *in_every_language("name", "description"),
            "position",
        )


class ProjectResource(PortalResource):
    """Milestones are added in the admin, not imported; measures come in a
    file of their own (MeasureResource)."""

    sector = related("sector", Sector)
    places = related_list("places", Place)
    partners = PartnersField()
    replace = ReplaceField()
    third_country = country("third_country")
    start_date = PartialDateField("start_date")
    end_date = PartialDateField("end_date")
    events = related_list("events", Event, name_field="title_en")
    agreements = related_list("agreements", Agreement, name_field="title_en")
    status = status_column()

    export_select_related = ("sector", "third_country")
    export_prefetch_related = (
        "places",
        "partners__organization",
        "events",
        "agreements",
    )

    def get_export_fields(self, selected_fields=None):
        # `replace` is an instruction to the import, not a value of the project.
        return [
            field
            for field in super().get_export_fields(selected_fields)
            if field.column_name != "replace"
        ]

    class Meta(PortalResource.Meta):
        model = Project
        fields = (
            "slug",
            *in_every_language("title", "summary", "body", "editor_note"),
            "sector",
            "project_status",
            "direction",
            "third_country",
            "places",
            "partners",
            "replace",
            "start_date",
            "end_date",
            "events",
            "agreements",
            "featured",
            "status",
        )


class CurrencyWidget(TextWidget):
    """An ISO 4217 code, in capitals whatever the file wrote ("usd": USD);
    the model checks it is one."""

    def clean(self, value, row=None, **kwargs):
        return super().clean(value, row, **kwargs).upper()


class MeasureResource(PortalResource):
    """A project's measures, one row each, keyed by the project's slug, the
    kind and the measure's order among those of its kind: importing the file
    again updates the same rows. A measure's citations are added on its page
    in the admin."""

    project = related("project", Project, name_field="title_en")
    kind = related("kind", MeasureKind, kind=_("kind of measure"))
    unit = related("unit", Unit)
    per_unit = related("per_unit", Unit)
    currency = fields.Field(
        attribute="currency", column_name="currency", widget=CurrencyWidget()
    )
    as_of = PartialDateField("as_of")

    export_select_related = ("project", "kind", "unit", "per_unit")

    class Meta(PortalResource.Meta):
        model = Measure
        import_id_fields = ("project", "kind", "position")
        # Keyed by three columns (get_instance below), which the cached
        # loader cannot do.
        instance_loader_class = ModelInstanceLoader
        fields = (
            "project",
            "kind",
            "position",
            "rank",
            "qualifier",
            "value",
            "value_high",
            "unit",
            "currency",
            "per_unit",
            "as_of",
            *in_every_language("note"),
        )

    def get_instance(self, instance_loader, row):
        try:
            project = self.fields["project"].clean(row)
            kind = self.fields["kind"].clean(row)
            position = self.fields["position"].clean(row)
        except (ValueError, TypeError):
            # Not a lookup that can succeed; the row's own errors say why.
            return None
        if project is None or kind is None:
            return None
        return Measure.objects.filter(
            project=project, kind=kind, position=position or 0
        ).first()

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        if instance.position is None:
            instance.position = 0
