"""Restores a backup written by `manage.py backup` into the configured database.

The database should be empty (freshly created): the command refuses one that
already holds tables unless --force is given, so a mistyped DATABASE_URL cannot
overwrite a live site. A restore is all or nothing: PostgreSQL's runs in one
transaction (pg_restore --single-transaction), SQLite's is one backup-API step.
"""

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from portal.ops.management.commands.backup import (
    PG_MAGIC,
    SQLITE_MAGIC,
    check_pg_version,
    engine,
    pg_program,
    run_pg,
)


class Command(BaseCommand):
    help = (
        "Restore a backup written by `manage.py backup` into the configured "
        "database, which must be empty unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file to restore.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the tables of a database that is not empty.",
        )

    def handle(self, *args, path, database, force, **options):
        connection = connections[database]
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No backup file at {source}.")
        kind = engine(connection)
        with source.open("rb") as file:
            head = file.read(len(SQLITE_MAGIC))
        magic = PG_MAGIC if kind == "postgresql" else SQLITE_MAGIC
        if not head.startswith(magic):
            raise CommandError(
                f"{source} is not a {kind} backup written by `manage.py backup`."
            )
        tables = connection.introspection.table_names()
        if tables and not force:
            raise CommandError(
                f"The database {connection.settings_dict['NAME']} is not empty "
                f"({len(tables)} tables). Restore into a new, empty database, or "
                "give --force to replace its tables."
            )
        if kind == "postgresql":
            self.restore_postgresql(connection, source)
        else:
            self.restore_sqlite(connection, source)
        self.stdout.write(f"Restored {source} into {connection.settings_dict['NAME']}.")

    def restore_postgresql(self, connection, source):
        program = pg_program("pg_restore")
        check_pg_version(connection, program)
        # Reads the archive's table of contents first: a damaged or truncated
        # file fails here, before anything is touched.
        run_pg([program, "--list", str(source)], connection.settings_dict)
        connection.close()
        run_pg(
            [
                program,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--no-password",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ],
            connection.settings_dict,
        )

    def restore_sqlite(self, connection, source):
        try:
            backup = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)
        except sqlite3.Error as error:
            raise CommandError(f"Cannot open {source}: {error}") from None
        try:
            check = backup.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise CommandError(f"{source} is damaged: {check}")
            connection.ensure_connection()
            # One step (pages=-1) replaces the whole database at once.
            backup.backup(connection.connection)
        except sqlite3.Error as error:
            raise CommandError(f"SQLite restore failed: {error}") from None
        finally:
            backup.close()
            connection.close()
