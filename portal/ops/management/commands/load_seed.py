"""Loads the seed records (portal/seed_data.py) drawn from Ambassador Lu Mei's
interview with the APA news agency.

Idempotent: every row is looked up by its natural key and saved only when a value
differs, so a second run changes nothing, not even `updated_at`, and adds no
version to any history.

Each record is saved in a revision of its own, with its own rows (participants,
citations, partners, milestones, observations): a version in a record's history
holds that record alone, so reverting it can touch nothing else.
"""

import datetime
from collections import Counter
from contextlib import contextmanager

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from events.models import Agreement, Event, Participation
from portal import seed_data
from portal.core import history
from portal.core.dates import Precision, period_end
from portal.core.models import (
    Citation,
    Indicator,
    Observation,
    Organization,
    Person,
    Place,
    Source,
    Status,
)
from portal.seed_translations import az, zh_hans
from projects.models import Milestone, Partner, Project, Sector

PRECISIONS = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}

# The other languages' texts, by the suffix modeltranslation gives their columns.
TRANSLATIONS = {"az": az, "zh_hans": zh_hans}


def translations(table, key):
    """`{"title_az": …, "title_zh_hans": …}` for one record, from the translation
    files; a text missing there is left as it is in the database."""
    values = {}
    for suffix, module in TRANSLATIONS.items():
        texts = getattr(module, table)
        texts = texts.get(key, {}) if key is not None else texts
        if isinstance(texts, str):  # LOCATORS map a text to its translation
            texts = {"locator": texts}
        for field, text in texts.items():
            values[f"{field}_{suffix}"] = text
    return values


def parse_partial(text):
    """ "1994" -> (1 January 1994, year); "2025-09" -> month; "2025-12-24" -> day."""
    parts = [int(part) for part in text.split("-")]
    precision = PRECISIONS[len(parts)]
    return datetime.date(*parts, *[1] * (3 - len(parts))), precision


def partial_date(record, name):
    """The three model fields of the partial date `name` ("date", "signed_on"…)."""
    text = record.get(name)
    value, precision = parse_partial(text) if text else (None, Precision.DAY)
    return {
        name: value,
        f"{name}_precision": precision,
        f"{name}_approximate": record.get(f"{name}_approximate", False),
    }


COMMENT = "Loaded from the seed records (load_seed)"


