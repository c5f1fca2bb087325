"""ADMIN_PATH moves the admin; a path of the installation's own is not given
away by robots.txt."""

import json
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from portal.settings import BASE_DIR, admin_path


@pytest.mark.parametrize("value", ["admin/", "control-7f3/", "staff/admin_2/"])
def test_good_admin_paths_are_taken(value):
    assert admin_path(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "",
        "admin",
        "/admin/",
        "../admin/",
        "Admin/",
        "ad min/",
        "admin//",
        "-x/",
        "a?b/",
    ],
)
def test_bad_admin_paths_are_refused(value):
    with pytest.raises(ImproperlyConfigured):
        admin_path(value)


def test_the_default_admin_path(client):
    assert reverse("admin:index") == "/admin/"
    assert "Disallow: /admin/" in client.get("/robots.txt").text.splitlines()


# The URLconf is built once, at import, so another ADMIN_PATH needs another
# process. No database is touched: anonymous pages only.
PROBE = """
import json, django
from django.test.utils import setup_test_environment
django.setup()
setup_test_environment()
from django.test import Client
from django.urls import reverse
c = Client()
print(json.dumps({
    "index": reverse("admin:index"),
    "login": c.get("/control-7f3/login/").status_code,
    "old_login": c.get("/admin/login/").status_code,
    "old_index": c.get("/admin/").status_code,
    "robots": c.get("/robots.txt").content.decode(),
}))
"""


def test_with_an_admin_path_of_its_own_the_admin_moves_there():
    env = {
        **os.environ,
        "ADMIN_PATH": "control-7f3/",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    assert seen["index"] == "/control-7f3/"
    assert seen["login"] == 200
    assert seen["old_login"] == 404
    assert seen["old_index"] == 404
    assert "control-7f3" not in seen["robots"]
    assert "Disallow" not in seen["robots"]
    assert "User-agent: *" in seen["robots"]
