"""The maps' machinery: records at places, as GeoJSON for the map script
(static/js/map.js) and as the list of places every map page also shows, so
readers without JavaScript or a screen see the same places. The record apps say
which records stand where (events/maps.py, projects/maps.py); the site's maps
(portal/site/maps.py) put them together.

A record stands at each of its places' points. A place without coordinates
borrows the point of the nearest place it lies in (a district its city's, a city
its country's), and the point is then approximate, as are points the place
itself marks approximate (a country or region). Records with no place, or whose
places have no point anywhere up the chain, are left off the map and its list.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from itertools import groupby

from django.http import JsonResponse
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext
from modeltranslation.utils import build_localized_fieldname

from portal.core.models import Place
from portal.core.siteurl import site_url

# The GeoJSON media type (RFC 7946).
GEOJSON = "application/geo+json"

# The most records of each kind one map shows: a map of every record would grow
# with the data (at 10,000 events the home page alone was 1.5 MB). The home page's
# map shows the latest events and projects, a list's map its first projects.
MAP_LIMIT = 50

# The most records one place lists on the full map (its popup and the list under
# the map), the latest first; the place's own page lists them all.
PLACE_RECORD_LIMIT = 10


# The date a feature carries, and its status, per kind of record.
DATE_FIELDS = {"event": "date", "project": "start_date"}
STATUS_FIELDS = {"project": "project_status"}


@dataclass(frozen=True)
class Point:
    """One record at one place."""

    record: object  # an event or a project
    kind: str
    place: Place
    latitude: Decimal
    longitude: Decimal
    approximate: bool

    @property
    def kind_label(self):
        return capfirst(type(self.record)._meta.verbose_name)

    def feature(self, site=""):
        """The point as a GeoJSON Feature; its addresses start with `site`
        (the site's address: absolute, for other sites' tools)."""
        record, place = self.record, self.place
        date_field = DATE_FIELDS.get(self.kind, "date")
        date = record.partial_date(date_field)
        status = STATUS_FIELDS.get(self.kind)
        return {
            "type": "Feature",
            "id": f"{self.kind}:{record.slug}:{place.slug}",
            "geometry": {
                "type": "Point",
                # GeoJSON puts longitude first.
                "coordinates": [float(self.longitude), float(self.latitude)],
            },
            "properties": {
                "name": record.title,
                "name_lang": _language_of(record, "title"),
                "kind": self.kind,
                "kind_label": self.kind_label,
                "slug": record.slug,
                "url": site + record.get_absolute_url(),
                # An event's date, a project's start, as the API gives them.
                "date": date.value.isoformat() if date else None,
                "date_precision": date.precision.value if date else None,
                "date_display": record.format_date(date_field),
                # A project's status (events have none).
                "status": getattr(record, status) if status else None,
                "status_label": (
                    getattr(record, f"get_{status}_display")() if status else None
                ),
                "approximate": self.approximate,
                "place": place.name,
                "place_slug": place.slug,
                "place_lang": _language_of(place, "name"),
                "place_url": site + place.get_absolute_url(),
            },
        }


@dataclass(frozen=True)
class PlaceGroup:
    """The records at one place, for the list under the map. `limit` (the full
    map's) is how many of them it lists; the place's page has the rest."""

    place: Place
    approximate: bool
    points: list
    limit: int | None = None

    @property
    def count(self):
        return len(self.points)

    @property
    def shown(self):
        return self.points if self.limit is None else self.points[: self.limit]

    @property
    def more(self):
        """How many records of the place the list leaves to its page."""
        return self.count - len(self.shown)

    def more_label(self):
        return ngettext(
            "and %(count)s more record at this place",
            "and %(count)s more records at this place",
            self.more,
        ) % {"count": self.more}

    def feature(self, site="", shared=frozenset()):
        """The place as one GeoJSON Feature with the records it lists: the
        full map's marker, which the map's clusters count by `count`, less
        `shared` (the keys of its records the map also shows at other places),
        each counted once per cluster."""
        first = self.points[0]
        place = self.place
        records = []
        for point in self.shown:
            feature = point.feature(site)["properties"]
            records.append(
                {
                    key: feature[key]
                    for key in ("name", "name_lang", "kind", "kind_label", "url")
                }
                | {"date_display": feature["date_display"]}
            )
        return {
            "type": "Feature",
            "id": f"place:{place.slug}",
            "geometry": {
                "type": "Point",
                "coordinates": [float(first.longitude), float(first.latitude)],
            },
            "properties": {
                "place": place.name,
                "place_slug": place.slug,
                "place_lang": _language_of(place, "name"),
                "place_url": site + place.get_absolute_url(),
                "approximate": self.approximate,
                "count": self.count,
                "shared": sorted(
                    key for key in map(record_key, self.points) if key in shared
                ),
                "records": records,
                "more": self.more,
                "more_label": self.more_label() if self.more else "",
            },
        }


@dataclass
class Map:
    """Records at places. `by_place` (the full map) makes one marker per place
    with the records there, the latest first, instead of one per record."""

    points: list
    data_url: str
    by_place: bool = False

    def __bool__(self):
        return bool(self.points)

    @cached_property
    def places(self):
        """The points grouped by place, places in name order and records in
        name order (by place: the latest first)."""
        by_place = sorted(
            self.points, key=lambda point: (_key(point.place.name), point.place.pk)
        )
        groups = []
        limit = PLACE_RECORD_LIMIT if self.by_place else None
        for _pk, points in groupby(by_place, key=lambda point: point.place.pk):
            points = list(points)
            if self.by_place:
                points.sort(key=_latest_first)
            groups.append(
                PlaceGroup(points[0].place, points[0].approximate, points, limit)
            )
        return groups

    @property
    def record_count(self):
        return len({(point.kind, point.record.pk) for point in self.points})

    def geojson(self, request=None):
        site = site_url(request)
        if self.by_place:
            places = Counter(map(record_key, self.points))
            shared = {key for key, count in places.items() if count > 1}
            features = [group.feature(site, shared) for group in self.places]
        else:
            features = [point.feature(site) for point in self.points]
        return {"type": "FeatureCollection", "features": features}


def record_key(point):
    """A record's key in a map's GeoJSON ("project:<slug>"): the same at each
    of its places."""
    return f"{point.kind}:{point.record.slug}"


def _latest_first(point):
    """The order of a place's records on the full map: the latest date first,
    records without a date last, then by kind and slug (the same order in
    every language)."""
    date = point.record.partial_date(DATE_FIELDS.get(point.kind, "date"))
    ordinal = date.value.toordinal() if date else 0
    return (-ordinal, point.kind, point.record.slug)


def _key(text):
    return (text or "").casefold()


def _language_of(record, field):
    """The language a translated field is shown in: the reader's, or English
    when it is not translated yet."""
    language = get_language() or "en"
    if getattr(record, build_localized_fieldname(field, language), None):
        return language
    return "en"


class _Locator:
    """Finds a place's point, climbing to the places it lies in when it has
    none. The table of places is read (once, in one query) only when needed."""

    def __init__(self):
        self._places = None

    def __call__(self, place):
        current, seen = place, set()
        while current is not None and current.pk not in seen:
            if current.latitude is not None and current.longitude is not None:
                approximate = current.coordinates_approximate or current is not place
                return current.latitude, current.longitude, approximate
            seen.add(current.pk)
            current = self._all().get(current.parent_id)
        return None

    def _all(self):
        if self._places is None:
            self._places = {
                place.pk: place
                for place in Place.objects.only(
                    "pk",
                    "parent_id",
                    "latitude",
                    "longitude",
                    "coordinates_approximate",
                )
            }
        return self._places


def points(pairs):
    """Points for (kind, record, place) triples, in record-name order."""
    locate = _Locator()
    points = []
    for kind, record, place in pairs:
        found = locate(place)
        if found is not None:
            latitude, longitude, approximate = found
            points.append(Point(record, kind, place, latitude, longitude, approximate))
    points.sort(key=lambda point: (_key(point.record.title), point.kind))
    return points


def geojson_response(a_map, request):
    return JsonResponse(
        a_map.geojson(request),
        content_type=GEOJSON,
        json_dumps_params={"ensure_ascii": False},
    )
