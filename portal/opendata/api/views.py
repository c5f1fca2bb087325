"""The API's views: one read-only viewset per kind of record, each with the same
FilterSet as its public list page, in the language asked for, paged and
rate-limited per address, its answers kept in the page cache under the content
token (every request is still counted by the rate limit first).
docs/api.md describes them for readers."""

import datetime
import re

from django.conf import settings
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.pagination import PageNumberPagination
from rest_framework.utils.urls import remove_query_param, replace_query_param

from events.filters import AgreementFilter, EventFilter
from events.models import Agreement, Event
from portal.core import filtering
from portal.core.filters import (
    SLUG_MAX_LENGTH,
    CodeChoiceFilter,
    OrganizationFilter,
    PersonFilter,
    SlugChoiceFilter,
    TextFilter,
    YearFilter,
)
from portal.core.models import (
    Indicator,
    Organization,
    Person,
    Place,
    PlaceKind,
    Source,
    SourceKind,
)
from portal.core.siteurl import absolute_url
from portal.opendata.api import serializers
from portal.opendata.api.throttling import AddressRateThrottle
from portal.ops import pagecache
from projects.filters import ProjectFilter
from projects.models import Project

LANGUAGES = [code for code, _name in settings.LANGUAGES]

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=LANGUAGES,
    description=(
        "The language of texts and labels. Without it, the request's "
        "Accept-Language header decides; English otherwise. Texts not yet "
        "translated are given in English."
    ),
)


def requested_language(request):
    """(language, error): `?lang=` if given, else the Accept-Language header."""
    asked = request.GET.get("lang")
    if asked is None:
        return translation.get_language_from_request(request), None
    if asked.lower() in LANGUAGES:
        return asked.lower(), None
    return settings.LANGUAGE_CODE, asked


# What a slug may be, in an address or a filter (Django's validate_slug).
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"

SLUG_SCHEMA = {"type": "string", "pattern": SLUG_PATTERN, "maxLength": SLUG_MAX_LENGTH}

# The bodies of the errors every operation may answer, as
# rest_framework.exceptions and FilterBackend word them.
BAD_PARAMETERS = {
    "type": "object",
    "description": (
        "Each query parameter that cannot be used, with the reasons (in the "
        "language asked for)."
    ),
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"page_size": ["Enter a whole number from 1 to 100."]},
}
DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}


def or_empty(schema):
    """The schema, or an empty value."""
    empty = {"type": "string", "maxLength": 0}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], ""]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], empty]}
    if schema.get("type") == "string" and set(schema) <= {
        "type",
        "pattern",
        "maxLength",
    }:
        if "pattern" not in schema:
            return schema
        return {**schema, "pattern": f"^(?:{schema['pattern'][1:-1]})?$"}
    return {"anyOf": [schema, empty]}


class ApiSchema(AutoSchema):
    """drf-spectacular's schema, with what it cannot see for itself: the
    errors every operation answers (400, 404, 429) and their bodies, and each
    parameter's bounds as the API checks them (pages, slugs, years, texts)."""

    def get_override_parameters(self):
        return [*super().get_override_parameters(), LANG_PARAMETER]

    def _get_parameters(self):
        parameters = super()._get_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        filters = filterset.base_filters if filterset else {}
        for parameter in parameters:
            name = parameter["name"]
            bounds = self._bounds(name, filters.get(name))
            if bounds is not None:
                parameter["schema"] = bounds
            if name in filters or name == UPDATED_SINCE:
                # A filter left empty (as a list page's form sends it) is no
                # filter.
                parameter["schema"] = or_empty(parameter["schema"])
        return parameters

    def _bounds(self, name, filter):
        pagination = Pagination
        if name == pagination.page_query_param and self._is_list_view():
            return {"type": "integer", "minimum": 1}
        if name == pagination.page_size_query_param and self._is_list_view():
            return {
                "type": "integer",
                "minimum": 1,
                "maximum": Pagination.max_page_size,
            }
        if name == "slug":
            return SLUG_SCHEMA
        if isinstance(filter, CodeChoiceFilter):
            # The codes there are when the schema is asked for (its ETag
            # changes with the content, so a new one is seen).
            records = filter.get_queryset(getattr(self.view, "request", None))
            codes = records.values_list("slug", flat=True)
            return {"type": "string", "enum": list(codes)}
        if isinstance(filter, SlugChoiceFilter):
            return SLUG_SCHEMA
        if isinstance(filter, YearFilter):
            return {"type": "integer", "minimum": 1, "maximum": 9999}
        if isinstance(filter, TextFilter):
            # Form fields refuse the null character.
            return {
                "type": "string",
                "maxLength": filter.extra["max_length"],
                "pattern": "^[^\\u0000]*$",
            }
        return None

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if self._is_list_view():
            not_found = "A page past the last one."
            bad = "A filter, page, page size or language that cannot be used."
        else:
            not_found = "No published record has this slug."
            bad = "A language that is not one of the site's."
        for code, schema, description in (
            ("400", BAD_PARAMETERS, bad),
            ("404", DETAIL, not_found),
            ("429", DETAIL, "Too many requests from this address; try again later."),
        ):
            responses[code] = self._get_response_for_code(schema, code)
            responses[code]["description"] = description
        responses["429"]["headers"] = {
            "Retry-After": {
                "description": "Seconds until this address may ask again.",
                "required": True,
                "schema": {"type": "integer", "minimum": 1},
            }
        }
        return responses


