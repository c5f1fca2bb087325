"""Makes the site search's documents (portal/search/documents.py) again from the
records: after a bulk load that sent no signals (bench/synth.py, an import by
SQL), a restore of a backup made before the documents existed, or a change
of what is searched."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from portal.search import documents


class Command(BaseCommand):
    help = (
        "Build the site search's documents for every published record, in batches "
        "(PostgreSQL; SQLite searches the records themselves)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=documents.BATCH_SIZE,
            help="Records read and written at a time (default %(default)s).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, batch_size, database, verbosity, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if database not in connections:
            raise CommandError(f"No database called “{database}”.")
        if connections[database].vendor != "postgresql":
            self.stdout.write(
                "Nothing to build: on SQLite the search reads the records themselves."
            )
            return

        def progress(model_label, written):
            if verbosity > 1:
                self.stdout.write(f"  {model_label}: {written:,} documents")

        built = documents.build_all(
            using=database, batch_size=batch_size, progress=progress
        )
        for model_label, (count, seconds) in built.items():
            self.stdout.write(f"{model_label}: {count:,} documents in {seconds:.1f} s")
        total = sum(count for count, _seconds in built.values())
        seconds = sum(seconds for _count, seconds in built.values())
        self.stdout.write(
            self.style.SUCCESS(f"{total:,} search documents in {seconds:.1f} s.")
        )
