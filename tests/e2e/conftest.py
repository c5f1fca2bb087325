"""Real-browser tests: Playwright's sync API driving Debian's chromium.

Playwright's bundled browsers are not used (they cannot be downloaded here), so
chromium comes from `apt-get install chromium`. Without it these tests are skipped
locally and fail in CI, where REQUIRE_BROWSER=1 is set.

A test asks for `page` (a fresh browser context per test, whose base URL is the
live server's, `site_server`), `browser_errors` (console errors, CSP violations
and uncaught exceptions seen so far) and `axe` (accessibility checks with axe-core):

    def test_home(page, browser_errors, axe):
        page.goto("/")
        axe.assert_no_violations(page)
        assert browser_errors == []

Every test here runs as a transactional test with serialized rollback (see
pytest_collection_modifyitems), so it starts with the data the migrations create
and the live server sees what the test saves; except a test that only reads the
seed, which asks for `seeded_site`: the seed is committed once for all of them
(they run last on each worker, tests/conftest.py) and nothing is emptied between
them. Every test here is `single_pass`: CI runs it in the SQLite pass only.
"""

import contextlib
import os
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from portal.core.models import ContentToken

E2E_DIR = Path(__file__).parent
REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
RESULTS_DIR = REPO_ROOT / "test-results" / "e2e"

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",  # /dev/shm is small in containers
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
TIMEOUT_MS = 15_000  # fail in seconds, not Playwright's default 30 s per action


