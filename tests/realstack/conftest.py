"""The real stack: gunicorn serving the portal from its own throwaway PostgreSQL
cluster, both on loopback, for tests that stop the database under a running
server or put load on it.

`stack` (one per session) initialises a cluster in a temporary folder (as the
postgres user when the tests run as root, since PostgreSQL refuses root), creates
a database, migrates and seeds it, makes an editor account and starts gunicorn
with production settings (DEBUG off) and gunicorn.conf.py, the way `make serve`
does. Plain HTTP on loopback, so secure cookies and the HTTPS redirect are off.

Helpers for tests that need more than that: `Cluster.replica_of` (a streaming
replica made with pg_basebackup), `prepare` (migrate, seed, editor account),
`Server` (a gunicorn of its own, e.g. with REDIS_URL or DATABASE_REPLICA_URL:
bench/server.py, which the benchmark starts too) and `Editor` (a signed-in
admin session over HTTP, with the forms it fills in).

These tests run in the PostgreSQL pass only (DATABASE_URL=postgres://…); the
SQLite pass skips them. With CI=1 a missing PostgreSQL server or gunicorn fails
them instead of skipping.
"""

import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest
import requests
from django.conf import settings

# gunicorn as `make serve` runs it, started and stopped as the benchmark does.
from bench.server import GUNICORN, Server, free_port

REPO = Path(settings.BASE_DIR)
EDITOR = ("stack-editor", "stack-editor-password-4f9c2d")


def pg_bindir():
    """Where initdb and pg_ctl are: `pg_config --bindir`, else (Debian, where
    pg_config comes with libpq-dev) the newest /usr/lib/postgresql/NN/bin."""
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = Path(
            subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=False
            ).stdout.strip()
        )
        if (bindir / "initdb").is_file():
            return bindir
    installed = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: (
            int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0
        ),
    )
    return installed[-1].parent if installed else None


def require_stack():
    """Skip outside the PostgreSQL pass; in CI, fail when a part is missing."""
    if not os.environ.get("DATABASE_URL", "").startswith(
        ("postgres://", "postgresql://")
    ):
        pytest.skip("PostgreSQL pass only")
    missing = []
    if pg_bindir() is None:
        missing.append("the PostgreSQL server programs (initdb, pg_ctl)")
    if not GUNICORN.is_file():
        missing.append(f"gunicorn ({GUNICORN})")
    if missing:
        message = "The real-stack tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def scratch(prefix):
    """A new temporary folder the postgres user may enter (clusters go in
    folders inside it). Not under pytest's temporary folder: that one is
    private to root, and the clusters' files belong to the postgres user."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    return folder


class Cluster:
    """A PostgreSQL cluster of its own, on a free loopback port."""

    def __init__(self, folder, config=()):
        self.bindir = pg_bindir()
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        # Server settings ("fsync=off", …), given with -c at every start.
        self.config = list(config)
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(folder, "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"

    def run(self, program, *argv, check=True):
        command = [str(self.bindir / program), *argv]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LC_CTYPE": "C.UTF-8"}
        result = subprocess.run(
            command,
            cwd=self.folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{program} failed:\n{result.stdout}{result.stderr}")
        return result

    def init(self):
        self.run(
            "initdb",
            f"--pgdata={self.data}",
            "--username=postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-sync",
        )
        self.start()
        self.run(
            "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "portal",
        )

    @classmethod
    def replica_of(cls, primary, folder, config=()):
        """A streaming replica of `primary` (which must be running), started:
        a base backup with -R, which writes the connection to the primary and
        standby.signal, so it starts as a hot standby."""
        replica = cls(folder, config)
        replica.run(
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            str(primary.port),
            "-U",
            "postgres",
            f"--pgdata={replica.data}",
            "--write-recovery-conf",
            "--wal-method=stream",
            "--checkpoint=fast",
            "--no-sync",
        )
        replica.start()
        return replica

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        options += "".join(f" -c {setting}" for setting in self.config)
        self.run(
            "pg_ctl",
            "start",
            "-w",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-o",
            options,
        )

    def stop(self, mode="immediate"):
        self.run("pg_ctl", "stop", "-w", "-D", str(self.data), "-m", mode, check=False)

    def connect(self):
        return psycopg.connect(self.url.replace("postgres://", "postgresql://"))

    def sql(self, query, *params):
        """The rows of one statement, in a connection of its own (autocommit:
        ALTER SYSTEM refuses a transaction)."""
        url = self.url.replace("postgres://", "postgresql://")
        with psycopg.connect(url, autocommit=True) as db:
            cursor = db.execute(query, params or None)
            return cursor.fetchall() if cursor.description else []

    def log_text(self):
        return (self.folder / "log").read_text(errors="replace")


class Stack:
    def __init__(self, cluster, port, process, log):
        self.cluster = cluster
        self.base = f"http://127.0.0.1:{port}"
        self.process = process
        self.log = log
        # An editor's account (superuser) to sign in to the admin with.
        self.editor = EDITOR

    def log_tail(self, lines=40):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def server_env(cluster, port):
    return {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "DEBUG": "0",
        "SECRET_KEY": "realstack-test-secret-key-0b6f1e8a4c2d9e7f5a3b1c8d6e4f2a0b",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{port}",
        # Plain HTTP on loopback: no redirect to HTTPS, cookies not Secure-only.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        # The load run sends every request from one address; the API's
        # per-address limit is not what it measures.
        "API_RATE_LIMIT": "100000/min",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SUPERUSER_USERNAME": EDITOR[0],
        "DJANGO_SUPERUSER_PASSWORD": EDITOR[1],
        "DJANGO_SUPERUSER_EMAIL": "",
    }


def manage(env, *argv):
    result = subprocess.run(
        [sys.executable, "manage.py", *argv],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"manage.py {' '.join(argv)}:\n{result.stderr}"


def prepare(env, seed="all"):
    """Migrates and seeds the database env's DATABASE_URL names and makes the
    editor's account, as `make serve` and an editor would. seed="interview":
    the interview's records only (`load_seed --interview-only`), for tests
    that need only a few published records: some 8 seconds on PostgreSQL here
    where the whole seed, the researched key figures included, took 43."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_seed", *(["--interview-only"] if seed == "interview" else []))
    manage(env, "createsuperuser", "--noinput")


