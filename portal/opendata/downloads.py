"""Taking the data away: every list's "Download these results" (CSV or JSON, for
exactly the list's filters, every matching record rather than one page). The
full dataset of published records, one ZIP file per language, is built ahead of
time (portal/opendata/dataset.py) from the same pieces as these.

A download is streamed as it is made, in constant memory whatever its size:
records are read CHUNK at a time through a server-side cursor on PostgreSQL
(QuerySet.iterator), each chunk with its relations (the API's `records()`,
whose prefetches Django runs per chunk), so its first bytes leave at once and
a worker never holds more than one chunk. While it goes out it is kept, once
per content token (and language, and filters), as a file in media
(portal/core/datacache.py's keeping()): the next request for it, with whatever
other parameters, is answered from that file.

A record is what the API says it is (portal/opendata/api/serializers.py): JSON
files hold the API's records as they are, CSV files the same records flattened to one
row each (docs/data-dictionary.md describes every column). Texts are in the page's
language, English where a translation is missing. A filter that cannot be used is
a 400 saying which, as text for a CSV file and as JSON for a JSON file
(portal/core/filtering.py), before anything is streamed.

CSV files are UTF-8 with a byte-order mark, so spreadsheets open Azerbaijani and
Chinese text correctly; a cell a spreadsheet would run as a formula starts with
an apostrophe, as in the admin's exports (portal/core/resources.py).
"""

import csv
import hashlib
import io
import re
import unicodedata
from itertools import islice
from urllib.parse import quote, urlencode

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from portal.core import filtering
from portal.core.datacache import keeping, kept_file
from portal.core.resources import escape_formula, unescape_formula
from portal.core.siteurl import absolute_url
from portal.core.views import open_data, reads_query
from portal.opendata.api import views as api
from portal.ops import heartbeat

LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
ATTRIBUTION = (
    "China–Azerbaijan Relations Portal, and the original sources cited with each record"
)

# The lists that offer downloads: the name in the address, and the API's view
# of the records, whose FilterSet is the list page's own.
LISTS = {
    "events": api.EventViewSet,
    "agreements": api.AgreementViewSet,
    "projects": api.ProjectViewSet,
    "people": api.PersonViewSet,
    "organisations": api.OrganizationViewSet,
}
# Everything offered as a download: the lists, and the key figures (one page,
# every figure with its observations, nothing to filter). The dataset holds
# them as indicators (portal/opendata/dataset.py).
DOWNLOADS = {**LISTS, "key-figures": api.IndicatorViewSet}
FORMATS = ("csv", "json")
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}

# Records read, and their relations fetched, at a time: enough that the
# queries per chunk cost little beside the records, few enough that a chunk
# stays some tens of megabytes (500 events, with their relations, took a
# worker past 200 MB at 100,000 events). A person comes with every event they
# took part in (about 70 each there: 500 people were 650 MB).
CHUNK = 200
CHUNKS = {"people": 25}
# Bytes gathered before they are handed to the server: one write per record
# would be a system call each.
WRITE_SIZE = 64 * 1024


def _filters_of_list(kind, **kwargs):
    """What a list's download reads: its list's filters."""
    viewset = DOWNLOADS.get(kind)
    return getattr(viewset, "filterset_class", None) or ()


@open_data
@reads_query(_filters_of_list)
def list_download(request, kind, fmt):
    """/<lang>/download/<kind>.<csv|json>?<the list's filters>; the key
    figures' (/<lang>/download/key-figures.<csv|json>) have none."""
    if kind not in DOWNLOADS or fmt not in FORMATS:
        raise Http404
    viewset = DOWNLOADS[kind]
    if getattr(viewset, "filterset_class", None) is None:
        records, query, filters = viewset.records(), "", {}
    else:
        filterset = filtering.bind(viewset.filterset_class, request, viewset.records())
        if not filterset.is_valid():
            if fmt == "json":
                return filtering.bad_filters_json(filterset)
            return filtering.bad_filters_text(filterset)
        records = filterset.qs
        # What the file holds depends on the filters' values alone (not on
        # other parameters or their order): the same file for every such
        # request.
        query = urlencode(
            [(name, value) for name, values in filterset.data_key() for value in values]
        )
        filters = {
            key: value
            for key, value in request.GET.items()
            if key in filterset.filters and value
        }
    language = get_language()
    digest = hashlib.sha256(query.encode()).hexdigest()[:16]
    name = f"{kind}-{language}-{digest}.{fmt}"
    kept = kept_file(name)
    if kept is not None:
        response = FileResponse(kept, content_type=CONTENT_TYPES[fmt])
    else:
        # Counted here, before a byte is sent: the JSON file says how many,
        # and a query the database refuses is an error page, not a cut file.
        count = records.count()
        records = serialized(
            viewset.serializer_class, records, request, CHUNKS.get(kind, CHUNK)
        )
        if fmt == "csv":
            chunks = csv_chunks(records, viewset.serializer_class)
        else:
            source = request.path + (f"?{query}" if query else "")
            document = envelope(count, absolute_url(source, request), filters=filters)
            chunks = json_chunks(document, records)
        response = StreamingHttpResponse(
            keeping(name, streamed(chunks)), content_type=CONTENT_TYPES[fmt]
        )
    response["Content-Disposition"] = content_disposition(f"{kind}-{language}.{fmt}")
    return response


