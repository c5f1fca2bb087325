import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation


def pytest_sessionstart(session):
    # Pages use whitenoise's manifest of hashed static names, which is only as
    # fresh as the last collectstatic; it takes a second, so every run does it.
    if not hasattr(session.config, "workerinput"):  # once, not per xdist worker
        call_command("collectstatic", interactive=False, verbosity=0)


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
def seeded(db):
    """The seed records from the ambassador's interview."""
    call_command("load_seed", verbosity=0)