class Loader:
    def __init__(self):
        self.counts = Counter()
        self.loaded = {}

    @property
    def changes(self):
        return self.counts["created"] + self.counts["updated"]

    @contextmanager
    def revision(self, changed=False):
        """One revision for one record and its own rows. Saving a row adds it to
        the revision; the record itself is added when anything in the block
        changed, so a change to its rows alone still gives the record a version
        that holds them. Nothing changed, no revision."""
        before = self.changes
        records = []
        with reversion.create_revision():
            reversion.set_comment(COMMENT)
            yield records.append
            if changed or self.changes != before:
                for record in records:
                    reversion.add_to_revision(record)

    def in_revision(self, load, *args):
        with self.revision() as keep:
            record = load(*args)
            keep(record)
        return record

    def ref(self, model, slug):
        """The id of a record loaded earlier in this run, by slug."""
        try:
            return self.loaded[model, slug]
        except KeyError:
            raise CommandError(
                f"seed_data refers to {model.__name__} {slug!r} before defining it."
            ) from None

    def refs(self, model, slugs):
        return {self.ref(model, slug) for slug in slugs}

    def sync(self, model, lookup, values, m2m=None):
        """Create or update one row; save only when a value differs."""
        values = {
            name: model._meta.get_field(name).to_python(value)
            for name, value in values.items()
        }
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj, state = model(**lookup, **values), "created"
        else:
            changed = [
                name for name, value in values.items() if getattr(obj, name) != value
            ]
            for name in changed:
                setattr(obj, name, values[name])
            state = "updated" if changed else "unchanged"
        if state != "unchanged":
            # Constraints are left to the database: "published has a date" holds only
            # once save() has filled in published_at.
            obj.full_clean(validate_constraints=False)
            obj.save()
        for name, ids in (m2m or {}).items():
            related = getattr(obj, name)
            if set(related.values_list("pk", flat=True)) != ids:
                related.set(ids)
                state = "updated" if state == "unchanged" else state
        self.counts[state] += 1
        if "slug" in lookup:
            self.loaded[model, lookup["slug"]] = obj.pk
        return obj

    def cite(self, obj, citations):
        content_type = ContentType.objects.get_for_model(obj)
        for position, citation in enumerate(citations):
            self.sync(
                Citation,
                {
                    "source": self.source,
                    "content_type": content_type,
                    "object_id": obj.pk,
                    "quote": citation["quote"],
                },
                {
                    "locator": citation["locator"],
                    "position": position,
                    **translations("LOCATORS", citation["locator"]),
                },
            )

    def load(self):
        for record in seed_data.PLACES:
            self.in_revision(self.load_place, record)
        # Organisations cite the source, and the source's publisher is an
        # organisation: each organisation is saved first, outside any revision,
        # and gets its version, citations included, once the source exists.
        organizations = []
        for record in seed_data.ORGANIZATIONS:
            before = self.changes
            organizations.append(
                (self.load_organization(record), self.changes != before, record)
            )
        self.in_revision(self.load_source, seed_data.SOURCE)
        for organization, changed, record in organizations:
            with self.revision(changed) as keep:
                self.cite(organization, record["citations"])
                keep(organization)
        for record in seed_data.PEOPLE:
            self.in_revision(self.load_person, record)
        for record in seed_data.EVENTS:
            self.in_revision(self.load_event, record)
        for record in seed_data.AGREEMENTS:
            self.in_revision(self.load_agreement, record)
        for record in seed_data.PROJECTS:
            self.in_revision(self.load_project, record)
        for position, record in enumerate(seed_data.INDICATORS):
            self.in_revision(self.load_indicator, record, position)

    def load_place(self, record):
        return self.sync(
            Place,
            {"slug": record["slug"]},
            {
                "name": record["name"],
                "kind": record["kind"],
                "parent_id": record.get("parent") and self.ref(Place, record["parent"]),
                "country_code": record["country_code"],
                "latitude": record.get("latitude"),
                "longitude": record.get("longitude"),
                "coordinates_approximate": record.get("coordinates_approximate", False),
                **translations("PLACES", record["slug"]),
            },
        )

    def load_organization(self, record):
        parent = record.get("parent")
        country = record.get("country")
        return self.sync(
            Organization,
            {"slug": record["slug"]},
            {
                "name": record["name"],
                "acronym": record.get("acronym", ""),
                "kind": record["kind"],
                "country_id": country and self.ref(Place, country),
                "parent_id": parent and self.ref(Organization, parent),
                "website": record.get("website", ""),
                "description": record.get("description", ""),
                "status": Status.PUBLISHED,
                **translations("ORGANIZATIONS", record["slug"]),
            },
        )

    def load_source(self, record):
        self.source = self.sync(
            Source,
            {"slug": record["slug"]},
            {
                "title": record["title"],
                "kind": record["kind"],
                "publisher_id": self.ref(Organization, record["publisher"]),
                "url": record["url"],
                **partial_date(record, "published_on"),
                "language": record["language"],
                "notes": record["notes"],
                "status": Status.PUBLISHED,
                **translations("SOURCE", None),
            },
        )
        return self.source

    def load_person(self, record):
        person = self.sync(
            Person,
            {"slug": record["slug"]},
            {
                "name": record["name"],
                "honorific": record.get("honorific", ""),
                "country_id": self.ref(Place, record["country"]),
                "bio": record.get("bio", ""),
                "status": Status.PUBLISHED,
                **translations("PEOPLE", record["slug"]),
            },
        )
        self.cite(person, record["citations"])
        return person

    def load_event(self, record):
        place = record.get("place")
        event = self.sync(
            Event,
            {"slug": record["slug"]},
            {
                "title": record["title"],
                "summary": record["summary"],
                "body": record.get("body", ""),
                "kind": record["kind"],
                **partial_date(record, "date"),
                "end_date": None,
                "place_id": place and self.ref(Place, place),
                "status": Status.PUBLISHED,
                **translations("EVENTS", record["slug"]),
            },
            m2m={
                "organizations": self.refs(
                    Organization, record.get("organizations", [])
                )
            },
        )
        for position, participant in enumerate(record.get("participants", [])):
            self.sync(
                Participation,
                {"event": event, "person_id": self.ref(Person, participant["person"])},
                {
                    "role": participant["role"],
                    "side": participant["side"],
                    "position": position,
                    **translations(
                        "PARTICIPATIONS", (record["slug"], participant["person"])
                    ),
                },
            )
        self.cite(event, record["citations"])
        return event

    def load_agreement(self, record):
        event = record.get("event")
        agreement = self.sync(
            Agreement,
            {"slug": record["slug"]},
            {
                "title": record["title"],
                "summary": record["summary"],
                "body": record.get("body", ""),
                "kind": record["kind"],
                **partial_date(record, "signed_on"),
                "event_id": event and self.ref(Event, event),
                "agreement_status": record.get("agreement_status", "signed"),
                "status": Status.PUBLISHED,
                **translations("AGREEMENTS", record["slug"]),
            },
            m2m={"parties": self.refs(Organization, record.get("parties", []))},
        )
        self.cite(agreement, record["citations"])
        return agreement

    def load_project(self, record):
        sector = Sector.objects.filter(slug=record["sector"]).first()
        if sector is None:
            raise CommandError(f"No sector {record['sector']!r}: run migrate first.")
        project = self.sync(
            Project,
            {"slug": record["slug"]},
            {
                "title": record["title"],
                "summary": record["summary"],
                "body": record.get("body", ""),
                "sector_id": sector.pk,
                "project_status": record["project_status"],
                "direction": record["direction"],
                "capacity_value": record.get("capacity_value"),
                "capacity_unit": record.get("capacity_unit", ""),
                "investment_amount": record.get("investment_amount"),
                "investment_currency": record.get("investment_currency", ""),
                **partial_date(record, "start_date"),
                **partial_date(record, "end_date"),
                "featured": record.get("featured", False),
                "status": Status.PUBLISHED,
                **translations("PROJECTS", record["slug"]),
            },
            m2m={
                "places": self.refs(Place, record.get("places", [])),
                "events": self.refs(Event, record.get("events", [])),
                "agreements": self.refs(Agreement, record.get("agreements", [])),
            },
        )
        for position, partner in enumerate(record.get("partners", [])):
            self.sync(
                Partner,
                {
                    "project": project,
                    "organization_id": self.ref(Organization, partner["organization"]),
                    "role": partner["role"],
                },
                {"position": position},
            )
        for position, milestone in enumerate(record.get("milestones", [])):
            self.sync(
                Milestone,
                {"project": project, "title": milestone["title"]},
                {
                    **partial_date(milestone, "date"),
                    "position": position,
                    **translations("MILESTONES", (record["slug"], milestone["title"])),
                },
            )
        self.cite(project, record["citations"])
        return project

    def load_indicator(self, record, position):
        indicator = self.sync(
            Indicator,
            {"slug": record["slug"]},
            {
                "name": record["name"],
                "unit": record.get("unit", ""),
                "currency": record.get("currency", ""),
                "description": record.get("description", ""),
                "position": position,
                "status": Status.PUBLISHED,
                **translations("INDICATORS", record["slug"]),
            },
        )
        self.cite(indicator, record["citations"])
        for observation in record["observations"]:
            first, last = observation["period"]
            start, precision = parse_partial(first)
            end, end_precision = parse_partial(last)
            if end_precision != precision:
                raise CommandError(f"{record['slug']}: a period has one precision.")
            saved = self.sync(
                Observation,
                {
                    "indicator": indicator,
                    "period_start": start,
                    "period_end": period_end(end, precision),
                },
                {
                    "period_precision": precision,
                    "value": observation["value"],
                    "value_qualifier": observation.get("value_qualifier", ""),
                    "change_percent": observation.get("change_percent"),
                    "change_qualifier": observation.get("change_qualifier", ""),
                    "note": observation.get("note", ""),
                    **translations("OBSERVATIONS", (record["slug"], first)),
                },
            )
            self.cite(saved, observation["citations"])
        return indicator


class Command(BaseCommand):
    help = (
        "Load the seed records drawn from Ambassador Lu Mei's interview with APA. "
        "Safe to run again: only rows that differ from portal/seed_data.py change."
    )

    def handle(self, *args, **options):
        loader = Loader()
        # English is what seed_data holds; the other languages' columns are named.
        # Every record the load creates or changes gets a version in its history.
        with transaction.atomic(), translation.override("en"):
            loader.load()
        # Records loaded before history existed get their first version too, one
        # revision per record. Records come before the rows they own: a record's
        # first version then holds its rows (createinitialrevisions follows
        # them) instead of each row getting a revision of its own first.
        ours = [
            model
            for model in reversion.get_registered_models()
            if model._meta.app_label in ("portal", "events", "projects")
        ]
        for models in history.owners_first(ours):
            call_command(
                "createinitialrevisions",
                *(model._meta.label for model in models),
                comment="Initial version",
                verbosity=0,
            )
        counts = loader.counts
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Seed records: {counts['created']} created, {counts['updated']} "
                f"updated, {counts['unchanged']} unchanged."
            )
