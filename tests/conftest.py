"""Fixtures and hooks for the whole suite.

The seed is shared (`seeded`, SharedSeed below): loading it takes about a second
and over 200 tests ask for it, so it is loaded once, into a transaction that
stays open while those tests run one after another, each in a savepoint of its
own that is rolled back when it ends. Tests that do not ask for it never see
it: the transaction is rolled back before such a test, and the seed loaded
afresh for the next test that asks. The tests asking for it run first (see
pytest_collection_modifyitems), so each xdist worker loads it about once.
"""

import functools
import hashlib
import io
import logging
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from django.utils import translation

from portal.core import content, datacache, fragments
from portal.ops import pagecache


def pytest_sessionstart(session):
    # Pages use whitenoise's manifest of hashed static names, which is only as
    # fresh as the last collectstatic. That takes some 20 seconds of CPU (each
    # file is hashed and compressed again), so it runs only when a static file
    # or the collected files changed since the last run that collected them.
    config = session.config
    if hasattr(config, "workerinput"):  # once, not per xdist worker
        return
    cache = getattr(config, "cache", None)  # None with -p no:cacheprovider
    if cache is not None and cache.get(STATIC_KEY, None) == static_fingerprint():
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    if cache is not None:
        cache.set(STATIC_KEY, static_fingerprint())


STATIC_KEY = "portal/collected-static"


def static_fingerprint():
    """What collectstatic's output depends on and what it wrote: every source
    file's name, size and modification time, the storage's settings, and the
    manifest (rewritten by any collectstatic, whatever ran it)."""
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    files = sorted(
        (path, os.stat(storage.path(path)))
        for finder in finders.get_finders()
        for path, storage in finder.list(ignore)
    )
    manifest = Path(settings.STATIC_ROOT) / staticfiles_storage.manifest_name
    seen = [settings.STATIC_URL, repr(settings.STORAGES["staticfiles"])]
    seen += [f"{path} {stat.st_size} {stat.st_mtime_ns}" for path, stat in files]
    if manifest.exists():
        stat = manifest.stat()
        seen.append(f"manifest {stat.st_size} {stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(seen).encode()).hexdigest()


def commits(item):
    """Whether the test runs as a TransactionTestCase: its writes are committed,
    and the database is emptied after it (pytest-django's rules)."""
    marker = item.get_closest_marker("django_db")
    options = marker.kwargs if marker else {}
    return bool(
        options.get("transaction")
        or options.get("reset_sequences")
        or {"transactional_db", "live_server", "django_db_reset_sequences"}
        & set(getattr(item, "fixturenames", ()))
    )


def shares_the_seed(item):
    return "_shared_seed" in getattr(item, "fixturenames", ())


def reads_the_site(item):
    return "_committed_seed" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # A test that commits (transaction=True) ends by emptying the database. Without
    # serialized_rollback its flush re-creates content types, and the next test on
    # the same worker that restores the serialized rows fails on duplicates; with
    # it, each such test starts from the rows the migrations made, whatever ran
    # before on its worker.
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction"):
            if not marker.kwargs.get("serialized_rollback"):
                raise pytest.UsageError(
                    f"{item.nodeid}: django_db(transaction=True) needs "
                    "serialized_rollback=True too (see tests/conftest.py)"
                )
        # CI's PostgreSQL pass leaves out the single_pass tests (.ci/run), and the
        # SQLite pass skips the real stack's: a test marked both would never run.
        if item.get_closest_marker("single_pass") and item.get_closest_marker(
            "realstack"
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: a realstack test runs in the PostgreSQL pass "
                "only, so it cannot be single_pass (run once, in the SQLite pass)"
            )
        # A test that commits cannot run inside the shared seed's transaction.
        if shares_the_seed(item) and commits(item):
            raise pytest.UsageError(
                f"{item.nodeid}: a test that commits cannot use the shared "
                "seed; load it in the test (as tests/e2e/conftest.py does)"
            )
    # pytest-django has sorted the tests: those in a transaction, then those that
    # commit, then those without the database. The tests sharing the seed go
    # first of all, in their own order, so one load serves them on each worker
    # (xdist hands out tests in this order). Any order is as correct, only
    # slower: the seed is loaded again for each run of them.
    # The browser tests reading the seed committed once (seeded_site,
    # tests/e2e/conftest.py) go last of all: no test using the database may run
    # between them while it stays committed, and xdist hands each worker its
    # tests in this order, so they are the end of every worker's run.
    # pytest-django sorts before the browser tests' conftest marks them
    # transactional (tests/e2e/conftest.py), so a browser test naming only `db`
    # would stay among the tests in a transaction, and its flush would empty the
    # database under the next of them on its worker: the tests that commit are
    # put after the others here, whatever marked them and when.
    items.sort(
        key=lambda item: (
            not shares_the_seed(item),
            reads_the_site(item),
            commits(item),
        )
    )


@pytest.fixture
def migrator(transactional_db):
    """`migrator(targets)` moves the schema to the migrations named, as
    MigrationExecutor.migrate does, and returns the executor (its loader gives
    the models at those migrations). When the test ends, passed or not, the
    schema goes back to the latest migrations, before the database is emptied:
    the tests after it on the worker expect the whole schema (the indexes the
    last migrations add, tests/core/test_indexes.py). Migrating commits, hence
    transactional_db."""

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        return executor

    yield migrate
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@functools.cache
def every_migration():
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)


