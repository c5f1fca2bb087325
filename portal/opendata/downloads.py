"""Taking the data away: every list's "Download these results" (CSV or JSON, for
exactly the list's filters, every matching record rather than one page) and the
full dataset of published records as one ZIP file. Each file is built once per
content token (and language, and filters) and kept for every later request
(portal/core/datacache.py's built_file): a request for it never rebuilds it, with
whatever parameters it comes.

A record is what the API says it is (portal/opendata/api/serializers.py): JSON
files hold the API's records as they are, CSV files the same records flattened to one
row each (docs/data-dictionary.md describes every column). Texts are in the page's
language, English where a translation is missing. A filter that cannot be used is
a 400 saying which, as text for a CSV file and as JSON for a JSON file
(portal/core/filtering.py).

CSV files are UTF-8 with a byte-order mark, so spreadsheets open Azerbaijani and
Chinese text correctly; a cell a spreadsheet would run as a formula starts with
an apostrophe, as in the admin's exports (portal/core/resources.py).
"""

import csv
import hashlib
import io
import zipfile
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from portal.core import filtering
from portal.core.datacache import StillBuilding, built_file
from portal.core.models import Observation
from portal.core.resources import escape_formula, unescape_formula
from portal.core.siteurl import absolute_url
from portal.core.views import reads_query
from portal.opendata.api import views as api
from portal.opendata.api.serializers import MeasureRowSerializer, ObservationSerializer
from projects.models import Measure

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
ATTRIBUTION = (
    "China–Azerbaijan Relations Portal, and the original sources cited with each record"
)
DICTIONARY = Path(settings.BASE_DIR) / "docs" / "data-dictionary.md"

# The lists that offer downloads: the name in the address, and the API's view
# of the records, whose FilterSet is the list page's own.
LISTS = {
    "events": api.EventViewSet,
    "agreements": api.AgreementViewSet,
    "projects": api.ProjectViewSet,
    "people": api.PersonViewSet,
    "organisations": api.OrganizationViewSet,
}
# The full dataset: every kind of record, one CSV and one JSON file each.
DATASET = {
    **LISTS,
    "places": api.PlaceViewSet,
    "sources": api.SourceViewSet,
    "indicators": api.IndicatorViewSet,
}
FORMATS = ("csv", "json")


def _filters_of_list(kind, **kwargs):
    """What a list's download reads: its list's filters."""
    viewset = LISTS.get(kind)
    return viewset.filterset_class if viewset else ()


@reads_query(_filters_of_list)
def list_download(request, kind, fmt):
    """/<lang>/download/<kind>.<csv|json>?<the list's filters>"""
    if kind not in LISTS or fmt not in FORMATS:
        raise Http404
    viewset = LISTS[kind]
    filterset = filtering.bind(viewset.filterset_class, request, viewset.records())
    if not filterset.is_valid():
        if fmt == "json":
            return filtering.bad_filters_json(filterset)
        return filtering.bad_filters_text(filterset)
    # What the file holds depends on the filters' values alone (not on other
    # parameters or their order): the same file for every such request.
    query = urlencode(
        [(name, value) for name, values in filterset.data_key() for value in values]
    )
    language = get_language()

    def build():
        records = _serialize(viewset.serializer_class, filterset.qs, request)
        if fmt == "csv":
            return csv_bytes(records, viewset.serializer_class)
        filters = {
            name: value
            for name, value in request.GET.items()
            if name in filterset.filters and value
        }
        source = request.path + (f"?{query}" if query else "")
        document = _envelope(request, records, source, filters=filters)
        return JSONRenderer().render(document)

    digest = hashlib.sha256(query.encode()).hexdigest()[:16]
    try:
        content = built_file(f"{kind}-{language}-{digest}.{fmt}", build)
    except StillBuilding:
        return _still_building()
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{kind}-{language}.{fmt}"'
    return response


@reads_query()
def dataset(request):
    """/<lang>/data/portal-dataset.zip: every published record, built once per
    content token and language (portal/core/datacache.py's built_file), in memory
    (fine for thousands of records; a much larger record would want a file
    built in the background)."""
    language = get_language()
    try:
        content = built_file(
            f"portal-dataset-{language}.zip", lambda: _build_dataset(request, language)
        )
    except StillBuilding:
        return _still_building()
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="portal-dataset-{language}.zip"'
    )
    return response


def _build_dataset(request, language):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for kind, viewset in DATASET.items():
            records = _serialize(viewset.serializer_class, viewset.records(), request)
            archive.writestr(
                f"{kind}.csv", csv_bytes(records, viewset.serializer_class)
            )
            archive.writestr(
                f"{kind}.json",
                JSONRenderer().render(_envelope(request, records, request.path)),
            )
        # Rows that belong to a record, one file each, every row with its own
        # citations: an indicator's observations, a project's measures.
        for name, serializer_class, rows in (
            ("observations", ObservationSerializer, _observations()),
            ("measures", MeasureRowSerializer, _measures()),
        ):
            records = _serialize(serializer_class, rows, request)
            archive.writestr(f"{name}.csv", csv_bytes(records, serializer_class))
            archive.writestr(
                f"{name}.json",
                JSONRenderer().render(_envelope(request, records, request.path)),
            )
        archive.writestr("README.txt", _readme(request, language))
        archive.writestr("DATA-DICTIONARY.md", DICTIONARY.read_bytes())
    return buffer.getvalue()


