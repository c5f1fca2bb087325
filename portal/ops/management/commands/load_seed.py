"""Loads the seed records (the JSON files in portal/seed/, described in its
README.md) drawn from Ambassador Lu Mei's interview with the APA news agency.

Idempotent: every row is looked up by its natural key and saved only when a value
differs, so a second run changes nothing, not even `updated_at`, and adds no
version to any history.

Each record is saved in a revision of its own, with its own rows (participants,
citations, partners, milestones, observations): a version in a record's history
holds that record alone, so reverting it can touch nothing else.

The files are read and checked whole before anything is written: a key no
loader reads (a typo), a date that is not a partial date, a language the site
does not have or a quote that is not in quotes.json stops the command, naming
the file and the record.

Records are published as an editor publishes them, once their citations are
in place: one without a quoted citation (an indicator: or an observation
without its own) stops the command (portal/core/workflow.py).
"""

import json
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from events.models import Agreement, Event, Participation
from portal.core import history, workflow
from portal.core.dates import PartialDate, Precision
from portal.core.models import (
    Citation,
    Indicator,
    Observation,
    Office,
    Organization,
    Person,
    Place,
    Source,
    Status,
)
from projects.models import Milestone, Partner, Project, Sector

SEED = Path(settings.BASE_DIR) / "portal" / "seed"

# The files of records, in the order they load (records refer back to earlier
# ones), and the keys each record may have. "//" is a comment, in any record.
# quotes.json holds what the records cite.
FILES = {
    "places": {
        "slug",
        "name",
        "kind",
        "parent",
        "country_code",
        "latitude",
        "longitude",
        "coordinates_approximate",
    },
    "organisations": {
        "slug",
        "name",
        "acronym",
        "kind",
        "country",
        "parent",
        "website",
        "description",
        "editor_note",
        "citations",
    },
    "source": {
        "slug",
        "title",
        "kind",
        "publisher",
        "url",
        "published_on",
        "language",
        "notes",
        "editor_note",
    },
    "people": {
        "slug",
        "name",
        "honorific",
        "offices",
        "country",
        "bio",
        "editor_note",
        "citations",
    },
    "events": {
        "slug",
        "title",
        "summary",
        "body",
        "kind",
        "date",
        "place",
        "participants",
        "organizations",
        "editor_note",
        "citations",
    },
    "agreements": {
        "slug",
        "title",
        "summary",
        "body",
        "kind",
        "signed_on",
        "event",
        "parties",
        "agreement_status",
        "editor_note",
        "citations",
    },
    "projects": {
        "slug",
        "title",
        "summary",
        "body",
        "sector",
        "project_status",
        "direction",
        "places",
        "capacity_value",
        "capacity_unit",
        "investment_amount",
        "investment_currency",
        "start_date",
        "end_date",
        "partners",
        "milestones",
        "events",
        "agreements",
        "featured",
        "editor_note",
        "citations",
    },
    "indicators": {
        "slug",
        "name",
        "unit",
        "currency",
        "description",
        "editor_note",
        "citations",
        "observations",
    },
}
# The rows a record owns, by the key that lists them.
ROWS = {
    "offices": {"title", "organization", "start", "end", "ended", "citations"},
    "participants": {"person", "role", "side", "citations"},
    "partners": {"organization", "role"},
    "milestones": {"title", "date"},
    "observations": {
        "period",
        "value",
        "value_qualifier",
        "change_percent",
        "change_qualifier",
        "note",
        "citations",
    },
}
COMMENT_KEY = "//"
# Keys that hold a partial date ("1994", "2025-09", "c. 2025"…).
DATES = {
    "published_on",
    "date",
    "signed_on",
    "start_date",
    "end_date",
    "start",
    "end",
}

ENGLISH = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def read_seed(directory=None):
    """Every seed file of `directory` (default: SEED), read and checked:
    {"places": [...], "source": {...}, "quotes": {...}…}. A file that breaks a
    rule is a CommandError naming it and the record."""
    directory = SEED if directory is None else directory
    seed = {name: _read(directory / f"{name}.json") for name in [*FILES, "quotes"]}
    quotes, locators = seed["quotes"]["quotes"], seed["quotes"]["locators"]
    for key, locator in locators.items():
        _check_texts(locator, f"quotes.json, locator {key!r}")
    for key, quote in quotes.items():
        _check(quote, {"locator", "text"}, f"quotes.json, quote {key!r}")
        if quote["locator"] not in locators:
            raise CommandError(
                f"quotes.json, quote {key!r}: no locator {quote['locator']!r}."
            )
    for name, keys in FILES.items():
        records = seed[name] if isinstance(seed[name], list) else [seed[name]]
        for record in records:
            where = f"{name}.json, {record.get('slug', 'a record')}"
            _check(record, keys, where)
            for cited in _citations(record):
                if cited not in quotes:
                    raise CommandError(f"{where}: no quote {cited!r} in quotes.json.")
    return seed


