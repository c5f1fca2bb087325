"""FilterSets for the people and organisations lists, and the pieces every list
filter shares."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .folding import Fold, fold
from .models import Organization, OrganizationKind, Person, Place, PlaceKind


class TextFilter(django_filters.CharFilter):
    """Every word must match one of the given fields, in any of the languages.

    Matching folds case and the Azerbaijani letters on both sides, as the
    site search does ("aliyev" finds "Əliyev", "Heydər" finds "Heydar").
    Chinese has no case, so any run of characters is found. The site search
    ranks; this only keeps.
    """

    def __init__(self, *args, search_fields=(), **kwargs):
        kwargs.setdefault("label", _("Text"))
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.search_fields = search_fields

    def filter(self, qs, value):
        fields = translated_columns(qs.model, self.search_fields)
        words = (value or "").split()[:10]
        if not words:
            return qs
        qs = qs.alias(
            **{f"folded_{field}": Fold(Coalesce(field, Value(""))) for field in fields}
        )
        for word in words:
            condition = Q()
            for field in fields:
                condition |= Q(**{f"folded_{field}__contains": fold(word)})
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


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet whose choice filters show how many records each choice
    would list, given every other filter in force: "Renewable energy (4)".

    Each count is what the list would show with that choice added, because it
    is computed with the filter's own `filter()` (hierarchies of places,
    partners' countries and all). One query per facet, whatever the number of
    choices: every choice is a conditional COUNT over the same rows. Written
    here because django-filter has no facets and the faceting libraries need a
    search engine.
    """

    #: Names of the filters whose choices get counts.
    facets = ()

    def facet_counts(self):
        """{filter name: {choice key: count}}; {} while the form has errors."""
        if self.is_bound and not self.form.is_valid():
            return {}
        cleaned = self.form.cleaned_data if self.is_bound else {}
        counts = {}
        for name in self.facets:
            choices = self._facet_choices(name)
            rows = self.queryset.all()
            for other, value in cleaned.items():
                if other != name:
                    rows = self.filters[other].filter(rows, value)
            everything = self.queryset.model._default_manager.all()
            aggregates = {
                f"choice_{index}": Count(
                    "pk",
                    distinct=True,
                    filter=Q(
                        pk__in=self.filters[name].filter(everything, value).values("pk")
                    ),
                )
                for index, (value, _key, _label) in enumerate(choices)
            }
            totals = rows.order_by().aggregate(**aggregates) if aggregates else {}
            counts[name] = {
                key: totals[f"choice_{index}"]
                for index, (_value, key, _label) in enumerate(choices)
            }
        return counts

    def show_facet_counts(self):
        """Put the counts into the choices' labels of the form's selects."""
        counts = self.facet_counts()
        for name, by_key in counts.items():
            field = self.form.fields[name]
            labelled = [
                (key, facet_label(label, by_key[key]))
                for _value, key, label in self._facet_choices(name)
            ]
            empty = [("", field.empty_label)] if _has_empty(field) else []
            # The widget renders these; the field still validates against its
            # own choices or queryset, so the counts change nothing but labels.
            field.widget.choices = empty + labelled
        return counts

    def _facet_choices(self, name):
        """(value for the filter, key in the form, label) for every choice."""
        cache = self.__dict__.setdefault("_facet_choice_cache", {})
        if name not in cache:
            field = self.form.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                key_field = field.to_field_name or "pk"
                cache[name] = [
                    (
                        instance,
                        str(getattr(instance, key_field)),
                        field.label_from_instance(instance),
                    )
                    for instance in field.queryset
                ]
            else:
                cache[name] = [
                    (value, str(value), label)
                    for value, label in field.choices
                    if value not in ("", None)
                ]
        return cache[name]


def _has_empty(field):
    return getattr(field, "empty_label", None) is not None


def facet_label(label, count):
    return gettext("%(label)s (%(count)s)") % {
        "label": label,
        "count": number_format(count, force_grouping=True),
    }


# What an empty choice reads as in every select.
ANY = _("Any")


def published(model):
    """Choices evaluated per request, so records published later appear."""
    return lambda request: model.objects.published()


def countries():
    return Place.objects.filter(kind=PlaceKind.COUNTRY)


class PersonFilter(FacetedFilterSet):
    q = TextFilter(search_fields=("name", "honorific", "bio"))
    country = django_filters.ModelChoiceFilter(
        empty_label=ANY, label=_("Country"), queryset=countries(), to_field_name="slug"
    )

    facets = ("country",)

    class Meta:
        model = Person
        fields = ()


class OrganizationFilter(FacetedFilterSet):
    q = TextFilter(search_fields=("name", "acronym", "description"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganizationKind)
    country = django_filters.ModelChoiceFilter(
        empty_label=ANY, label=_("Country"), queryset=countries(), to_field_name="slug"
    )

    facets = ("kind", "country")

    class Meta:
        model = Organization
        fields = ()
