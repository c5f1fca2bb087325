"""`manage.py import_records FILE`: the records bundle import the admin offers
(docs/bundle-format.md), for staff with shell access."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.core.models import Status
from portal.editorial.bundle import BundleError, Importer, read
from portal.editorial.workbook import bundle_from_sheets, sheets_of


class Command(BaseCommand):
    help = (
        "Import a records bundle (JSON, docs/bundle-format.md): all or nothing; "
        "running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            help="The bundle: a JSON file, an .xlsx workbook or a .zip of CSV files.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the records the bundle creates (each needs a quoted "
            "citation). Without it new records are drafts.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what the import would do, and write nothing.",
        )
        parser.add_argument(
            "--duplicates",
            choices=("ask", "create", "skip"),
            default="ask",
            help="What to do with new records that look like existing ones: "
            "stop and list them (ask, the default), create them anyway, or skip them.",
        )
        parser.add_argument(
            "--merge",
            action="append",
            default=[],
            metavar="NEW=EXISTING",
            help="Import the bundle's record NEW into the existing record EXISTING.",
        )

    def handle(self, *args, file, publish, dry_run, duplicates, merge, **options):
        try:
            if file.lower().endswith((".xlsx", ".zip")):
                bundle = bundle_from_sheets(sheets_of(file, Path(file).read_bytes()))
                text = json.dumps(bundle)
            else:
                text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: {error}") from None
        except BundleError as error:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"- {e}" for e in error.errors)
            ) from None
        decisions = {}
        for pair in merge:
            new, sep, existing = pair.partition("=")
            if not sep or not new or not existing:
                raise CommandError(f"--merge {pair}: write NEW=EXISTING.")
            decisions[new] = f"merge:{existing}"
        try:
            bundle = read(text)
            importer = Importer(
                bundle,
                status=Status.PUBLISHED if publish else Status.DRAFT,
                decisions=decisions,
            )
            report = importer.plan() if dry_run else None
            if not dry_run:
                if duplicates != "ask":
                    planned = Importer(
                        bundle, status=importer.status, decisions=decisions
                    ).plan()
                    for record in planned.duplicates:
                        decisions.setdefault(record.slug, duplicates)
                    importer = Importer(
                        bundle, status=importer.status, decisions=decisions
                    )
                report = importer.run()
        except BundleError as error:
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"- {e}" for e in error.errors)
            ) from None
        verbosity = options["verbosity"]
        for record in report.records:
            if verbosity > 1 or record.duplicates or (verbosity > 0 and record.changed):
                line = f"{record.section} {record.slug}: {record.action}"
                if record.fields:
                    line += f" ({', '.join(record.fields)})"
                if record.rows:
                    line += "; " + ", ".join(
                        f"{n} {k}" for k, n in sorted(record.rows.items())
                    )
                if record.duplicates:
                    line += f"; looks like {', '.join(record.duplicates)}"
                self.stdout.write(line)
        prefix = "Would import" if dry_run else "Imported"
        self.stdout.write(f"{prefix}: {report.summary()}")
