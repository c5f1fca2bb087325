"""Import and export of cooperation projects (see portal/core/resources.py for the rules
every resource shares, docs/import-format.md for the columns)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from import_export import widgets

from events.models import Agreement, Event
from portal.core.models import Organization, Place
from portal.core.resources import (
    ChoiceWidget,
    ManyField,
    PartialDateField,
    PortalResource,
    RelatedWidget,
    in_every_language,
    related,
    related_list,
    status_column,
)
from projects.models import Partner, PartnerRole, Project, Sector


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
                        "slug:role, e.g. byd:implementer."
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


class PartnersField(ManyField):
    """The project's Partner rows, in the order given, kept in step with the file."""

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

    def save(self, instance, row, is_m2m=False, **kwargs):
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
    """Milestones are added in the admin, not imported."""

    sector = related("sector", Sector)
    places = related_list("places", Place)
    partners = PartnersField()
    start_date = PartialDateField("start_date")
    end_date = PartialDateField("end_date")
    events = related_list("events", Event, name_field="title_en")
    agreements = related_list("agreements", Agreement, name_field="title_en")
    status = status_column()

    export_select_related = ("sector",)
    export_prefetch_related = (
        "places",
        "partners__organization",
        "events",
        "agreements",
    )

    class Meta(PortalResource.Meta):
        model = Project
        fields = (
            "slug",
            *in_every_language("title", "summary", "body", "editor_note"),
            "sector",
            "project_status",
            "direction",
            "places",
            "partners",
            "capacity_value",
            "capacity_unit",
            "investment_amount",
            "investment_currency",
            "start_date",
            "end_date",
            "events",
            "agreements",
            "featured",
            "status",
        )
