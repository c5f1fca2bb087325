import django_filters
from django.utils.translation import gettext_lazy as _

from portal.core.filters import (
    ANY,
    FacetedFilterSet,
    TextFilter,
    Within,
    countries,
    published,
)
from portal.core.models import Organization, Place
from projects.models import Direction, Project, ProjectStatus, Sector


class ProjectFilter(FacetedFilterSet):
    q = TextFilter(search_fields=("title", "summary", "body"))
    sector = django_filters.ModelChoiceFilter(
        empty_label=ANY,
        label=_("Sector"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="project_status", choices=ProjectStatus
    )
    direction = django_filters.ChoiceFilter(label=_("Direction"), choices=Direction)
    place = django_filters.ModelChoiceFilter(
        empty_label=ANY,
        label=_("Place"),
        queryset=Place.objects.all(),
        to_field_name="slug",
        method="filter_place",
    )
    partner = django_filters.ModelChoiceFilter(
        empty_label=ANY,
        label=_("Partner"),
        queryset=published(Organization),
        to_field_name="slug",
        method="filter_partner",
    )
    partner_country = django_filters.ModelChoiceFilter(
        empty_label=ANY,
        label=_("Partner country"),
        queryset=countries(),
        to_field_name="slug",
        method="filter_partner_country",
    )

    facets = {
        "sector": "sector",
        "status": "project_status",
        "direction": "direction",
        "place": Within("places"),
        "partner": "partners__organization",
        "partner_country": "partners__organization__country",
    }

    class Meta:
        model = Project
        fields = ()

    def filter_place(self, queryset, name, value):
        return queryset.at_place(value)

    def filter_partner(self, queryset, name, value):
        return queryset.with_partner(value)

    def filter_partner_country(self, queryset, name, value):
        return queryset.with_partner_country(value)
