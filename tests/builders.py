"""Plain builder functions for test records: each makes a valid, published record
with unique slugs, and takes keyword overrides for what a test cares about."""

import datetime
import itertools

from events.models import Agreement, Event, EventKind, Participation
from portal.core.models import (
    Citation,
    Indicator,
    Observation,
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


def make_person(**fields):
    fields.setdefault("name", "Test Person")
    fields.setdefault("slug", _slug("person"))
    fields.setdefault("status", Status.PUBLISHED)
    return Person.objects.create(**fields)


def make_organization(**fields):
    fields.setdefault("name", "Test Organisation")
    fields.setdefault("slug", _slug("org"))
    fields.setdefault("kind", OrganizationKind.COMPANY)
    fields.setdefault("status", Status.PUBLISHED)
    return Organization.objects.create(**fields)


def make_source(**fields):
    fields.setdefault("title", "Test source")
    fields.setdefault("slug", _slug("source"))
    fields.setdefault("kind", SourceKind.NEWS)
    fields.setdefault("status", Status.PUBLISHED)
    return Source.objects.create(**fields)


def cite(record, source=None, quote="A supporting quote."):
    return Citation.objects.create(
        content_object=record, source=source or make_source(), quote=quote
    )


def make_event(**fields):
    fields.setdefault("title", "Talks in Baku")
    fields.setdefault("slug", _slug("event"))
    fields.setdefault("summary", "The two sides held talks.")
    fields.setdefault("kind", EventKind.TALKS)
    fields.setdefault("date", datetime.date(2025, 9, 15))
    fields.setdefault("status", Status.PUBLISHED)
    return Event.objects.create(**fields)


def add_participant(event, person=None, side=Side.AZERBAIJAN, role="Minister"):
    return Participation.objects.create(
        event=event, person=person or make_person(), side=side, role=role
    )


def make_agreement(**fields):
    fields.setdefault("title", "Memorandum on cooperation")
    fields.setdefault("slug", _slug("agreement"))
    fields.setdefault("summary", "A memorandum was signed.")
    fields.setdefault("kind", "memorandum")
    fields.setdefault("status", Status.PUBLISHED)
    return Agreement.objects.create(**fields)


def sector(slug="renewable-energy"):
    return Sector.objects.get(slug=slug)


def make_project(**fields):
    fields.setdefault("title", "Solar plant")
    fields.setdefault("slug", _slug("project"))
    fields.setdefault("summary", "A solar power plant.")
    fields.setdefault("sector", fields.pop("sector", None) or sector())
    fields.setdefault("project_status", ProjectStatus.OPERATIONAL)
    fields.setdefault("direction", Direction.CN_TO_AZ)
    fields.setdefault("status", Status.PUBLISHED)
    return Project.objects.create(**fields)


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


def make_indicator(**fields):
    fields.setdefault("name", "Freight trains")
    fields.setdefault("slug", _slug("indicator"))
    fields.setdefault("unit", "trains")
    fields.setdefault("status", Status.PUBLISHED)
    return Indicator.objects.create(**fields)


def add_observation(indicator, **fields):
    fields.setdefault("period_start", datetime.date(2025, 1, 1))
    fields.setdefault("period_end", datetime.date(2025, 11, 30))
    fields.setdefault("value", 351)
    return Observation.objects.create(indicator=indicator, **fields)
