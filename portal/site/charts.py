"""Charts of key figures, laid out on the server and drawn as inline SVG.

Written by hand on purpose: the site's Content-Security-Policy (style-src 'self',
script-src 'self') forbids inline styles and scripts, and the well-kept Python
charting libraries put them in their SVG. pygal 3.1.3 (checked) embeds a <style>
element, a style="" attribute and a <script>; matplotlib's SVG backend writes a
style="" attribute on every shape. Here the geometry is computed in Python (scales,
nice axis ticks, points, columns, a path), labels are formatted in the reader's
language with portal.core.formatting, and templates/includes/chart.html draws it with
classes styled by static/css/charts.css.

Every chart states its figures in words too: a <title> and <desc> inside the SVG,
and the data table beside it on the page.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from babel.dates import format_interval, format_skeleton
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.core.dates import UNIT_MONTHS, Period, Precision, babel_locale, truncate
from portal.core.formatting import format_amount, format_number, punctuation, qualify
from portal.core.models import group_series

LINE = "line"
COLUMNS = "columns"

# Up to this many figures a series reads best as columns, one per period; beyond
# it columns grow too thin and a line shows the trend better.
MAX_COLUMNS = 12

# Short axis labels: "Jan – Oct 2025" rather than "January–October 2025".
SHORT_SKELETONS = {Precision.DAY: "yMMMd", Precision.MONTH: "yMMM"}

# The server cannot measure text; these estimate a label's width in SVG units at
# the largest font size charts.css gives chart text (15 units, on narrow screens,
# where the chart is scaled down most); CJK glyphs are about twice as wide.
CHAR_WIDTH = 8.3
WIDE_CHAR_WIDTH = 15.0


@dataclass(frozen=True)
class Tick:
    value: Decimal
    y: str
    label: str


@dataclass(frozen=True)
class Point:
    """One observation placed on the chart. Coordinates are strings ("12.5") so
    that templates print them as they are, never localised ("12,5" in az)."""

    x: str
    y: str
    value: Decimal
    label: str
    period: str
    axis_label: str
    bar_x: str = ""
    bar_y: str = ""
    bar_width: str = ""
    bar_height: str = ""


@dataclass
class Line:
    """One reporting party's series as drawn: its points, and the path through
    them on a line chart. `css` picks its colour (charts.css)."""

    label: str
    css: str
    points: list = field(default_factory=list)
    path: str = ""


@dataclass(frozen=True)
class PeriodMark:
    """A period on the time axis: its label (empty where labels are thinned),
    its name in full and whether the values reported for it disagree."""

    x: str
    label: str
    period: str
    disputed: bool


@dataclass
class Layout:
    kind: str
    width: int
    height: int
    left: str
    right: str
    top: str
    bottom: str
    zero_y: str
    ticks: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    periods: list = field(default_factory=list)

    @property
    def points(self):
        return [point for line in self.lines for point in line.points]

    @property
    def path(self):
        return self.lines[0].path if self.lines else ""

    @property
    def disputed(self):
        return [mark for mark in self.periods if mark.disputed]

    @property
    def legend(self):
        """Whether the chart needs a key: several series, or a mark."""
        return len(self.lines) > 1 or bool(self.disputed)


@dataclass
class Chart:
    id: str
    title: str
    # Set when the name is shown in English for want of a translation.
    title_lang: str
    description: str
    unit: str
    layout: Layout
    sources: list


# Series colours in charts.css: chart-series-0 … chart-series-3, then again.
SERIES_COLOURS = 4


def number(value):
    """An SVG coordinate: one decimal, a dot, no exponent."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text_width(text):
    return sum(
        WIDE_CHAR_WIDTH if ord(char) >= 0x2E80 else CHAR_WIDTH for char in str(text)
    )


def _nice(value):
    """The "nice number" nearest `value`: 1, 2 or 5 times a power of ten."""
    power = Decimal(1).scaleb(value.adjusted())
    fraction = value / power
    steps = ((Decimal("1.5"), 1), (Decimal(3), 2), (Decimal(7), 5))
    return next((n for limit, n in steps if fraction < limit), 10) * power


