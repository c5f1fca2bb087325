"""Settings for more than one machine (docs/scaling.md): the streaming replica
(DATABASE_REPLICA_URL), sessions and import files in Redis (REDIS_URL) and
media on S3-compatible storage (AWS_STORAGE_BUCKET_NAME).

Settings are read once, at import, so each environment is tried in a process
of its own (no server, bucket or Redis is contacted). The routing itself is in
tests/ops/test_routers.py; real servers in tests/realstack/.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import tablib
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from import_export.formats.base_formats import CSV
from import_export.tmp_storages import CacheStorage

from events.models import Event
from tests.builders import make_country, make_place
from tests.production.probe import ROOT, production_env

PROBE = """
import json
import django
from django.conf import settings
django.setup()
from django.core.files.storage import storages
storage = storages["default"]
print(json.dumps({
    "databases": settings.DATABASES,
    "routers": settings.DATABASE_ROUTERS,
    "session_engine": settings.SESSION_ENGINE,
    "import_storage": getattr(settings, "IMPORT_EXPORT_TMP_STORAGE_CLASS", None),
    "cache": settings.CACHES["default"]["BACKEND"],
    "storage": f"{type(storage).__module__}.{type(storage).__qualname__}",
    "storage_options": {
        name: getattr(storage, name, None)
        for name in (
            "bucket_name", "endpoint_url", "region_name", "custom_domain",
            "querystring_auth", "file_overwrite", "default_acl",
        )
    },
    "url": storage.url("uploads/report.pdf") if settings.AWS_STORAGE_BUCKET_NAME
    else None,
}, default=str))
"""

PRIMARY_URL = "postgres://portal:secret@db-primary.internal:5432/portal"
REPLICA_URL = "postgres://portal_ro:secret2@db-replica.internal:5433/portal"


S3 = {
    "AWS_STORAGE_BUCKET_NAME": "portal-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    "AWS_S3_REGION_NAME": "eu-central-1",
    # Made-up keys: a signed URL is computed locally, nothing is sent.
    "AWS_ACCESS_KEY_ID": "AKIAEXAMPLEEXAMPLE00",
    "AWS_SECRET_ACCESS_KEY": "example-secret-example-secret-example-00",
}
# Every server of a scaled-out installation: replica, Redis and a bucket.
SCALED = {
    "DATABASE_URL": PRIMARY_URL,
    "DATABASE_REPLICA_URL": REPLICA_URL,
    "DATABASE_CONNECT_TIMEOUT": "2",
    "DATABASE_STATEMENT_TIMEOUT_MS": "5000",
    "CONN_MAX_AGE": "30",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    **S3,
}


def settings_under(folder, **env):
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=production_env(folder, **env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def settings_of(folder, **env):
    result = settings_under(folder, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    return settings_of(tmp_path_factory.mktemp("scaled"), **SCALED)


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """One machine: PostgreSQL and nothing else."""
    return settings_of(tmp_path_factory.mktemp("single"), DATABASE_URL=PRIMARY_URL)


# The replica -----------------------------------------------------------------


def test_a_replica_url_adds_a_replica_connection_and_the_router(scaled):
    found = scaled
    primary, replica = found["databases"]["default"], found["databases"]["replica"]
    assert (replica["HOST"], replica["PORT"], replica["USER"], replica["NAME"]) == (
        "db-replica.internal",
        5433,
        "portal_ro",
        "portal",
    )
    # The same timeouts, kept-open connections and health checks as the primary.
    for setting in ("ENGINE", "OPTIONS", "CONN_MAX_AGE", "CONN_HEALTH_CHECKS"):
        assert replica[setting] == primary[setting], setting
    assert replica["OPTIONS"] == {
        "connect_timeout": 2,
        "options": "-c statement_timeout=5000",
    }
    assert (replica["CONN_MAX_AGE"], replica["CONN_HEALTH_CHECKS"]) == (30, True)
    # Tests treat it as the test database, not a second one to create.
    assert replica["TEST"]["MIRROR"] == "default"
    assert found["routers"] == ["portal.ops.routers.ReplicaRouter"]


def test_without_a_replica_url_there_is_one_database_and_no_router(single):
    found = single
    assert list(found["databases"]) == ["default"]
    assert found["routers"] == []


def test_a_replica_needs_postgresql(tmp_path):
    # DATABASE_URL is production_env's SQLite file.
    result = settings_under(tmp_path, DATABASE_REPLICA_URL=REPLICA_URL)
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URL needs PostgreSQL" in result.stderr


# Redis -------------------------------------------------------------------------


def test_with_redis_sessions_and_import_files_are_shared(scaled):
    found = scaled
    assert found["cache"] == "django_redis.cache.RedisCache"
    # Read from Redis, written through to the database.
    assert found["session_engine"] == "django.contrib.sessions.backends.cached_db"
    assert found["import_storage"] == "import_export.tmp_storages.CacheStorage"


def test_without_redis_sessions_and_import_files_stay_local(single):
    found = single
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["session_engine"] == "django.contrib.sessions.backends.db"
    assert found["import_storage"] is None  # django-import-export's temp folder


@pytest.mark.django_db
def test_an_import_file_waits_in_the_shared_cache_not_on_this_servers_disk(
    editor_client, settings
):
    """With Redis, whichever server takes the confirmation finds the file the
    preview stored: it is in the cache, and nowhere on the local disk."""
    settings.IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
    make_place(name="Baku", slug="baku", parent=make_country())
    content = CSV().export_data(
        _dataset(
            ["talks-in-baku", "Talks in Baku", "Talks.", "talks", "2025-09", "baku"]
        )
    )
    preview = editor_client.post(
        reverse("admin:events_event_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("events.csv", content.encode()),
        },
    )
    assert preview.status_code == 200
    form = preview.context["confirm_form"]
    name = form["import_file_name"].value()
    assert cache.get(CacheStorage.CACHE_PREFIX + name) == content.encode()
    assert not (Path(tempfile.gettempdir()) / name).exists()

    response = editor_client.post(
        reverse("admin:events_event_process_import"),
        {field.name: field.value() or "" for field in form},
    )
    assert response.status_code == 302
    assert Event.objects.get().slug == "talks-in-baku"
    # Removed once imported.
    assert cache.get(CacheStorage.CACHE_PREFIX + name) is None


def _dataset(*values):
    return tablib.Dataset(
        *values, headers=["slug", "title_en", "summary_en", "kind", "date", "place"]
    )


# Media on S3 --------------------------------------------------------------------


def test_a_bucket_puts_media_on_s3_compatible_storage(scaled):
    found = scaled
    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["storage_options"] == {
        "bucket_name": "portal-media",
        "endpoint_url": "https://s3.example.org",
        "region_name": "eu-central-1",
        "custom_domain": None,
        "querystring_auth": True,
        "file_overwrite": False,
        "default_acl": None,
    }
    # A private bucket: links are signed with the key and expire.
    url = found["url"]
    assert url.startswith("https://s3.example.org/portal-media/uploads/report.pdf?")
    assert "AKIAEXAMPLEEXAMPLE00" in url and "Expires=" in url


def test_a_custom_domain_serves_media_with_plain_links(tmp_path):
    found = settings_of(tmp_path, **S3, AWS_S3_CUSTOM_DOMAIN="media.example.org")
    assert found["storage_options"]["custom_domain"] == "media.example.org"
    assert found["url"] == "https://media.example.org/uploads/report.pdf"


def test_without_a_bucket_media_stays_on_the_local_disk(single):
    found = single
    assert found["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
