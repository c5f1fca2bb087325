import django_filters
from django.utils.translation import gettext_lazy as _

from portal.core.filters import (
    CodeChoiceFilter,
    FacetedFilterSet,
    SlugChoiceFilter,
    TextFilter,
    Within,
    countries,
    published,
)
from portal.core.models import Organization, Place
from projects.models import Direction, Project, ProjectStatus, Sector


class ProjectFilter(FacetedFilterSet):
    q = TextFilter(search_fields=("title", "summary", "body"))
    sector = CodeChoiceFilter(label=_("Sector"), queryset=Sector.objects.all())
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="project_status", choices=ProjectStatus.choices
    )
    direction = django_filters.ChoiceFilter(
        label=_("Direction"), choices=Direction.choices
    )
    place = SlugChoiceFilter(
        label=_("Place"), queryset=Place.objects.all(), method="filter_place"
    )
    partner = SlugChoiceFilter(
        label=_("Partner"), queryset=published(Organization), method="filter_partner"
    )
    partner_country = SlugChoiceFilter(
        label=_("Partner country"),
        queryset=countries(),
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
