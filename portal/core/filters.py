"""FilterSets for the people and organisations lists, and the pieces every list
filter shares."""

import re
from dataclasses import dataclass

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import validate_slug
from django.db import connections
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Q,
    UniqueConstraint,
    Value,
    When,
)
from django.db.models.constants import LOOKUP_SEP
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.db.models.functions import Coalesce
from django.forms.renderers import Jinja2
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.core.datacache import cached
from portal.core.folding import Fold, fold
from portal.core.models import Organization, OrganizationKind, Person, Place, PlaceKind
from portal.core.models.reference import MAX_PLACE_DEPTH

# Django's Jinja2 form renderer, for the filter forms (FacetedFilterSet.get_form_class).
FORM_RENDERER = Jinja2()


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
        from portal.core.search import stored_text_condition

        stored = [
            stored_text_condition(qs.model, self.search_fields, fold(word))
            for word in words
        ]
        if all(condition is not None for condition in stored):
            # PostgreSQL: the text folded once, when the record was saved.
            for condition in stored:
                qs = qs.filter(condition)
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


@dataclass(frozen=True)
class Within:
    """A facet over a hierarchy of places: a choice counts the records at that
    place or anywhere inside it, as `QuerySet.at_place()` filters them."""

    path: str


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet whose choice filters show how many records each choice
    would list, given every other filter in force: "Renewable energy (4)".

    `facets` maps each counted filter to the lookup path from the listed model
    to the value its choices stand for ("kind", "date__year",
    "participations__person", or `Within("place")` for places, which count
    everything inside them). A count is what the list shows with that choice
    added: the records the other filters keep and whose path reaches the
    choice. The path must say what the filter's own `filter()` does;
    tests/core/test_facets.py checks every count against the list it links to.

    One GROUP BY query per facet, whatever the number of choices and records
    (places: one per facet too, over every level of the hierarchy at once).
    Written here because django-filter has no facets and the faceting
    libraries need a search engine.

    Which choices the selects offer: every choice of a fixed list (types,
    statuses, years), and of the choices that are records (people, places,
    organisations…) those with at least one result under the filters in force,
    the `facet_limit` with most results, plus the one selected. A select of
    thousands of people would make every list page heavy to send and to use;
    the rest are a search or a record page away.
    """

    def get_form_class(self):
        form = super().get_form_class()
        # The filter forms render with Django's Jinja2 form renderer: the same
        # markup as the default one, but the default renders every <option>
        # of a select through a template include, and a list page's selects
        # hold hundreds of them (half of the page's time before).
        return type(form.__name__, (form,), {"default_renderer": FORM_RENDERER})

    #: {filter name: lookup path or Within(path)} for the filters with counts.
    facets = {}
    #: How many record choices a select offers at most (see above).
    facet_limit = 50

    def facet_counts(self):
        """{filter name: {choice key: count}} for the choices the selects
        offer; {} while the form has errors."""
        if "_facet_counts" not in self.__dict__:
            self._facet_counts = self._count_facets()
        return self._facet_counts

    def _count_facets(self):
        if self.is_bound and not self.form.is_valid():
            return {}
        cleaned = self.form.cleaned_data if self.is_bound else {}
        # The GROUP BY results depend only on the records listed (which the
        # address says) and the filters in force, not on the page, the sort or
        # the language, so every such page shares them. A filterset made
        # without a request has no address to say its records: not kept.
        request = getattr(self, "request", None)
        if request is None:
            counts, self._facet_offered = self._offer(
                self._group_facets(cleaned), cleaned
            )
            return counts
        key = ("facets", type(self).__qualname__, request.path, self.data_key())

        def grouped():
            return cached(key, lambda: self._group_facets(cleaned))

        # And the choices offered, with their labels, in the reader's language.
        counts, self._facet_offered = cached(
            (*key, "labelled", get_language()),
            lambda: self._offer(grouped(), cleaned),
        )
        return counts

    def _offer(self, grouped, cleaned):
        """({filter name: {key: count}}, {filter name: [(key, "label (count)")]}):
        the labels with their counts as text, so that they are worded once
        per language and kept with the counts."""
        counts = {}
        offered_by_name = {}
        for name in self.facets:
            field = self.form.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                by_pk, top = grouped[name]
                offered = self._offer_records(field, by_pk, top, cleaned.get(name))
            else:
                offered = self._offer_fixed(field, grouped[name], cleaned.get(name))
            # Labels as text, so that they can be kept (not lazy translations).
            offered = [(key, str(label), count) for key, label, count in offered]
            offered_by_name[name] = [
                (key, facet_label(label, count)) for key, label, count in offered
            ]
            counts[name] = {key: count for key, _label, count in offered}
        return counts, offered_by_name

    def data_key(self):
        """The submitted values of the form's fields, in a fixed order."""
        data = self.data or {}
        getlist = getattr(data, "getlist", lambda key: [data[key]])
        return tuple(
            (key, tuple(str(value) for value in getlist(key)))
            for key in sorted(data)
            if key in self.form.fields
        )

    def fragment_parts(self):
        """What the rendered filter form depends on (portal/core/fragments.py):
        the list's address and the submitted filters, as for the counts; None
        for a filterset made without a request (not kept)."""
        request = getattr(self, "request", None)
        if request is None:
            return None
        return ("filter-form", type(self).__qualname__, request.path, self.data_key())

    def _group_facets(self, cleaned):
        """{filter name: its GROUP BY result}: one query per facet."""
        grouped = {}
        for name, path in self.facets.items():
            rows = self.queryset.all()
            for other, value in cleaned.items():
                if other != name:
                    rows = self._filtered(rows, other, value)
            field = self.form.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                selected = cleaned.get(name)
                grouped[name] = self._group_records(rows, path, field, selected)
            else:
                grouped[name] = {
                    str(value): count for value, count in _grouped(rows, path).items()
                }
        return grouped

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            queryset = self._filtered(queryset, name, value)
        return queryset

    def _filtered(self, rows, name, value):
        """The rows one filter keeps: none for a record nobody has (NoRecord)."""
        if isinstance(value, NoRecord):
            # Not none(): the places' facet compiles the query into its SQL.
            return rows.filter(pk__isnull=True)
        return self.filters[name].filter(rows, value)

    def _offer_fixed(self, field, by_value, selected=None):
        """[(key, label, count)] for every choice of a fixed list, and the
        selected value if it is not one of them (a year with no records)."""
        offered = [
            (str(value), label, by_value.get(str(value), 0))
            for value, label in field.choices
            if value not in ("", None)
        ]
        if selected not in (None, "") and str(selected) not in {
            key for key, _label, _count in offered
        }:
            offered.append((str(selected), str(selected), 0))
        return offered

    def _group_records(self, rows, path, field, selected):
        """({pk: count}, [pks of the choices to offer]): the choices with most
        records."""
        choices = field.queryset
        if isinstance(path, Within):
            by_pk = _grouped_within(rows, path.path, choices)
            top = sorted(by_pk, key=lambda pk: (-by_pk[pk], pk))[: self.facet_limit]
        else:
            by_pk = _grouped(
                rows,
                path,
                restrict=choices,
                limit=self.facet_limit,
                first=selected.pk if selected is not None else None,
            )
            top = list(by_pk)
        return by_pk, top

    def _offer_records(self, field, by_pk, top, selected):
        """[(key, label, count)], in the choices' own order, for the top
        choices (and the selected one, even at 0)."""
        wanted = set(top)
        if selected is not None:
            wanted.add(selected.pk)
        key_field = field.to_field_name or "pk"
        return [
            (
                str(getattr(instance, key_field)),
                field.label_from_instance(instance),
                by_pk.get(instance.pk, 0),
            )
            for instance in field.queryset.filter(pk__in=wanted)
        ]

    def show_facet_counts(self):
        """Put the counts into the choices' labels of the form's selects, and
        offer only the choices described in the class docstring."""
        counts = self.facet_counts()
        offered = self.__dict__.get("_facet_offered", {}) if counts else {}
        for name in self.facets:
            field = self.form.fields[name]
            if name in offered:
                labelled = offered[name]
            elif isinstance(field, forms.ModelChoiceField):
                # The form has errors, so there are no counts: offer only the
                # choice in force (if it is one), never the whole table.
                labelled = self._selected_only(name, field)
            else:
                continue
            empty = [("", field.empty_label)] if _has_empty(field) else []
            # The widget renders these; the field still validates against its
            # own choices or queryset, so this changes nothing but the select.
            field.widget.choices = empty + labelled
        return counts

    def _selected_only(self, name, field):
        cleaned = getattr(self.form, "cleaned_data", {})
        instance = cleaned.get(name)
        if instance is None:
            return []
        key_field = field.to_field_name or "pk"
        return [
            (str(getattr(instance, key_field)), field.label_from_instance(instance))
        ]


