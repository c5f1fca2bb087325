"""Requests answered by the real settings module under a production environment.

Run by tests/production/conftest.py as `python -m tests.production.probe` in a
subprocess whose environment is production's (DEBUG off, no test overrides), so
the settings' own production defaults are what gets tested, not a copy of them.
Writes one JSON object to the file named by its argument: for each named request,
the status, headers and Set-Cookie lines; and what the logs wrote while answering
a failing request.
"""

import io
import json
import logging
import os
import secrets
import sys
from pathlib import Path

import django
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **extra):
    """A production environment: only what an operator must set, so every other
    setting takes its production default (none of pytest's test overrides)."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "SITE_URL": "https://testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        **extra,
    }


def answer(response):
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": [morsel.OutputString() for morsel in response.cookies.values()],
        "body": response.text if "html" in response.get("Content-Type", "") else "",
    }


def main():
    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.management import call_command
    from django.test.utils import override_settings, setup_test_environment
    from django.urls import clear_url_caches, reverse

    setup_test_environment()
    call_command("migrate", verbosity=0, interactive=False)
    get_user_model().objects.create_superuser(
        "admin", "admin@example.org", "a-long-sign-in-password"
    )
    out = {}
    client = Client()

    def https(path, **kwargs):
        return client.get(path, secure=True, **kwargs)

    out["public"] = answer(https("/en/"))
    out["public-http"] = answer(Client().get("/en/"))
    out["healthz-http"] = answer(Client().get("/healthz"))
    out["not-found"] = answer(https("/en/no-such-page/"))
    out["api"] = answer(
        https("/api/v1/events/", headers={"origin": "https://elsewhere.example"})
    )
    out["api-docs"] = answer(https("/api/v1/docs/"))
    out["static"] = answer(https(staticfiles_storage.url("css/site.css")))
    login = reverse("admin:login")
    out["admin-login"] = answer(https(login))
    out["admin-sign-in"] = answer(
        client.post(
            login,
            {"username": "admin", "password": "a-long-sign-in-password"},
            secure=True,
        )
    )
    out["admin-index"] = answer(https(reverse("admin:index")))
    # A save's "was added successfully" waits for the next page in a cookie.
    out["admin-saved"] = answer(
        client.post(reverse("admin:auth_group_add"), {"name": "Probe"}, secure=True)
    )
    out["admin-changelist"] = answer(https(reverse("admin:events_event_changelist")))
    out["settings"] = {
        name: getattr(settings, name)
        for name in (
            "SESSION_COOKIE_NAME",
            "CSRF_COOKIE_NAME",
            "MESSAGES_COOKIE_NAME",
            "SIGNIN_DEVICE_COOKIE_NAME",
            "SECURE_HSTS_SECONDS",
            "RATE_LIMIT_STORE",
        )
    }

    # What the logs say about a failing request that carries a password, a
    # cookie, an email address and a client address.
    stream = io.StringIO()
    handler = logging.getLogger().handlers[0]
    handler.setStream(stream)
    with override_settings(ROOT_URLCONF="tests.production.failing_urls"):
        clear_url_caches()
        failing = Client(raise_request_exception=False)
        failing.cookies["tracking"] = "cookie-value-secret"
        response = failing.post(
            "/boom/?email=reader%40example.org&token=query-secret",
            {"password": "form-password-secret", "email": "form@example.org"},
            headers={
                "authorization": "Bearer header-secret",
                "x-forwarded-for": "203.0.113.7",
                "x-request-id": "probe-request-0001",
            },
            REMOTE_ADDR="198.51.100.9",
            secure=True,
        )
    out["error"] = {
        "status": response.status_code,
        "request_id": response.headers.get("X-Request-ID"),
        "log": stream.getvalue(),
    }
    with open(sys.argv[1], "w", encoding="utf-8") as file:
        json.dump(out, file)


if __name__ == "__main__":
    main()
