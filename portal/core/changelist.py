"""The admin's changelists at 100,000 rows: counts PostgreSQL estimates, and a
date hierarchy read from the index.

Django's changelist counts every row the list holds (`COUNT(*)`, on every
page, for the paginator) and lists the years of its date hierarchy with
`SELECT DISTINCT date_trunc('year', …)`, which reads every row too: at 100,000
events, with a search or a filter, the two took 300 ms and more each, on every
page an editor opened. Django has no estimated count and no cheaper hierarchy;
what is needed is a few lines over its own Paginator and ChangeList, not a
dependency:

- `EstimatedCountPaginator` asks PostgreSQL how many rows it expects (the
  table's `pg_class.reltuples` for an unfiltered list, the planner's estimate
  from EXPLAIN for a filtered one) and counts exactly only below
  `exact_below` rows, where counting is cheap; elsewhere (SQLite) it counts.
  The changelist then says "about 100,000 events" (templates/admin/
  pagination.html).
- `ScaledChangeList` lists the hierarchy's years of such a large list with one
  index probe per year between the first and the last (`EXISTS … WHERE date >=
  '1992-01-01' AND date < '1993-01-01'`, all in one query), where DISTINCT
  reads every row. A list whose count is exact is small enough to read.
"""

import json
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import DateTimeField, Max, Min, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

# Beyond this many years between the first and the last row the probes would
# cost more than they save (and a stray date in year 1 would make thousands).
MAX_PROBED_YEARS = 200


def estimated_count(queryset):
    """PostgreSQL's estimate of the number of rows of `queryset`, without
    reading them; None elsewhere or when PostgreSQL has none (a table never
    analysed)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    query = queryset.query
    with connection.cursor() as cursor:
        if not query.where and not query.distinct and not query.combinator:
            # Every row of the table: the count ANALYZE (and autovacuum)
            # keep in the catalogue.
            cursor.execute(
                "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
                [connection.ops.quote_name(queryset.model._meta.db_table)],
            )
            row = cursor.fetchone()
            return int(row[0]) if row and row[0] >= 0 else None
        compiler = queryset.order_by().query.get_compiler(using=queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            # Nothing can match (a filter on no place at all): the exact
            # count is 0, without asking.
            return None
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """A paginator whose count is PostgreSQL's estimate when that is at least
    `exact_below` rows, and an exact count otherwise (and on SQLite).
    `estimated` says which one the count is."""

    exact_below = 10_000
    estimated = False

    @cached_property
    def count(self):
        if isinstance(self.object_list, QuerySet):
            estimate = estimated_count(self.object_list)
            if estimate is not None and estimate >= self.exact_below:
                self.estimated = True
                return estimate
        return super().count


def _moment(field, day):
    """The start of `day` for the field: the day itself, or its first moment
    in the current time zone, as Django's dates() and datetimes() give them."""
    if not isinstance(field, DateTimeField):
        return day
    moment = datetime(day.year, day.month, day.day)
    return timezone.make_aware(moment) if settings.USE_TZ else moment


def _next(day, level):
    if level == "year":
        return date(day.year + 1, 1, 1)
    if level == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day + timedelta(days=1)


def periods(level, first, last):
    """The first day of every year, month or day from `first` to `last`."""
    day = {
        "year": date(first.year, 1, 1),
        "month": date(first.year, first.month, 1),
        "day": date(first.year, first.month, first.day),
    }[level]
    found = []
    while day <= last:
        found.append(day)
        day = _next(day, level)
    return found


def periods_with_rows(queryset, field_name, level, first, last):
    """The start of each year, month or day between the dates `first` and
    `last` in which `queryset` has a row on `field_name`, as QuerySet.dates()
    or datetimes() list them: one index probe per period (EXISTS … WHERE
    field >= start AND field < next start), all in one query."""
    field = queryset.model._meta.get_field(field_name)
    starts = periods(level, first, last)
    if not starts:
        return []
    rows = queryset.order_by()
    # One probe, compiled once with two placeholder bounds, then repeated per
    # period: compiling forty subqueries through the ORM would cost more than
    # the probes themselves.
    low, high = _moment(field, starts[0]), _moment(field, _next(starts[0], level))
    probe = rows.filter(**{f"{field_name}__gte": low, f"{field_name}__lt": high})
    connection = connections[queryset.db]
    try:
        sql, params = (
            probe.values("pk")[:1].query.get_compiler(connection=connection).as_sql()
        )
    except EmptyResultSet:
        return []
    params = list(params)
    if params[-2:] != [low, high] or sql.count("%s") != len(params):
        # The bounds are not where they always are (the last two parameters):
        # Django's way, which reads every row.
        kind = "datetimes" if isinstance(field, DateTimeField) else "dates"
        return list(getattr(QuerySet, kind)(queryset, field_name, level))
    values = []
    for start in starts:
        after = _next(start, level)
        values += [*params[:-2], _moment(field, start), _moment(field, after)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([f"EXISTS({sql})"] * len(starts)), values)
        answers = cursor.fetchone()
    return [
        _moment(field, start) for start, hit in zip(starts, answers, strict=True) if hit
    ]


