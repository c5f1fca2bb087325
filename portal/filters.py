"""FilterSets for the people and organisations lists, and the pieces every list
filter shares."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Organization, OrganizationKind, Person, Place, PlaceKind


class TextFilter(django_filters.CharFilter):
    """Case-insensitive match of every word against any of the given fields."""

    def __init__(self, *args, search_fields=(), **kwargs):
        kwargs.setdefault("label", _("Text"))
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.search_fields = search_fields

    def filter(self, qs, value):
        for word in (value or "").split()[:10]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            qs = qs.filter(condition)
        return qs


def published(model):
    """Choices evaluated per request, so records published later appear."""
    return lambda request: model.objects.published()


def countries():
    return Place.objects.filter(kind=PlaceKind.COUNTRY)


class PersonFilter(django_filters.FilterSet):
    q = TextFilter(search_fields=("name", "honorific", "bio"))
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=countries(), to_field_name="slug"
    )

    class Meta:
        model = Person
        fields = ()


class OrganizationFilter(django_filters.FilterSet):
    q = TextFilter(search_fields=("name", "acronym", "description"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganizationKind)
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=countries(), to_field_name="slug"
    )

    class Meta:
        model = Organization
        fields = ()