def _read(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"{path}: {error}") from None


def _check(record, keys, where):
    unknown = set(record) - keys - {COMMENT_KEY}
    if unknown:
        raise CommandError(f"{where}: unknown keys {', '.join(sorted(unknown))}.")
    for key, value in record.items():
        if isinstance(value, dict):
            _check_texts(value, f"{where}, {key}")
        if key in ROWS:
            for row in value:
                _check(row, ROWS[key], f"{where}, {key}")
        try:
            if key in DATES and value:
                PartialDate.parse(value)
            if key == "period":
                for text in value:
                    PartialDate.parse(text)
        except ValueError as error:
            raise CommandError(f"{where}, {key}: {error}") from None


def _check_texts(texts, where):
    """A text in several languages: {"en": …, "az": …, "zh-hans": …}."""
    if ENGLISH not in texts or set(texts) - set(LANGUAGES):
        raise CommandError(
            f"{where}: a text gives {', '.join(LANGUAGES)}, English always; "
            f"not {', '.join(texts)}."
        )


def _citations(record):
    yield from record.get("citations", [])
    for name in ("observations", "offices", "participants"):
        for row in record.get(name, []):
            yield from row.get("citations", [])


def texts(record, name):
    """The columns of the text `name`: `"title": {"en": …, "az": …}` gives
    title (English, the active language), title_az and title_zh_hans. A plain
    string is English alone; a language not given leaves its column as it is
    in the database."""
    value = record.get(name, "")
    if isinstance(value, str):
        return {name: value}
    return {
        name if code == ENGLISH else build_localized_fieldname(name, code): text
        for code, text in value.items()
    }


def every_language(name, text):
    """The columns of the text `name`, each set to `text`."""
    return {
        name if code == ENGLISH else build_localized_fieldname(name, code): text
        for code in LANGUAGES
    }


def partial_date(record, name):
    """The three model fields of the partial date `name` ("date", "signed_on"…)."""
    text = record.get(name)
    date = PartialDate.parse(text) if text else None
    return {
        name: date and date.value,
        f"{name}_precision": date.precision if date else Precision.DAY,
        f"{name}_approximate": bool(date and date.approximate),
    }


COMMENT = "Loaded from the seed records (load_seed)"