def _still_building():
    response = HttpResponse(
        _("This file is being prepared. Please try again in a minute.") + "\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "30"
    return response


def _observations():
    return (
        Observation.objects.public()
        .for_data()
        .order_by("indicator__position", "indicator__slug", "period_end", "pk")
    )


def _measures():
    return (
        Measure.objects.public()
        .for_data()
        .order_by("project__slug", "kind__position", "kind__slug", "position", "pk")
    )


def _serialize(serializer_class, queryset, request):
    return serializer_class(queryset, many=True, context={"request": request}).data


def _envelope(request, records, source, filters=None):
    """`source`: the address the records were downloaded from (a path and the
    query that says what they are), made absolute on the site's address."""
    document = {
        "licence": LICENCE,
        "attribution": ATTRIBUTION,
        "language": get_language(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "source": absolute_url(source, request),
    }
    if filters is not None:
        document["filters"] = filters
    document["count"] = len(records)
    document["results"] = records
    return document


def _readme(request, language):
    return "\n".join(
        [
            "China–Azerbaijan Relations Portal — full dataset",
            "",
            f"Address: {absolute_url(request.path, request)}",
            f"Made: {timezone.now().isoformat(timespec='seconds')}",
            f"Language of texts and labels: {language} (English where a "
            "translation is missing)",
            "",
            "Every published record, one CSV and one JSON file per kind of record.",
            "Drafts, records in review and records scheduled for later are left out.",
            "DATA-DICTIONARY.md describes every column; the JSON files hold the same",
            "records as the API (/api/v1/).",
            "",
            "Licence: Creative Commons Attribution 4.0 International (CC BY 4.0),",
            "https://creativecommons.org/licenses/by/4.0/",
            "Please cite the portal and the original sources given with each record.",
            "",
        ]
    ).encode()


# Flattening a record to a CSV row.

# Links the serializers give through a method (null when not public).
METHOD_LINKS = {"event", "parent", "publisher", "component_of"}


def columns(serializer_class):
    """The CSV columns for a serializer's records: each field, and beside each
    link (or list of links) the linked records' names."""
    result = []
    for name, field in serializer_class().fields.items():
        result.append(name)
        if name == "citations":
            continue
        if isinstance(field, serializers.ListSerializer):
            if "slug" in field.child.fields:
                result.append(f"{name}_names")
        elif isinstance(field, serializers.Serializer) or name in METHOD_LINKS:
            result.append(f"{name}_name")
    return result


def flatten(record):
    """One CSV row (column: text) from one API record."""
    row = {}
    for key, value in record.items():
        if key == "citations":
            row[key] = " | ".join(_citation_text(citation) for citation in value)
        elif isinstance(value, dict):
            row[key] = value.get("slug", "")
            row[f"{key}_name"] = _name(value)
        elif isinstance(value, list):
            row[key] = "; ".join(_item_text(key, item) for item in value)
            row[f"{key}_names"] = "; ".join(
                _name(item) for item in value if "slug" in item
            )
        elif value is None:
            row[key] = ""
        elif isinstance(value, bool):
            row[key] = "true" if value else "false"
        else:
            row[key] = str(value)
    return row


def _name(link):
    return link.get("title") or link.get("name") or ""


def _citation_text(citation):
    text = citation["source"]["slug"]
    if citation.get("quote"):
        text += f": {citation['quote']}"
    if citation.get("locator"):
        text += f" [{citation['locator']}]"
    return text


def _item_text(key, item):
    if "slug" in item:
        return item["slug"]
    if key == "participants":
        text = f"{item['person']['slug']} ({item['side']})"
        return f"{text}: {item['role']}" if item["role"] else text
    if key == "partners":
        role = item["role"]
        if item.get("reported_not_confirmed"):
            role += ", reported_not_confirmed"
        return f"{item['organization']['slug']} ({role})"
    if key == "milestones":
        date = item.get("date_display")
        return f"{date}: {item['title']}" if date else item["title"]
    if key == "measures":
        text = f"{item['kind']}: {item['value_display']}"
        if item.get("as_of_display"):
            text += f" ({item['as_of_display']})"
        return f"{text} [{item['rank']}]"
    if key == "observations":
        text = f"{item['period_display']}: {item['value_display']}"
        reporter = _reporter(item)
        if reporter:
            text += f" ({reporter})"
        if item.get("sources_disagree"):
            text += " [sources disagree]"
        return text
    if key == "series":
        ids = " ".join(str(pk) for pk in item["observations"])
        return f"{item['label'] or item['side_label']}: {ids}"
    if key == "disagreements":
        ids = " ".join(str(pk) for pk in item["observations"])
        return f"{item['period_display']}: {ids}"
    if key == "offices":
        dates = item.get("dates_display")
        return f"{item['display']} ({dates})" if dates else item["display"]
    return str(item)


def _reporter(observation):
    """Who reports an observation, as its JSON gives it: "body (side)"."""
    body = observation.get("reported_by")
    side = observation.get("side_label", "") if observation.get("side") else ""
    if body:
        return f"{body['name']} ({side})" if side else body["name"]
    return side


def csv_bytes(records, serializer_class):
    """The records as a CSV file: UTF-8 with a byte-order mark, a header row,
    formulas escaped."""
    header = columns(serializer_class)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for record in records:
        row = flatten(record)
        writer.writerow([escape_formula(row.get(column, "")) for column in header])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def read_csv(data):
    """Rows of a downloaded CSV file as dicts, formulas unescaped: the inverse of
    csv_bytes, for tests and for anyone reading the files back in Python."""
    text = data.decode("utf-8-sig")
    return [
        {key: unescape_formula(value) for key, value in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]