def _png(width, height, grey):
    """A plain grey PNG, for map tiles."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + bytes([grey]) * width for _row in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


BLANK_TILE = _png(256, 256, 0xEE)


def pytest_collection_modifyitems(items):
    for item in items:
        if not item.path.is_relative_to(E2E_DIR):
            continue
        item.add_marker(pytest.mark.e2e)
        # What a browser test checks (scripts, styles, the Content-Security-Policy,
        # axe, layout) is the same whatever database serves the page, and the
        # server side of every page is tested on both engines outside tests/e2e:
        # CI runs these once, in its SQLite pass (.ci/run).
        item.add_marker(pytest.mark.single_pass)
        if "seeded_site" in item.fixturenames:
            # Reads the seed committed once for the package (seeded_site): no
            # transaction, no flush; it cannot also have data of its own.
            mixed = {"seeded", "db", "transactional_db", "live_server"}
            mixed &= set(item.fixturenames)
            if mixed or item.get_closest_marker("django_db"):
                raise pytest.UsageError(
                    f"{item.nodeid}: seeded_site shares one committed seed and "
                    f"cannot be mixed with {sorted(mixed) or 'a django_db mark'}; "
                    "use `seeded` for a test that writes"
                )
            # Only for pytest-django to make the test database and keep the rows
            # the migrations made (_committed_seed puts them back): the test
            # itself runs outside its transactions (_django_db_marker below).
            item.add_marker(pytest.mark.django_db(serialized_rollback=True))
            continue
        # The live server answers from another thread, so the test's data must be
        # committed (transaction=True). Each such test ends by emptying the
        # database; serialized_rollback puts back what the migrations created
        # (sectors, content types) for the next one. A test's own django_db
        # marker wins; it should then say serialized_rollback=True too.
        if item.get_closest_marker("django_db") is None:
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True)
            )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets the page fixture know whether the test failed, to save a screenshot.
    report = yield
    if report.when == "call":
        item.e2e_failed = report.failed
    return report


@pytest.fixture(scope="package", autouse=True)
def _allow_async_unsafe():
    # Playwright's sync API keeps an asyncio event loop running in the test thread
    # for as long as the browser is open, and Django then refuses ORM calls in the
    # tests and fixtures here. That loop never runs Django code, so the check is
    # turned off, for this package only: package scope outlives every function
    # fixture here, including the database flush after each test.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def browser(_allow_async_unsafe):
    # Package scope rather than session: the event loop above must stop before the
    # tests outside tests/e2e run, or their ORM calls would fail.
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("REQUIRE_BROWSER", "") not in ("", "0"):
            pytest.fail(
                "chromium not found on PATH but REQUIRE_BROWSER is set: "
                "install it with `apt-get install chromium`.",
                pytrace=False,
            )
        pytest.skip("chromium not installed; CI runs these (REQUIRE_BROWSER=1)")
    django_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # With an event loop running, asgiref takes the thread for an async one
        # and gives Django a second, empty set of database connections. Hand it
        # the ones the rest of the suite uses: they point at the test database and
        # carry pytest-django's state (such as the data for serialized rollback).
        for alias, connection in django_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def site_server(request):
    """pytest-django's live server, but serving static files the way production
    does: through whitenoise, from collectstatic's output with hashed names.
    Started once for the package; a test that names `live_server` gets it with
    a transactional database (pytest-django's rule), one that names only
    `site_server` does not (see seeded_site)."""
    # pytest-django's own version wraps the site in Django's StaticFilesHandler,
    # which looks files up in the source folders and so answers 404 for the
    # hashed names the manifest storage puts in the pages.
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = lambda wsgi_app: wsgi_app
    server.start()
    yield server
    server.stop()


@pytest.fixture
def live_server(site_server):
    # The name pytest-django's _live_server_helper looks for: asking for it
    # gives the test a transactional database, emptied after it.
    return site_server


@pytest.fixture
def seeded(db):
    """The seed records, committed for the live server's thread to read, and
    emptied with the rest after the test (the shared seed of tests/conftest.py
    stays in a transaction of its own that no other connection sees)."""
    call_command("load_seed", "--interview-only", verbosity=0)


def own_databases():
    """The aliases with a test database of their own (a mirror is another
    alias's database under a second name)."""
    return [
        alias
        for alias, database in settings.DATABASES.items()
        if not database.get("TEST", {}).get("MIRROR")
    ]


def empty_the_database():
    """What a transactional test with serialized rollback leaves: every table
    empty (post_migrate not run again); the next such test restores the rows
    the migrations made before it starts."""
    for alias in own_databases():
        call_command(
            "flush",
            database=alias,
            interactive=False,
            inhibit_post_migrate=True,
            verbosity=0,
        )


# Whether this worker's database holds the seed committed for seeded_site. xdist
# may hand a worker other browser tests between those reading it (the sort in
# tests/conftest.py puts them last, but groups are scheduled as units), so each
# test checks: one reading it loads it again if a transactional test emptied
# it, and any other test empties it first, so it starts from the migrations'
# rows only, as pytest-django's serialized rollback expects.
COMMITTED = {"seed": False}


@pytest.fixture(autouse=True)
def _django_db_marker(request, django_db_blocker):
    """pytest-django's fixture of this name (it reads the django_db mark), but
    a test reading the committed seed (seeded_site) gets no transaction and no
    emptying of the database of its own."""
    if "seeded_site" in request.fixturenames:
        return
    if COMMITTED["seed"] and request.node.get_closest_marker("django_db"):
        with django_db_blocker.unblock():
            restore_the_migrations_rows()
        COMMITTED["seed"] = False
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")


def check_test_databases():
    for alias in own_databases():
        # Never the database of `make run`: it is emptied below. A test database
        # is SQLite's in memory, or named test_… (or as its TEST setting says).
        connection = connections[alias]
        name = str(connection.settings_dict["NAME"])
        assert (
            (connection.vendor == "sqlite" and connection.is_in_memory_db())
            or name == connection.settings_dict["TEST"].get("NAME")
            or name.startswith("test_")
        ), f"{alias} ({name}) is not a test database; pytest-django made none"


@pytest.fixture(scope="package")
def _leave_no_committed_seed(django_db_blocker):
    yield
    if COMMITTED["seed"]:
        with django_db_blocker.unblock():
            # Left as a fresh test database is: the rows the migrations made
            # (groups, sectors, content types) and nothing else, for whatever
            # test this worker runs next outside tests/e2e.
            restore_the_migrations_rows()
        COMMITTED["seed"] = False


@pytest.fixture
def _committed_seed(django_db_setup, django_db_blocker, _leave_no_committed_seed):
    if COMMITTED["seed"]:
        with django_db_blocker.unblock():
            if content_token() is not None:  # not emptied since it was loaded
                return
    check_test_databases()
    with django_db_blocker.unblock():
        # Whatever ran before on this worker: emptied, then the migrations' rows
        # (as serialized_rollback restores them), then the seed, all committed.
        restore_the_migrations_rows()
        call_command("load_seed", "--interview-only", verbosity=0)
    COMMITTED["seed"] = True


def restore_the_migrations_rows():
    """Every table emptied, then the rows the migrations made put back (as
    serialized_rollback restores them), committed."""
    empty_the_database()
    for alias in own_databases():
        connection = connections[alias]
        serialized = getattr(connection, "_test_serialized_contents", None)
        if serialized:
            connection.creation.deserialize_db_from_string(serialized)


def content_token():
    return ContentToken.objects.values_list("token", flat=True).first()


@pytest.fixture
def seeded_site(_committed_seed, django_db_blocker, site_server):
    """The seed records, committed ONCE for every test of the package that asks
    for this fixture (loading the seed and emptying the database again take
    longer than most browser checks): for tests that only read, such as axe
    checks of the seeded pages. Such a test runs outside pytest-django's
    transactions (it asks for `site_server` or `page`, never `live_server`,
    `db` or `seeded`) and may read the database; a test that writes content
    fails here (the content token changed), since the next test would see its
    changes: it asks for `seeded` instead."""
    with django_db_blocker.unblock():
        before = content_token()
        yield
        assert content_token() == before, (
            "A test using seeded_site changed the committed seed; use `seeded`."
        )


@pytest.fixture
def browser_errors():
    """What the page fixture records: console errors (CSP violations and failed
    loads among them) and uncaught exceptions, as readable strings."""
    return []


@pytest.fixture
def page(request, browser, site_server, browser_errors):
    context = browser.new_context(base_url=site_server.url)
    context.set_default_timeout(TIMEOUT_MS)

    def on_console(message):
        url = message.location.get("url") or ""
        # Chromium asks for /favicon.ico on its own when a page names no icon.
        if message.type != "error" or url.endswith("/favicon.ico"):
            return
        where = f" ({url}:{message.location.get('lineNumber')})" if url else ""
        browser_errors.append(f"console error: {message.text}{where}")

    def on_page_error(error):
        browser_errors.append(f"uncaught exception: {error}")

    context.on("console", on_console)
    context.on("weberror", lambda web_error: on_page_error(web_error.error))
    # No internet here: a blank tile stands in for the map tile server's (the
    # page still names the real one, so its Content-Security-Policy is tested).
    if settings.MAP_TILE_ORIGIN:
        context.route(
            f"{settings.MAP_TILE_ORIGIN}/**",
            lambda route: route.fulfill(body=BLANK_TILE, content_type="image/png"),
        )
    page = context.new_page()
    yield page
    if getattr(request.node, "e2e_failed", False):
        # What the browser showed, for CI to keep (test-results/ is ignored by git).
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        with contextlib.suppress(PlaywrightError):  # e.g. the page crashed
            page.screenshot(path=RESULTS_DIR / f"{name}.png", full_page=True)
            (RESULTS_DIR / f"{name}.html").write_text(page.content(), encoding="utf-8")
    context.close()


def format_violations(violations, max_nodes=3):
    """axe-core violations as text: rule, impact, help, and the first elements."""
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(nodes)} element(s)] {violation['helpUrl']}"
        )
        for node in nodes[:max_nodes]:
            target = " ".join(map(str, node["target"]))
            lines.append(f"    {target}: {node['html'][:200]}")
        if len(nodes) > max_nodes:
            lines.append(f"    … and {len(nodes) - max_nodes} more")
    return "\n".join(lines)


