"""What tests/conftest.py does for the whole suite.

The shared seed (SharedSeed): each test asking for it starts from the seed
exactly as loaded, whatever the tests before it wrote or kept in the caches, and
the tests that do not ask for it never see it. The static files are collected
again only when they changed (static_fingerprint).
"""

import os
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from events.models import Agreement, Event
from portal.core.models import (
    Citation,
    ContentToken,
    Indicator,
    Observation,
    Organization,
    Person,
    Place,
    Source,
)
from portal.ops.pagecache import STATUS_HEADER
from projects.models import Project
from tests import conftest
from tests.builders import make_event
from tests.conftest import static_fingerprint
from tests.e2e import conftest as e2e_conftest
from tests.e2e.conftest import E2E_DIR

# Two events of the seed: the first is edited, the second deleted.
EDITED = "su-hui-visit-to-azerbaijan-2025"
DELETED = "heydar-aliyev-visit-to-china-1994"
EDITED_TITLE = "Edited by an earlier test"

SEED_TABLES = [
    Place,
    Organization,
    Source,
    Person,
    Event,
    Agreement,
    Project,
    Indicator,
    Observation,
    Citation,
    Version,
]


@pytest.fixture
def page_cache(settings):
    """The page cache on, with the token read once a minute; left as the test
    before left it (only the seeded fixture empties it)."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_CHECK_SECONDS = 60
    return settings


def assert_no_seed_rows():
    left = {model.__name__ for model in SEED_TABLES if model.objects.exists()}
    assert left == set()


# One worker runs these three in this order (the xdist group). Run alone or in
# another order they pass without proving much.
one_after_another = pytest.mark.xdist_group("shared-seed")


@one_after_another
def test_a_test_writes_to_the_seed_and_keeps_a_page_of_its_change(
    client, seeded, page_cache
):
    edited = Event.objects.get(slug=EDITED)
    # update() sends no signal, so the content token stays the seed's: the page
    # is kept under the very key the next test's reader asks for.
    Event.objects.filter(pk=edited.pk).update(title=EDITED_TITLE)
    response = client.get(edited.get_absolute_url())
    assert response[STATUS_HEADER] == "miss"
    assert EDITED_TITLE in response.content.decode()
    make_event(title="Added by an earlier test", slug="added")
    Event.objects.get(slug=DELETED).delete()


@one_after_another
def test_the_next_finds_the_seed_as_loaded_and_no_page_kept_from_it(
    client, seeded, page_cache
):
    edited = Event.objects.get(slug=EDITED)
    assert edited.title != EDITED_TITLE
    assert Event.objects.filter(slug=DELETED).exists()
    assert not Event.objects.filter(slug="added").exists()
    response = client.get(edited.get_absolute_url())
    assert response[STATUS_HEADER] == "miss"
    assert EDITED_TITLE not in response.content.decode()


@one_after_another
def test_a_test_that_does_not_ask_for_the_seed_finds_none_of_it(db):
    assert_no_seed_rows()
    assert not ContentToken.objects.exists()
    # What the migrations made is there, as for every test.
    assert ContentType.objects.exists()


# Not in the group: a test that commits runs after every test in a transaction
# (pytest-django's order), and one pulled ahead of them by a group would leave
# the database empty for those after it on its worker (see tests/conftest.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_test_that_commits_finds_none_of_it_either():
    # (It has a content token: putting back the rows the migrations made,
    # sectors among them, saves content.)
    assert_no_seed_rows()


# Collected static files --------------------------------------------------------


@pytest.fixture
def static_dirs(settings, tmp_path):
    """One folder of static files, collected into another."""
    source = tmp_path / "static"
    source.mkdir()
    (source / "site.css").write_text("body { color: black }")
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = tmp_path / "collected"
    return source


def test_the_fingerprint_stays_while_nothing_changes(static_dirs):
    assert static_fingerprint() == static_fingerprint()


def test_a_changed_static_file_changes_the_fingerprint(static_dirs):
    before = static_fingerprint()
    (static_dirs / "site.css").write_text("body { color: navy }")
    assert static_fingerprint() != before


def test_a_new_static_file_changes_the_fingerprint(static_dirs):
    before = static_fingerprint()
    (static_dirs / "print.css").write_text("nav { display: none }")
    assert static_fingerprint() != before


def test_a_file_touched_without_a_change_in_size_changes_the_fingerprint(
    static_dirs,
):
    before = static_fingerprint()
    stat = (static_dirs / "site.css").stat()
    os.utime(static_dirs / "site.css", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert static_fingerprint() != before


def test_a_manifest_written_by_another_collectstatic_changes_the_fingerprint(
    static_dirs, settings
):
    before = static_fingerprint()
    settings.STATIC_ROOT.mkdir()
    (settings.STATIC_ROOT / "staticfiles.json").write_text("{}")
    assert static_fingerprint() != before


# Test order and the marks CI selects by ---------------------------------------


class Item:
    """What the collection hooks read of a collected test."""

    def __init__(self, name, *marks, fixturenames=(), path=None):
        self.nodeid = name
        self.marks = list(marks)
        self.fixturenames = list(fixturenames)
        self.path = path or Path(__file__)

    def get_closest_marker(self, name):
        return next((mark for mark in self.marks if mark.name == name), None)

    def add_marker(self, marker):
        self.marks.append(marker.mark)


def test_a_realstack_test_cannot_be_single_pass():
    # CI's PostgreSQL pass deselects single_pass and the SQLite pass skips the
    # real stack's tests: such a test would never run.
    item = Item("both", pytest.mark.realstack.mark, pytest.mark.single_pass.mark)
    with pytest.raises(pytest.UsageError, match="cannot be single_pass"):
        conftest.pytest_collection_modifyitems([item])
    conftest.pytest_collection_modifyitems([Item("realstack only", item.marks[0])])


def test_the_tests_reading_the_committed_seed_run_last():
    items = [
        Item("reads the site", fixturenames=["seeded_site", "_committed_seed"]),
        Item("no database"),
        Item("shares the seed", fixturenames=["seeded", "_shared_seed"]),
        Item("commits", fixturenames=["transactional_db"]),
    ]
    conftest.pytest_collection_modifyitems(items)
    assert [item.nodeid for item in items] == [
        "shares the seed",
        "no database",
        "commits",
        "reads the site",
    ]


def test_a_browser_test_naming_only_db_runs_after_the_tests_in_a_transaction():
    # pytest-django sorts on what a test names before tests/e2e/conftest.py
    # marks it transactional: a browser test asking for `page` and `editor` (so
    # `db`, not `live_server`) was left among the tests in a transaction, and
    # its flush emptied the database under the next ones on its worker (the
    # groups, sectors and content types the migrations made were gone).
    browser = Item("browser", fixturenames=["page", "db"], path=E2E_DIR / "t.py")
    in_a_transaction = Item("in a transaction", fixturenames=["db"])
    items = [browser, in_a_transaction]
    e2e_conftest.pytest_collection_modifyitems(items)
    conftest.pytest_collection_modifyitems(items)
    assert conftest.commits(browser)
    assert [item.nodeid for item in items] == ["in a transaction", "browser"]


def test_every_browser_test_is_single_pass_and_transactional_unless_reading():
    writes = Item("writes", fixturenames=["page", "seeded"], path=E2E_DIR / "t.py")
    reads = Item("reads", fixturenames=["page", "seeded_site"], path=E2E_DIR / "t.py")
    e2e_conftest.pytest_collection_modifyitems([writes, reads])
    assert writes.get_closest_marker("single_pass")
    assert writes.get_closest_marker("django_db").kwargs["transaction"]
    assert reads.get_closest_marker("single_pass")
    # For pytest-django to make the test database; no transaction of its own.
    assert reads.get_closest_marker("django_db").kwargs == {"serialized_rollback": True}
    assert not conftest.commits(reads)


@pytest.mark.parametrize("other", ["seeded", "live_server", "db"])
def test_a_browser_test_reading_the_committed_seed_has_no_data_of_its_own(other):
    item = Item("mixed", fixturenames=["seeded_site", other], path=E2E_DIR / "t.py")
    with pytest.raises(pytest.UsageError, match="use `seeded` for a test that"):
        e2e_conftest.pytest_collection_modifyitems([item])


@pytest.mark.django_db
def test_a_test_that_commits_refuses_to_start_inside_an_open_transaction():
    committing = Item("commits", fixturenames=["transactional_db"])
    # pytest-django's own transaction is open around this test, as one left
    # open by an earlier test would be.
    with pytest.raises(pytest.fail.Exception, match="inside a transaction left open"):
        conftest.pytest_runtest_call(committing)
    conftest.pytest_runtest_call(Item("in a transaction", fixturenames=["db"]))
