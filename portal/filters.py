"""FilterSets for the people and organisations lists, and the pieces every list
filter shares."""

import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .models import Organization, OrganizationKind, Person, Place, PlaceKind


class TextFilter(django_filters.CharFilter):
    """Every word must match one of the given fields, in any of the languages.

    Matching is case-insensitive for Latin letters on every database; on
    PostgreSQL also for Azerbaijani letters (Ə/ə). Chinese has no case, so any
    run of characters is found. Site-wide search (later) ranks; this only keeps.
    """

    def __init__(self, *args, search_fields=(), **kwargs):
        kwargs.setdefault("label", _("Text"))
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.search_fields = search_fields

    def filter(self, qs, value):
        fields = translated_columns(qs.model, self.search_fields)
        for word in (value or "").split()[:10]:
            condition = Q()
            for field in fields:
                condition |= Q(**{f"{field}__icontains": word})
            qs = qs.filter(condition)
        return qs


def translated_columns(model, fields):
    """Each field's column in every language where the field is translated."""
    translated = translator.get_options_for_model(model).fields
    columns = []
    for field in fields:
        if field in translated:
            columns += [
                build_localized_fieldname(field, code)
                for code, _name in settings.LANGUAGES
            ]
        else:
            columns.append(field)
    return columns


# What an empty choice reads as in every select.
ANY = _("Any")


def published(model):
    """Choices evaluated per request, so records published later appear."""
    return lambda request: model.objects.published()


def countries():
    return Place.objects.filter(kind=PlaceKind.COUNTRY)


class PersonFilter(django_filters.FilterSet):
    q = TextFilter(search_fields=("name", "honorific", "bio"))
    country = django_filters.ModelChoiceFilter(
        empty_label=ANY, label=_("Country"), queryset=countries(), to_field_name="slug"
    )

    class Meta:
        model = Person
        fields = ()


class OrganizationFilter(django_filters.FilterSet):
    q = TextFilter(search_fields=("name", "acronym", "description"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganizationKind)
    country = django_filters.ModelChoiceFilter(
        empty_label=ANY, label=_("Country"), queryset=countries(), to_field_name="slug"
    )

    class Meta:
        model = Organization
        fields = ()
