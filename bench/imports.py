"""How long an import takes per row, to size IMPORT_MAX_ROWS and IMPORT_MAX_BYTES
(docs/import-format.md, "Limits"). Not part of `make bench`: run it by hand on
the machine the portal serves from, against SQLite or PostgreSQL:

    .venv/bin/python bench/imports.py --rows 500
    DATABASE_URL=postgres://postgres@127.0.0.1:55432/scratch \
        .venv/bin/python bench/imports.py --rows 500

It migrates a throwaway database (a temporary SQLite file, or the PostgreSQL
database named, whose tables it drops and re-creates: never point it at real
data), loads the seed records, signs an editor in, and drives the admin's events
import as a browser does (production settings, DEBUG off): the upload's checks
(the row count), the preview and the confirmation of a file of --rows new
events of about 440 bytes each (the review's file was 2,000 rows, 971 KB), each
naming a place and two organisations. It prints each step's seconds and
milliseconds per row (--update: of a file changing every record the first
one made); --profile prints the preview's and the confirmation's
slowest functions too.
"""

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def configure():
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-imports-" + "x" * 40)
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SITE_URL"] = "http://testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ["SECURE_COOKIES"] = "0"
    os.environ["LOG_LEVEL"] = "ERROR"
    if not os.environ.get("DATABASE_URL"):
        folder = tempfile.mkdtemp(prefix="bench-imports-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/db.sqlite3"


def event_rows(count, row_bytes=0):
    """Rows like an editor's: three languages of title and summary, a body
    (longer, with --row-bytes, to make each row about that long)."""
    body = (
        "The delegations discussed cooperation in trade, transport, green energy "
        "and humanitarian projects, and agreed to meet again next year."
    )
    if row_bytes > 440:
        body = (body + " ") * ((row_bytes - 440) // (len(body) + 1) + 1)
        body = body[: len(body) - (len(body) + 440 - row_bytes)].strip()
    header = (
        "slug,title_en,title_az,title_zh_hans,summary_en,summary_az,"
        "summary_zh_hans,body_en,kind,date,place,organizations\n"
    )
    lines = [header]
    for number in range(count):
        lines.append(
            f"bench-talks-{number:05d},Talks in Baku {number},"
            f"Bakıda danışıqlar {number},巴库会谈 {number},"
            f"The two sides held talks on cooperation ({number}).,"
            f"Tərəflər əməkdaşlıq barədə danışıqlar apardılar ({number}).,"
            f"双方就合作举行会谈（{number}）。,"
            f'"{body}",talks,2025-09-{1 + number % 28:02d},baku,'
            '"government-of-china; government-of-azerbaijan"\n'
        )
    return "".join(lines).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument(
        "--row-bytes", type=int, default=0, help="make each row about this long"
    )
    parser.add_argument("--xlsx", action="store_true", help="upload it as XLSX")
    parser.add_argument(
        "--update", action="store_true", help="time a file updating every record"
    )
    parser.add_argument("--profile", action="store_true")
    options = parser.parse_args()
    configure()

    import django
    import tablib

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from events.models import Event
    from portal.core.uploads import count_rows

    setup_test_environment()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    call_command("load_seed", verbosity=0)
    editor = User.objects.create_user("bench-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client = Client()
    client.force_login(editor)

    content = event_rows(options.rows, options.row_bytes)
    title, name, file_format = "csv", "bench.csv", "0"
    if options.xlsx:
        dataset = tablib.Dataset().load(content.decode(), format="csv")
        content = dataset.export("xlsx")
        title, name, file_format = "xlsx", "bench.xlsx", "1"
    print(
        f"{connection.vendor}: {options.rows} rows, {title}, {len(content):,} bytes "
        f"({len(content) / options.rows:.0f} a row); "
        f"limits {settings.IMPORT_MAX_ROWS} rows, {settings.IMPORT_MAX_BYTES:,} bytes"
    )
    settings.IMPORT_MAX_ROWS = max(settings.IMPORT_MAX_ROWS, options.rows)
    settings.IMPORT_MAX_BYTES = max(settings.IMPORT_MAX_BYTES, len(content))

    def timed(label, action):
        profile = cProfile.Profile() if options.profile else None
        start = time.perf_counter()
        if profile:
            profile.enable()
        value = action()
        if profile:
            profile.disable()
        seconds = time.perf_counter() - start
        print(
            f"  {label:<10} {seconds:7.2f} s  "
            f"{1000 * seconds / options.rows:6.2f} ms a row"
        )
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        return value

    url = reverse("admin:events_event_import")
    process = reverse("admin:events_event_process_import")

    def preview():
        upload = SimpleUploadedFile(name, content)
        data = {"resource": "0", "format": file_format, "import_file": upload}
        return client.post(url, data)

    def confirm(preview):
        form = preview.context and preview.context.get("confirm_form")
        if not form:
            sys.exit(f"the preview offers no confirmation:\n{preview.text[:3000]}")
        return client.post(process, {field.name: field.value() or "" for field in form})

    timed("count", lambda: count_rows(content, title))
    if options.update:
        # The same records, every title changed: each row updates its record.
        confirm(preview())
        content = content.replace(b"Talks in Baku", b"Talks held in Baku")
        if options.xlsx:
            sys.exit("--update works with CSV only")
    answer = timed("preview", preview)
    timed("confirm", lambda: confirm(answer))
    changed = Event.objects.filter(slug__startswith="bench-talks-")
    if options.update:
        changed = changed.filter(title_en__startswith="Talks held in Baku")
    if changed.count() != options.rows:
        sys.exit(f"the confirmation wrote {changed.count()} events, not {options.rows}")


if __name__ == "__main__":
    main()
