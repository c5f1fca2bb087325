"""Writes a consistent backup of the whole database to one file.

PostgreSQL: `pg_dump --format=custom` (restore with `manage.py restore`, or by hand
with pg_restore). SQLite: the sqlite3 online backup API, so a running site keeps
serving while the copy is taken. Either way the file appears only when complete:
it is written next to its final name and renamed into place.
"""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

# The first bytes of each kind of backup, so restore can tell them apart.
PG_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"


def engine(connection):
    if connection.vendor == "postgresql":
        return "postgresql"
    if connection.vendor == "sqlite":
        return "sqlite"
    raise CommandError(f"Backups of a {connection.vendor} database are not supported.")


def pg_program(name):
    """The path of pg_dump or pg_restore: from PATH, else from `pg_config --bindir`,
    else the newest Debian-style /usr/lib/postgresql/NN/bin."""
    found = shutil.which(name)
    if found:
        return found
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = subprocess.run(
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        candidate = Path(bindir) / name
        if bindir and candidate.is_file():
            return str(candidate)
    installed = [
        path
        for path in Path("/usr/lib/postgresql").glob(f"*/bin/{name}")
        if path.parent.parent.name.isdigit()
    ]
    if installed:
        return str(max(installed, key=lambda path: int(path.parent.parent.name)))
    raise CommandError(
        f"{name} was not found on PATH or in `pg_config --bindir`. Install the "
        "PostgreSQL client programs (Debian: postgresql-client) of the server's "
        "major version or newer."
    )


def pg_major(program):
    """The major version of a PostgreSQL client program: 15 for "pg_dump 15.4"."""
    output = subprocess.run(
        [program, "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    if not match:
        raise CommandError(f"Could not read the version of {program}: {output!r}")
    return int(match.group(1))


def check_pg_version(connection, program):
    connection.ensure_connection()
    server = connection.pg_version // 10000
    client = pg_major(program)
    if client < server:
        raise CommandError(
            f"{program} is version {client} but the server runs PostgreSQL {server}; "
            f"{Path(program).name} must be version {server} or newer. Install it and "
            "put it on PATH first."
        )


def pg_env(settings_dict):
    """libpq's environment for the configured database: the password travels in
    PGPASSWORD, never on the command line where `ps` would show it."""
    env = os.environ.copy()
    options = settings_dict.get("OPTIONS", {})
    values = {
        "PGDATABASE": settings_dict["NAME"],
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGSSLMODE": options.get("sslmode"),
        "PGCONNECT_TIMEOUT": options.get("connect_timeout"),
    }
    for name, value in values.items():
        if value not in (None, ""):
            env[name] = str(value)
        else:
            env.pop(name, None)
    return env


def run_pg(argv, settings_dict):
    result = subprocess.run(
        argv, env=pg_env(settings_dict), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(
            f"{Path(argv[0]).name} failed (exit {result.returncode}):\n"
            f"{result.stderr.strip()}"
        )
    return result


def temporary_beside(path):
    """An empty file in the target's own folder (so the final rename is atomic)."""
    path = Path(path).resolve()
    if not path.parent.is_dir():
        raise CommandError(f"The folder {path.parent} does not exist.")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise CommandError(f"Cannot write in {path.parent}: {error}") from None
    os.close(fd)
    return Path(name)


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database to PATH: a pg_dump custom-format "
        "archive for PostgreSQL, a copy of the database file for SQLite. Restore "
        "it with `manage.py restore PATH`."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the backup file.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, path, database, **options):
        connection = connections[database]
        target = Path(path).resolve()
        if target.is_dir():
            raise CommandError(f"{target} is a folder; give a file name.")
        temporary = temporary_beside(target)
        try:
            if engine(connection) == "postgresql":
                self.dump_postgresql(connection, temporary)
            else:
                self.dump_sqlite(connection, temporary)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
        size = target.stat().st_size
        self.stdout.write(f"Backup written to {target} ({size:,} bytes).")

    def dump_postgresql(self, connection, temporary):
        program = pg_program("pg_dump")
        check_pg_version(connection, program)
        run_pg(
            [program, "--format=custom", "--no-password", f"--file={temporary}"],
            connection.settings_dict,
        )

    def dump_sqlite(self, connection, temporary):
        import sqlite3

        connection.ensure_connection()
        destination = sqlite3.connect(temporary)
        try:
            # One step (pages=-1): the copy is a single consistent snapshot.
            connection.connection.backup(destination)
        except sqlite3.Error as error:
            raise CommandError(f"SQLite backup failed: {error}") from None
        finally:
            destination.close()