def _is_multivalued(model, path):
    """Whether the lookup path crosses a to-many relation (a record can reach
    several values through it)."""
    return _to_many_hops(model, path) != []


def _to_many_hops(model, path):
    """The to-many relations the lookup path crosses, in order."""
    opts, hops = model._meta, []
    for part in path.split(LOOKUP_SEP):
        try:
            field = opts.get_field(part)
        except FieldDoesNotExist:
            break  # a transform such as "year"
        if not field.is_relation:
            break
        if field.many_to_many or field.one_to_many:
            hops.append(field)
        opts = field.related_model._meta
    return hops


def _reached_once(model, path):
    """Whether a record reaches each value of the path at most once, so a
    plain COUNT counts records (cheaper than COUNT(DISTINCT)): the path is one
    many-to-many field, or a table of pairs where each pair is unique (an
    event's participants), and nothing after it."""
    parts = path.split(LOOKUP_SEP)
    hops = _to_many_hops(model, path)
    if not hops:
        return True
    if len(hops) > 1:
        return False
    hop = hops[0]
    if hop.many_to_many and len(parts) == 1:
        through = getattr(hop, "through", None) or hop.remote_field.through
        link = {
            f.name
            for f in through._meta.fields
            if f.is_relation and f.related_model in (model, hop.related_model)
        }
        return _unique_together(through, link)
    if hop.one_to_many and len(parts) == 2 and parts[0] == hop.name:
        table = hop.related_model
        link = {hop.field.name, parts[1]}
        return table._meta.get_field(parts[1]).many_to_one and _unique_together(
            table, link
        )
    return False