def nice_ticks(low, high, count=5):
    """Evenly spaced round values that cover [low, high]: 0, 500, 1000, 1500.

    The first tick is at or below `low` and the last at or above `high`, so the
    scale always has a positive span, even for a flat or empty range.
    """
    low, high = Decimal(low), Decimal(high)
    if low > high:
        low, high = high, low
    if low == high:
        high = low + (abs(low) or 1)
    step = _nice((high - low) / (count - 1))
    first = (low / step).to_integral_value(rounding="ROUND_FLOOR")
    last = (high / step).to_integral_value(rounding="ROUND_CEILING")
    return [(first + i) * step for i in range(int(last - first) + 1)]


def short_period(observation, language=None):
    start, end = observation.period_start, observation.period_end
    precision = observation.period_precision
    if precision == Precision.YEAR:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if precision in UNIT_MONTHS:
        # "Q1 2024", "2024年上半年": short already.
        return Period.of(observation).display(language)
    skeleton = SHORT_SKELETONS.get(precision, SHORT_SKELETONS[Precision.MONTH])
    locale = babel_locale(language)
    if truncate(start, precision) == truncate(end, precision):
        return str(format_skeleton(skeleton, start, locale=locale))
    return str(format_interval(start, end, skeleton=skeleton, locale=locale))


def _midpoint(observation):
    start, end = observation.period_start, observation.period_end
    return start.toordinal() + (end.toordinal() - start.toordinal()) / 2


def _same_length(observations):
    days = [(o.period_end - o.period_start).days + 1 for o in observations]
    # Months have 28–31 days and years 365 or 366: "the same" within 15%.
    return max(days) <= min(days) * 1.15


def chart_kind(observations):
    """Columns or a line for figures of these periods (one observation each)."""
    if len(observations) > MAX_COLUMNS and _same_length(observations):
        return LINE
    return COLUMNS


def value_label(observation, indicator):
    text = format_amount(observation.value, indicator.currency, indicator.unit)
    return qualify(text, observation.value_qualifier)


def _period_key(observation):
    return (observation.period_start, observation.period_end)


def _periods(series):
    """Every period the series cover, in time order, each as (key, the
    observations of it): the chart's time axis."""
    found = {}
    for one in series:
        for observation in one.observations:
            found.setdefault(_period_key(observation), []).append(observation)
    return sorted(found.items(), key=lambda item: (item[0][1], item[0][0]))


def series_label(series):
    return str(series.label) or _("Reporter not stated")


