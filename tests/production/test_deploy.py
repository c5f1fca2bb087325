"""`manage.py check --deploy` with only what an operator must set: the settings'
own production defaults pass it, with HSTS preload the one documented exception."""

import subprocess
import sys

import pytest

from tests.production.probe import ROOT, production_env

# A SQLite file of its own (probe.production_env) in either pass: CI runs it once.
pytestmark = pytest.mark.single_pass


def check_deploy(tmp_path, **env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_production_defaults_pass_every_deploy_check(tmp_path):
    result = check_deploy(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_opting_into_preload_leaves_nothing_silenced(tmp_path):
    result = check_deploy(tmp_path, SECURE_HSTS_PRELOAD="1")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_only_the_preload_warning_is_silenced(tmp_path):
    # Weakening anything else is reported and stops `make serve`.
    result = check_deploy(tmp_path, SECURE_HSTS_SECONDS="0", SECURE_SSL_REDIRECT="0")
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr
    assert "security.W021" not in result.stderr


def test_development_keeps_plain_http_and_plain_cookie_names(tmp_path):
    code = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_NAME,"
        " s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.LOG_FORMAT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**production_env(tmp_path), "DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [
        "sessionid",
        "csrftoken",
        "False",
        "False",
        "0",
        "text",
    ]
