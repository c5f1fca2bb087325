import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def run_ensure_editor():
    out = StringIO()
    call_command("ensure_editor", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_first_run_creates_one_editor_with_a_random_password():
    first = run_ensure_editor()
    user = get_user_model().objects.get()
    # An editor, not an administrator (manage.py create_admin makes those).
    assert not user.is_superuser
    assert user.is_staff
    assert list(user.groups.values_list("name", flat=True)) == ["Editor"]
    password = first.split("password: ")[1].split()[0]
    assert len(password) >= 16
    assert user.check_password(password)
    second = run_ensure_editor()
    assert get_user_model().objects.count() == 1
    assert "password:" not in second


@pytest.mark.django_db
def test_two_databases_get_different_passwords():
    first = run_ensure_editor().split("password: ")[1].split()[0]
    get_user_model().objects.all().delete()
    second = run_ensure_editor().split("password: ")[1].split()[0]
    assert first != second


def check_settings(**env):
    """Run `manage.py check` in a fresh process with exactly these variables."""
    base = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = check_settings(ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = check_settings(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_a_bad_boolean_is_refused_with_a_clear_message():
    result = check_settings(DEBUG="maybe")
    assert "DEBUG must be a boolean" in result.stderr


def test_development_needs_no_configuration():
    assert check_settings(DEBUG="1").returncode == 0


def test_a_postgres_url_selects_postgresql_with_timeouts():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s; d = s.DATABASES['default'];"
            "print(d['ENGINE'], d['OPTIONS']['connect_timeout'],"
            " d['OPTIONS']['options'], d['CONN_HEALTH_CHECKS'])",
        ],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DEBUG": "1",
            "DATABASE_URL": "postgres://u:p@db.example:5432/portal",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "3",
        "-c",
        "statement_timeout=15000",
        "True",
    ]


def test_deploy_checks_pass_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
            "ALLOWED_HOSTS": "example.org",
            "SITE_URL": "https://example.org",
            "SECURE_SSL_REDIRECT": "1",
            "SECURE_HSTS_SECONDS": "31536000",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
            "SECURE_HSTS_PRELOAD": "1",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
