"""The real stack: gunicorn serving the portal from its own throwaway PostgreSQL
cluster, both on loopback, for tests that stop the database under a running
server or put load on it.

`stack` (one per session) initialises a cluster in a temporary folder (as the
postgres user when the tests run as root, since PostgreSQL refuses root), creates
a database, migrates and seeds it, makes an editor account and starts gunicorn
with production settings (DEBUG off) and gunicorn.conf.py, the way `make serve`
does. Plain HTTP on loopback, so secure cookies and the HTTPS redirect are off.

These tests run in the PostgreSQL pass only (DATABASE_URL=postgres://…); the
SQLite pass skips them. With CI=1 a missing PostgreSQL server or gunicorn fails
them instead of skipping.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

REPO = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).with_name("gunicorn")
EDITOR = ("stack-editor", "stack-editor-password-4f9c2d")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


class Cluster:
    """A PostgreSQL cluster of its own, on a free loopback port."""

    def __init__(self, folder):
        self.bindir = pg_bindir()
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
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

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
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


def wait_until_ready(base, process, log, timeout=30):
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{log.read_text()[-4000:]}")
        with contextlib.suppress(OSError, urllib.error.URLError):
            with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.2)
    raise AssertionError(
        f"gunicorn not ready in {timeout} s:\n{log.read_text()[-4000:]}"
    )


@pytest.fixture(scope="session")
def stack():
    require_stack()
    # Not under pytest's temporary folder: that one is private to root, and the
    # cluster's files belong to the postgres user.
    folder = Path(tempfile.mkdtemp(prefix="portal-realstack-"))
    cluster = Cluster(folder)
    port = free_port()
    env = server_env(cluster, port)
    log = folder / "gunicorn.log"
    process = None
    try:
        cluster.init()
        manage(env, "migrate", "--noinput")
        manage(env, "load_seed")
        manage(env, "createsuperuser", "--noinput")
        with log.open("w") as output:
            process = subprocess.Popen(
                [
                    str(GUNICORN),
                    "-c",
                    "gunicorn.conf.py",
                    # Its own control socket, not the one in ~/.gunicorn that any
                    # other gunicorn on this machine uses too.
                    f"--control-socket={folder / 'gunicorn.ctl'}",
                    "portal.wsgi",
                ],
                cwd=REPO,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_until_ready(f"http://127.0.0.1:{port}", process, log)
        yield Stack(cluster, port, process, log)
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        cluster.stop("fast")
        shutil.rmtree(folder, ignore_errors=True)
