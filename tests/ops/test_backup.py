"""`manage.py backup` and `manage.py restore`: a backup restored into an empty
database gives back every row of every table (records, their translations,
their versions, many-to-many links), on whichever engine the suite runs.

The restore runs in a separate process pointed at a new, empty database by
DATABASE_URL, as an operator would run it.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import reversion
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from reversion.models import Version

from portal.core.models import Place

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of every table, as JSON-ready lists ordered by primary key."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed:
            continue
        columns = [field.attname for field in opts.concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*columns)
        tables[opts.db_table] = json.loads(
            json.dumps(list(rows), cls=DjangoJSONEncoder)
        )
    return tables


CHECK_SCRIPT = (
    "import json, django; django.setup(); "
    "from tests.ops.test_backup import snapshot; print(json.dumps(snapshot()))"
)

TABLES_SCRIPT = (
    "import json, django; django.setup(); from django.db import connection; "
    "print(json.dumps(connection.introspection.table_names()))"
)


def manage(database_url, *argv, script=None):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    command = ["-c", script] if script else ["manage.py", *argv]
    return subprocess.run(
        [sys.executable, *command],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def empty_database(tmp_path):
    """The address of a new, empty database of the engine under test."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"portal_restore_{uuid.uuid4().hex[:12]}"
    # A connection of its own: CREATE DATABASE cannot run inside the test's
    # transaction.
    server = connection.get_connection_params()
    with psycopg.connect(**server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(**server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def records():
    """The seed records, plus one with every language and a version of its own."""
    call_command("load_seed", "--interview-only", verbosity=0)
    with reversion.create_revision():
        reversion.set_comment("Backup test")
        place = Place.objects.create(
            name_en="Ganja",
            name_az="Gəncə",
            name_zh_hans="占贾",
            slug="ganja-backup-test",
            kind="city",
        )
    return place


# pg_dump, in its own process, sees only committed rows, so this test commits
# (transaction=True); serialized_rollback puts back the rows the migrations made
# (sectors, groups), which the flush after such a test removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_gives_back_every_row(tmp_path, records, empty_database):
    backup = tmp_path / "portal.backup"
    call_command("backup", str(backup), verbosity=0)
    original = snapshot()

    restored = manage(empty_database, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    checked = manage(empty_database, script=CHECK_SCRIPT)
    assert checked.returncode == 0, checked.stderr
    copy = json.loads(checked.stdout)

    assert copy.keys() == original.keys()
    for table, rows in original.items():
        assert copy[table] == rows, f"{table} differs after the restore"
    # The comparison covered the records that matter, not just empty tables.
    place = next(row for row in copy["portal_place"] if "Gəncə" in row)
    assert "占贾" in place
    assert Version.objects.get_for_object(records).count() == 1
    for table in ("reversion_version", "reversion_revision", "events_event"):
        assert copy[table], f"{table} is empty"
    assert copy["events_event_organizations"], "no many-to-many link was compared"


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    backup = tmp_path / "portal.backup"
    call_command("backup", str(backup), verbosity=0)
    Place.objects.create(name="Ganja", slug="ganja", kind="city")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup), verbosity=0)
    assert Place.objects.filter(slug="ganja").exists()


def test_a_failed_backup_leaves_no_file(tmp_path, monkeypatch):
    target = tmp_path / "portal.backup"
    if connection.vendor == "postgresql":
        # A pg_dump that fails part-way, after writing some of the archive.
        fake = tmp_path / "bin" / "pg_dump"
        fake.parent.mkdir()
        fake.write_text(
            "#!/bin/sh\n"
            'case "$1" in --version) echo "pg_dump (PostgreSQL) 99.0"; exit 0;; esac\n'
            'for a; do case "$a" in --file=*) echo PGDMP-partial > "${a#--file=}";; '
            "esac; done\necho 'connection lost' >&2; exit 1\n"
        )
        fake.chmod(0o755)
        monkeypatch.setenv("PATH", f"{fake.parent}:{os.environ['PATH']}")
        match = "connection lost"
    else:
        # The database goes away under the copy.
        monkeypatch.setattr(
            "portal.ops.management.commands.backup.Command.dump_sqlite",
            lambda *args: (_ for _ in ()).throw(CommandError("SQLite backup failed")),
        )
        match = "SQLite backup failed"
    with pytest.raises(CommandError, match=match):
        call_command("backup", str(target), verbosity=0)
    assert list(tmp_path.glob("*portal.backup*")) == []


def test_a_backup_into_a_missing_folder_fails_clearly(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("backup", str(tmp_path / "nowhere" / "portal.backup"))


def test_restore_refuses_a_damaged_file_and_changes_nothing(tmp_path, empty_database):
    backup = tmp_path / "portal.backup"
    call_command("backup", str(backup), verbosity=0)
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(backup.read_bytes()[: backup.stat().st_size // 3])

    result = manage(empty_database, "restore", str(damaged))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr  # a message, not a crash
    assert result.stderr.strip()
    checked = manage(empty_database, script=TABLES_SCRIPT)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout) == []


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    stray = Path(tmp_path / "notes.txt")
    stray.write_text("not a backup")
    with pytest.raises(CommandError, match="is not a"):
        call_command("restore", str(stray))