# What an ASCII file name may not hold: a quote or backslash would need
# escaping, which some clients get wrong; anything outside printable ASCII.
NOT_IN_ASCII_NAME = re.compile(r'[^\x20-\x7e]|["\\]')


def content_disposition(filename, disposition="attachment"):
    """A Content-Disposition as RFC 6266 has it: filename="…" in ASCII, which
    every client reads (curl -OJ reads only that), and, when the name is not
    ASCII, filename*=UTF-8''… (RFC 8187) with the name itself, which browsers
    prefer. Never RFC 2047's =?utf-8?…?=, which RFC 6266 forbids and which
    Django writes for a header value set with characters outside ASCII."""
    # Accents dropped ("ə" has none to drop, nor Chinese: they become "-").
    decomposed = unicodedata.normalize("NFKD", filename)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_name = re.sub(r"-{2,}", "-", NOT_IN_ASCII_NAME.sub("-", plain))
    stem, dot, suffix = ascii_name.rpartition(".")
    if not dot:
        stem, suffix = ascii_name, ""
    fallback = (stem.strip("- ") or "download") + dot + suffix
    value = f'{disposition}; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


def still_building():
    """503 for a file another request is building (portal/core/datacache.py)."""
    response = HttpResponse(
        _("This file is being prepared. Please try again in a minute.") + "\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = "30"
    return response


def serialized(serializer_class, queryset, request=None, chunk_size=CHUNK):
    """The records of `queryset` as the API gives them, one at a time, read
    `chunk_size` records (and their relations) at a time."""
    rows = queryset.iterator(chunk_size=chunk_size)
    while chunk := list(islice(rows, chunk_size)):
        records = _serialize(serializer_class, chunk, request)
        # Let go of a chunk's records before the next is read.
        del chunk
        yield from records
        del records
        heartbeat.beat()


def _serialize(serializer_class, records, request):
    return serializer_class(records, many=True, context={"request": request}).data


def envelope(count, source, filters=None):
    """What a JSON file says before its records: `source` is the absolute
    address the records were downloaded from (a path and the query that says
    what they are)."""
    document = {
        "licence": LICENCE,
        "attribution": ATTRIBUTION,
        "language": get_language(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "source": source,
    }
    if filters is not None:
        document["filters"] = filters
    document["count"] = count
    return document


def json_chunks(document, records):
    """The JSON file: `document` with the records as its "results", byte for
    byte what rendering the whole document at once would give."""
    renderer = JSONRenderer()
    opening = renderer.render({**document, "results": []})
    yield opening.removesuffix(b"]}")
    separator = b""
    for record in records:
        yield separator + renderer.render(record)
        separator = b","
    yield b"]}"


def streamed(chunks, size=WRITE_SIZE):
    """The same bytes in pieces of about `size`, the first at once, made in
    the language of the request: they are made after the view has returned,
    while the server sends them."""
    language = get_language()
    with translation.override(language):
        pending, length, first = [], 0, True
        for chunk in chunks:
            pending.append(chunk)
            length += len(chunk)
            if first or length >= size:
                yield b"".join(pending)
                pending, length, first = [], 0, False
        if pending:
            yield b"".join(pending)


# Flattening a record to a CSV row.

# Links the serializers give through a method (null when not public).
METHOD_LINKS = {"event", "parent", "publisher", "component_of"}


def columns(serializer_class):
    """The CSV columns for a serializer's records: each field, and beside each
    link (or list of links) the linked records' names."""
    result = []
    fields = serializer_class().fields
    for name, field in fields.items():
        result.append(name)
        if name == "citations":
            continue
        if isinstance(field, serializers.ListSerializer):
            if "slug" in field.child.fields:
                result.append(f"{name}_names")
        elif isinstance(field, serializers.Serializer) or name in METHOD_LINKS:
            # A serializer that names the link itself (a source's
            # publisher_name) gives that column in its own place.
            if f"{name}_name" not in fields:
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


def csv_chunks(records, serializer_class):
    """The records as a CSV file, a row at a time: UTF-8 with a byte-order
    mark, a header row, formulas escaped."""
    header = columns(serializer_class)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    yield ("\ufeff" + out.getvalue()).encode("utf-8")
    for record in records:
        out.seek(0)
        out.truncate()
        row = flatten(record)
        writer.writerow([escape_formula(row.get(column, "")) for column in header])
        yield out.getvalue().encode("utf-8")


def csv_bytes(records, serializer_class):
    """The whole CSV file at once (csv_chunks joined)."""
    return b"".join(csv_chunks(records, serializer_class))


def read_csv(data):
    """Rows of a downloaded CSV file as dicts, formulas unescaped: the inverse of
    csv_bytes, for tests and for anyone reading the files back in Python."""
    text = data.decode("utf-8-sig")
    return [
        {key: unescape_formula(value) for key, value in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]
