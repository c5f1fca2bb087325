"""One definition of each record as data: the API's responses, the lists'
"Download these results" files and the full dataset are all made from these.

Texts are in the request's language (the view activates it), falling back to
English where a translation is missing, as the pages do. Every enumeration is
given twice: its code (`kind`) and its label in that language (`kind_label`).
Partial dates come with their precision and as readers see them
(`date_display`). Linked records appear only when readers may see them: the
views fetch them with the models' `for_detail()` (organisations: `for_data()`)
and the serializers read the `public_*` relations and properties those give.
"""

import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import Agreement, Event, Participation
from portal.core.formatting import format_amount, format_change, qualify
from portal.core.models import (
    REPORTING_SIDES,
    Citation,
    Indicator,
    Observation,
    Office,
    Organization,
    Person,
    Place,
    Source,
)
from portal.core.siteurl import absolute_url
from projects.formatting import facts, measure_text
from projects.models import Measure, Milestone, Partner, Project, Sector


def absolute(context, path):
    return absolute_url(path, context.get("request"))


class SiteHyperlinkedIdentityField(serializers.HyperlinkedIdentityField):
    """A record's API address on the site's address (portal/core/siteurl.py), not
    the request's Host as DRF makes it; the route is the serializer's model's
    (`api:event-detail` for an event, as portal/opendata/api/urls.py names it)."""

    def __init__(self, **kwargs):
        # The real route is known once the field is bound to its serializer.
        super().__init__(view_name="api:record-detail", lookup_field="slug", **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.view_name = f"api:{parent.Meta.model._meta.model_name}-detail"

    def get_url(self, obj, view_name, request, format):
        path = super().get_url(obj, view_name, None, format)
        return absolute_url(path, request) if path is not None else None


class PartialDatesSerializer(serializers.ModelSerializer):
    """A serializer with partial dates (partial_date_fields in its fields): an
    unknown date has no precision either (null, empty in a CSV file), whatever
    the model keeps beside it."""

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if field_name.endswith("_precision") and self._is_partial_date(
            field_name.removesuffix("_precision")
        ):
            kwargs["allow_null"] = True
        return field_class, kwargs

    def _is_partial_date(self, name):
        return f"{name}_approximate" in self.Meta.fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for name in self.Meta.fields:
            date = name.removesuffix("_precision")
            if date != name and self._is_partial_date(date) and data.get(date) is None:
                data[name] = None
        return data


# The two addresses every record and every link to one carries: `url`, the
# record in the API, and `html_url`, its page on the site. (A comment, not a
# docstring: the schema would give it as every record's description.)
class LinksSerializer(PartialDatesSerializer):
    url = SiteHyperlinkedIdentityField(help_text="This record in the API.")
    html_url = serializers.SerializerMethodField(
        help_text="The record's public page, in the chosen language."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, obj):
        return absolute(self.context, obj.get_absolute_url())


# Links to other records: enough to name them and follow them.


class PlaceLinkSerializer(LinksSerializer):
    class Meta:
        model = Place
        fields = ("id", "slug", "name", "url", "html_url")


class PersonLinkSerializer(LinksSerializer):
    class Meta:
        model = Person
        fields = ("id", "slug", "name", "url", "html_url")


class OrganizationLinkSerializer(LinksSerializer):
    class Meta:
        model = Organization
        fields = ("id", "slug", "name", "acronym", "url", "html_url")


class EventLinkSerializer(LinksSerializer):
    class Meta:
        model = Event
        fields = ("id", "slug", "title", "url", "html_url")


class AgreementLinkSerializer(LinksSerializer):
    class Meta:
        model = Agreement
        fields = ("id", "slug", "title", "url", "html_url")


class ProjectLinkSerializer(LinksSerializer):
    class Meta:
        model = Project
        fields = ("id", "slug", "title", "url", "html_url")


class SourceLinkSerializer(LinksSerializer):
    class Meta:
        model = Source
        fields = ("id", "slug", "title", "url", "html_url")


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ("slug", "name")


class CitationSerializer(serializers.ModelSerializer):
    source = SourceLinkSerializer(read_only=True)
    source_address = serializers.CharField(
        source="source.url", read_only=True, help_text="The original's address, if any."
    )

    class Meta:
        model = Citation
        fields = ("source", "source_address", "quote", "locator")


def partial_date_fields(name):
    """The ISO date, its precision and approximation, and the text readers see."""
    return (
        name,
        f"{name}_precision",
        f"{name}_approximate",
        f"{name}_display",
    )


class DateDisplayField(serializers.CharField):
    """`<date>_display`: the model's text for a partial date (PartialDate's
    display; an event's date with its end date as a range), "" when unknown."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)


class RecordSerializer(LinksSerializer):
    citations = CitationSerializer(source="public_citations", many=True, read_only=True)


# The records.


class OfficeSerializer(PartialDatesSerializer):
    organization = serializers.SerializerMethodField(
        help_text="The organisation the office belongs to, if published."
    )
    current = serializers.SerializerMethodField(
        help_text="False for an office known to be past (ended, or an end date "
        "before today)."
    )
    display = serializers.CharField(
        read_only=True,
        help_text="The office as the site names it: “then …” when past.",
    )
    dates_display = serializers.CharField(
        read_only=True, help_text="When it was held, as far as known; may be empty."
    )
    start_display = serializers.SerializerMethodField()
    end_display = serializers.SerializerMethodField()
    citations = CitationSerializer(source="public_citations", many=True, read_only=True)

    class Meta:
        model = Office
        fields = (
            "title",
            "display",
            "organization",
            *partial_date_fields("start"),
            *partial_date_fields("end"),
            "ended",
            "current",
            "dates_display",
            "citations",
        )

    @extend_schema_field(OrganizationLinkSerializer(allow_null=True))
    def get_organization(self, obj):
        organization = obj.public_organization
        if organization is None:
            return None
        return OrganizationLinkSerializer(organization, context=self.context).data

    def get_current(self, obj) -> bool:
        return not obj.is_past

    def get_start_display(self, obj) -> str:
        return obj.format_date("start")

    def get_end_display(self, obj) -> str:
        return obj.format_date("end")


class ParticipantSerializer(serializers.ModelSerializer):
    person = PersonLinkSerializer(read_only=True)
    side_label = serializers.CharField(source="get_side_display", read_only=True)
    citations = CitationSerializer(source="public_citations", many=True, read_only=True)

    class Meta:
        model = Participation
        fields = ("person", "role", "side", "side_label", "citations")


class EventSerializer(RecordSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    date_display = DateDisplayField(
        help_text="The date (or date range) as the site shows it."
    )
    place = PlaceLinkSerializer(read_only=True, allow_null=True)
    participants = ParticipantSerializer(
        source="public_participations", many=True, read_only=True
    )
    organizations = OrganizationLinkSerializer(
        source="public_organizations", many=True, read_only=True
    )
    agreements = AgreementLinkSerializer(
        source="public_agreements", many=True, read_only=True
    )
    projects = ProjectLinkSerializer(
        source="public_projects", many=True, read_only=True
    )

    class Meta:
        model = Event
        fields = (
            "id",
            "slug",
            "url",
            "html_url",
            "title",
            "summary",
            "body",
            "editor_note",
            "kind",
            "kind_label",
            *partial_date_fields("date"),
            "end_date",
            "place",
            "participants",
            "organizations",
            "agreements",
            "projects",
            "citations",
            "published_at",
            "updated_at",
        )


class AgreementSerializer(RecordSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    legal_status = serializers.ChoiceField(
        source="agreement_status",
        choices=Agreement._meta.get_field("agreement_status").choices,
        read_only=True,
    )
    legal_status_label = serializers.CharField(
        source="get_agreement_status_display", read_only=True
    )
    signed_on_display = DateDisplayField()
    event = serializers.SerializerMethodField(
        help_text="The event at which it was signed, if known and published."
    )
    parties = OrganizationLinkSerializer(
        source="public_parties", many=True, read_only=True
    )
    projects = ProjectLinkSerializer(
        source="public_projects", many=True, read_only=True
    )

    class Meta:
        model = Agreement
        fields = (
            "id",
            "slug",
            "url",
            "html_url",
            "title",
            "summary",
            "body",
            "editor_note",
            "kind",
            "kind_label",
            "legal_status",
            "legal_status_label",
            *partial_date_fields("signed_on"),
            "event",
            "parties",
            "projects",
            "citations",
            "published_at",
            "updated_at",
        )

    @extend_schema_field(EventLinkSerializer(allow_null=True))
    def get_event(self, obj):
        event = obj.public_event
        return EventLinkSerializer(event, context=self.context).data if event else None


class PartnerSerializer(serializers.ModelSerializer):
    organization = OrganizationLinkSerializer(read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    citations = CitationSerializer(source="public_citations", many=True, read_only=True)

    class Meta:
        model = Partner
        fields = (
            "organization",
            "role",
            "role_label",
            "note",
            "reported_not_confirmed",
            "citations",
        )


class MilestoneSerializer(PartialDatesSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    date_display = DateDisplayField()
    citations = CitationSerializer(source="public_citations", many=True, read_only=True)

    class Meta:
        model = Milestone
        fields = (
            "kind",
            "kind_label",
            "title",
            *partial_date_fields("date"),
            "citations",
        )


class MeasureSerializer(PartialDatesSerializer):
    kind = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    kind_label = serializers.CharField(source="kind.name", read_only=True)
    qualifier_label = serializers.CharField(
        source="get_qualifier_display", read_only=True
    )
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit_label = serializers.CharField(
        source="unit.label",
        read_only=True,
        help_text="What follows the number (MW, schools); empty for money.",
    )
    per_unit = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    per_unit_label = serializers.SerializerMethodField()
    as_of_display = DateDisplayField()
    rank_label = serializers.CharField(source="get_rank_display", read_only=True)
    value_display = serializers.SerializerMethodField(
        help_text="The value as the site shows it: qualifier, range, unit or currency."
    )
    citations = CitationSerializer(source="public_citations", many=True, read_only=True)

    class Meta:
        model = Measure
        fields = (
            "kind",
            "kind_label",
            "qualifier",
            "qualifier_label",
            "value",
            "value_high",
            "unit",
            "unit_label",
            "currency",
            "per_unit",
            "per_unit_label",
            "value_display",
            *partial_date_fields("as_of"),
            "rank",
            "rank_label",
            "note",
            "citations",
        )

    def get_per_unit_label(self, obj) -> str:
        return obj.per_unit.label if obj.per_unit is not None else ""

    def get_value_display(self, obj) -> str:
        return measure_text(obj)


class MeasureRowSerializer(MeasureSerializer):
    """A measure on its own (the dataset's measures file): its number (which
    its citations' rows name) and its project."""

    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta(MeasureSerializer.Meta):
        fields = ("id", "project", *MeasureSerializer.Meta.fields)


class ProjectSerializer(RecordSerializer):
    sector = SectorSerializer(read_only=True)
    status = serializers.ChoiceField(
        source="project_status",
        choices=Project._meta.get_field("project_status").choices,
        read_only=True,
    )
    status_label = serializers.CharField(
        source="get_project_status_display", read_only=True
    )
    direction_label = serializers.CharField(
        source="get_direction_display", read_only=True
    )
    third_country = PlaceLinkSerializer(read_only=True, allow_null=True)
    places = PlaceLinkSerializer(many=True, read_only=True)
    partners = PartnerSerializer(source="public_partners", many=True, read_only=True)
    measures = MeasureSerializer(many=True, read_only=True)
    measures_disagree = serializers.SerializerMethodField(
        help_text="Kinds of measure (slugs) whose sources give different values."
    )
    start_date_display = DateDisplayField()
    end_date_display = DateDisplayField()
    milestones = MilestoneSerializer(many=True, read_only=True)
    events = EventLinkSerializer(source="public_events", many=True, read_only=True)
    agreements = AgreementLinkSerializer(
        source="public_agreements", many=True, read_only=True
    )

    class Meta:
        model = Project
        fields = (
            "id",
            "slug",
            "url",
            "html_url",
            "title",
            "summary",
            "body",
            "editor_note",
            "sector",
            "status",
            "status_label",
            "direction",
            "direction_label",
            "third_country",
            "measures",
            "measures_disagree",
            *partial_date_fields("start_date"),
            *partial_date_fields("end_date"),
            "places",
            "partners",
            "milestones",
            "events",
            "agreements",
            "citations",
            "published_at",
            "updated_at",
        )

    def get_measures_disagree(self, obj) -> list[str]:
        return [fact.kind.slug for fact in facts(obj.measures.all()) if fact.disagree]


class PersonSerializer(RecordSerializer):
    country = PlaceLinkSerializer(read_only=True, allow_null=True)
    offices = OfficeSerializer(many=True, read_only=True)
    events = EventLinkSerializer(source="public_events", many=True, read_only=True)

    class Meta:
        model = Person
        fields = (
            "id",
            "slug",
            "url",
            "html_url",
            "name",
            "honorific",
            "offices",
            "country",
            "bio",
            "editor_note",
            "events",
            "citations",
            "published_at",
            "updated_at",
        )


class OrganizationSerializer(RecordSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    country = PlaceLinkSerializer(read_only=True, allow_null=True)
    parent = serializers.SerializerMethodField(
        help_text="The organisation this one is part of, if published."
    )

    class Meta:
        model = Organization
        fields = (
            "id",
            "slug",
            "url",
            "html_url",
            "name",
            "acronym",
            "kind",
            "kind_label",
            "country",
            "parent",
            "website",
            "description",
            "editor_note",
            "citations",
            "published_at",
            "updated_at",
        )

    @extend_schema_field(OrganizationLinkSerializer(allow_null=True))
    def get_parent(self, obj):
        parent = obj.public_parent
        if parent is None:
            return None
        return OrganizationLinkSerializer(parent, context=self.context).data


class PlaceSerializer(LinksSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    parent = PlaceLinkSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Place
        fields = (
            "id",
            "slug",
            "url",
            "html_url",
            "name",
            "kind",
            "kind_label",
            "parent",
            "country_code",
            "latitude",
            "longitude",
            "coordinates_approximate",
            "updated_at",
        )


class SourceSerializer(LinksSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    address = serializers.CharField(
        source="url", read_only=True, help_text="The original's address, if any."
    )
    publisher = serializers.SerializerMethodField()
    publisher_name = serializers.SerializerMethodField(
        help_text="The publisher's name as the site shows it: the published "
        "organisation's, or else the name editors gave; empty when unknown."
    )
    published_on_display = DateDisplayField()

    class Meta:
        model = Source
        fields = (
            "id",
            "slug",
            "url",
            "html_url",
            "title",
            "kind",
            "kind_label",
            "publisher",
            "publisher_name",
            "address",
            *partial_date_fields("published_on"),
            "language",
            "notes",
            "editor_note",
            "updated_at",
        )

    @extend_schema_field(OrganizationLinkSerializer(allow_null=True))
    def get_publisher(self, obj):
        publisher = obj.public_publisher
        if publisher is None:
            return None
        return OrganizationLinkSerializer(publisher, context=self.context).data

    def get_publisher_name(self, obj) -> str:
        publisher = obj.public_publisher
        return publisher.name if publisher is not None else obj.publisher_name


class ObservationSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    period_display = serializers.SerializerMethodField()
    reported_by = OrganizationLinkSerializer(
        source="public_reported_by",
        read_only=True,
        allow_null=True,
        help_text="The body that reports the value, if known and public.",
    )
    side_label = serializers.CharField(source="get_side_display", read_only=True)
    rank_label = serializers.CharField(source="get_rank_display", read_only=True)
    value_qualifier_label = serializers.CharField(
        source="get_value_qualifier_display", read_only=True
    )
    value_display = serializers.SerializerMethodField()
    change_qualifier_label = serializers.CharField(
        source="get_change_qualifier_display", read_only=True
    )
    change_display = serializers.SerializerMethodField()
    sources_disagree = serializers.BooleanField(
        read_only=True,
        default=False,
        help_text=(
            "True when another value reported for the same period, neither of "
            "them deprecated, differs from this one."
        ),
    )
    citations = CitationSerializer(source="public_citations", many=True, read_only=True)

    class Meta:
        model = Observation
        fields = (
            "id",
            "indicator",
            "period_start",
            "period_end",
            "period_precision",
            "period_display",
            "reported_by",
            "side",
            "side_label",
            "rank",
            "rank_label",
            "value",
            "value_qualifier",
            "value_qualifier_label",
            "value_display",
            "change_percent",
            "change_qualifier",
            "change_qualifier_label",
            "change_display",
            "sources_disagree",
            "note",
            "citations",
        )

    def get_period_display(self, obj) -> str:
        return obj.period_display

    def get_value_display(self, obj) -> str:
        indicator = obj.indicator
        text = format_amount(obj.value, indicator.currency, indicator.unit)
        return qualify(text, obj.value_qualifier)

    def get_change_display(self, obj) -> str:
        return format_change(obj.change_percent, obj.change_qualifier)


class IndicatorLinkSerializer(LinksSerializer):
    class Meta:
        model = Indicator
        fields = ("id", "slug", "name", "url", "html_url")


class SeriesSerializer(serializers.Serializer):
    """One reporting party's values (portal.core.models.Series)."""

    reported_by = OrganizationLinkSerializer(
        read_only=True, allow_null=True, help_text="The reporting body, if public."
    )
    side = serializers.ChoiceField(
        choices=REPORTING_SIDES,
        read_only=True,
        help_text="Which side reports the series; empty when not stated.",
    )
    side_label = serializers.SerializerMethodField()
    label = serializers.CharField(
        read_only=True, help_text="Who reports the series, in words; empty if unknown."
    )
    observations = serializers.SerializerMethodField(
        help_text="The ids of its observations, in period order."
    )

    def get_side_label(self, obj) -> str:
        return str(dict(REPORTING_SIDES)[obj.side])

    def get_observations(self, obj) -> list[int]:
        return [observation.pk for observation in obj.observations]


class DisagreementSerializer(serializers.Serializer):
    """A period whose reported values differ (portal.core.models.PeriodGroup)."""

    period_start = serializers.SerializerMethodField()
    period_end = serializers.SerializerMethodField()
    period_display = serializers.CharField(read_only=True)
    observations = serializers.SerializerMethodField(
        help_text="The ids of the values that differ (none of them deprecated)."
    )

    def get_period_start(self, obj) -> datetime.date:
        return obj.period.start

    def get_period_end(self, obj) -> datetime.date:
        return obj.period.end

    def get_observations(self, obj) -> list[int]:
        return [observation.pk for observation in obj.shown]


class IndicatorSerializer(RecordSerializer):
    currency_label = serializers.CharField(
        source="get_currency_display", read_only=True
    )
    component_of = serializers.SerializerMethodField()
    components = IndicatorLinkSerializer(
        source="public_components", many=True, read_only=True
    )
    observations = ObservationSerializer(many=True, read_only=True)
    series = SeriesSerializer(
        many=True,
        read_only=True,
        help_text="The observations by reporting party, deprecated ones left out.",
    )
    disagreements = DisagreementSerializer(
        source="disputed_periods",
        many=True,
        read_only=True,
        help_text="The periods whose reported values differ.",
    )

    class Meta:
        model = Indicator
        fields = (
            "id",
            "slug",
            "url",
            "html_url",
            "name",
            "unit",
            "currency",
            "currency_label",
            "description",
            "component_of",
            "components",
            "editor_note",
            "observations",
            "series",
            "disagreements",
            "citations",
            "published_at",
            "updated_at",
        )

    @extend_schema_field(IndicatorLinkSerializer(allow_null=True))
    def get_component_of(self, obj):
        whole = obj.public_component_of
        if whole is None:
            return None
        return IndicatorLinkSerializer(whole, context=self.context).data
