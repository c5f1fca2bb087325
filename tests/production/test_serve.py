"""`make serve` and gunicorn: refusals, the configuration from the environment,
and a real gunicorn answering through the TLS proxy's headers with JSON access
logs that hold no query strings, addresses or cookies."""

import http.client
import json
import os
import runpy
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

import pytest

from tests.production.probe import ROOT, production_env

GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi"]


def make_serve(**env):
    return subprocess.run(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize("debug", ["1", "true", "on"])
def test_make_serve_refuses_to_start_with_debug_on(debug):
    result = make_serve(
        DEBUG=debug,
        DATABASE_URL="postgres://db/portal",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode != 0
    assert "production runs with DEBUG off" in result.stderr
    assert "manage.py" not in result.stdout  # stopped before doing anything


def test_make_serve_names_every_missing_setting():
    result = make_serve(DEBUG="0", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "set DATABASE_URL ALLOWED_HOSTS SITE_URL in the environment" in result.stderr


def test_make_serve_wants_postgresql():
    result = make_serve(
        DATABASE_URL="sqlite:///db.sqlite3",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="a",
        SITE_URL="https://a",
    )
    assert result.returncode != 0
    assert "DATABASE_URL must be a postgres:// address" in result.stderr


def config(monkeypatch, **env):
    for name in (
        "BIND",
        "PORT",
        "WEB_CONCURRENCY",
        "GUNICORN_THREADS",
        "GUNICORN_TIMEOUT",
        "FORWARDED_ALLOW_IPS",
        "TRUSTED_PROXIES",
        "BEHIND_TLS_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_defaults(monkeypatch):
    conf = config(monkeypatch)
    assert conf["bind"] == ["127.0.0.1:8000"]
    assert 3 <= conf["workers"] <= 8
    assert (conf["threads"], conf["worker_class"]) == (1, "sync")
    assert conf["timeout"] == 30
    assert conf["max_requests"] > 0 and conf["max_requests_jitter"] > 0
    # No proxy configured: gunicorn believes no one's X-Forwarded-Proto.
    assert conf["forwarded_allow_ips"] == ""
    assert (conf["accesslog"], conf["errorlog"]) == ("-", "-")
    assert conf["logger_class"] == "portal.ops.logging.GunicornLogger"


def test_gunicorn_takes_its_settings_from_the_environment(monkeypatch):
    conf = config(
        monkeypatch,
        PORT="9001",
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="4",
        GUNICORN_TIMEOUT="20",
        TRUSTED_PROXIES="10.0.0.2,10.1.0.0/16",
    )
    assert conf["bind"] == ["127.0.0.1:9001"]
    assert (conf["workers"], conf["threads"], conf["worker_class"]) == (
        3,
        4,
        "gthread",
    )
    assert conf["timeout"] == 20
    assert conf["forwarded_allow_ips"] == "10.0.0.2,10.1.0.0/16"
    assert config(monkeypatch, BIND="0.0.0.0:80")["bind"] == ["0.0.0.0:80"]


def test_gunicorn_believes_the_proxies_django_believes(monkeypatch):
    # BEHIND_TLS_PROXY alone: a proxy on this machine, for both.
    conf = config(monkeypatch, BEHIND_TLS_PROXY="1")
    assert conf["forwarded_allow_ips"] == "127.0.0.1,::1"
    conf = config(monkeypatch, BEHIND_TLS_PROXY="1", TRUSTED_PROXIES="10.0.0.2")
    assert conf["forwarded_allow_ips"] == "10.0.0.2"


def test_gunicorn_refuses_the_retired_forwarded_allow_ips(monkeypatch):
    with pytest.raises(SystemExit, match="TRUSTED_PROXIES"):
        config(monkeypatch, FORWARDED_ALLOW_IPS="10.0.0.2")


# Production settings on an SQLite file of its own: once, in the SQLite pass.
@pytest.mark.single_pass
def test_gunicorn_accepts_the_configuration(tmp_path):
    result = subprocess.run(
        [*GUNICORN, "--check-config"],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, **headers):
    """(status, headers) of a GET, redirects not followed."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=10)
    try:
        connection.request("GET", f"{parts.path}?{parts.query}", headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, response.headers
    finally:
        connection.close()


@pytest.fixture
def gunicorn(tmp_path):
    """A real gunicorn (two workers) with the production settings behind a TLS
    proxy, on a free port; yields its address and a function returning its
    output once stopped."""
    env = production_env(
        tmp_path,
        BEHIND_TLS_PROXY="1",
        PORT=str(free_port()),
        WEB_CONCURRENCY="2",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    server = subprocess.Popen(
        GUNICORN, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{env['PORT']}"
    deadline = time.monotonic() + 30
    while True:
        try:
            fetch(f"{url}/healthz")
            break
        except OSError:
            assert server.poll() is None, server.communicate()
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
    output = {}

    def stop():
        if not output:
            server.terminate()
            stdout, stderr = server.communicate(timeout=30)
            output.update(stdout=stdout.decode(), stderr=stderr.decode())
        return output

    yield url, stop
    if server.poll() is None:
        stop()


# Production settings on an SQLite file of its own: once, in the SQLite pass.
@pytest.mark.single_pass
def test_gunicorn_serves_the_site_and_logs_json_access_lines(gunicorn):
    url, stop = gunicorn
    secret = "q=someone%40example.org&token=query-secret"
    status, headers = fetch(
        f"{url}/en/search/?{secret}",
        **{
            "X-Forwarded-Proto": "https",
            "X-Request-ID": "gunicorn-test-0001",
            "Cookie": "tracking=cookie-secret",
            "User-Agent": "agent-secret",
        },
    )
    assert status == 200
    assert headers["X-Request-ID"] == "gunicorn-test-0001"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    # Without the proxy's https header, plain http is redirected.
    status, headers = fetch(f"{url}/en/")
    assert status == 301 and headers["Location"].startswith("https://")

    output = stop()
    lines = [json.loads(line) for line in output["stdout"].splitlines()]
    [access] = [
        line for line in lines if line.get("request_id") == "gunicorn-test-0001"
    ]
    assert access["logger"] == "gunicorn.access"
    assert (access["method"], access["path"], access["status"]) == (
        "GET",
        "/en/search/",
        200,
    )
    assert access["duration_ms"] >= 0 and access["bytes"] > 0
    assert any(line["logger"] == "gunicorn.error" for line in lines)  # boot lines
    everything = output["stdout"] + output["stderr"]
    for leak in (
        "someone",
        "query-secret",
        "cookie-secret",
        "agent-secret",
        "127.0.0.1:",
    ):
        assert leak not in everything.replace(f"127.0.0.1:{url.rsplit(':', 1)[1]}", "")


def postgres_url():
    """The PostgreSQL pass's server (DATABASE_URL=postgres://…), else skip: `make
    serve` requires PostgreSQL, and CI's PostgreSQL pass (.ci/run) runs this."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("PostgreSQL pass only")
    return url


@pytest.fixture
def serve_database():
    """A new, empty database on the PostgreSQL pass's server, dropped after."""
    import psycopg

    server = urllib.parse.urlsplit(postgres_url())
    name = f"portal_serve_{secrets.token_hex(4)}"
    admin = server._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield server._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.xdist_group("make-serve")
def test_make_serve_checks_migrates_and_serves_with_postgresql(
    serve_database, tmp_path
):
    port = free_port()
    # The tests' own static files, which other tests' servers read meanwhile:
    # collecting into them (STATIC_ROOT unset) would delete and rewrite hashed
    # files under those servers' feet.
    ours = ROOT / "staticfiles"
    before = collected(ours)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost",
        "SITE_URL": f"http://localhost:{port}",
        "DATABASE_URL": serve_database,
        "BEHIND_TLS_PROXY": "1",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    # Its own process group, so gunicorn and its workers stop with make.
    serve = subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                status, headers = fetch(
                    f"http://localhost:{port}/en/", **{"X-Forwarded-Proto": "https"}
                )
                break
            except OSError:
                assert serve.poll() is None, serve.communicate()[0].decode()
                assert time.monotonic() < deadline, "make serve did not start"
                time.sleep(0.5)
        assert status == 200
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "default-src 'none'" in headers["Content-Security-Policy"]
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        output = serve.communicate(timeout=60)[0].decode()
    assert "manage.py check --deploy --fail-level WARNING" in output
    assert "gunicorn -c gunicorn.conf.py portal.wsgi" in output
    assert '"logger": "gunicorn.access"' in output
    assert (tmp_path / "static" / "staticfiles.json").exists()
    assert collected(ours) == before


def collected(folder):
    """Each file under folder, with its size and modification time."""
    return {
        (path, stat.st_size, stat.st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
        for stat in [path.stat()]
    }
