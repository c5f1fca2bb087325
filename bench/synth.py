"""Synthetic but realistic data for the benchmarks, at two sizes.

    DATABASE_URL=postgres://… .venv/bin/python bench/synth.py --size large [--seed 8]

small is about a thousand records (500 events, 100 projects and what they refer
to); large is 100,000 events and 20,000 projects with their places, people,
organisations, sources, citations, agreements, partners, milestones and key
figures. Every text is written in English, Azerbaijani and Chinese from the
templates in bench/synth_words.json. Everything else (kinds, dates and how
precisely they are known, statuses, who took part where) is drawn from one
random generator seeded with --seed, so a seed always gives the same data, apart
from ids and the created/updated times. A few people, places and organisations
come up in many records, as in the real record.

The database must be migrated and hold none of these records; --replace deletes
all of them first. It all happens in one transaction: a failure leaves the
database as it was. On PostgreSQL rows go in with COPY and the indexes are built
once at the end, then ANALYZE runs; elsewhere (SQLite, for the tests) with
bulk_create. Both skip save(), so what save() would do is done here: published
records get their published_at, partial dates are stored as the first day of
their period, versions start at 1.
"""

import argparse
import itertools
import json
import os
import random
import string
import sys
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from types import SimpleNamespace

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent


def _setup_django():
    """Set Django up when run as a script; under pytest it already is."""
    if apps.ready:
        return
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    if not os.environ.get("SECRET_KEY"):
        # Nothing configured: a developer's machine, the settings `make run` uses.
        os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()


_setup_django()

# The models can only be imported once Django is set up, hence below the call.
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from modeltranslation.translator import translator  # noqa: E402

from events.models import (  # noqa: E402
    Agreement,
    AgreementKind,
    AgreementStatus,
    Event,
    EventKind,
    Participation,
)
from portal.core.content import replace_token  # noqa: E402
from portal.core.dates import Precision, truncate  # noqa: E402
from portal.core.models import (  # noqa: E402
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
from portal.search import documents as search_documents  # noqa: E402
from portal.search.models import SearchDocument  # noqa: E402
from projects.models import (  # noqa: E402
    Direction,
    Measure,
    MeasureKind,
    Milestone,
    Partner,
    PartnerRole,
    Project,
    ProjectStatus,
    Rank,
    Sector,
    Unit,
)

WORDS = ROOT / "bench" / "synth_words.json"


def load_words(path=WORDS):
    """The word lists and templates (words.topics, words.event_titles…), with
    every list as a tuple: a text in three languages is a tuple, which fill()
    tells from a number and slots_of() can cache. Notes (keys starting with
    "//") are left out."""

    def tuples(value):
        if isinstance(value, list):
            return tuple(tuples(item) for item in value)
        if isinstance(value, dict):
            return {
                key: tuples(item)
                for key, item in value.items()
                if not key.startswith("//")
            }
        return value

    return SimpleNamespace(**tuples(json.loads(path.read_text(encoding="utf-8"))))


words = load_words()


@dataclass(frozen=True)
class Size:
    people: int
    organizations: int
    sources: int
    events: int
    agreements: int
    projects: int
    indicators: int
    # Up to this many stations, parks, campuses… inside each city.
    sites_per_city: int
    # Key figures start in this year at the earliest.
    observations_from: int


SIZES = {
    "small": Size(
        people=60,
        organizations=50,
        sources=120,
        events=500,
        agreements=60,
        projects=100,
        indicators=3,
        sites_per_city=0,
        observations_from=2016,
    ),
    "large": Size(
        people=3_000,
        organizations=1_500,
        sources=20_000,
        events=100_000,
        agreements=10_000,
        projects=20_000,
        indicators=12,
        sites_per_city=4,
        observations_from=1995,
    ),
}

# Every model the generator fills, in an order in which they can be deleted.
MODELS = [
    Citation,
    Observation,
    Indicator,
    Measure,
    Milestone,
    Partner,
    Project.places.through,
    Project.events.through,
    Project.agreements.through,
    Project,
    Agreement.parties.through,
    Agreement,
    Participation,
    Event.organizations.through,
    Event,
    Source,
    Office,
    Person,
    Organization,
    Place,
]
# Sectors are not among them: the projects migration creates them, and the
# projects are spread over whichever sectors the database has.

LANGUAGES = ("en", "az", "zh_hans")
# Records are written this many at a time.
CHUNK = 2_000
FIRST_YEAR, LAST_YEAR = 1992, 2026
# When editors began entering records: what happened earlier was published since.
PORTAL_START = datetime(2023, 1, 16, 9, tzinfo=UTC)

EVENT_KINDS = {
    EventKind.TALKS: 26,
    EventKind.OFFICIAL_VISIT: 14,
    EventKind.CULTURAL: 12,
    EventKind.SIGNING: 10,
    EventKind.FORUM: 10,
    EventKind.STATEMENT: 8,
    EventKind.CEREMONY: 6,
    EventKind.MULTILATERAL: 6,
    EventKind.OTHER: 6,
    EventKind.STATE_VISIT: 2,
}
# Kinds of events that often last several days.
LONG_EVENTS = {
    EventKind.STATE_VISIT,
    EventKind.OFFICIAL_VISIT,
    EventKind.FORUM,
    EventKind.CULTURAL,
    EventKind.MULTILATERAL,
}
ORGANIZATION_KINDS = {
    OrganizationKind.COMPANY: 50,
    OrganizationKind.MINISTRY: 10,
    OrganizationKind.GOVERNMENT: 10,
    OrganizationKind.UNIVERSITY: 8,
    OrganizationKind.MEDIA: 7,
    OrganizationKind.FOUNDATION: 4,
    OrganizationKind.OTHER: 4,
    OrganizationKind.EMBASSY: 2,
    OrganizationKind.PARTY: 2,
    OrganizationKind.LEGISLATURE: 2,
    OrganizationKind.INTERNATIONAL: 1,
}
# Organisations that publish sources.
PUBLISHERS = {
    OrganizationKind.MEDIA,
    OrganizationKind.MINISTRY,
    OrganizationKind.GOVERNMENT,
    OrganizationKind.EMBASSY,
    OrganizationKind.INTERNATIONAL,
}
SOURCE_KINDS = {
    SourceKind.NEWS: 40,
    SourceKind.STATEMENT: 15,
    SourceKind.DOCUMENT: 15,
    SourceKind.REPORT: 12,
    SourceKind.INTERVIEW: 10,
    SourceKind.DATASET: 8,
}
SOURCE_LANGUAGES = {"en": 45, "az": 30, "zh": 25}
AGREEMENT_KINDS = {
    AgreementKind.MEMORANDUM: 40,
    AgreementKind.AGREEMENT: 30,
    AgreementKind.CONTRACT: 12,
    AgreementKind.OTHER: 10,
    AgreementKind.JOINT_DECLARATION: 8,
}
AGREEMENT_STATUSES = {
    AgreementStatus.SIGNED: 45,
    AgreementStatus.IN_FORCE: 40,
    AgreementStatus.EXPIRED: 15,
}
SECTOR_WEIGHTS = {
    "transport-logistics": 18,
    "renewable-energy": 15,
    "manufacturing-industry": 12,
    "trade": 12,
    "education": 12,
    "culture-tourism": 10,
    "digital": 8,
    "health": 7,
    "humanitarian-demining": 6,
}
DIRECTIONS = {Direction.CN_TO_AZ: 60, Direction.JOINT: 25, Direction.AZ_TO_CN: 15}
CURRENCIES = {"USD": 70, "CNY": 15, "AZN": 15}


class Refused(Exception):
    """The database is not one the generator may fill."""


def weighted(rng, weights):
    """One key of a {choice: weight} dict."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


# Azerbaijani ordinal endings by the last spoken word of a number: bir, iki,
# üç… doqquz; on, iyirmi, otuz… doxsan.
AZ_UNITS = ["", "ci", "ci", "cü", "cü", "ci", "cı", "ci", "ci", "cu"]
AZ_TENS = ["", "cu", "ci", "cu", "cı", "ci", "cı", "ci", "ci", "cı"]


def az_ordinal(number):
    """ "2019-cu", "2020-ci", "1996-cı": the ending follows the vowel of the
    number's last spoken word (doqquz, iyirmi, altı…)."""
    if number % 10:
        suffix = AZ_UNITS[number % 10]
    elif number // 10 % 10:
        suffix = AZ_TENS[number // 10 % 10]
    elif number // 100 % 10:
        suffix = "cü"  # yüz
    else:
        suffix = "ci"  # min
    return f"{number}-{suffix}"


def capitalize(texts):
    """First letter upper case, in each language's own way (Azerbaijani i → İ)."""
    english, azerbaijani, chinese = texts
    first = "İ" if azerbaijani[:1] == "i" else azerbaijani[:1].upper()
    return (english[:1].upper() + english[1:], first + azerbaijani[1:], chinese)


def feminine(surname):
    """Məmmədov → Məmmədova (马梅多夫 → 马梅多娃)."""
    english, azerbaijani, chinese = surname
    return (english + "a", azerbaijani + "a", chinese.removesuffix("夫") + "娃")


@cache
def slots_of(template):
    """The slot names a template uses, in any of its languages."""
    return frozenset(
        name
        for pattern in template
        for _text, name, _spec, _conversion in string.Formatter().parse(pattern)
        if name
    )


def fill(template, **slots):
    """The template in each language, with each slot's text in that language;
    a slot that is not a triple (a number) is the same in all three."""
    return tuple(
        pattern.format(
            **{
                name: value[index] if isinstance(value, tuple) else value
                for name, value in slots.items()
            }
        )
        for index, pattern in enumerate(template)
    )


def translated(name, texts):
    """{"title_en": …, "title_az": …, "title_zh_hans": …} for a model."""
    return {
        f"{name}_{language}": text
        for language, text in zip(LANGUAGES, texts, strict=True)
    }


def paragraphs(rng, templates, count, slots):
    """A Markdown body: `count` of the paragraphs that the slots can fill."""
    usable = [template for template in templates if slots_of(template) <= slots.keys()]
    chosen = rng.sample(usable, min(count, len(usable)))
    return tuple(
        "\n\n".join(texts)
        for texts in zip(*(fill(t, **slots) for t in chosen), strict=True)
    )


# Stands for "the time of writing" in copy_columns() (created_at, updated_at).
STAMP = object()


@cache
def copy_columns(model):
    """(column, row key, value when the row has none) for each of the model's
    columns, for COPY. The column a translated field keeps under its own name
    (title) holds the English text, as django-modeltranslation writes it."""
    translated_fields = set()
    if model in translator.get_registered_models():
        translated_fields = set(translator.get_options_for_model(model).fields)
    columns = []
    for model_field in model._meta.concrete_fields:
        key = model_field.attname
        if model_field.name in translated_fields:
            key = f"{model_field.name}_en"
        default = model_field.get_default()
        if getattr(model_field, "auto_now", False) or getattr(
            model_field, "auto_now_add", False
        ):
            default = STAMP
        columns.append((model_field.column, key, default))
    return columns


def copy_rows(model, rows, now):
    """Write rows with PostgreSQL's COPY, taking their ids from the table's
    sequence first. bulk_create spends most of its time building model
    instances and the INSERT; COPY takes the values as they are."""
    table = model._meta.db_table
    columns = copy_columns(model)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)",
            [table, len(rows)],
        )
        for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
            row["id"] = pk
        names = ", ".join(quote(column) for column, _key, _default in columns)
        with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as stream:
            for row in rows:
                values = []
                for _column, key, default in columns:
                    value = row.get(key, default)
                    if value is STAMP:
                        value = now
                    elif isinstance(value, Enum):
                        # psycopg would write an enum's name, not its value.
                        value = value.value
                    values.append(value)
                stream.write_row(values)


