"""Logs: JSON lines on stdout naming the request, errors with what is needed to
act on them, and no secrets or personal data."""

import json
import logging
import subprocess
import sys

import pytest

from portal.ops.logging import RequestContext, formatter, request_id
from tests.production.probe import ROOT, production_env

# The probe (tests/production/conftest.py) takes seconds, once on each worker that
# runs a test reading it: these tests all go to one worker.
# The probe runs on a SQLite file of its own (probe.production_env) in either pass.
pytestmark = [pytest.mark.xdist_group("production-probe"), pytest.mark.single_pass]

SECRETS = [
    "form-password-secret",
    "cookie-value-secret",
    "query-secret",
    "header-secret",
    "reader@example.org",
    "reader%40example.org",
    "form@example.org",
    "203.0.113.7",
    "198.51.100.9",
    "tracking",
]


def error_lines(production):
    return [json.loads(line) for line in production["error"]["log"].splitlines()]


def test_an_error_is_logged_as_json_with_what_is_needed_to_act_on_it(production):
    assert production["error"]["status"] == 500
    [line] = [
        line for line in error_lines(production) if line["logger"] == "django.request"
    ]
    assert line["level"] == "ERROR"
    assert line["request_id"] == "probe-request-0001"
    assert (line["method"], line["path"], line["status"]) == ("POST", "/boom/", 500)
    assert "RuntimeError: the view failed" in line["exc_info"]
    assert line["time"].endswith("+00:00")


def test_no_secret_or_personal_data_reaches_the_log(production):
    log = production["error"]["log"]
    assert "/boom/" in log  # the log was captured
    for secret in SECRETS:
        assert secret not in log
    assert "?" not in "".join(line["path"] for line in error_lines(production))


def test_the_request_id_is_echoed_to_the_client(production):
    assert production["error"]["request_id"] == "probe-request-0001"


@pytest.mark.parametrize(
    "incoming", ["short", "x" * 65, "has space-123", "<script>alert(1)</script>"]
)
def test_an_unsafe_incoming_request_id_is_replaced(client, incoming):
    response = client.get("/robots.txt", headers={"x-request-id": incoming})
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_a_safe_incoming_request_id_is_kept(client):
    response = client.get("/robots.txt", headers={"x-request-id": "lb-7f3a.9_c-2"})
    assert response["X-Request-ID"] == "lb-7f3a.9_c-2"


def record(message, *args, **extra):
    item = logging.LogRecord(
        "portal", logging.WARNING, __file__, 1, message, args, None
    )
    item.__dict__.update(extra)
    RequestContext().filter(item)
    return item


def test_email_addresses_are_redacted_wherever_they_appear():
    item = record("Not Found: %s", "/en/people/someone@example.org/")
    for kind in ("json", "text"):
        text = formatter(kind).format(item)
        assert "someone@example.org" not in text
        assert "/en/people/[email]/" in text


def test_the_text_format_names_the_request():
    token = request_id.set("abc123def456")
    try:
        item = record("Something happened")
    finally:
        request_id.reset(token)
    assert "[abc123def456] Something happened" in formatter("text").format(item)


def test_a_wrong_log_format_is_refused(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=production_env(tmp_path, LOG_FORMAT="xml"),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "LOG_FORMAT must be json or text" in result.stderr


def test_a_not_found_logged_after_the_middleware_names_its_request(rf):
    # Django logs 4xx answers once the middleware chain has returned.
    request = rf.get("/en/missing/?email=someone@example.org")
    request.id = "lb-0123456789"
    item = record("Not Found: %s", request.path, request=request, status_code=404)
    line = json.loads(formatter("json").format(item))
    assert (line["request_id"], line["path"], line["status"]) == (
        "lb-0123456789",
        "/en/missing/",
        404,
    )
    assert "request" not in line and "someone" not in json.dumps(line)