@pytest.fixture(scope="session")
def stack():
    require_stack()
    # Not under pytest's temporary folder: that one is private to root, and the
    # cluster's files belong to the postgres user.
    folder = Path(tempfile.mkdtemp(prefix="portal-realstack-"))
    cluster = Cluster(folder)
    server = None
    try:
        cluster.init()
        env = server_env(cluster, 0)
        prepare(env)
        server = Server(folder, env)
        yield Stack(cluster, server.port, server.process, server.log)
    finally:
        if server is not None:
            server.stop()
        cluster.stop("fast")
        shutil.rmtree(folder, ignore_errors=True)


# An editor in the admin, over HTTP ------------------------------------------


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send for one form (the one with this id, or
    the first whose action contains `action`): inputs, checked boxes, selected
    options and text areas, with their default values."""

    def __init__(self, form_id=None, action=None):
        super().__init__()
        self.form_id = form_id
        self.action = action
        self.found = False
        self.inside = False
        self.fields = {}
        self.options = {}
        self._select = None
        self._textarea = None

    def _wanted(self, attrs):
        if self.found:
            return False
        if self.form_id is not None:
            return attrs.get("id") == self.form_id
        return self.action is not None and self.action in (attrs.get("action") or "")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self._wanted(attrs)
            self.found = self.found or self.inside
        if not self.inside or (not attrs.get("name") and tag != "option"):
            return
        name = attrs.get("name")
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value") or (
                "on" if kind == "checkbox" else ""
            )
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select:
            self.options.setdefault(self._select, []).append(attrs.get("value", ""))
            if "selected" in attrs or self._select not in self.fields:
                self.fields[self._select] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self.fields[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.inside = False


def form_fields(page, form_id=None, action=None):
    parser = FormFields(form_id, action)
    parser.feed(page)
    return parser.fields, parser.options


class Editor:
    """A signed-in admin session over plain HTTP (its cookies are sent to every
    server on 127.0.0.1, whatever the port)."""

    def __init__(self, base, username, password):
        self.base = base
        self.http = requests.Session()
        login = self.http.get(f"{base}/admin/login/", timeout=10)
        assert login.status_code == 200, login.status_code
        fields, _ = form_fields(login.text, "login-form")
        fields.update(username=username, password=password, next="/admin/")
        response = self.http.post(
            f"{base}/admin/login/", data=fields, timeout=10, allow_redirects=False
        )
        assert response.status_code == 302, "sign-in failed"
        assert self.csrf_token, "no CSRF cookie after sign-in"

    @property
    def csrf_token(self):
        return next((c.value for c in self.http.cookies if "csrftoken" in c.name), None)

    @property
    def session_id(self):
        return next((c.value for c in self.http.cookies if "sessionid" in c.name), None)

    def change(self, path, form_id, base=None, **changes):
        """Opens a change form, changes some fields and saves it; the answer."""
        url = f"{base or self.base}{path}"
        page = self.http.get(url, timeout=10)
        assert page.status_code == 200, page.status_code
        fields, _ = form_fields(page.text, form_id)
        # The inlines' empty templates are not rows.
        fields = {name: v for name, v in fields.items() if "__prefix__" not in name}
        fields.update(changes, csrfmiddlewaretoken=self.csrf_token, _save="Save")
        return self.http.post(url, data=fields, timeout=15, allow_redirects=False)