def layout(observations, indicator, width=480, height=270, colour=0):
    """Where everything goes on a `width` × `height` chart of the observations
    (in period order), one series per reporting party, deprecated values left
    out. The value axis always includes zero, so columns and lines are never
    exaggerated by a cut-off axis; higher values are drawn higher. Columns of
    one period stand side by side, one per series; a line chart draws a line
    per series. The first series takes colour number `colour`, the next the
    one after (so one party's own chart keeps its colour: `party_charts`)."""
    series = group_series(observations)
    periods = _periods(series)
    firsts = [group[0] for _key, group in periods]
    kind = chart_kind(firsts)
    values = [Decimal(o.value) for one in series for o in one.observations]
    scale = nice_ticks(min(0, *values), max(0, *values))
    low, high = scale[0], scale[-1]
    tick_labels = [format_number(value) for value in scale]

    top, bottom = 30.0, height - 30.0
    left = max(text_width(label) for label in tick_labels) + 10
    right = width - 10.0
    axis_labels = [short_period(o) for o in firsts]
    label_width = max(text_width(label) for label in axis_labels) + 8

    def y_of(value):
        return bottom - float((Decimal(value) - low) / (high - low)) * (bottom - top)

    count = len(periods)
    if kind == COLUMNS:
        slot = (right - left) / count
        xs = [left + slot * (index + 0.5) for index in range(count)]
    else:
        # A line places each figure at the middle of its period, in time.
        inset = min(label_width / 2, (right - left) / 4)
        first, last = _midpoint(firsts[0]), _midpoint(firsts[-1])
        span = (last - first) or 1
        xs = [
            left + inset + (_midpoint(o) - first) / span * (right - left - 2 * inset)
            for o in firsts
        ]
        slot = (right - left - 2 * inset) / max(count - 1, 1)
    x_of = {key: x for (key, _group), x in zip(periods, xs, strict=True)}
    # Label every n-th period so that labels never overlap; the latest always.
    every = max(1, math.ceil(label_width / slot))
    shown = {
        key: axis_labels[index] if (count - 1 - index) % every == 0 else ""
        for index, (key, _group) in enumerate(periods)
    }

    zero_y = y_of(0)
    # Columns of one period side by side: together no wider than one alone
    # would be, unless the slot has room.
    group_width = min(slot * 0.6, 56) if len(series) == 1 else slot * 0.8
    bar_width = group_width / len(series)
    lines = []
    for index, one in enumerate(series):
        line = Line(
            label=series_label(one),
            css=f"chart-series-{(colour + index) % SERIES_COLOURS}",
        )
        for observation in one.observations:
            key = _period_key(observation)
            x = x_of[key]
            if kind == COLUMNS:
                x += -group_width / 2 + bar_width * (index + 0.5)
            y = y_of(observation.value)
            line.points.append(
                Point(
                    x=number(x),
                    y=number(y),
                    value=observation.value,
                    label=value_label(observation, indicator),
                    period=observation.period_display,
                    axis_label=shown[key],
                    bar_x=number(x - bar_width / 2),
                    bar_y=number(min(y, zero_y)),
                    bar_width=number(bar_width),
                    bar_height=number(abs(zero_y - y)),
                )
            )
        if kind == LINE:
            line.path = "M" + " L".join(f"{p.x} {p.y}" for p in line.points)
        lines.append(line)
    return Layout(
        kind=kind,
        width=width,
        height=height,
        left=number(left),
        right=number(right),
        top=number(top),
        bottom=number(bottom),
        zero_y=number(zero_y),
        ticks=[
            Tick(value=value, y=number(y_of(value)), label=label)
            for value, label in zip(scale, tick_labels, strict=True)
        ],
        lines=lines,
        periods=[
            PeriodMark(
                x=number(x_of[key]),
                label=shown[key],
                period=group[0].period_display,
                disputed=any(getattr(o, "sources_disagree", False) for o in group),
            )
            for key, group in periods
        ],
    )


def _describe_series(points):
    """One series in words: "From USD 2 billion in 2019 to USD 2.44 billion in
    2024." and, when the peak lies between them, where it was."""
    first, last = points[0], points[-1]
    if len(points) == 1:
        return _("%(value)s in %(period)s.") % {
            "value": first.label,
            "period": first.period,
        }
    text = _("From %(first)s in %(first_period)s to %(last)s in %(last_period)s.") % {
        "first": first.label,
        "first_period": first.period,
        "last": last.label,
        "last_period": last.period,
    }
    peak = max(points, key=lambda point: point.value)
    if peak.value > max(first.value, last.value):
        text += " " + _("Highest: %(value)s in %(period)s.") % {
            "value": peak.label,
            "period": peak.period,
        }
    return text


def describe(lines, disputed=()):
    """The chart in words: each series as `_describe_series` says it, named by
    who reports it when there are several, and the periods where sources
    disagree."""
    if len(lines) == 1:
        parts = [_describe_series(lines[0].points)]
    else:
        parts = [
            _("%(reporter)s: %(series)s")
            % {"reporter": line.label, "series": _describe_series(line.points)}
            for line in lines
        ]
    if disputed:
        parts.append(
            _("Sources disagree on %(periods)s.")
            % {
                "periods": punctuation("enumeration").join(
                    mark.period for mark in disputed
                )
            }
        )
    return " ".join(parts)