# A page number or page size as an address gives it: a whole number, at least 1.
WHOLE_NUMBER = re.compile(r"[1-9][0-9]*")


class Pagination(PageNumberPagination):
    page_size = settings.API_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = settings.API_MAX_PAGE_SIZE
    # Only numbers: the schema says so.
    last_page_strings = ()

    def bad_parameters(self, request):
        """{parameter: [reason]} for a page number or size that cannot be used
        (which DRF would take as the first page, or the default size)."""
        errors = {}
        page = request.query_params.get(self.page_query_param)
        if page is not None and not WHOLE_NUMBER.fullmatch(page):
            errors[self.page_query_param] = [_("Enter a page number: 1 or more.")]
        size = request.query_params.get(self.page_size_query_param)
        if size is not None and not (
            WHOLE_NUMBER.fullmatch(size)
            and len(size) <= len(str(self.max_page_size))
            and int(size) <= self.max_page_size
        ):
            errors[self.page_size_query_param] = [
                _("Enter a whole number from 1 to %(max)s.")
                % {"max": self.max_page_size}
            ]
        return errors

    # DRF's own links, on the site's address (portal/core/siteurl.py) rather than
    # the request's Host.

    def get_next_link(self):
        if not self.page.has_next():
            return None
        return replace_query_param(
            self._here(), self.page_query_param, self.page.next_page_number()
        )

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        number = self.page.previous_page_number()
        if number == 1:
            return remove_query_param(self._here(), self.page_query_param)
        return replace_query_param(self._here(), self.page_query_param, number)

    def _here(self):
        return absolute_url(self.request.get_full_path(), self.request)


class FilterBackend(filters.DjangoFilterBackend):
    """The list page's FilterSet, bound and answered as every list binds and
    answers it (portal/core/filtering.py): a filter that cannot be used is a 400
    of {parameter: [reason, …]}, as DRF words any other bad parameter."""

    def get_filterset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return None
        return filtering.bind(filterset_class, request, queryset)

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise ValidationError(filtering.bad_filters(filterset))
        return filterset.qs


UPDATED_SINCE = "updated_since"
# The longest: 2025-06-30T18:00:00.123456+04:00.
MOMENT_MAX_LENGTH = 32
# "+04:00" written into an address unencoded arrives as " 04:00".
_SPACED_OFFSET = re.compile(r"(T[\d:.,]+) (\d\d(:?\d\d)?)$")


def parse_moment(value):
    """An ISO 8601 date or date and time as an aware datetime (a date is its
    first moment; without an offset, UTC); None when it is not one."""
    value = _SPACED_OFFSET.sub(r"\1+\2", value.strip())
    if len(value) > MOMENT_MAX_LENGTH:
        # Python reads any number of digits of a fraction of a second.
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            return None
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=datetime.UTC)
        # Raises OverflowError at the ends of the calendar, which no database
        # could compare with either.
        return moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return None


class UpdatedSinceFilter(BaseFilterBackend):
    """?updated_since=: only the records changed or published since then (the
    QuerySets' changed_since()), so a harvester fetches only what is new."""

    description = (
        "Only records saved or published at or after this moment: an ISO 8601 "
        "date (2025-06-30, from its start in UTC) or date and time "
        "(2025-06-30T14:00:00Z, 2025-06-30T18:00:00+04:00; UTC when no offset "
        "is given). A change to a linked record (a person's name) shows in that "
        "record's own updated_at. Invalid: 400."
    )

    def filter_queryset(self, request, queryset, view):
        value = request.query_params.get(UPDATED_SINCE, "")
        if not value:
            return queryset
        moment = parse_moment(value)
        if moment is None:
            raise ValidationError(
                {
                    UPDATED_SINCE: [
                        _(
                            "“%(value)s” is not a date or a date and time. Use ISO "
                            "8601: 2025-06-30, or 2025-06-30T14:00:00Z (UTC when no "
                            "offset is given; write + as %%2B in an address)."
                        )
                        % {"value": value[:40]}
                    ]
                }
            )
        return queryset.changed_since(moment)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": UPDATED_SINCE,
                "required": False,
                "in": "query",
                "description": self.description,
                "schema": {
                    "anyOf": [
                        {"type": "string", "format": "date-time"},
                        {"type": "string", "format": "date"},
                    ]
                },
            }
        ]