def _unique_together(model, names):
    """Whether the model's rows are unique on these fields together."""
    opts = model._meta
    sets = [set(fields) for fields in opts.unique_together]
    sets += [
        set(constraint.fields)
        for constraint in opts.constraints
        if isinstance(constraint, UniqueConstraint)
        and constraint.fields
        and constraint.condition is None
    ]
    return any(fields <= names for fields in sets)


def _has_to_many_join(queryset):
    """Whether a filter joined a to-many relation, so a record may appear in
    several rows of the query."""
    return any(
        isinstance(getattr(join, "join_field", None), ForeignObjectRel)
        for join in queryset.query.alias_map.values()
    )


def _base(rows):
    """The rows to group, each record once and with no join to reuse.

    When a filter joined a to-many relation, a fresh query over the same
    records: otherwise a record could count twice, or the GROUP BY would
    reuse that join (a partner's country) and count only the values the
    filter kept."""
    if _has_to_many_join(rows):
        return rows.model._default_manager.filter(pk__in=rows.order_by().values("pk"))
    return rows


def _grouped(rows, path, restrict=None, limit=None, first=None):
    """{value: number of records} for the values the rows reach by `path`: one
    GROUP BY. With `limit`, only the values with most records (the value
    `first` leading); with `restrict`, only values in that queryset."""
    base = _base(rows)
    if restrict is not None and restrict.query.where:
        base = base.filter(**{f"{path}__in": restrict.order_by().values("pk")})
    groups = (
        base.order_by()
        # Named in annotate(), then values(): modeltranslation's values() adds
        # every field when given only expressions.
        .annotate(facet_value=F(path))
        .values("facet_value")
        .filter(facet_value__isnull=False)
        .annotate(facet_count=Count("pk", distinct=not _reached_once(rows.model, path)))
    )
    if limit is not None:
        if first is not None:
            groups = groups.annotate(
                facet_first=Case(
                    When(facet_value=first, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            ).order_by("facet_first", "-facet_count", "facet_value")
        else:
            groups = groups.order_by("-facet_count", "facet_value")
        groups = groups[:limit]
    return {group["facet_value"]: group["facet_count"] for group in groups}


def _grouped_within(rows, path, places):
    """{place pk: number of records at it or anywhere inside it}, for the
    places in `places`: one query, whatever the number of places."""
    base = _base(rows)
    if not _is_multivalued(rows.model, path):
        # One place per record: group by the place and the places above it
        # (as many groups as places at most), then add each group's count to
        # every place of its chain.
        chain = [path + "__parent" * level for level in range(MAX_PLACE_DEPTH)]
        groups = (
            base.order_by()
            .filter(**{f"{path}__isnull": False})
            .values(*chain)
            .annotate(facet_count=Count("pk"))
        )
        by_pk = {}
        for group in groups:
            for key in chain:
                if group[key] is not None:
                    by_pk[group[key]] = by_pk.get(group[key], 0) + group["facet_count"]
    else:
        by_pk = _grouped_within_many(base, path)
    if places.query.where:
        valid = set(places.filter(pk__in=list(by_pk)).values_list("pk", flat=True))
        by_pk = {pk: count for pk, count in by_pk.items() if pk in valid}
    return by_pk


def _grouped_within_many(base, path):
    """The same for records with several places (projects): each (record,
    place) pair is joined to the place and every place above it, and a
    record counts once under each, however many of its places lie inside.

    Written in SQL around the pairs Django selects, because Django has no
    recursive queries: the places above each place come from a recursive
    WITH over the places table (standard SQL; PostgreSQL and SQLite), bounded
    by the nesting depth `Place.clean()` enforces."""
    pairs = (
        base.order_by()
        .filter(**{f"{path}__isnull": False})
        .annotate(facet_place=F(path), facet_record=F("pk"))
        .values("facet_place", "facet_record")
    )
    sql, params = pairs.query.sql_with_params()
    connection = connections[pairs.db]
    place = base.model._meta.get_field(path.split(LOOKUP_SEP)[0]).related_model
    table = connection.ops.quote_name(place._meta.db_table)
    parent = connection.ops.quote_name(place._meta.get_field("parent").column)
    key = connection.ops.quote_name(place._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE facet_above (place, above, depth) AS (
                SELECT {key}, {key}, 1 FROM {table}
                UNION ALL
                SELECT facet_above.place, {table}.{parent}, facet_above.depth + 1
                FROM facet_above JOIN {table} ON {table}.{key} = facet_above.above
                WHERE {table}.{parent} IS NOT NULL
                AND facet_above.depth < {MAX_PLACE_DEPTH}
            )
            SELECT above, COUNT(*) FROM (
                SELECT DISTINCT facet_above.above, facet_pairs.facet_record
                FROM ({sql}) facet_pairs
                JOIN facet_above ON facet_above.place = facet_pairs.facet_place
            ) facet_found
            GROUP BY above
            """,
            params,
        )
        return dict(cursor.fetchall())


def _has_empty(field):
    return getattr(field, "empty_label", None) is not None


def facet_label(label, count):
    return gettext("%(label)s (%(count)s)") % {
        "label": label,
        "count": number_format(count, force_grouping=True),
    }


# What an empty choice reads as in every select.
ANY = _("Any")


# As long as any record's slug may be (Publishable.slug, Place.slug).
SLUG_MAX_LENGTH = 120


class NoRecord:
    """A well-formed slug that names no record a reader may see: the filter
    keeps no record (FacetedFilterSet._filtered), as a year with none does."""

    pk = None

    def __init__(self, slug):
        self.slug = slug

    def __str__(self):
        return self.slug


class SlugChoiceField(forms.ModelChoiceField):
    """A record by its slug; a slug of no (public) record is a NoRecord, so
    a list asked for an unknown or unpublished record is empty rather than an
    error (and says no more about drafts than about slugs never used). Only a
    value that cannot be a slug is an error."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        if len(value) > SLUG_MAX_LENGTH:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        validate_slug(value)
        try:
            return super().to_python(value)
        except ValidationError:
            return NoRecord(value)

    def validate(self, value):
        if not isinstance(value, NoRecord):
            super().validate(value)


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice among records, named in the address by slug (`?place=baku`),
    with "Any" as the empty choice: every record filter of every list."""

    field_class = SlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", ANY)
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class CodeChoiceFilter(SlugChoiceFilter):
    """A choice in a short list kept as a table (sectors), named by slug: a
    code as a type is, so a slug not in the list is an error (and the API's
    schema lists the codes), where other records' filters take any slug."""

    field_class = forms.ModelChoiceField


# A year as an address may give it: 1 to 9999, without leading zeros.
YEAR = re.compile(r"[1-9][0-9]{0,3}")


class YearField(django_filters.fields.ChoiceField):
    """A year: the select offers the years with records, but any year is a
    valid value, and one with no records lists none (a loop over the years,
    or a calendar subscribed to next year, never meets an error)."""

    default_error_messages = {"invalid_choice": _("Enter a year from 1 to 9999.")}

    def valid_value(self, value):
        return YEAR.fullmatch(str(value)) is not None


class YearFilter(django_filters.ChoiceFilter):
    """A year of `field_name` (a date's `__year`), any year; see YearField."""

    field_class = YearField


def published(model):
    """Choices evaluated per request, so records published later appear."""
    return lambda request: model.objects.published()


def countries():
    return Place.objects.filter(kind=PlaceKind.COUNTRY)


class PersonFilter(FacetedFilterSet):
    q = TextFilter(search_fields=("name", "honorific", "bio"))
    country = SlugChoiceFilter(label=_("Country"), queryset=countries())

    facets = {"country": "country"}

    class Meta:
        model = Person
        fields = ()


class OrganizationFilter(FacetedFilterSet):
    q = TextFilter(search_fields=("name", "acronym", "description"))
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=OrganizationKind.choices
    )
    country = SlugChoiceFilter(label=_("Country"), queryset=countries())

    facets = {"kind": "kind", "country": "country"}

    class Meta:
        model = Organization
        fields = ()