class Skewed:
    """Draws items so that a few come up very often and most rarely (a Zipf-like
    law), as a few people, places and organisations appear in many records."""

    def __init__(self, rng, items, weights=None, exponent=0.8):
        self.rng = rng
        self.items = list(items)
        if weights is None:
            # Which items are the popular ones is itself left to chance.
            rng.shuffle(self.items)
            weights = [1 / (rank + 1) ** exponent for rank in range(len(self.items))]
        self.cumulative = list(itertools.accumulate(weights))

    def __len__(self):
        return len(self.items)

    def one(self):
        return self.rng.choices(self.items, cum_weights=self.cumulative)[0]

    def some(self, count, exclude=()):
        """`count` different items (fewer when there are not as many)."""
        count = min(count, len(self.items) - len(exclude))
        chosen = []
        while len(chosen) < count:
            item = self.one()
            if item not in chosen and item not in exclude:
                chosen.append(item)
        return chosen


@dataclass
class City:
    id: int
    names: tuple
    country: str
    weight: int
    # Districts and sites inside the city, for events that name one.
    spots: list = field(default_factory=list)


@dataclass
class Plan:
    """A record (a dict of its fields) and what it refers to, kept until the
    record has its id."""

    record: dict
    year: int | None
    texts: tuple
    organizations: list = field(default_factory=list)
    people: list = field(default_factory=list)
    places: list = field(default_factory=list)
    events: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    milestones: list = field(default_factory=list)
    measures: list = field(default_factory=list)
    citations: int = 0
    topic: tuple = ()


@dataclass(frozen=True)
class Signing:
    """A signing event, for the agreements signed at it."""

    id: int
    date: date
    precision: str
    approximate: bool
    year: int
    topic: tuple
    organizations: list