@pytest.fixture(autouse=True)
def _leaves_the_latest_schema(request):
    # A test that commits and unapplies a migration leaves the schema behind for
    # every later test on its worker, which then fails far from the cause and
    # only when the two share a worker (a missing index, say). It fails here
    # instead, at its own teardown; `migrator` puts the schema back.
    yield
    if not commits(request.node):
        return
    applied = MigrationRecorder(connection).applied_migrations()
    unapplied = every_migration() - set(applied)
    assert not unapplied, (
        f"{request.node.nodeid} left migrations unapplied: {sorted(unapplied)}; "
        "migrate with the `migrator` fixture, which applies them again"
    )


# The last test this worker ran, for the messages of the checks below.
_LAST_TEST = {"nodeid": None}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        _LAST_TEST["nodeid"] = item.nodeid


@pytest.fixture(autouse=True)
def _leaves_logging_working(request):
    # A test that reconfigures logging in this process (dictConfig's default
    # disable_existing_loggers=True, as command-line tools' set-up does)
    # silences loggers for every later test on its worker: the tests reading
    # the logs then fail far from the cause. It fails here, at its own teardown.
    yield
    silenced = sorted(
        name
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger) and logger.disabled
    )
    for name in silenced:  # so that only the culprit fails
        logging.getLogger(name).disabled = False
    assert not silenced, f"{request.node.nodeid} disabled the loggers {silenced}"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    # A test that commits must start outside any transaction: inside one left
    # open (by a fixture or hook of an earlier test on its worker) nothing it
    # saves is committed, on_commit callbacks never run, and it fails far
    # from the cause, on one worker only.
    if commits(item) and connections[DEFAULT_DB_ALIAS].in_atomic_block:
        pytest.fail(
            f"{item.nodeid} runs inside a transaction left open; the test "
            f"before it on this worker was {_LAST_TEST['nodeid']}",
            pytrace=False,
        )


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    # The production hasher is slow on purpose (1.5 million PBKDF2 rounds, a
    # third of a second per password here), and many tests create an editor or
    # a contributor. No test is about the hasher itself; tests/signin checks
    # signing in with this one.
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    ):
        yield


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request activates its page's language in the thread and leaves it active;
    # each test starts in English so records it builds get English texts.
    with translation.override("en"):
        yield


def staff_member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, password="unused-in-tests", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    """Alice, an editor: the Editor group's rights, publishing included."""
    return staff_member(django_user_model, "alice", "Editor")


