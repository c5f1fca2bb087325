"""The MDN HTTP Observatory's scoring rules, for one response's headers.

https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring: every
site starts at 100 and gains or loses points per test; 100 and above is A+.
Only the header tests are here (the Observatory fetches a page over the
network); `score` returns the total and the modifiers that made it, so a failing
assertion says which rule cost points.
"""

import re
from http.cookies import SimpleCookie

SIX_MONTHS = 15_768_000
# The Observatory treats cookies with these in their names as session cookies,
# which must be HttpOnly.
SESSION_NAMES = ("session", "sid", "csrf", "token", "auth")
PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


def parse_csp(value):
    policy = {}
    for directive in value.split(";"):
        name, *sources = directive.split()
        policy.setdefault(name.lower(), [s.lower() for s in sources])
    return policy


def _csp(headers, mods):
    value = headers.get("Content-Security-Policy")
    if not value:
        mods["csp-not-implemented"] = -25
        return {}
    policy = parse_csp(value)
    default = policy.get("default-src", [])
    scripts = policy.get("script-src", default)
    styles = policy.get("style-src", default)
    every = [source for sources in policy.values() for source in sources]
    if "'unsafe-inline'" in scripts:
        mods["csp-implemented-with-unsafe-inline"] = -20
    elif "'unsafe-eval'" in scripts:
        mods["csp-implemented-with-unsafe-eval"] = -10
    elif any(s == "http:" or s.startswith("http://") for s in every):
        mods["csp-implemented-with-insecure-scheme"] = -20
    elif "'unsafe-inline'" in styles:
        mods["csp-implemented-with-unsafe-inline-in-style-src-only"] = 0
    elif default == ["'none'"]:
        mods["csp-implemented-with-no-unsafe-default-src-none"] = 10
    else:
        mods["csp-implemented-with-no-unsafe"] = 5
    return policy


def _cookies(set_cookies, hsts, mods):
    if not set_cookies:
        mods["cookies-not-found"] = 0
        return
    secure = httponly_sessions = samesite = True
    for line in set_cookies:
        [name, *_] = SimpleCookie(line)
        flags = line.lower()
        session = any(part in name.lower() for part in SESSION_NAMES)
        secure &= "; secure" in flags
        if session:
            httponly_sessions &= "; httponly" in flags
        samesite &= bool(re.search(r"; samesite=(lax|strict)", flags))
        if name.startswith("__Host-"):
            # The prefix's own rules, which browsers enforce by dropping the cookie.
            assert "; secure" in flags and "; path=/" in flags, line
            assert "domain=" not in flags, line
    if not httponly_sessions:
        mods["cookies-session-without-httponly-flag"] = -30
    elif not secure:
        mods["cookies-without-secure-flag" + ("-but-protected-by-hsts" * hsts)] = (
            -5 if hsts else -20
        )
    elif samesite:
        mods["cookies-secure-with-httponly-sessions-and-samesite"] = 5
    else:
        mods["cookies-secure-with-httponly-sessions"] = 0


def _hsts(headers, mods):
    match = re.search(
        r"max-age=(\d+)", headers.get("Strict-Transport-Security", ""), re.I
    )
    if not match:
        mods["hsts-not-implemented"] = -20
        return False
    if int(match[1]) < SIX_MONTHS:
        mods["hsts-implemented-max-age-less-than-six-months"] = -10
    else:
        mods["hsts-implemented-max-age-at-least-six-months"] = 0
    return True


def score(headers, set_cookies=(), html=""):
    """(total, {test result: modifier}) for a response's headers, its Set-Cookie
    lines and, for HTML, its text (scripts from elsewhere need SRI)."""
    mods = {}
    policy = _csp(headers, mods)
    hsts = _hsts(headers, mods)
    _cookies(set_cookies, hsts, mods)
    if headers.get("X-Content-Type-Options", "").lower() != "nosniff":
        mods["x-content-type-options-not-implemented"] = -5
    if policy.get("frame-ancestors") in (["'none'"], ["'self'"]):
        mods["x-frame-options-implemented-via-csp"] = 5
    elif headers.get("X-Frame-Options", "").upper() not in ("DENY", "SAMEORIGIN"):
        mods["x-frame-options-not-implemented"] = -20
    referrer = headers.get("Referrer-Policy", "").split(",")[-1].strip().lower()
    if referrer in PRIVATE_REFERRERS:
        mods["referrer-policy-private"] = 5
    elif referrer in ("unsafe-url", "no-referrer-when-downgrade"):
        mods["referrer-policy-unsafe"] = -5
    # Public data for any origin ("*") is fine; credentials for any origin not.
    credentials = headers.get("Access-Control-Allow-Credentials", "").lower()
    if headers.get("Access-Control-Allow-Origin") and credentials == "true":
        mods["cross-origin-resource-sharing-implemented-with-universal-access"] = -50
    if re.search(r"<script[^>]+src=[\"']?(https?:)?//", html, re.I):
        mods["sri-not-implemented-but-external-scripts-loaded-securely"] = -5
    penalties = sum(value for value in mods.values() if value < 0)
    bonuses = sum(value for value in mods.values() if value > 0)
    # Bonus points count only for a site at A (90) or better without them.
    return 100 + penalties + (bonuses if 100 + penalties >= 90 else 0), mods
