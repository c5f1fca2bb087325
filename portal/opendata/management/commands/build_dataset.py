"""manage.py build_dataset: the full dataset of published records, a dated ZIP
file per language in media, served at /<lang>/data/portal-dataset.zip
(portal/opendata/dataset.py). Run it after loading records and on a schedule."""

import time

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from portal.opendata import dataset


class Command(BaseCommand):
    help = (
        "Builds the full dataset (every published record, CSV and JSON) as a "
        "dated ZIP file per language, served at /<lang>/data/portal-dataset.zip."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            metavar="CODE",
            help="Build only this language (again for more); all by default.",
        )

    def handle(self, *args, languages=None, **options):
        known = [code for code, _name in settings.LANGUAGES]
        languages = languages or known
        unknown = sorted(set(languages) - set(known))
        if unknown:
            raise CommandError(
                f"Unknown language {', '.join(unknown)}; use one of {', '.join(known)}."
            )
        for language in languages:
            started = time.monotonic()
            name = dataset.build(language)
            self.stdout.write(
                f"{language}: {name} ({default_storage.size(name):,} bytes) "
                f"in {time.monotonic() - started:.1f} s"
            )
