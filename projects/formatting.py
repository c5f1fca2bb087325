"""A project's measures as readers see them: each value in the page's language
("about USD 300 million", "20–25 MW", "USD 0.049 per kWh"), and the measures
of one kind gathered into one fact: the value the editors prefer, the others
"also reported", and whether the sources disagree.

Wikidata's rule for ranks: the preferred values are the fact; when none is
preferred, every normal value is; the rest (and every deprecated value) are
shown beside them with their sources.
"""

from dataclasses import dataclass, field

from portal.core.formatting import format_quantity
from projects.models import Measure, MeasureKind, Rank


def measure_text(measure: Measure, language=None):
    """One measure's value, qualified, with its unit or currency."""
    unit = measure.unit
    per = measure.per_unit
    return format_quantity(
        measure.value,
        measure.value_high,
        currency=measure.currency if unit.is_money else "",
        unit="" if unit.is_money else unit.label,
        per=per.label if per is not None else "",
        qualifier=measure.qualifier,
        language=language,
    )


def _reading(measure):
    """What two sources must both say to agree (the wording, "about", aside)."""
    return (
        measure.value,
        measure.value_high,
        measure.unit_id,
        measure.currency,
        measure.per_unit_id,
    )


def _comparable(first, second):
    """Values for different dates may differ without disagreeing (a plant
    that grew); a value without a date is compared with every other."""
    if first.as_of is None or second.as_of is None:
        return True
    return (first.as_of, first.as_of_precision) == (
        second.as_of,
        second.as_of_precision,
    )


def disagree(measures):
    """Whether any two of the measures that stand (not deprecated) give
    different values for the same time."""
    standing = [m for m in measures if m.rank != Rank.DEPRECATED]
    return any(
        _reading(first) != _reading(second) and _comparable(first, second)
        for index, first in enumerate(standing)
        for second in standing[index + 1 :]
    )


@dataclass
class Fact:
    """The measures of one kind of one project."""

    kind: MeasureKind
    shown: list = field(default_factory=list)
    also: list = field(default_factory=list)
    disagree: bool = False

    @property
    def measures(self):
        return [*self.shown, *self.also]


def facts(measures):
    """The measures (already fetched, in their order) gathered by kind, in
    the kinds' order."""
    by_kind = {}
    for measure in measures:
        by_kind.setdefault(measure.kind_id, (measure.kind, []))[1].append(measure)
    result = []
    for kind, rows in sorted(
        by_kind.values(), key=lambda item: (item[0].position, item[0].slug)
    ):
        preferred = [m for m in rows if m.rank == Rank.PREFERRED]
        shown = preferred or [m for m in rows if m.rank == Rank.NORMAL]
        if not shown:
            # Every value deprecated: still the only ones known, shown as such.
            shown = rows
        also = [m for m in rows if m not in shown]
        result.append(Fact(kind, shown, also, disagree(rows)))
    return result


def headline(measures):
    """The value a card shows: the first kind's shown value (capacity before
    investment…), or None."""
    found = facts(measures)
    return found[0].shown[0] if found else None