def local_day(field, value):
    """The calendar day of a date, or of a moment in the current time zone."""
    if isinstance(field, DateTimeField):
        if settings.USE_TZ and timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def years_with_rows(queryset, field_name):
    """QuerySet.dates(field_name, "year") (or datetimes()), probed."""
    field = queryset.model._meta.get_field(field_name)
    bounds = queryset.order_by().aggregate(first=Min(field_name), last=Max(field_name))
    if bounds["first"] is None:
        return []
    first, last = (local_day(field, bounds[end]) for end in ("first", "last"))
    if last.year - first.year >= MAX_PROBED_YEARS:
        kind = "datetimes" if isinstance(field, DateTimeField) else "dates"
        return list(getattr(QuerySet, kind)(queryset, field_name, "year"))
    return periods_with_rows(queryset, field_name, "year", first, last)


class ScaledChangeList(ChangeList):
    """Django's changelist, with the years, months or days of the date
    hierarchy probed from the index (periods_with_rows) rather than read from
    every row, and an estimated count put right when the page shows it was
    wrong."""

    def correct_estimate(self):
        """A page with room left is the last one: the rows before it and on it
        are the exact count (the planner can overestimate a search a
        hundredfold). A page past the end is counted."""
        shown = len(self.result_list)  # the page's rows, read here for the template
        if shown >= self.list_per_page:
            return
        if shown or self.page_num == 1:
            exact = (self.page_num - 1) * self.list_per_page + shown
        else:
            exact = self.queryset.count()
        self.paginator.estimated = False
        self.paginator.count = self.result_count = exact
        self.multi_page = exact > self.list_per_page
        self.can_show_all = exact <= self.list_max_show_all

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:
            # Django's date hierarchy fails on a year it cannot add one to
            # (?date__year=9999): the same answer as any other bad lookup.
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request):
        super().get_results(request)
        if getattr(self.paginator, "estimated", False):
            self.correct_estimate()
        if (
            self.date_hierarchy
            and "__" not in self.date_hierarchy
            and getattr(self.paginator, "estimated", False)
        ):
            # A list whose count is exact has a few thousand rows at most:
            # reading them is cheap, cheaper than probing for rare matches.
            self.probe_hierarchy()

    def probe_hierarchy(self):
        """The admin's date_hierarchy tag asks this changelist's queryset for
        the first and last dates (aggregate) and then for the periods of its
        level (dates() or datetimes()); these two calls, and only they, are
        answered here: the bounds kept, the periods probed."""
        queryset, name = self.queryset, self.date_hierarchy
        field = self.model._meta.get_field(name)
        kind = "datetimes" if isinstance(field, DateTimeField) else "dates"
        bounds = {}

        def aggregate(*args, **kwargs):
            found = QuerySet.aggregate(queryset, *args, **kwargs)
            bounds.update(found)
            return found

        def listed(field_name, level, *args, **kwargs):
            if field_name == name and "first" in bounds and bounds["first"] is None:
                return []  # no row has a date at all
            span = self.hierarchy_span(field, level, bounds)
            if field_name != name or span is None:
                return getattr(QuerySet, kind)(
                    queryset, field_name, level, *args, **kwargs
                )
            return periods_with_rows(queryset, name, level, *span)

        queryset.aggregate = aggregate
        setattr(queryset, kind, listed)

    def hierarchy_span(self, field, level, bounds):
        """(first, last) days the tag's level covers: every year from the
        first row to the last, the months of the year chosen, the days of the
        month chosen. None when the address holds something else."""
        name = self.date_hierarchy
        try:
            year = int(self.params.get(f"{name}__year") or 0)
            month = int(self.params.get(f"{name}__month") or 0)
            if bounds.get("first") is not None:
                first = local_day(field, bounds["first"])
                last = local_day(field, bounds["last"])
                # The tag's own rule: rows in one year (and month) only open
                # that year (and month).
                year = year or (first.year if first.year == last.year else 0)
                if first.year == last.year and first.month == last.month:
                    month = month or first.month
            if level == "year" and bounds.get("first") is not None:
                if last.year - first.year >= MAX_PROBED_YEARS or last.year >= 9999:
                    return None
                return first, last
            if not 0 < year < 9999:
                return None
            if level == "month":
                return date(year, 1, 1), date(year, 12, 31)
            if level == "day" and month:
                start = date(year, month, 1)
                return start, _next(start, "month") - timedelta(days=1)
        except (TypeError, ValueError, OverflowError):
            pass
        return None