class Synth:
    """Makes the data set, one kind of record after another, each referring
    to those made before it."""

    def __init__(self, size, seed, now):
        self.size = size
        self.rng = random.Random(seed)
        self.now = now
        self.written_at = timezone.now()
        self.counts = Counter()
        self.slugs = defaultdict(set)
        self.citations = []
        self.content_types = {}
        self.year_weights = {}
        # Seconds per step of run(), and for the checks and indexes at the end.
        self.timings = {}

    def run(self):
        steps = [
            self.places,
            self.organizations,
            self.people,
            self.sources,
            self.events,
            self.agreements,
            self.projects,
            self.indicators,
            self.flush_citations,
        ]
        for step in steps:
            started = time.monotonic()
            step()
            self.timings[step.__name__] = time.monotonic() - started
        return self

    # Writing ----------------------------------------------------------------------

    def save(self, model, rows):
        """Write rows (dicts of field values by attribute name) and give each
        its id: with COPY on PostgreSQL, with bulk_create elsewhere."""
        if connection.vendor == "postgresql":
            copy_rows(model, rows, self.written_at)
        else:
            objects = [model(**row) for row in rows]
            model.objects.bulk_create(objects)
            for row, record in zip(rows, objects, strict=True):
                row["id"] = record.pk
        self.counts[model._meta.label] += len(rows)
        # With DEBUG on, Django keeps every query's text; these are megabytes.
        reset_queries()

    def cite(self, model, record, year, texts, count):
        """`count` citations of sources from about the record's year; half of
        them quote its summary in the source's language."""
        if model not in self.content_types:
            self.content_types[model] = ContentType.objects.get_for_model(model).pk
        for position, source_id in enumerate(self.sources_near(year, count)):
            language = self.source_languages[source_id]
            quote = ""
            if self.rng.random() < 0.5:
                quote = texts[("en", "az", "zh").index(language)]
            locator = ("", "", "")
            if self.rng.random() < 0.4:
                number = self.rng.randint(1, 40)
                locator = fill(
                    self.rng.choice(words.locators),
                    n=number,
                    n_ordinal=az_ordinal(number),
                )
            self.citations.append(
                dict(
                    source_id=source_id,
                    content_type_id=self.content_types[model],
                    object_id=record["id"],
                    quote=quote,
                    position=position,
                    **translated("locator", locator),
                )
            )
        if len(self.citations) >= 10 * CHUNK:
            self.flush_citations()

    def flush_citations(self):
        for start in range(0, len(self.citations), CHUNK):
            self.save(Citation, self.citations[start : start + CHUNK])
        self.citations = []

    def slug(self, model, text, limit=100):
        """A slug from the English text, numbered when already taken."""
        base = slugify(text)[:limit].strip("-") or model._meta.model_name
        taken = self.slugs[model]
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        return slug

    # Dates and workflow -----------------------------------------------------------

    def year(self, first=FIRST_YEAR):
        """A year, recent ones more likely: relations grew over the decades."""
        if first not in self.year_weights:
            years = range(first, LAST_YEAR + 1)
            weights = [(year - first + 2) ** 1.5 for year in years]
            self.year_weights[first] = (years, list(itertools.accumulate(weights)))
        years, cumulative = self.year_weights[first]
        return self.rng.choices(years, cum_weights=cumulative)[0]

    def day(self, year):
        start = date(year, 1, 1)
        return start + timedelta(
            days=self.rng.randrange((date(year + 1, 1, 1) - start).days)
        )

    def precision(self, year):
        """How precisely a date is known: older records less often to the day."""
        day_share = 0.65 if year < 2000 else 0.85
        roll = self.rng.random()
        if roll < day_share:
            precision = Precision.DAY
        elif roll < day_share + (1 - day_share) * 0.6:
            precision = Precision.MONTH
        else:
            precision = Precision.YEAR
        approximate = self.rng.random() < (0.02 if precision == Precision.DAY else 0.2)
        return precision, approximate

    def partial_date(self, year):
        """(date, precision, approximate), the date stored as save() would."""
        precision, approximate = self.precision(year)
        return truncate(self.day(year), precision), precision, approximate

    def workflow(self, happened=None):
        """Status and publication times: about 90% published (a few of them
        scheduled for later), the rest drafts, in review or archived."""
        roll = self.rng.random()
        if roll < 0.03:
            return {"status": Status.DRAFT}
        if roll < 0.06:
            return {
                "status": Status.REVIEW,
                "submitted_at": self.now - timedelta(hours=self.rng.uniform(1, 2000)),
            }
        if roll < 0.09:
            return {"status": Status.ARCHIVED, "published_at": self.published(happened)}
        if roll < 0.095:
            scheduled = self.now + timedelta(hours=self.rng.uniform(2, 24 * 45))
            return {"status": Status.PUBLISHED, "published_at": scheduled}
        return {"status": Status.PUBLISHED, "published_at": self.published(happened)}

    def published(self, happened):
        """When a record went public: soon after it happened if that was after
        the portal started, otherwise some time since the portal started."""
        earliest = PORTAL_START
        if happened is not None:
            morning = datetime(
                happened.year, happened.month, happened.day, 9, tzinfo=UTC
            )
            earliest = max(earliest, morning)
        latest = self.now - timedelta(minutes=10)
        if earliest >= latest:
            # Announced ahead of an event still to come.
            return latest - timedelta(hours=self.rng.uniform(1, 24 * 60))
        if earliest > PORTAL_START:
            delay = timedelta(hours=self.rng.expovariate(1 / 36))
            return min(earliest + delay, latest)
        return earliest + (latest - earliest) * self.rng.random()

    # Places -----------------------------------------------------------------------

    def places(self):
        """The place tree, a level at a time so each level knows its parents."""
        self.countries = {}
        self.cities = []
        level = [
            (None, country["code"], None, {"kind": "country", **country})
            for country in words.countries
        ]
        while level:
            objects = [
                self.place(parent, code, entry) for parent, code, _, entry in level
            ]
            self.save(Place, objects)
            below = []
            for place, (_parent, code, city, entry) in zip(objects, level, strict=True):
                kind, parts = entry["kind"], list(entry.get("parts", ()))
                if kind == "country":
                    self.countries[code] = place["id"]
                elif kind == "city":
                    city = City(place["id"], entry["names"], code, entry["weight"])
                    self.cities.append(city)
                    parts += self.sites(place)
                else:
                    if city is not None:
                        city.spots.append(place["id"])
                below += [(place, code, city, part) for part in parts]
            level = below
        self.city_pool = Skewed(
            self.rng, self.cities, weights=[city.weight for city in self.cities]
        )
        self.cities_in = {
            code: Skewed(
                self.rng,
                [city for city in self.cities if city.country == code],
                weights=[city.weight for city in self.cities if city.country == code],
            )
            for code in self.countries
        }
        self.country_names = {c["code"]: c["names"] for c in words.countries}
        self.country_forms = {c["code"]: c["forms"] for c in words.countries}

    def place(self, parent, code, entry):
        kind, names, (latitude, longitude) = entry["kind"], entry["names"], entry["at"]
        return dict(
            slug=self.slug(Place, names[0]),
            kind=kind,
            parent_id=parent["id"] if parent else None,
            country_code=code,
            latitude=Decimal(f"{latitude:.6f}"),
            longitude=Decimal(f"{longitude:.6f}"),
            coordinates_approximate=kind in (PlaceKind.COUNTRY, PlaceKind.REGION),
            **translated("name", names),
        )

    def sites(self, city):
        """Stations, parks and campuses in a city: entries like those of the
        vocabulary, a little way from the city's centre."""
        if not self.size.sites_per_city:
            return []
        count = self.rng.randint(1, self.size.sites_per_city)
        names = (city["name_en"], city["name_az"], city["name_zh_hans"])
        return [
            {
                "kind": "site",
                "names": fill(template, city=names),
                "at": (
                    float(city["latitude"]) + self.rng.uniform(-0.05, 0.05),
                    float(city["longitude"]) + self.rng.uniform(-0.05, 0.05),
                ),
            }
            for template in self.rng.sample(words.sites, count)
        ]

    def other_side(self, code):
        """The country across the table: China in Azerbaijan and the reverse."""
        if code in ("AZ", "CN"):
            return "CN" if code == "AZ" else "AZ"
        return self.rng.choice(["AZ", "CN"])

    def country(self):
        """Azerbaijan or China mostly, now and then one of the neighbours."""
        roll = self.rng.random()
        if roll < 0.45:
            return "AZ"
        if roll < 0.9:
            return "CN"
        return self.rng.choice(
            [code for code in self.countries if code not in ("AZ", "CN")]
        )

    # Organisations ----------------------------------------------------------------

    def organizations(self):
        """Ministries, companies, universities… and some branches of companies
        (a twenty-fifth of them), with names used once each."""
        self.organization_names = {}
        branches = self.size.organizations // 25
        names_taken = set()
        made = []
        while len(made) < self.size.organizations - branches:
            kind = weighted(self.rng, ORGANIZATION_KINDS)
            names, code, acronyms = self.organization_name(kind)
            if names[0] not in names_taken:
                names_taken.add(names[0])
                made.append((self.organization(kind, names, code, acronyms), code))
        self.save(Organization, [organization for organization, _code in made])
        companies = [
            pair for pair in made if pair[0]["kind"] == OrganizationKind.COMPANY
        ]
        children = []
        while len(children) < branches:
            parent, code = self.rng.choice(companies)
            city = self.cities_in[code].one()
            names = fill(words.branch, parent=self.names_of(parent), city=city.names)
            if names[0] not in names_taken:
                names_taken.add(names[0])
                child = self.organization(OrganizationKind.COMPANY, names, code)
                child["parent_id"] = parent["id"]
                children.append(child)
        self.save(Organization, children)
        everyone = [organization for organization, _code in made] + children
        for organization in everyone:
            self.organization_names[organization["id"]] = self.names_of(organization)
        self.organization_pool = Skewed(self.rng, [o["id"] for o in everyone])
        self.company_pool = Skewed(
            self.rng,
            [o["id"] for o in everyone if o["kind"] == OrganizationKind.COMPANY],
        )
        self.publisher_pool = Skewed(
            self.rng, [o["id"] for o in everyone if o["kind"] in PUBLISHERS]
        )

    @staticmethod
    def names_of(organization):
        return tuple(organization[f"name_{language}"] for language in LANGUAGES)

    def organization_name(self, kind):
        """(names, country code, acronyms): names may repeat; the caller draws
        again until it has one not yet used."""
        rng = self.rng
        code = self.country()
        country = self.country_names[code]
        city = self.cities_in[code].one().names
        prefix = rng.choice([*words.company_prefixes, city])
        acronyms = None
        if kind == OrganizationKind.COMPANY:
            names = fill(
                words.company,
                prefix=prefix,
                industry=rng.choice(words.industries),
                form=rng.choice(words.company_forms),
            )
            if rng.random() < 0.3:
                acronyms = tuple(
                    "".join(word[0] for word in text.split() if word[0].isupper())
                    for text in names[:2]
                )
                acronyms += (acronyms[0],)
        elif kind == OrganizationKind.MINISTRY:
            names = fill(
                words.ministry, ministry=rng.choice(words.ministries), country=country
            )
        elif kind == OrganizationKind.GOVERNMENT:
            names = fill(
                rng.choice(words.government_bodies), city=city, country=country
            )
        elif kind == OrganizationKind.EMBASSY:
            host = self.other_side(code)
            names = fill(
                words.embassy,
                country=country,
                host=self.country_names[host],
                country_genitive=self.country_forms[code][0],
                host_locative=self.country_forms[host][1],
            )
        elif kind == OrganizationKind.UNIVERSITY:
            names = fill(rng.choice(words.universities), city=city)
        elif kind == OrganizationKind.MEDIA:
            names = fill(rng.choice(words.media), name=prefix)
        elif kind == OrganizationKind.FOUNDATION:
            names = fill(rng.choice(words.foundations), prefix=prefix)
        elif kind == OrganizationKind.PARTY:
            code = "CN"
            city = self.cities_in[code].one().names
            names = fill(rng.choice(words.party_bodies), city=city)
        elif kind == OrganizationKind.LEGISLATURE:
            template = rng.choice(words.legislatures)
            if "{city}" in template[0]:
                code = "CN"
                city = self.cities_in[code].one().names
            names = fill(template, city=city, country=country)
        elif kind == OrganizationKind.INTERNATIONAL:
            international = rng.choice(words.international)
            names, acronyms = international["names"], international["acronyms"]
            code = None
        else:
            names = fill(rng.choice(words.other_organizations), prefix=prefix)
        return names, code, acronyms

    def organization(self, kind, names, code, acronyms=None):
        rng = self.rng
        description = ("", "", "")
        if rng.random() < 0.5:
            description = fill(
                words.organization_description,
                name=names,
                topic=rng.choice(words.topics),
            )
        slug = self.slug(Organization, names[0])
        return dict(
            slug=slug,
            kind=kind,
            country_id=self.countries.get(code),
            website=f"https://www.example.org/{slug}/" if rng.random() < 0.6 else "",
            version=1,
            **translated("name", names),
            **translated("acronym", acronyms or ("", "", "")),
            **translated("description", description),
            **self.workflow(),
        )

    # People -----------------------------------------------------------------------

    def people(self):
        rng = self.rng
        self.person_info = {}
        names_taken = set()
        objects = []
        for _ in range(self.size.people):
            code = self.country()
            for _attempt in range(20):
                names = self.person_name(code)
                if names[0] not in names_taken:
                    break
            # After twenty tries a namesake is fine: real records have them too.
            names_taken.add(names[0])
            honorific = rng.choice(words.honorifics) if rng.random() < 0.85 else None
            bio = ("", "", "")
            if honorific and rng.random() < 0.6:
                bio = fill(
                    words.bio,
                    name=names,
                    honorific=honorific,
                    topic=rng.choice(words.topics),
                )
            person = dict(
                slug=self.slug(Person, names[0]),
                country_id=self.countries[code],
                version=1,
                **translated("name", names),
                **translated("honorific", honorific or ("", "", "")),
                **translated("bio", bio),
                **self.workflow(),
            )
            side = {"AZ": Side.AZERBAIJAN, "CN": Side.CHINA}.get(code, Side.OTHER)
            objects.append((person, names, honorific, side))
        self.save(Person, [person for person, *_ in objects])
        for person, names, honorific, side in objects:
            self.person_info[person["id"]] = (names, honorific, side)
        # Offices as migration portal 0016 made them of the short titles (held,
        # undated), and for some people an earlier one, known to be past.
        offices = []
        for person, _names, honorific, _side in objects:
            if honorific:
                offices.append(
                    dict(person_id=person["id"], **translated("title", honorific))
                )
            if rng.random() < 0.2:
                earlier = rng.choice(words.honorifics)
                offices.append(
                    dict(
                        person_id=person["id"],
                        ended=True,
                        position=1,
                        **translated("title", earlier),
                    )
                )
        self.save(Office, offices)
        self.people_on = {
            side: Skewed(
                rng, [p["id"] for p, _n, _h, s in objects if s == side], exponent=0.75
            )
            for side in Side
        }

    def person_name(self, code):
        rng = self.rng
        if code == "CN":
            surname = rng.choice(words.cn_surnames)
            given = rng.choice(words.cn_given_names)
            return (
                f"{surname[0]} {given[0]}",
                f"{surname[1]} {given[1]}",
                surname[2] + given[2],
            )
        if code == "AZ":
            surname = rng.choice(words.az_surnames)
            if rng.random() < 0.4:
                first = rng.choice(words.az_female_names)
                surname = feminine(surname)
            else:
                first = rng.choice(words.az_male_names)
        else:
            first = rng.choice(words.other_first_names)
            surname = rng.choice(words.other_surnames)
        return (
            f"{first[0]} {surname[0]}",
            f"{first[1]} {surname[1]}",
            f"{first[2]}·{surname[2]}",
        )

    # Sources ----------------------------------------------------------------------

    def sources(self):
        rng = self.rng
        self.source_languages = {}
        by_year = defaultdict(list)
        for start in range(0, self.size.sources, CHUNK):
            batch = []
            for _ in range(min(CHUNK, self.size.sources - start)):
                kind = weighted(rng, SOURCE_KINDS)
                year = self.year()
                published_on, precision, approximate = self.partial_date(year)
                if rng.random() < 0.08:
                    # The source does not say when it appeared.
                    published_on, precision, approximate = None, Precision.DAY, False
                publisher = self.publisher_pool.one()
                title = fill(
                    words.source_titles[kind],
                    publisher=self.organization_names[publisher],
                    topic=rng.choice(words.topics),
                    city=self.city_pool.one().names,
                    year=year,
                )
                slug = self.slug(Source, f"{title[0]} {year}")
                source = dict(
                    slug=slug,
                    kind=kind,
                    publisher_id=publisher,
                    url=f"https://www.example.org/sources/{slug}/"
                    if rng.random() < 0.85
                    else "",
                    published_on=published_on,
                    published_on_precision=precision,
                    published_on_approximate=approximate,
                    language=weighted(rng, SOURCE_LANGUAGES),
                    # Sources have the workflow too; the cited ones are public
                    # (a fixed time, so the random stream stays as it was).
                    status=Status.PUBLISHED,
                    published_at=PORTAL_START,
                    version=1,
                    **translated("title", title),
                    **translated("notes", words.source_notes),
                )
                batch.append(source)
            self.save(Source, batch)
            for source in batch:
                self.source_languages[source["id"]] = source["language"]
                published_on = source["published_on"]
                by_year[published_on and published_on.year].append(source["id"])
        self.sources_by_year = {year: Skewed(rng, ids) for year, ids in by_year.items()}
        self.all_sources = Skewed(rng, list(self.source_languages))

    def sources_near(self, year, count):
        """Sources from the year of a record or the next, else any."""
        if year is not None:
            pools = [self.sources_by_year.get(y) for y in (year, year + 1)]
            pools = [pool for pool in pools if pool is not None]
            if pools and sum(len(pool) for pool in pools) >= count:
                chosen = []
                while len(chosen) < count:
                    pick = self.rng.choice(pools).one()
                    if pick not in chosen:
                        chosen.append(pick)
                return chosen
        return self.all_sources.some(count)

    # Events -----------------------------------------------------------------------

    def events(self):
        self.events_by_year = defaultdict(list)
        self.signings = []
        for start in range(0, self.size.events, CHUNK):
            plans = [self.event() for _ in range(min(CHUNK, self.size.events - start))]
            self.save(Event, [plan.record for plan in plans])
            participations, organizations = [], []
            for plan in plans:
                event = plan.record
                for position, (person_id, role, side) in enumerate(plan.people):
                    participations.append(
                        dict(
                            event_id=event["id"],
                            person_id=person_id,
                            side=side,
                            position=position,
                            **translated("role", role),
                        )
                    )
                organizations += [
                    {"event_id": event["id"], "organization_id": pk}
                    for pk in plan.organizations
                ]
                self.cite(Event, event, plan.year, plan.texts, plan.citations)
                self.events_by_year[plan.year].append(event["id"])
                if event["kind"] == EventKind.SIGNING:
                    self.signings.append(
                        Signing(
                            event["id"],
                            event["date"],
                            event["date_precision"],
                            event["date_approximate"],
                            plan.year,
                            plan.topic,
                            plan.organizations,
                        )
                    )
            self.save(Participation, participations)
            self.save(Event.organizations.through, organizations)

    def event(self):
        rng = self.rng
        kind = weighted(rng, EVENT_KINDS)
        year = self.year()
        day, precision, approximate = self.partial_date(year)
        end_date = None
        if precision == Precision.DAY and kind in LONG_EVENTS and rng.random() < 0.35:
            end_date = day + timedelta(days=rng.randint(1, 4))
        topics = rng.sample(words.topics, 3)
        since = rng.randint(max(FIRST_YEAR, year - 25), year)
        slots = {
            "topic": topics[0],
            "topic2": topics[1],
            "topic3": topics[2],
            "equipment": rng.choice(words.equipment),
            "year": year,
            "since": since,
            "since_ordinal": az_ordinal(since),
            "next_year": year + 1,
            "next_year_ordinal": az_ordinal(year + 1),
        }
        place_id = None
        if rng.random() < 0.9:
            city = self.city_pool.one()
            place_id = city.id
            if city.spots and rng.random() < 0.25:
                place_id = rng.choice(city.spots)
            slots["city"] = city.names
            slots["country"] = self.country_names[self.other_side(city.country)]
        people = self.participants(kind)
        if people:
            slots["person"] = self.person_info[people[0][0]][0]
        organizations = self.organization_pool.some(
            weighted(rng, {1: 35, 2: 45, 3: 20})
        )
        slots["org"] = self.organization_names[organizations[0]]
        if len(organizations) > 1:
            slots["org2"] = self.organization_names[organizations[1]]
        title = self.phrase(words.event_titles[kind], slots, 300)
        summary = self.phrase(words.event_summaries[kind], slots)
        body = paragraphs(rng, words.event_paragraphs, rng.randint(3, 5), slots)
        # Forum titles name their year already.
        slug_text = title[0] if str(year) in title[0] else f"{title[0]} {year}"
        event = dict(
            slug=self.slug(Event, slug_text),
            kind=kind,
            date=day,
            date_precision=precision,
            date_approximate=approximate,
            end_date=end_date,
            place_id=place_id,
            version=1,
            **translated("title", title),
            **translated("summary", summary),
            **translated("body", body),
            **self.workflow(day),
        )
        citations = weighted(rng, {0: 10, 1: 50, 2: 30, 3: 10})
        return Plan(
            event,
            year,
            summary,
            organizations,
            people,
            citations=citations,
            topic=topics[0],
        )

    def participants(self, kind):
        """1–4 people, alternating between the two sides (a third country's
        delegate at multilateral meetings), each with their role at the time."""
        rng = self.rng
        count = weighted(rng, {1: 30, 2: 40, 3: 20, 4: 10})
        sides = [Side.AZERBAIJAN, Side.CHINA]
        rng.shuffle(sides)
        if kind == EventKind.MULTILATERAL:
            sides.append(Side.OTHER)
        chosen = []
        for index in range(count):
            pool = self.people_on[sides[index % len(sides)]]
            picked = pool.some(1, exclude=[person for person, _r, _s in chosen])
            if not picked:
                continue
            person_id = picked[0]
            _names, honorific, side = self.person_info[person_id]
            role = ("", "", "")
            if rng.random() < 0.7:
                role = fill(
                    words.role, honorific=honorific or rng.choice(words.honorifics)
                )
            chosen.append((person_id, role, side))
        return chosen

    def phrase(self, templates, slots, limit=None):
        """A title or summary from a template the slots can fill, capitalised
        and short enough for its field (organisations' names can be long)."""
        usable = [
            template for template in templates if slots_of(template) <= slots.keys()
        ]
        texts = capitalize(fill(self.rng.choice(usable), **slots))
        if limit and max(len(text) for text in texts) > limit:
            short = [t for t in usable if not {"org", "org2"} & slots_of(t)]
            if short:
                texts = capitalize(fill(self.rng.choice(short), **slots))
            texts = tuple(
                text if len(text) <= limit else text[: limit - 1] + "…"
                for text in texts
            )
        return texts

    # Agreements -------------------------------------------------------------------

    def agreements(self):
        self.agreements_by_year = defaultdict(list)
        for start in range(0, self.size.agreements, CHUNK):
            plans = [
                self.agreement()
                for _ in range(min(CHUNK, self.size.agreements - start))
            ]
            self.save(Agreement, [plan.record for plan in plans])
            parties = []
            for plan in plans:
                agreement = plan.record
                parties += [
                    {"agreement_id": agreement["id"], "organization_id": pk}
                    for pk in plan.organizations
                ]
                self.cite(Agreement, agreement, plan.year, plan.texts, plan.citations)
                self.agreements_by_year[plan.year].append(agreement["id"])
            self.save(Agreement.parties.through, parties)

    def agreement(self):
        rng = self.rng
        kind = weighted(rng, AGREEMENT_KINDS)
        if self.signings and rng.random() < 0.6:
            # Signed at an event: its date, its topic, its organisations.
            event = rng.choice(self.signings)
            signed_on, precision = event.date, event.precision
            approximate, year, topic = event.approximate, event.year, event.topic
            event_id, parties = event.id, list(event.organizations)
        else:
            year = self.year()
            signed_on, precision, approximate = self.partial_date(year)
            if rng.random() < 0.1:
                # The sources do not say when it was signed.
                signed_on, year = None, None
                precision, approximate = Precision.DAY, False
            topic, event_id, parties = rng.choice(words.topics), None, []
        if len(parties) < 2:
            parties += self.organization_pool.some(
                rng.randint(2, 3) - len(parties), parties
            )
        slots = {
            "topic": topic,
            "org": self.organization_names[parties[0]],
            "org2": self.organization_names[parties[1]],
            "years": rng.choice([3, 5, 5, 10]),
            "equipment": rng.choice(words.equipment),
        }
        title = self.phrase(words.agreement_titles[kind], slots, 400)
        summary = capitalize(fill(words.agreement_summary, **slots))
        agreement = dict(
            slug=self.slug(Agreement, f"{title[0]} {year or ''}"),
            kind=kind,
            signed_on=signed_on,
            signed_on_precision=precision,
            signed_on_approximate=approximate,
            event_id=event_id,
            agreement_status=weighted(rng, AGREEMENT_STATUSES),
            version=1,
            **translated("title", title),
            **translated("summary", summary),
            **translated(
                "body",
                paragraphs(rng, words.agreement_paragraphs, rng.randint(2, 3), slots),
            ),
            **self.workflow(signed_on),
        )
        citations = weighted(rng, {0: 20, 1: 55, 2: 25})
        return Plan(agreement, year, summary, parties, citations=citations)

    # Projects ---------------------------------------------------------------------

    def projects(self):
        sectors = list(
            Sector.objects.order_by("position", "pk").values_list("pk", "slug")
        )
        if not sectors:
            raise Refused("the database has no sectors: run the migrations first")
        self.sector_weights = {
            (pk, slug): SECTOR_WEIGHTS.get(slug, 8) for pk, slug in sectors
        }
        self.measure_kinds = dict(MeasureKind.objects.values_list("slug", "pk"))
        self.units = dict(Unit.objects.values_list("slug", "pk"))
        self.featured_share = max(0.003, 5 / self.size.projects)
        self.project_titles = set()
        for start in range(0, self.size.projects, CHUNK):
            plans = [
                self.project() for _ in range(min(CHUNK, self.size.projects - start))
            ]
            self.save(Project, [plan.record for plan in plans])
            partners, places, events, agreements, milestones = [], [], [], [], []
            measures = []
            for plan in plans:
                project = plan.record
                pk = project["id"]
                partners += [
                    {
                        "project_id": pk,
                        "organization_id": organization,
                        "role": role,
                        "position": index,
                    }
                    for index, (organization, role) in enumerate(plan.organizations)
                ]
                places += [{"project_id": pk, "place_id": p} for p in plan.places]
                events += [{"project_id": pk, "event_id": e} for e in plan.events]
                agreements += [
                    {"project_id": pk, "agreement_id": agreement}
                    for agreement in plan.agreements
                ]
                for milestone in plan.milestones:
                    milestone["project_id"] = pk
                    milestones.append(milestone)
                for measure in plan.measures:
                    measure["project_id"] = pk
                    measures.append(measure)
                self.cite(Project, project, plan.year, plan.texts, plan.citations)
            self.save(Partner, partners)
            self.save(Project.places.through, places)
            self.save(Project.events.through, events)
            self.save(Project.agreements.through, agreements)
            self.save(Milestone, milestones)
            self.save(Measure, measures)

    def project(self):
        rng = self.rng
        sector_id, sector_slug = weighted(rng, self.sector_weights)
        choice = rng.choice(
            words.project_titles.get(sector_slug, words.project_titles_other)
        )
        template, unit, capacity_range = (
            choice["title"],
            choice["unit"],
            choice["capacity"],
        )
        city = self.cities_in["AZ" if rng.random() < 0.8 else "CN"].one()
        places = [city.id]
        if city.spots and rng.random() < 0.3:
            places = [rng.choice(city.spots)]
        slots = {
            "city": city.names,
            "topic": rng.choice(words.topics),
            "product": rng.choice(words.products),
        }
        if "city2" in slots_of(template):
            partner_city = self.cities_in[self.other_side(city.country)].one()
            slots["city2"] = partner_city.names
            places.append(partner_city.id)
        capacity, capacity_unit = None, ""
        if unit and ("capacity" in slots_of(template) or rng.random() < 0.85):
            capacity_unit = unit
            capacity = Decimal(rng.randint(*capacity_range))
            slots["capacity"] = int(capacity)
        partners = self.partners()
        slots["org"] = self.organization_names[partners[0][0]]

        start, start_precision, start_approximate = None, Precision.DAY, False
        year = None
        if rng.random() < 0.85:
            year = self.year(first=1998)
            start, start_precision, start_approximate = self.partial_date(year)
            slots["start_year"] = year
            slots["start_year_ordinal"] = az_ordinal(year)
        status = self.project_status(year)
        end, end_precision, end_approximate = self.project_end(
            start, status, start_precision
        )
        investment, currency = None, ""
        if rng.random() < 0.65:
            investment = Decimal(round(10 ** rng.uniform(6, 9.3), -3))
            currency = weighted(rng, CURRENCIES)

        title = self.phrase([template], slots, 290)
        if title[0] in self.project_titles and year:
            # A second "Electric buses for Baku" is told apart by its year.
            title = tuple(f"{text} ({year})" for text in title)
        self.project_titles.add(title[0])
        summary = capitalize(fill(words.project_summary, **slots))
        project = dict(
            slug=self.slug(Project, f"{title[0]} {year or ''}"),
            sector_id=sector_id,
            project_status=status,
            direction=weighted(rng, DIRECTIONS),
            start_date=start,
            start_date_precision=start_precision,
            start_date_approximate=start_approximate,
            end_date=end,
            end_date_precision=end_precision,
            end_date_approximate=end_approximate,
            featured=rng.random() < self.featured_share,
            version=1,
            **translated("title", title),
            **translated("summary", summary),
            **translated(
                "body",
                paragraphs(rng, words.project_paragraphs, rng.randint(2, 4), slots),
            ),
            **self.workflow(start),
        )
        plan = Plan(
            project,
            year,
            summary,
            partners,
            places=places,
            citations=weighted(rng, {0: 10, 1: 50, 2: 30, 3: 10}),
        )
        plan.events = self.near(self.events_by_year, year, {0: 45, 1: 30, 2: 17, 3: 8})
        plan.agreements = self.near(
            self.agreements_by_year, year, {0: 60, 1: 30, 2: 10}
        )
        plan.milestones = self.milestones(start, end, start_precision)
        plan.measures = self.measures(capacity, capacity_unit, investment, currency)
        return plan

    def measures(self, capacity, capacity_unit, investment, currency):
        """A project's capacity and investment, as the editors' preferred
        measures of their kinds."""
        measures = []
        if capacity is not None:
            measures.append(
                {
                    "kind_id": self.measure_kinds["capacity"],
                    "unit_id": self.units[capacity_unit.lower()],
                    "value": capacity,
                    "rank": Rank.PREFERRED,
                }
            )
        if investment is not None:
            measures.append(
                {
                    "kind_id": self.measure_kinds["investment"],
                    "unit_id": self.units["money"],
                    "currency": currency,
                    "value": investment,
                    "rank": Rank.PREFERRED,
                }
            )
        return measures

    def partners(self):
        """1–4 (organisation, role): a company first, then anyone."""
        rng = self.rng
        count = weighted(rng, {1: 30, 2: 35, 3: 25, 4: 10})
        organizations = self.company_pool.some(1)
        organizations += self.organization_pool.some(count - 1, organizations)
        return [(pk, rng.choice(PartnerRole.values)) for pk in organizations]

    def project_status(self, year):
        rng = self.rng
        if year is None:
            return rng.choice([ProjectStatus.ANNOUNCED, ProjectStatus.AGREED])
        age = self.now.year - year
        if age >= 4:
            weights = {
                ProjectStatus.COMPLETED: 45,
                ProjectStatus.OPERATIONAL: 35,
                ProjectStatus.SUSPENDED: 8,
                ProjectStatus.CANCELLED: 7,
                ProjectStatus.CONSTRUCTION: 5,
            }
        elif age >= 1:
            weights = {
                ProjectStatus.CONSTRUCTION: 40,
                ProjectStatus.OPERATIONAL: 25,
                ProjectStatus.AGREED: 15,
                ProjectStatus.COMPLETED: 10,
                ProjectStatus.SUSPENDED: 5,
                ProjectStatus.CANCELLED: 5,
            }
        else:
            weights = {
                ProjectStatus.ANNOUNCED: 35,
                ProjectStatus.AGREED: 35,
                ProjectStatus.CONSTRUCTION: 30,
            }
        return weighted(rng, weights)

    def project_end(self, start, status, precision):
        """Finished projects have an end, others a planned one now and then;
        never before the start, whatever the precision."""
        rng = self.rng
        if start is None or status == ProjectStatus.CANCELLED:
            return None, Precision.DAY, False
        finished = status in (ProjectStatus.COMPLETED, ProjectStatus.OPERATIONAL)
        if not finished and rng.random() < 0.6:
            return None, Precision.DAY, False
        end = start + timedelta(days=rng.randint(200, 5 * 365))
        end_precision = rng.choice([precision, Precision.MONTH, Precision.DAY])
        end = truncate(end, end_precision)
        if end < start:
            end, end_precision = start, precision
        return end, end_precision, rng.random() < 0.05

    def near(self, by_year, year, counts):
        """A few records of the same year (any year for undated ones)."""
        count = weighted(self.rng, counts)
        if not count or not by_year:
            return []
        pool = by_year.get(year) or by_year.get(self.rng.choice(list(by_year)))
        return self.rng.sample(pool, min(count, len(pool)))

    def milestones(self, start, end, precision):
        """Up to four steps of the project, in order, between its start and end."""
        rng = self.rng
        count = weighted(rng, {0: 15, 1: 20, 2: 30, 3: 20, 4: 15})
        steps = sorted(rng.sample(range(len(words.milestones)), count))
        first = start or self.now.date() - timedelta(days=rng.randint(30, 2000))
        last = end or first + timedelta(days=3 * 365)
        days = sorted(
            first + timedelta(days=rng.randint(0, (last - first).days)) for _ in steps
        )
        milestones = []
        for position, (step, day) in enumerate(zip(steps, days, strict=True)):
            milestone_precision = rng.choice(
                [precision, Precision.MONTH, Precision.DAY]
            )
            known = rng.random() < 0.9
            milestones.append(
                dict(
                    date=truncate(day, milestone_precision) if known else None,
                    date_precision=milestone_precision,
                    date_approximate=known and rng.random() < 0.05,
                    position=position,
                    **translated("title", words.milestones[step]),
                )
            )
        return milestones

    # Key figures ------------------------------------------------------------------

    def indicators(self):
        chosen = words.indicators[: self.size.indicators]
        indicators = []
        for position, figure in enumerate(chosen):
            names, unit = figure["names"], figure["unit"]
            description = fill(
                words.indicator_description,
                name_lower=(names[0].lower(), names[1], names[2]),
            )
            indicators.append(
                dict(
                    slug=self.slug(Indicator, names[0]),
                    currency=figure["currency"],
                    position=position,
                    # Key figures are few and all on show.
                    status=Status.PUBLISHED,
                    published_at=self.published(None),
                    version=1,
                    **translated("name", names),
                    **translated("unit", unit or ("", "", "")),
                    **translated("description", description),
                )
            )
        self.save(Indicator, indicators)
        observations = []
        for indicator, figure in zip(indicators, chosen, strict=True):
            self.cite(Indicator, indicator, None, figure["names"], 1)
            observations += self.observations(
                indicator,
                figure["since"],
                figure["first"],
                figure["growth"],
                figure["unit"],
            )
        self.save(Observation, observations)
        for observation in observations:
            year = observation["period_start"].year
            self.cite(Observation, observation, year, ("", "", ""), 1)

    def observations(self, indicator, first_year, first, growth, unit):
        """A yearly series growing with some noise, and this year so far."""
        rng = self.rng
        series, previous = [], None
        last_year = self.now.year - 1
        for year in range(first_year, last_year + 1):
            value = (
                first * (1 + growth) ** (year - first_year) * rng.uniform(0.85, 1.15)
            )
            if year >= self.size.observations_from:
                series.append(
                    self.observation(
                        indicator, date(year, 1, 1), date(year, 12, 31), value, previous
                    )
                )
            previous = value
        months = self.now.month - 1
        if months:
            value = previous * (1 + growth) * months / 12 * rng.uniform(0.9, 1.1)
            end = date(self.now.year, months + 1, 1) - timedelta(days=1)
            partial = self.observation(
                indicator, date(self.now.year, 1, 1), end, value, None, Precision.MONTH
            )
            partial.update(translated("note", words.preliminary))
            series.append(partial)
        if unit is None:
            for observation in series:
                # Money: to the hundred thousand, as statistics offices give it.
                observation["value"] = Decimal(round(observation["value"], -5))
        return series

    def observation(self, indicator, start, end, value, previous, precision=None):
        rng = self.rng
        change = None
        if previous:
            change = Decimal(f"{(value / previous - 1) * 100:.2f}")
        qualifier = weighted(rng, {"": 88, "about": 8, "more_than": 4})
        return {
            "indicator_id": indicator["id"],
            "period_start": start,
            "period_end": end,
            "period_precision": precision or Precision.YEAR,
            "value": Decimal(round(value)),
            "value_qualifier": qualifier,
            "change_percent": change,
        }


