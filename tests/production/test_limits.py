"""The limits count in a store every server process shares: production counts
in the database, or in Redis with REDIS_URL, and refuses to start with any
store a process would keep to itself."""

import subprocess
import sys

import pytest

from tests.production.probe import ROOT, production_env

# A SQLite file of its own (probe.production_env) in either pass: CI runs it once.
pytestmark = pytest.mark.single_pass


def load_settings(tmp_path, **env):
    """The real settings under a production environment (DEBUG off)."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.RATE_LIMIT_STORE)",
        ],
        cwd=ROOT,
        env=production_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_redis_production_counts_limits_in_the_database(tmp_path):
    result = load_settings(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["database"]


def test_with_redis_production_counts_limits_in_redis(tmp_path):
    result = load_settings(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["redis"]
    chosen = load_settings(
        tmp_path, REDIS_URL="redis://127.0.0.1:6379/0", RATE_LIMIT_STORE="database"
    )
    assert chosen.stdout.split() == ["database"]


@pytest.mark.parametrize("store", ["memory", "locmem", "local"])
def test_a_store_each_process_keeps_to_itself_stops_production(tmp_path, store):
    result = load_settings(tmp_path, RATE_LIMIT_STORE=store)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "RATE_LIMIT_STORE must be shared by every server process" in result.stderr


def test_redis_without_redis_url_stops_production(tmp_path):
    result = load_settings(tmp_path, RATE_LIMIT_STORE="redis")
    assert result.returncode != 0
    assert "RATE_LIMIT_STORE=redis needs REDIS_URL" in result.stderr
