"""`manage.py export_records FILE`: every record as a records bundle
(docs/bundle-format.md), drafts included: for moving a whole portal's record,
not for readers (they have the open data downloads)."""

import json
import sys

from django.core.management.base import BaseCommand

from portal.editorial.bundle import export_bundle


class Command(BaseCommand):
    help = "Write every record as a records bundle (JSON) to FILE, or - for stdout."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the bundle; - for stdout.")

    def handle(self, *args, file, **options):
        text = json.dumps(export_bundle(), ensure_ascii=False, indent=1) + "\n"
        if file == "-":
            sys.stdout.write(text)
        else:
            with open(file, "w", encoding="utf-8") as out:
                out.write(text)
