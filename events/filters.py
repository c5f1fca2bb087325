import django_filters
from django.utils.translation import gettext_lazy as _

from events.models import Agreement, AgreementKind, AgreementStatus, Event, EventKind
from portal.core.datacache import cached
from portal.core.filters import (
    FacetedFilterSet,
    SlugChoiceFilter,
    TextFilter,
    Within,
    YearFilter,
    published,
)
from portal.core.models import Organization, Person, Place


def event_years():
    def years():
        return [(str(day.year), day.year) for day in Event.objects.published().years()]

    return cached(("event-years",), years)


class EventFilter(FacetedFilterSet):
    q = TextFilter(search_fields=("title", "summary", "body"))
    # The choices as a list, not the enumeration: the API's schema lists a
    # filter's values only when its choices are not a callable (a class is).
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="kind", choices=EventKind.choices
    )
    year = YearFilter(label=_("Year"), field_name="date__year", choices=event_years)
    date_from = django_filters.DateFilter(
        label=_("From"), method="filter_date_from", help_text=_("YYYY-MM-DD")
    )
    date_to = django_filters.DateFilter(
        label=_("To"), method="filter_date_to", help_text=_("YYYY-MM-DD")
    )
    place = SlugChoiceFilter(
        label=_("Place"), queryset=Place.objects.all(), method="filter_place"
    )
    person = SlugChoiceFilter(
        label=_("Person"), queryset=published(Person), method="filter_person"
    )
    organization = SlugChoiceFilter(
        label=_("Organisation"),
        queryset=published(Organization),
        field_name="organizations",
    )

    facets = {
        "type": "kind",
        "year": "date__year",
        "place": Within("place"),
        "person": "participations__person",
        "organization": "organizations",
    }

    class Meta:
        model = Event
        fields = ()

    def filter_date_from(self, queryset, name, value):
        return queryset.on_or_after(value)

    def filter_date_to(self, queryset, name, value):
        return queryset.on_or_before(value)

    def filter_place(self, queryset, name, value):
        return queryset.at_place(value)

    def filter_person(self, queryset, name, value):
        return queryset.with_person(value)


class AgreementFilter(FacetedFilterSet):
    q = TextFilter(search_fields=("title", "summary", "body"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=AgreementKind.choices)
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="agreement_status",
        choices=AgreementStatus.choices,
    )
    party = SlugChoiceFilter(
        label=_("Party"), queryset=published(Organization), field_name="parties"
    )

    facets = {"kind": "kind", "status": "agreement_status", "party": "parties"}

    class Meta:
        model = Agreement
        fields = ()