class Axe:
    """axe-core run inside the page under test."""

    def __init__(self, source):
        self.source = source

    def run(self, page, tags=AXE_TAGS, context=None):
        """The list of axe-core violations on the page as loaded now, in the
        whole document or in an axe-core context ({"exclude": [...]})."""
        # Evaluated, not added as a <script>: the pages' Content-Security-Policy
        # (script-src 'self') would block an injected script, as it should.
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(self.source)
        results = page.evaluate(
            "([context, options]) => axe.run(context || document, options)",
            [
                context,
                {
                    "runOnly": {"type": "tag", "values": list(tags)},
                    # Only the violations are read: axe-core then keeps one node of
                    # each passing rule, not all of them, which more than halves a
                    # run on the larger pages (2.4 s to 1.1 s on the home page).
                    "resultTypes": ["violations"],
                },
            ],
        )
        return results["violations"]

    format = staticmethod(format_violations)  # for tests that filter run()'s list

    def assert_no_violations(self, page, tags=AXE_TAGS):
        violations = self.run(page, tags)
        if violations:
            pytest.fail(
                f"axe-core found accessibility problems on {page.url}:\n"
                + format_violations(violations),
                pytrace=False,
            )


@pytest.fixture(scope="session")
def axe():
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` first.", pytrace=False)
    return Axe(AXE_JS.read_text(encoding="utf-8"))
