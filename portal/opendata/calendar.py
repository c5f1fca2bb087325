"""The events as an iCalendar feed: /<lang>/events/calendar.ics?<the list's filters>.

Written with the `icalendar` library (escaping, line folding and CRLF are its
job). Every event is an all-day entry. An event known only to the month or the
year spans that whole month or year, and its description says so ("Date known
only to the month: September 2025"): left out, it would vanish from a reader's
calendar; pinned to the 1st, it would claim a precision the record does not
have. Approximate dates are said to be approximate. Entries are transparent
(they do not make the reader "busy"): they are a record of what happened, not
appointments. Drafts and scheduled records never appear: the feed starts from
`published()`.

Like the downloads (portal/opendata/downloads.py), the calendar is streamed as
it is made, events read a chunk at a time through a server-side cursor, and
kept once per content token, language and filters for the next request.
"""

import datetime
import hashlib
from urllib.parse import urlencode, urlsplit

from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from events.filters import EventFilter
from events.models import Event
from portal.core import filtering
from portal.core.datacache import keeping, kept_file
from portal.core.dates import Precision, format_partial_range, period_end
from portal.core.siteurl import absolute_url, site_url
from portal.core.views import open_data, reads_query
from portal.opendata.downloads import CHUNK, streamed
from portal.ops import heartbeat

# Calendar apps poll subscriptions; twice a day is plenty for this record.
REFRESH_INTERVAL = datetime.timedelta(hours=12)


CONTENT_TYPE = "text/calendar; charset=utf-8"


@open_data
@reads_query(EventFilter)
def events_ics(request):
    filterset = filtering.bind(
        EventFilter, request, Event.objects.published().for_list()
    )
    if not filterset.is_valid():
        return filtering.bad_filters_text(filterset)
    # One file for every request with the same filters' values.
    query = urlencode(
        [(name, value) for name, values in filterset.data_key() for value in values]
    )
    digest = hashlib.sha256(query.encode()).hexdigest()[:16]
    name = f"calendar-{get_language()}-{digest}.ics"
    kept = kept_file(name)
    if kept is not None:
        response = FileResponse(kept, content_type=CONTENT_TYPE)
    else:
        events = filterset.qs.order_by("date", "pk")
        response = StreamingHttpResponse(
            keeping(name, streamed(_calendar(request, events))),
            content_type=CONTENT_TYPE,
        )
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def _calendar(request, events):
    """The calendar's bytes: its own lines, an entry per event, its end; what
    icalendar's Calendar.to_ical() gives for all of them at once."""
    language = get_language() or "en"
    name = _("China–Azerbaijan Relations: events")
    calendar = Calendar()
    calendar.add(
        "prodid", f"-//China-Azerbaijan Relations Portal//Events//{language.upper()}"
    )
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add(
        "x-wr-caldesc",
        _("Events recorded by the China–Azerbaijan Relations Portal, with sources."),
    )
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    ending = b"END:VCALENDAR\r\n"
    yield calendar.to_ical().removesuffix(ending)
    # The site's host names the events (UID), whatever address was asked.
    host = urlsplit(site_url(request)).hostname
    for number, event in enumerate(events.iterator(chunk_size=CHUNK)):
        yield _entry(request, event, host).to_ical()
        if number % CHUNK == 0:
            heartbeat.beat()
    yield ending


def _entry(request, event, host):
    entry = CalendarEvent()
    # The slug never changes once published, so a calendar app that already
    # holds the event updates it instead of adding a copy; the same in every
    # language, since it is the same event.
    entry.add("uid", f"event-{event.slug}@{host}")
    entry.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    entry.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    entry.add("summary", event.title)
    start, end = _all_day_span(event)
    entry.add("dtstart", start)
    # DTEND is exclusive: the day after the last day.
    entry.add("dtend", end + datetime.timedelta(days=1))
    entry.add("transp", "TRANSPARENT")
    entry.add("categories", [event.get_kind_display()])
    url = absolute_url(event.get_absolute_url(), request)
    entry.add("url", url)
    entry.add(
        "description",
        "\n\n".join(filter(None, [event.summary, _date_note(event), url])),
    )
    location = _location(event.place)
    if location:
        entry.add("location", location)
    return entry


def _all_day_span(event):
    """First and last day the event may have taken place on."""
    start = event.date
    last = event.end_date or event.date
    return start, period_end(last, event.date_precision)


def _date_note(event):
    """What a reader must know about the date, if it is not a plain day."""
    when = format_partial_range(
        event.date, event.end_date, event.date_precision, event.date_approximate
    )
    if event.date_precision == Precision.MONTH:
        return _("Date known only to the month: %(date)s.") % {"date": when}
    if event.date_precision == Precision.YEAR:
        return _("Date known only to the year: %(date)s.") % {"date": when}
    if event.date_approximate:
        return _("Approximate date: %(date)s.") % {"date": when}
    return ""


def _location(place):
    if place is None:
        return ""
    names = [place.name]
    if place.parent is not None:
        names.append(place.parent.name)
    return ", ".join(names)
