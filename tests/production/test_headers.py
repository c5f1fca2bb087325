"""Headers and cookies under the production settings: the real settings module,
loaded in a subprocess with a production environment (tests/production/probe.py),
answering a public page, the admin before and after signing in, the API, its
docs and a static file."""

import re

import pytest

from tests.production.observatory import parse_csp, score

# The probe (tests/production/conftest.py) takes seconds, once on each worker that
# runs a test reading it: these tests all go to one worker.
# The probe runs on a SQLite file of its own (probe.production_env) in either pass.
pytestmark = [pytest.mark.xdist_group("production-probe"), pytest.mark.single_pass]

RESPONSES = [
    "public",
    "not-found",
    "api",
    "api-docs",
    "static",
    "admin-login",
    "admin-sign-in",
    "admin-index",
    "admin-changelist",
]
SHARED = {"api", "api-docs", "static"}


@pytest.mark.parametrize("name", RESPONSES)
def test_every_response_earns_an_a_plus_from_the_observatory_rules(production, name):
    response = production[name]
    assert response["status"] in (200, 302, 404), response["status"]
    total, modifiers = score(response["headers"], response["cookies"], response["body"])
    assert total >= 100, modifiers
    assert all(value >= 0 for value in modifiers.values()), modifiers


@pytest.mark.parametrize("name", RESPONSES)
def test_every_response_carries_the_security_headers(production, name):
    headers = production[name]["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    corp = "cross-origin" if name in SHARED else "same-origin"
    assert headers["Cross-Origin-Resource-Policy"] == corp
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in headers["Permissions-Policy"]
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])


@pytest.mark.parametrize("name", RESPONSES)
def test_the_content_security_policy_is_strict_and_has_no_nonce(production, name):
    policy = parse_csp(production[name]["headers"]["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    every = " ".join(source for sources in policy.values() for source in sources)
    assert "unsafe" not in every and "nonce-" not in every


def test_public_pages_stay_the_same_for_everyone(production):
    # Cacheable: no cookie, and nothing that varies per request but the id.
    public = production["public"]
    assert public["cookies"] == []
    assert "Cookie" not in public["headers"].get("Vary", "")
    assert "nonce" not in public["body"]


def cookie_flags(line):
    return [flag.strip().lower() for flag in line.split(";")[1:]]


def test_cookies_have_host_prefixed_names_and_every_protection(production):
    assert production["settings"]["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert production["settings"]["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    signed_in = production["admin-sign-in"]["cookies"]
    names = sorted(line.split("=", 1)[0] for line in signed_in)
    assert names == ["__Host-csrftoken", "__Host-sessionid", "__Host-signin-device"]
    for line in [*signed_in, *production["admin-login"]["cookies"]]:
        flags = cookie_flags(line)
        # The device cookie goes with the sign-in form's posts only.
        same_site = "samesite=strict" if "signin-device" in line else "samesite=lax"
        assert {"secure", "httponly", "path=/", same_site} <= set(flags), line
        assert not any(flag.startswith("domain") for flag in flags), line


def test_the_messages_cookie_has_the_host_prefix_too(production):
    assert production["settings"]["MESSAGES_COOKIE_NAME"] == "__Host-messages"
    saved = production["admin-saved"]
    assert saved["status"] == 302
    [line] = [line for line in saved["cookies"] if "messages" in line]
    assert line.startswith("__Host-messages=")
    flags = cookie_flags(line)
    assert {"secure", "httponly", "path=/", "samesite=lax"} <= set(flags), line
    assert not any(flag.startswith("domain") for flag in flags), line


def test_signing_in_reaches_the_admin(production):
    assert production["admin-index"]["status"] == 200
    assert production["admin-changelist"]["status"] == 200


def test_plain_http_is_redirected_to_https_except_the_probes(production):
    redirect = production["public-http"]
    assert redirect["status"] == 301
    assert redirect["headers"]["Location"] == "https://testserver/en/"
    # The redirect is no weaker than the page it leads to.
    assert "Content-Security-Policy" in redirect["headers"]
    assert production["healthz-http"]["status"] != 301


def test_static_files_are_shared_with_any_origin_and_cached_for_good(production):
    headers = production["static"]["headers"]
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "immutable" in headers["Cache-Control"]
    assert headers["Content-Type"].startswith("text/css")


def test_the_api_is_open_to_other_sites_without_credentials(production):
    headers = production["api"]["headers"]
    assert headers["Content-Type"] == "application/json"
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in headers


SECURE = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=31536000",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@pytest.mark.parametrize(
    ("change", "cookies", "result"),
    [
        ({"Content-Security-Policy": None}, [], "csp-not-implemented"),
        (
            {"Content-Security-Policy": "default-src 'self' 'unsafe-inline'"},
            [],
            "csp-implemented-with-unsafe-inline",
        ),
        ({"Strict-Transport-Security": "max-age=300"}, [], "hsts-implemented-max-age"),
        ({"X-Content-Type-Options": None}, [], "x-content-type-options"),
        ({}, ["sessionid=x; Path=/; Secure"], "cookies-session-without-httponly"),
        ({}, ["lang=x; Path=/"], "cookies-without-secure-flag"),
    ],
)
def test_the_observatory_rules_mark_down_weak_headers(change, cookies, result):
    headers = {
        name: value for name, value in {**SECURE, **change}.items() if value is not None
    }
    total, modifiers = score(headers, cookies)
    assert total < score(SECURE)[0]
    assert [value for name, value in modifiers.items() if name.startswith(result)]
    assert min(modifiers.values()) < 0, modifiers