# The command ---------------------------------------------------------------------


def existing_records():
    """{model label: number of rows} for the generator's models that have rows."""
    counts = {model._meta.label: model.objects.count() for model in MODELS}
    return {label: count for label, count in counts.items() if count}


def delete_records():
    """Empty every table the generator fills. Not Django's delete(), which
    would load 100,000 events into memory to cascade by hand."""
    tables = [connection.ops.quote_name(model._meta.db_table) for model in MODELS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # No dead rows left behind for the benchmarks to wade through.
            cursor.execute(f"TRUNCATE {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")


@contextmanager
def indexes_built_after(timings):
    """On PostgreSQL, drop the indexes of the generator's tables that back no
    constraint and build them again once the rows are in: one build costs less
    than updating an index row by row, the search indexes (GIN) above all.
    Inside the transaction, like everything else."""
    if connection.vendor != "postgresql":
        yield
        return
    # The search documents too: they are built from the records below.
    tables = [model._meta.db_table for model in [*MODELS, SearchDocument]]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT index.relname, pg_get_indexdef(index.oid)
            FROM pg_index
            JOIN pg_class AS index ON index.oid = pg_index.indexrelid
            JOIN pg_class AS owner ON owner.oid = pg_index.indrelid
            WHERE owner.relname = ANY(%s) AND pg_table_is_visible(owner.oid)
              AND NOT pg_index.indisunique
              AND NOT EXISTS (
                SELECT FROM pg_constraint WHERE conindid = pg_index.indexrelid
              )
            ORDER BY index.relname
            """,
            [tables],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    started = time.monotonic()
    with connection.cursor() as cursor:
        # CREATE INDEX refuses a table with foreign key checks still pending:
        # run them now rather than at commit.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        timings["checks"] = time.monotonic() - started
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
    timings["indexes"] = time.monotonic() - started - timings["checks"]


def generate(size="small", seed=8, replace=False, now=None):
    """Fill the database with the synthetic data set in one transaction; the
    Synth returned has the rows written per model (.counts) and the seconds
    each step took (.timings)."""
    with translation.override("en"), transaction.atomic():
        if connection.vendor == "postgresql":
            # The site's statement timeout guards requests, not a bulk load.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = 0")
        tables = {model._meta.db_table for model in MODELS}
        if tables - set(connection.introspection.table_names()):
            raise Refused("the database is not migrated: run manage.py migrate first")
        existing = existing_records()
        if existing and not replace:
            listed = ", ".join(f"{count} {label}" for label, count in existing.items())
            raise Refused(
                f"the database already holds {listed}; run with --replace to "
                "delete all of them first"
            )
        if existing:
            delete_records()
        generator = Synth(SIZES[size], seed, now or timezone.now())
        with indexes_built_after(generator.timings):
            generator.run()
            # COPY sends no signals: the site search's documents, made here
            # while their indexes are down (manage.py build_search_index).
            started = time.monotonic()
            search_documents.build_all(connection.alias)
            generator.timings["search"] = time.monotonic() - started
        # bulk_create and COPY send no signals: say the content changed, as a
        # save would, so cached pages and counts are not served for it.
        replace_token(connection.alias)
    return generator


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--replace",
        action="store_true",
        help="delete every place, person, organisation, source, event, agreement, "
        "project and key figure first",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        generator = generate(args.size, args.seed, args.replace)
    except Refused as error:
        sys.exit(f"synth: {error}")
    written = time.monotonic() - started
    counts = generator.counts
    width = max(len(label) for label in counts)
    for label, count in sorted(counts.items()):
        print(f"{label:<{width}}  {count:>9,}")
    print(f"{'total':<{width}}  {sum(counts.values()):>9,}")
    steps = [f"{name} {seconds:.1f}" for name, seconds in generator.timings.items()]
    commit = written - sum(generator.timings.values())
    print(f"seconds: {', '.join(steps)}, commit {commit:.1f}", flush=True)
    if connection.vendor == "postgresql":
        # Fresh statistics, so the planner knows the tables are no longer empty.
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
            cursor.execute("ANALYZE")
    elapsed = time.monotonic() - started
    print(
        f"{args.size} (seed {args.seed}) on {connection.vendor}: written in "
        f"{written:.1f} s, {elapsed:.1f} s with ANALYZE"
    )


if __name__ == "__main__":
    main()
