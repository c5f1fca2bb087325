import pytest
from django.conf import settings
from django.core.management import call_command


def pytest_sessionstart(session):
    # Pages use whitenoise's manifest of hashed static names, which exists only
    # after collectstatic (`make test` runs it; this covers a bare `pytest`).
    is_xdist_worker = hasattr(session.config, "workerinput")
    if not is_xdist_worker and not (settings.STATIC_ROOT / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)


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
