import pytest
from django.core.management import call_command
from django.utils import translation


def pytest_sessionstart(session):
    # Pages use whitenoise's manifest of hashed static names, which is only as
    # fresh as the last collectstatic; it takes a second, so every run does it.
    if not hasattr(session.config, "workerinput"):  # once, not per xdist worker
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request activates its page's language in the thread and leaves it active;
    # each test starts in English so records it builds get English texts.
    with translation.override("en"):
        yield


@pytest.fixture
def editor(django_user_model):
    """Alice, an editor: full rights in the admin."""
    return django_user_model.objects.create_superuser(
        username="alice", email="alice@example.org", password="unused-in-tests"
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def seeded(db):
    """The seed records from the ambassador's interview."""
    call_command("load_seed", verbosity=0)