class RecordViewSet(viewsets.ReadOnlyModelViewSet):
    """What every endpoint shares: lookups by slug, the language, the throttle,
    the page cache."""

    lookup_field = "slug"
    pagination_class = Pagination
    throttle_classes = [AddressRateThrottle]
    filter_backends = [FilterBackend, UpdatedSinceFilter]
    schema = ApiSchema()

    @classmethod
    def records(cls):
        """The published records with everything the serializer shows, in a
        fixed number of queries; the downloads use it too."""
        raise NotImplementedError

    @classmethod
    def read_parameters(cls, match):
        """The query parameters an answer depends on (portal/ops/pagecache.py
        keys it on these, and takes any other off the request)."""
        names = ["lang", "format"]
        if getattr(match.func, "actions", {}).get("get") != "list":
            return names
        if FilterBackend in cls.filter_backends and cls.filterset_class:
            names += pagecache.filter_parameters(cls.filterset_class)
        if UpdatedSinceFilter in cls.filter_backends:
            names.append(UPDATED_SINCE)
        pagination = cls.pagination_class
        return [*names, pagination.page_query_param, pagination.page_size_query_param]

    def get_queryset(self):
        return self.records()

    def filter_queryset(self, queryset):
        """The list's filters and its page, each parameter that cannot be used
        named in one 400."""
        if self.action != "list" or self.paginator is None:
            return super().filter_queryset(queryset)
        errors = self.paginator.bad_parameters(self.request)
        try:
            queryset = super().filter_queryset(queryset)
        except ValidationError as error:
            errors = {**error.detail, **errors}
        if errors:
            raise ValidationError(errors)
        return queryset

    def dispatch(self, request, *args, **kwargs):
        language, self.bad_language = requested_language(request)
        self.keep_as = None
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
            # Rendered here, so error messages come out in the language too.
            if hasattr(response, "render"):
                response.render()
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Accept-Language"])
        if self.keep_as:
            pagecache.keep(request, self.keep_as, response)
        return response

    # Answers from the page cache, once the throttle has counted the request
    # (in initial(), before any of these).

    def list(self, request, *args, **kwargs):
        return self._cached(request, super().list, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._cached(request, super().retrieve, *args, **kwargs)

    def _cached(self, request, answer, *args, **kwargs):
        http = request._request  # Django's own, whose query string is kept
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or not pagecache.anonymous_read(http)
            or not pagecache.keep_read_parameters(http)
            or pagecache.request_token(http) is None
        ):
            return answer(request, *args, **kwargs)
        token = pagecache.request_token(http)
        key = pagecache.page_key(http, token, translation.get_language())
        stored = pagecache.lookup(key)
        if stored is not None:
            return stored
        self.keep_as = key
        return answer(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.bad_language is not None:
            raise ValidationError(
                {
                    "lang": [
                        _(
                            "“%(lang)s” is not a language of this site; use one of: "
                            "%(languages)s."
                        )
                        % {
                            "lang": self.bad_language[:20],
                            "languages": ", ".join(LANGUAGES),
                        }
                    ]
                }
            )


def ordered(queryset):
    # The models' own order, then the id: pages never repeat or skip a record.
    return queryset.order_by(*queryset.model._meta.ordering, "pk")


class EventViewSet(RecordViewSet):
    """Events: visits, talks, signings, forums, ceremonies and statements."""

    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter

    @classmethod
    def records(cls):
        return ordered(Event.objects.published().for_detail())


class AgreementViewSet(RecordViewSet):
    """Agreements: joint declarations, agreements, memoranda and contracts."""

    serializer_class = serializers.AgreementSerializer
    filterset_class = AgreementFilter

    @classmethod
    def records(cls):
        return ordered(Agreement.objects.published().for_detail())


class ProjectViewSet(RecordViewSet):
    """Cooperation projects, with their partners and milestones."""

    serializer_class = serializers.ProjectSerializer
    filterset_class = ProjectFilter

    @classmethod
    def records(cls):
        return ordered(Project.objects.published().for_detail())


class PersonViewSet(RecordViewSet):
    """People, with the published events they took part in."""

    serializer_class = serializers.PersonSerializer
    filterset_class = PersonFilter

    @classmethod
    def records(cls):
        return ordered(Person.objects.published().for_data())


class OrganizationViewSet(RecordViewSet):
    """Organisations: government bodies, companies, universities and others."""

    serializer_class = serializers.OrganizationSerializer
    filterset_class = OrganizationFilter

    @classmethod
    def records(cls):
        return ordered(Organization.objects.published().for_data())


class PlaceFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=PlaceKind.choices)

    class Meta:
        model = Place
        fields = ()


class PlaceViewSet(RecordViewSet):
    """Places: countries, regions, cities, districts and sites."""

    serializer_class = serializers.PlaceSerializer
    filterset_class = PlaceFilter

    @classmethod
    def records(cls):
        return ordered(Place.objects.for_detail())


class SourceFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=SourceKind.choices)

    class Meta:
        model = Source
        fields = ()


class SourceViewSet(RecordViewSet):
    """The sources records cite."""

    serializer_class = serializers.SourceSerializer
    filterset_class = SourceFilter

    @classmethod
    def records(cls):
        return ordered(Source.objects.published().for_detail())


class IndicatorViewSet(RecordViewSet):
    """Key figures, each with its observations and their citations."""

    serializer_class = serializers.IndicatorSerializer
    filter_backends = [UpdatedSinceFilter]

    @classmethod
    def records(cls):
        return ordered(Indicator.objects.published().for_detail())