class Loader:
    def __init__(self, seed):
        self.seed = seed
        self.quotes = seed["quotes"]["quotes"]
        self.locators = seed["quotes"]["locators"]
        self.counts = Counter()
        self.loaded = {}

    @property
    def changes(self):
        counts = self.counts
        return counts["created"] + counts["updated"] + counts["deleted"]

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
                f"The seed refers to {model.__name__} {slug!r} before defining it."
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
        obj.seed_state = state
        if "slug" in lookup:
            self.loaded[model, lookup["slug"]] = obj.pk
        return obj

    def cite(self, obj, citations):
        """The quotes `citations` names (keys of quotes.json), in that order."""
        content_type = ContentType.objects.get_for_model(obj)
        for position, key in enumerate(citations):
            quote = self.quotes[key]
            self.sync(
                Citation,
                {
                    "source": self.source,
                    "content_type": content_type,
                    "object_id": obj.pk,
                    "quote": quote["text"],
                },
                {
                    "position": position,
                    **texts({"locator": self.locators[quote["locator"]]}, "locator"),
                },
            )

    def publish(self, record, name):
        """Publishes a record whose citations are in place, as the workflow
        allows (an unchanged published record is left alone); one without a
        quoted source stops the load, naming it."""
        try:
            workflow.require_sources(record)
        except workflow.Unsourced as refusal:
            raise CommandError(f"{name}.json, {record.slug}: {refusal}") from None
        if record.status != Status.PUBLISHED:
            record.status = Status.PUBLISHED
            record.save()
            if record.seed_state == "unchanged":
                # Published again (an editor had taken it back): a change.
                self.counts["unchanged"] -= 1
                self.counts["updated"] += 1

    def load(self):
        seed = self.seed
        for record in seed["places"]:
            self.in_revision(self.load_place, record)
        # Organisations cite the source, and the source's publisher is an
        # organisation: each organisation is saved first, outside any revision,
        # and gets its version, citations included, once the source exists.
        organizations = []
        for record in seed["organisations"]:
            before = self.changes
            organizations.append(
                (self.load_organization(record), self.changes != before, record)
            )
        self.in_revision(self.load_source, seed["source"])
        for organization, changed, record in organizations:
            with self.revision(changed) as keep:
                self.cite(organization, record.get("citations", []))
                self.publish(organization, "organisations")
                keep(organization)
        for record in seed["people"]:
            self.in_revision(self.load_person, record)
        for record in seed["events"]:
            self.in_revision(self.load_event, record)
        for record in seed["agreements"]:
            self.in_revision(self.load_agreement, record)
        for record in seed["projects"]:
            self.in_revision(self.load_project, record)
        for position, record in enumerate(seed["indicators"]):
            self.in_revision(self.load_indicator, record, position)

    def load_place(self, record):
        return self.sync(
            Place,
            {"slug": record["slug"]},
            {
                **texts(record, "name"),
                "kind": record["kind"],
                "parent_id": record.get("parent") and self.ref(Place, record["parent"]),
                "country_code": record["country_code"],
                "latitude": record.get("latitude"),
                "longitude": record.get("longitude"),
                "coordinates_approximate": record.get("coordinates_approximate", False),
            },
        )

    def load_organization(self, record):
        parent = record.get("parent")
        country = record.get("country")
        return self.sync(
            Organization,
            {"slug": record["slug"]},
            {
                **texts(record, "name"),
                **texts(record, "acronym"),
                "kind": record["kind"],
                "country_id": country and self.ref(Place, country),
                "parent_id": parent and self.ref(Organization, parent),
                "website": record.get("website", ""),
                **texts(record, "description"),
                **texts(record, "editor_note"),
            },
        )

    def load_source(self, record):
        self.source = self.sync(
            Source,
            {"slug": record["slug"]},
            {
                **texts(record, "title"),
                "kind": record["kind"],
                "publisher_id": self.ref(Organization, record["publisher"]),
                "url": record["url"],
                **partial_date(record, "published_on"),
                "language": record["language"],
                **texts(record, "notes"),
                **texts(record, "editor_note"),
                "status": Status.PUBLISHED,
            },
        )
        return self.source

    def load_person(self, record):
        stored = Person.objects.filter(slug=record["slug"]).first()
        person = self.sync(
            Person,
            {"slug": record["slug"]},
            {
                **texts(record, "name"),
                # No short title: none in any language.
                **(
                    texts(record, "honorific")
                    if "honorific" in record
                    else every_language("honorific", "")
                ),
                "country_id": self.ref(Place, record["country"]),
                **texts(record, "bio"),
                **texts(record, "editor_note"),
            },
        )
        offices = record.get("offices", [])
        if stored is not None:
            self.drop_copied_office(stored, offices)
        for position, office in enumerate(offices):
            self.load_office(person, office, position)
        self.cite(person, record.get("citations", []))
        self.publish(person, "people")
        return person

    def load_office(self, person, record, position):
        # Found again by its English title, which the other languages follow.
        title = texts(record, "title")
        organization = record.get("organization")
        office = self.sync(
            Office,
            {"person": person, "title": title.pop("title")},
            {
                **title,
                "organization_id": organization
                and self.ref(Organization, organization),
                **partial_date(record, "start"),
                **partial_date(record, "end"),
                "ended": record.get("ended", False),
                "position": position,
            },
        )
        self.cite(office, record.get("citations", []))

    def drop_copied_office(self, person, offices):
        """The migration that brought offices (portal 0016) copied each
        person's short title into an office of that title, undated and
        uncited. Where the seed now gives the person other offices, that copy
        goes: it was the old short title, not an office the seed holds."""
        old = person.honorific_en
        if not old or old in {texts(office, "title")["title"] for office in offices}:
            return
        copies = Office.objects.filter(
            person=person,
            title_en=old,
            start__isnull=True,
            end__isnull=True,
            ended=False,
        ).exclude(
            pk__in=Citation.objects.filter(
                content_type=ContentType.objects.get_for_model(Office)
            ).values("object_id")
        )
        for copy in copies:
            copy.delete()
            self.counts["deleted"] += 1

    def load_event(self, record):
        place = record.get("place")
        event = self.sync(
            Event,
            {"slug": record["slug"]},
            {
                **texts(record, "title"),
                **texts(record, "summary"),
                **texts(record, "body"),
                "kind": record["kind"],
                **partial_date(record, "date"),
                "end_date": None,
                "place_id": place and self.ref(Place, place),
                **texts(record, "editor_note"),
            },
            m2m={
                "organizations": self.refs(
                    Organization, record.get("organizations", [])
                )
            },
        )
        for position, participant in enumerate(record.get("participants", [])):
            row = self.sync(
                Participation,
                {"event": event, "person_id": self.ref(Person, participant["person"])},
                {
                    **texts(participant, "role"),
                    "side": participant["side"],
                    "position": position,
                },
            )
            self.cite(row, participant.get("citations", []))
        self.cite(event, record.get("citations", []))
        self.publish(event, "events")
        return event

    def load_agreement(self, record):
        event = record.get("event")
        agreement = self.sync(
            Agreement,
            {"slug": record["slug"]},
            {
                **texts(record, "title"),
                **texts(record, "summary"),
                **texts(record, "body"),
                "kind": record["kind"],
                **partial_date(record, "signed_on"),
                "event_id": event and self.ref(Event, event),
                "agreement_status": record.get("agreement_status", "signed"),
                **texts(record, "editor_note"),
            },
            m2m={"parties": self.refs(Organization, record.get("parties", []))},
        )
        self.cite(agreement, record.get("citations", []))
        self.publish(agreement, "agreements")
        return agreement

    def load_project(self, record):
        sector = Sector.objects.filter(slug=record["sector"]).first()
        if sector is None:
            raise CommandError(f"No sector {record['sector']!r}: run migrate first.")
        project = self.sync(
            Project,
            {"slug": record["slug"]},
            {
                **texts(record, "title"),
                **texts(record, "summary"),
                **texts(record, "body"),
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
                **texts(record, "editor_note"),
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
            # Found again by its English title, which the other languages follow.
            title = texts(milestone, "title")
            self.sync(
                Milestone,
                {"project": project, "title": title.pop("title")},
                {**partial_date(milestone, "date"), "position": position, **title},
            )
        self.cite(project, record.get("citations", []))
        self.publish(project, "projects")
        return project

    def load_indicator(self, record, position):
        indicator = self.sync(
            Indicator,
            {"slug": record["slug"]},
            {
                **texts(record, "name"),
                **texts(record, "unit"),
                "currency": record.get("currency", ""),
                **texts(record, "description"),
                "position": position,
                **texts(record, "editor_note"),
            },
        )
        self.cite(indicator, record.get("citations", []))
        for observation in record["observations"]:
            first, last = (PartialDate.parse(text) for text in observation["period"])
            if (
                first.precision != last.precision
                or first.approximate
                or last.approximate
            ):
                raise CommandError(
                    f"{record['slug']}: a period is two dates of one precision, "
                    "neither approximate."
                )
            saved = self.sync(
                Observation,
                {
                    "indicator": indicator,
                    "period_start": first.value,
                    "period_end": last.last_day,
                },
                {
                    "period_precision": first.precision,
                    "value": observation["value"],
                    "value_qualifier": observation.get("value_qualifier", ""),
                    "change_percent": observation.get("change_percent"),
                    "change_qualifier": observation.get("change_qualifier", ""),
                    **texts(observation, "note"),
                },
            )
            self.cite(saved, observation.get("citations", []))
        self.publish(indicator, "indicators")
        return indicator


class Command(BaseCommand):
    help = (
        "Load the seed records drawn from Ambassador Lu Mei's interview with APA. "
        "Safe to run again: only rows that differ from portal/seed/ change."
    )

    def handle(self, *args, **options):
        loader = Loader(read_seed())
        # English is the active language: `title` is title_en; the other
        # languages' columns are named. Every record the load creates or changes
        # gets a version in its history.
        with transaction.atomic(), translation.override(ENGLISH):
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
                f"updated, {counts['unchanged']} unchanged"
                + (f", {counts['deleted']} deleted." if counts["deleted"] else ".")
            )
