"""Loads the seed records (the JSON files in portal/seed/, described in its
README.md) drawn from Ambassador Lu Mei's interview with the APA news agency,
then the researched records of portal/seed/research/, through the records
bundle import (portal/editorial/bundle.py) editors use.

Idempotent: every row is looked up by its natural key and saved only when a value
differs, so a second run changes nothing, not even `updated_at`, and adds no
version to any history. A record an editor has since unpublished stays so.

Each record is saved in a revision of its own, with its own rows (participants,
citations, partners, milestones, observations): a version in a record's history
holds that record alone, so reverting it can touch nothing else.

The files are read and checked whole before anything is written: a key no
loader reads (a typo), a date that is not a partial date, a language the site
does not have or a quote that is not in quotes.json stops the command, naming
the file and the record.
"""

import json
from pathlib import Path

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.core import history
from portal.core.dates import PartialDate, Period
from portal.core.models import Citation, Office, Person, Status
from portal.editorial.bundle import FORMAT, BundleError, import_bundle, read

SEED = Path(settings.BASE_DIR) / "portal" / "seed"
# Records researched from other public sources, as records bundles
# (docs/bundle-format.md), loaded after the interview's.
RESEARCH = SEED / "research"

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
        "third_country",
        "places",
        "measures",
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
    "partners": {
        "organization",
        "role",
        "note",
        "reported_not_confirmed",
        "citations",
    },
    "milestones": {"kind", "title", "date", "citations"},
    "measures": {
        "kind",
        "qualifier",
        "value",
        "value_high",
        "unit",
        "currency",
        "per_unit",
        "as_of",
        "rank",
        "note",
        "citations",
    },
    "observations": {
        "period",
        "value",
        "value_qualifier",
        "change_percent",
        "change_qualifier",
        "note",
        "reported_by",
        "side",
        "rank",
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
    "as_of",
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


def read_bundle(path):
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"{path}: {error}") from None
    try:
        bundle = read(text)
    except BundleError as error:
        raise CommandError(f"{path}: {error}") from None
    return bundle


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
                Period.parse(*value)
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
    for rows in ROWS:
        for row in record.get(rows, []):
            yield from row.get("citations", [])


def drop_copied_offices(seed):
    """The migration that brought offices (portal 0018) copied each person's
    short title into an office of that title, undated and uncited. Where the
    seed now gives a seed person other offices, that copy goes: it was the old
    short title, not an office the seed holds. Returns how many went."""
    office_type = ContentType.objects.get_for_model(Office)
    dropped = 0
    for record in seed["people"]:
        person = Person.objects.filter(slug=record["slug"]).first()
        offices = record.get("offices", [])
        if person is None or not offices:
            continue
        old = person.honorific_en
        titles = {
            office["title"]["en"]
            if isinstance(office["title"], dict)
            else office["title"]
            for office in offices
        }
        if not old or old in titles:
            continue
        copies = Office.objects.filter(
            person=person, title_en=old, start__isnull=True, end__isnull=True
        ).exclude(ended=True)
        copies = copies.exclude(
            pk__in=Citation.objects.filter(content_type=office_type).values("object_id")
        )
        for copy in copies:
            with reversion.create_revision():
                reversion.set_comment("Short title replaced by the seed's offices")
                copy.delete()
                reversion.add_to_revision(person)
            dropped += 1
    return dropped


def as_bundle(seed):
    """The seed as a records bundle (portal/editorial/bundle.py): each
    citation's quote key resolved to the interview, its quote and its locator
    in every language."""
    quotes, locators = seed["quotes"]["quotes"], seed["quotes"]["locators"]
    source = seed["source"]["slug"]

    def cite(keys):
        return [
            {
                "source": source,
                "quote": quotes[key]["text"],
                "locator": locators[quotes[key]["locator"]],
            }
            for key in keys
        ]

    def resolved(record):
        record = dict(record)
        if "citations" in record:
            record["citations"] = cite(record["citations"])
        for key in ROWS:
            if key in record:
                record[key] = [
                    {**row, "citations": cite(row["citations"])}
                    if "citations" in row
                    else row
                    for row in record[key]
                ]
        return record

    bundle = {"format": FORMAT}
    for name in FILES:
        records = seed[name] if isinstance(seed[name], list) else [seed[name]]
        bundle[name] = [resolved(record) for record in records]
    for record in bundle["people"]:
        # No short title: none in any language (a past office is shown as
        # "then …" from the person's offices instead).
        record.setdefault("honorific", dict.fromkeys(LANGUAGES, ""))
    # The indicators' order on the site is the files' order.
    for position, record in enumerate(bundle["indicators"]):
        record["position"] = position
    return bundle


class Command(BaseCommand):
    help = (
        "Load the seed records drawn from Ambassador Lu Mei's interview with APA. "
        "Safe to run again: only rows that differ from portal/seed/ change."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interview-only",
            action="store_true",
            help="Load the interview's records and not the researched ones "
            "(portal/seed/research/): what most tests start from.",
        )

    def handle(self, *args, **options):
        research = [] if options["interview_only"] else sorted(RESEARCH.glob("*.json"))
        names = ["Seed records"]
        names += [f"Researched records ({path.name})" for path in research]
        seed = read_seed()
        bundles = [as_bundle(seed)] + [read_bundle(path) for path in research]
        # Every record the load creates or changes gets a version in its
        # history, one revision per record (portal/editorial/bundle.py).
        reports = []
        try:
            with transaction.atomic():
                dropped = drop_copied_offices(seed)
                for bundle in bundles:
                    reports.append(import_bundle(bundle, status=Status.PUBLISHED))
        except BundleError as error:
            raise CommandError("\n".join(error.errors)) from None
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
        if options["verbosity"] > 0:
            if dropped:
                self.stdout.write(
                    f"Short titles copied into offices, dropped: {dropped}"
                )
            for name, report in zip(names, reports, strict=True):
                self.stdout.write(f"{name}: {report.summary()}")
