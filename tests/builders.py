"""Plain builder functions for test records: each makes a valid, published record
with unique slugs, and takes keyword overrides for what a test cares about.

Nothing is published without a source (portal/core/workflow.py), so a record
built published (or scheduled), and an observation of a published indicator,
cites the builders' source with a quote, as the workflow would have required:
`cited=False` builds one without (a record published before the rule), and
`cited=True` cites a draft too (one ready to be published). A test's own
`cite()` of a record replaces that default citation."""

import datetime
import itertools

from events.models import Agreement, Event, EventKind, Participation
from portal.core.models import (
    Citation,
    Indicator,
    Observation,
    Office,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Side,
    Source,
    SourceKind,
    Status,
)
from projects.models import (
    Direction,
    Measure,
    MeasureKind,
    Milestone,
    Partner,
    PartnerRole,
    Project,
    ProjectStatus,
    Sector,
    Unit,
)

_numbers = itertools.count(1)


def _slug(prefix):
    return f"{prefix}-{next(_numbers)}"


def make_place(**fields):
    fields.setdefault("name", "Ganja")
    fields.setdefault("slug", _slug("place"))
    fields.setdefault("kind", PlaceKind.CITY)
    return Place.objects.create(**fields)


def make_country(name="Azerbaijan", code="AZ", **fields):
    return make_place(name=name, kind=PlaceKind.COUNTRY, country_code=code, **fields)


def make_person(cited=None, **fields):
    fields.setdefault("name", "Test Person")
    fields.setdefault("slug", _slug("person"))
    fields.setdefault("status", Status.PUBLISHED)
    return _sourced(Person.objects.create(**fields), cited)


def add_office(person, **fields):
    fields.setdefault("title", "Minister")
    return Office.objects.create(person=person, **fields)


def make_organization(cited=None, **fields):
    fields.setdefault("name", "Test Organisation")
    fields.setdefault("slug", _slug("org"))
    fields.setdefault("kind", OrganizationKind.COMPANY)
    fields.setdefault("status", Status.PUBLISHED)
    return _sourced(Organization.objects.create(**fields), cited)


def make_source(**fields):
    fields.setdefault("title", "Test source")
    fields.setdefault("slug", _slug("source"))
    fields.setdefault("kind", SourceKind.NEWS)
    fields.setdefault("status", Status.PUBLISHED)
    return Source.objects.create(**fields)


def cite(record, source=None, quote="A supporting quote."):
    """A citation of the record; the first a test makes takes the place of
    the builders' own (see the module doc), so the record shows the test's."""
    Citation.objects.for_object(record).filter(source__slug=BUILDERS_SOURCE).delete()
    return Citation.objects.create(
        content_object=record, source=source or make_source(), quote=quote
    )


BUILDERS_SOURCE = "builders-source"


def builders_source():
    """The one source the builders cite by default (so that a test counting
    sources sees one more, not one per record)."""
    source, _created = Source.objects.get_or_create(
        slug=BUILDERS_SOURCE,
        defaults={
            "title": "Source of the test records",
            "kind": SourceKind.NEWS,
            "status": Status.PUBLISHED,
        },
    )
    return source


def _sourced(record, cited):
    """Cites the record by default when it is published (see the module doc)."""
    if cited is None:
        cited = record.status == Status.PUBLISHED
    if cited:
        _cite_by_default(record)
    return record


def _cite_by_default(record):
    Citation.objects.create(
        content_object=record, source=builders_source(), quote="A supporting quote."
    )


def make_event(cited=None, **fields):
    fields.setdefault("title", "Talks in Baku")
    fields.setdefault("slug", _slug("event"))
    fields.setdefault("summary", "The two sides held talks.")
    fields.setdefault("kind", EventKind.TALKS)
    fields.setdefault("date", datetime.date(2025, 9, 15))
    fields.setdefault("status", Status.PUBLISHED)
    return _sourced(Event.objects.create(**fields), cited)


def add_participant(event, person=None, side=Side.AZERBAIJAN, role="Minister"):
    return Participation.objects.create(
        event=event, person=person or make_person(), side=side, role=role
    )


def make_agreement(cited=None, **fields):
    fields.setdefault("title", "Memorandum on cooperation")
    fields.setdefault("slug", _slug("agreement"))
    fields.setdefault("summary", "A memorandum was signed.")
    fields.setdefault("kind", "memorandum")
    fields.setdefault("status", Status.PUBLISHED)
    return _sourced(Agreement.objects.create(**fields), cited)


def sector(slug="renewable-energy"):
    return Sector.objects.get(slug=slug)


def make_project(cited=None, **fields):
    fields.setdefault("title", "Solar plant")
    fields.setdefault("slug", _slug("project"))
    fields.setdefault("summary", "A solar power plant.")
    fields.setdefault("sector", fields.pop("sector", None) or sector())
    fields.setdefault("project_status", ProjectStatus.OPERATIONAL)
    fields.setdefault("direction", Direction.CN_TO_AZ)
    fields.setdefault("status", Status.PUBLISHED)
    return _sourced(Project.objects.create(**fields), cited)


def add_partner(project, organization=None, role=PartnerRole.INVESTOR):
    return Partner.objects.create(
        project=project, organization=organization or make_organization(), role=role
    )


def add_milestone(project, **fields):
    fields.setdefault("title", "Construction began")
    return Milestone.objects.create(project=project, **fields)


def measure_kind(slug="capacity"):
    """A kind of measure; the migrations add the usual ones, which a test
    that empties the database (transaction=True) has lost."""
    return MeasureKind.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
    )[0]


UNIT_SYMBOLS = {"mw": "MW", "gw": "GW", "kwh": "kWh", "money": ""}


def unit(slug="mw"):
    """A unit, as measure_kind() a kind."""
    return Unit.objects.get_or_create(
        slug=slug,
        defaults={
            "name": slug,
            "symbol": UNIT_SYMBOLS.get(slug, slug),
            "is_money": slug == "money",
        },
    )[0]


def add_measure(project, value, kind="capacity", unit_slug="mw", **fields):
    """A measure of the project: add_measure(plant, 240) is 240 MW of
    capacity; money: add_measure(plant, 300_000_000, "investment", "money",
    currency="USD")."""
    if isinstance(fields.get("per_unit"), str):
        fields["per_unit"] = unit(fields["per_unit"])
    return Measure.objects.create(
        project=project,
        kind=measure_kind(kind),
        unit=unit(unit_slug),
        value=value,
        **fields,
    )


def make_indicator(cited=None, **fields):
    fields.setdefault("name", "Freight trains")
    fields.setdefault("slug", _slug("indicator"))
    fields.setdefault("unit", "trains")
    fields.setdefault("status", Status.PUBLISHED)
    return _sourced(Indicator.objects.create(**fields), cited)


def add_observation(indicator, cited=None, **fields):
    """An observation, cited by default when its indicator is published."""
    fields.setdefault("period_start", datetime.date(2025, 1, 1))
    fields.setdefault("period_end", datetime.date(2025, 11, 30))
    fields.setdefault("value", 351)
    observation = Observation.objects.create(indicator=indicator, **fields)
    if cited is None:
        cited = indicator.status == Status.PUBLISHED
    if cited:
        _cite_by_default(observation)
    return observation
