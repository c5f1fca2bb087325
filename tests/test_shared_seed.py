"""The shared seed (tests/conftest.py, SharedSeed): each test asking for it
starts from the seed exactly as loaded, whatever the tests before it wrote or
kept in the caches, and the tests that do not ask for it never see it.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from events.models import Agreement, Event
from portal.models import (
    Citation,
    ContentToken,
    Indicator,
    Observation,
    Organization,
    Person,
    Place,
    Source,
)
from portal.pagecache import STATUS_HEADER
from projects.models import Project
from tests.builders import make_event

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