def sources(observations):
    """The sources the observations cite, each once, in order of first use."""
    seen = {}
    for observation in observations:
        for citation in observation.public_citations:
            seen.setdefault(citation.source_id, citation.source)
    return list(seen.values())


def _fallback_language(record, field):
    language = get_language() or "en"
    if language == "en" or getattr(record, build_localized_fieldname(field, language)):
        return ""
    return "en"


def build_chart(indicator, observations=None, key="", title=None, width=480, colour=0):
    """The chart of an indicator's observations, or None when they cover fewer
    than two periods (a single figure, or the values several parties report
    for one period, are shown as figures, not as a chart). Reads only what the
    view prefetched: observations with who reported them and their public
    citations with sources (Indicator.objects.for_detail()). `observations`,
    `key`, `title` and `colour` draw a part of them (one party's, in its colour
    on the chart of every party: `party_charts`)."""
    if observations is None:
        observations = list(indicator.observations.all())
    if len(_periods(group_series(observations))) < 2:
        return None
    plot = layout(observations, indicator, width=width, colour=colour)
    return Chart(
        id=f"chart-{indicator.slug}{key}",
        title=title or indicator.name,
        title_lang="" if title else _fallback_language(indicator, "name"),
        description=describe(plot.lines, plot.disputed),
        unit=indicator.currency or indicator.unit,
        layout=plot,
        sources=sources(observations),
    )


def party_charts(indicator):
    """One chart per reporting party, for an indicator that several parties
    report (the key figure's own page): each party's series on its own scale,
    its sources under it. Empty for an indicator one party reports (its chart
    is the indicator's), and a party with a single period gets no chart (its
    figure is in the table)."""
    series = group_series(indicator.observations.all())
    if len(series) < 2:
        return []
    charts = []
    for index, one in enumerate(series):
        chart = build_chart(
            indicator,
            one.observations,
            key=f"-party-{index}",
            title=_("%(indicator)s, as reported by %(reporter)s")
            % {"indicator": indicator.name, "reporter": series_label(one)},
            colour=index,
        )
        if chart is not None:
            charts.append(chart)
    return charts


@dataclass
class Trend:
    id: str
    title: str
    description: str
    width: int
    height: int
    lines: list

    @property
    def path(self):
        return self.lines[0].path


def build_trend(indicator, observations=None, width=120, height=36):
    """A sparkline of the indicator's observations for the home page, one line
    per reporting party, or None for figures of fewer than two periods. It
    shows the shape only, so it spans the values' own range; a flat series is
    a level line across the middle."""
    if observations is None:
        observations = list(indicator.observations.all())
    series = group_series(observations)
    periods = _periods(series)
    if len(periods) < 2:
        return None
    pad = 4.0
    values = [Decimal(o.value) for one in series for o in one.observations]
    low, high = min(values), max(values)
    first, last = _midpoint(periods[0][1][0]), _midpoint(periods[-1][1][0])
    span = (last - first) or 1

    def y_of(value):
        if high == low:
            return height / 2
        share = float((Decimal(value) - low) / (high - low))
        return height - pad - share * (height - 2 * pad)

    lines = []
    for index, one in enumerate(series):
        points = [
            Point(
                x=number(pad + (_midpoint(o) - first) / span * (width - 2 * pad)),
                y=number(y_of(o.value)),
                value=o.value,
                label=value_label(o, indicator),
                period=o.period_display,
                axis_label="",
            )
            for o in one.observations
        ]
        lines.append(
            Line(
                label=series_label(one),
                css=f"chart-series-{index % SERIES_COLOURS}",
                points=points,
                path="M" + " L".join(f"{p.x} {p.y}" for p in points),
            )
        )
    return Trend(
        id=f"trend-{indicator.slug}",
        title=_("Trend: %(indicator)s") % {"indicator": indicator.name},
        description=describe(lines),
        width=width,
        height=height,
        lines=lines,
    )