@pytest.fixture
def contributor(django_user_model):
    """Bob, a contributor: adds records and edits his own drafts."""
    return staff_member(django_user_model, "bob", "Contributor")


@pytest.fixture
def other_contributor(django_user_model):
    """Charlie, another contributor."""
    return staff_member(django_user_model, "charlie", "Contributor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def media(settings, tmp_path):
    """A media folder of the test's own (built files, the dataset)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def download_dataset(client, media):
    """download_dataset("az"): builds the dataset of a language as
    `manage.py build_dataset` does (the site never builds it for a request),
    then downloads it: the response, whose getvalue() is the ZIP file."""

    def download(language="en", **headers):
        call_command("build_dataset", "--language", language, stdout=io.StringIO())
        response = client.get(f"/{language}/data/portal-dataset.zip", **headers)
        assert response.status_code == 200
        return response

    return download


SHARED_SEED = pytest.StashKey["SharedSeed"]()


class SharedSeed:
    """The seed records, loaded into a transaction on the default database that
    is kept open while the tests sharing them run (pytest-django's savepoint for
    each test then nests inside it) and rolled back before any other test.

    pytest-django offers no fixture for data shared by some tests
    (pytest-dev/pytest-django#105 asks for one); its documented way of loading
    data once, in `django_db_setup`, keeps it for every test, and the seed must
    not reach the tests that do not ask for it.

    The seed is written to the default database only: a second connection (a
    replica alias, a live server's thread) would not see it, so the tests that
    use one do not share it."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None

    def open(self):
        if self.atomic is not None:
            return
        atomic = transaction.atomic(using=DEFAULT_DB_ALIAS)
        with self.blocker.unblock():
            atomic.__enter__()
            try:
                call_command("load_seed", "--interview-only", verbosity=0)
            except BaseException as error:
                atomic.__exit__(type(error), error, error.__traceback__)
                raise
        self.atomic = atomic

    def close(self):
        if self.atomic is None:
            return
        atomic, self.atomic = self.atomic, None
        with self.blocker.unblock():
            transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
            atomic.__exit__(None, None, None)

    def is_around_the_test(self):
        """Whether the seed's transaction is the outermost block on the default
        connection, as it must be while a test sharing it runs."""
        blocks = connections[DEFAULT_DB_ALIAS].atomic_blocks
        return self.atomic is not None and bool(blocks) and blocks[0] is self.atomic


@pytest.fixture(scope="session")
def _shared_seed(request, django_db_setup, django_db_blocker):
    # Session scope: set up before any function-scoped fixture, so the first
    # test to share the seed gets it before pytest-django opens that test's
    # transaction; pytest_runtest_setup opens and closes it for later tests.
    shared = SharedSeed(django_db_blocker)
    request.config.stash[SHARED_SEED] = shared
    shared.open()
    yield shared
    shared.close()
    del request.config.stash[SHARED_SEED]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before the test's fixtures: its transaction must nest inside the seed's,
    # and a test that does not share the seed must find it rolled back.
    shared = item.config.stash.get(SHARED_SEED, None)
    if shared is None:
        return
    if shares_the_seed(item):
        shared.open()
    else:
        shared.close()


@pytest.fixture
def seeded(_shared_seed, db):
    """The seed records from the ambassador's interview, shared with the other
    tests asking for them (SharedSeed): what a test writes is rolled back when
    it ends, so each starts from the seed exactly as loaded."""
    if not _shared_seed.is_around_the_test():
        pytest.fail("The shared seed's transaction is not open around this test.")
    # Every test sharing the seed reads the same content token, so pages and
    # data that one kept under it (after a write that left the token alone, or
    # with other settings) would be found by the next: each starts with none.
    caches[pagecache.CACHE_ALIAS].clear()
    caches[datacache.CACHE_ALIAS].clear()
    caches[fragments.CACHE_ALIAS].clear()
    content.token_memo.forget()
