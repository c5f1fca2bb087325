"""Settings for the China–Azerbaijan Relations Portal.

Everything that differs between a laptop and production comes from environment
variables (see README.md). Development needs none: `make run` sets DEBUG=1 and the
database is an SQLite file in the project folder.
"""

import ipaddress
import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name} must be a boolean (1/0, true/false), not {value!r}"
    )


def env_list(name):
    return [
        item.strip() for item in os.environ.get(name, "").split(",") if item.strip()
    ]


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be an integer, not {value!r}"
        ) from None


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not DEBUG:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
elif not SECRET_KEY:
    # Only ever used with DEBUG on, on a developer's own machine.
    SECRET_KEY = "django-insecure-development-only-key-never-used-with-debug-off"

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


def site_url(value):
    """SITE_URL as "scheme://host[:port]": an http(s) address with nothing after
    the host but an optional "/"."""
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(
            "SITE_URL must be the site's address, such as "
            f"https://portal.example.org, not {value!r}"
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


# The site's own address, from which every absolute URL it writes is made
# (canonical links, feeds, the sitemap, the API…: portal/core/siteurl.py), never from
# the request's Host header. In development (DEBUG, no SITE_URL) the address the
# page was asked for.
SITE_URL = site_url(os.environ["SITE_URL"]) if os.environ.get("SITE_URL") else ""
if not DEBUG and not SITE_URL:
    raise ImproperlyConfigured(
        "SITE_URL must be set when DEBUG is off (e.g. https://portal.example.org)."
    )

INSTALLED_APPS = [
    # Before the admin, so its translation tabs and widgets take precedence.
    "modeltranslation",
    # django.contrib.admin, with two-factor sign-in (portal/editorial/twofactor.py).
    "portal.editorial.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The search documents' tsvector field and GIN indexes (portal/search/).
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "reversion",
    "reversion_compare",
    "concurrency",
    "import_export",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # The layers, bottom to top (docs/architecture.md): the shared core (label
    # "portal"), the record apps, operations, then the features.
    "portal.core",
    "events",
    "projects",
    "portal.ops",
    # Counts for the limits (API, corrections form, sign-in), in the database.
    "portal.ops.limits",
    # The site search's stored documents, read by the search page.
    "portal.search",
    "portal.site",
    "portal.opendata",
    "portal.editorial",
]

MIDDLEWARE = [
    # Before anything reads them: X-Forwarded-For and X-Forwarded-Proto count
    # only from TRUSTED_PROXIES (portal/ops/security.py).
    "portal.ops.security.ProxyHeadersMiddleware",
    # Every 429, whatever answered it, is kept by no cache.
    "portal.ops.security.NoStoreWhenLimitedMiddleware",
    # First, so every response (redirects and static files too) carries the id
    # and everything logged while answering it names it.
    "portal.ops.middleware.RequestIdMiddleware",
    # Before anything that reads the database: with DATABASE_REPLICA_URL, marks
    # readers' requests, whose reads may go to the replica (portal/ops/routers.py).
    "portal.ops.routers.ReplicaRoutingMiddleware",
    # Before SecurityMiddleware and whitenoise, so its https redirects and the
    # static files get these headers too.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.ops.middleware.CrossOriginResourcePolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # /healthz and /readyz, answered before CommonMiddleware checks the Host
    # (probes use the instance's address) but after the header middleware.
    "portal.ops.health.HealthCheckMiddleware",
    # A database outage raised by a view becomes a 503 page (portal/ops/faults.py).
    "portal.ops.faults.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware, so even its redirects carry the CORS headers, and
    # before the HTTP cache, so the API's 304s do too.
    "corsheaders.middleware.CorsMiddleware",
    # ETag, Last-Modified and Cache-Control for readers; 304s before the page
    # cache and the views (portal/ops/httpcache.py).
    "portal.ops.httpcache.HttpCacheMiddleware",
    # Anonymous reads of public pages answered from the cache (portal/ops/pagecache.py).
    "portal.ops.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signs out sessions SESSION_MAX_HOURS after their sign-in (portal/ops/security.py).
    "portal.ops.security.SessionLifetimeMiddleware",
    # Whether the session was signed in with a code: request.user.is_verified().
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After an editor's request that changed published content, builds the full
    # dataset again when it is small (portal/opendata/dataset.py).
    "portal.opendata.dataset.RebuildAfterChangeMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "portal.core.datacache.template_context",
                "portal.core.siteurl.template_context",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 15000)


def database(url):
    """One DATABASES entry from a URL, with the timeouts and health checks
    every connection needs."""
    entry = dj_database_url.parse(
        url, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True
    )
    if entry["ENGINE"] == "django.db.backends.postgresql":
        # A dead or hung database must fail a request quickly, not hang it.
        entry.setdefault("OPTIONS", {}).update(
            {
                "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 3),
                "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
            }
        )
    return entry


# No DATABASE_URL: the embedded SQLite file. postgres://… : PostgreSQL via psycopg 3.
DATABASES = {
    "default": database(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
# A PostgreSQL streaming replica of it: readers' pages read from there, editors
# and every write use the primary (portal/ops/routers.py, docs/scaling.md).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = database(DATABASE_REPLICA_URL)
    if {DATABASES[alias]["ENGINE"] for alias in DATABASES} != {
        "django.db.backends.postgresql"
    }:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL needs PostgreSQL, in DATABASE_URL too."
        )
    # Tests use the test database for both, not a second test database.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["portal.ops.routers.ReplicaRouter"]
# While the replica cannot be reached a process reads from the primary, trying
# the replica again after this many seconds.
DATABASE_REPLICA_RETRY_SECONDS = env_int("DATABASE_REPLICA_RETRY_SECONDS", 10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("az", "Azərbaycanca"),
    ("zh-hans", "简体中文"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FILTERS_EMPTY_CHOICE_LABEL = _("Any")
TIME_ZONE = "Asia/Baku"
USE_I18N = True
USE_TZ = True

# Record content: English is the language every record must have; the others fall
# back to it, and pages say so.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The admin's translation tabs (django-modeltranslation reads this name) load
# jQuery UI from static/vendor/, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
# Where collectstatic writes (and whitenoise serves from): one folder per
# installed copy of the site; a second copy collecting into the same folder
# deletes and rewrites hashed files that the first is serving.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Media: files the site writes, today only the downloads it builds once per
# content token (portal/core/datacache.py), kept on the local disk here (shared by
# every worker of this machine) or in the S3 bucket (AWS_STORAGE_BUCKET_NAME).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}


def tile_origin(url):
    """Where map tiles come from, as a CSP source: "https://tiles.example.org"
    ("{s}." subdomains become "*."); None when they are this site's own or off."""
    if not url:
        return None
    if not all(part in url for part in ("{z}", "{x}", "{y}")):
        raise ImproperlyConfigured(
            f"MAP_TILE_URL must contain {{z}}, {{x}} and {{y}}, not {url!r}"
        )
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc and url.startswith("/"):
        return None
    host = parts.netloc.removeprefix("{s}.")
    if parts.scheme not in ("http", "https") or not host or set("{}@") & set(host):
        raise ImproperlyConfigured(
            f"MAP_TILE_URL must be an http(s) address or a path, not {url!r}"
        )
    wildcard = "*." if parts.netloc.startswith("{s}.") else ""
    return f"{parts.scheme}://{wildcard}{host}"


# Map tiles (the pictures under the markers) from OpenStreetMap unless an
# installation names its own; an empty MAP_TILE_URL turns the map off and pages
# show only the list of places. The attribution is HTML, shown on the map.
MAP_TILE_URL = os.environ.get(
    "MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
    "contributors",
)
MAP_TILE_ORIGIN = tile_origin(MAP_TILE_URL)

# Every page, the admin and the API docs run with no inline script or style, so
# the policy is strict; no nonce, so public pages stay cacheable. connect-src
# serves the map's GeoJSON and the API docs' fetch of the schema.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *filter(None, [MAP_TILE_ORIGIN])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Features no page uses, denied to the page and anything it embeds
# (django-permissions-policy's middleware sends it).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "bluetooth": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
# Production (DEBUG off) is HTTPS-only: plain HTTP is redirected, except the load
# balancer's probes, and browsers are told to stay on HTTPS for a year.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
if not SECURE_HSTS_PRELOAD:
    # Preloading is a commitment an installation makes for its whole domain
    # (README, Production); until it opts in, check --deploy need not nag.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Believed only from TRUSTED_PROXIES: ProxyHeadersMiddleware drops it otherwise.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY") else None
)
# Cookies: Secure unless DEBUG is on (make run serves plain http); secure ones
# get the __Host- prefix, which browsers accept only with Secure, Path=/ and no
# Domain, so no subdomain can set or shadow them. Neither is read by JavaScript.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
_COOKIE_PREFIX = "__Host-" if SESSION_COOKIE_SECURE else ""
SESSION_COOKIE_NAME = f"{_COOKIE_PREFIX}sessionid"
CSRF_COOKIE_NAME = f"{_COOKIE_PREFIX}csrftoken"
# Messages ("there is no page 7") in a cookie named like them (portal/ops/security.py).
MESSAGE_STORAGE = "portal.ops.security.MessageStorage"
MESSAGES_COOKIE_NAME = f"{_COOKIE_PREFIX}messages"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LOGIN_URL = "admin:login"

# Imports: a file is imported whole or not at all. Exported text cells that a
# spreadsheet would run as formulas (starting with =, +, -, @, tab or CR) get a
# leading apostrophe in portal/core/resources.py, which re-import strips again;
# django-import-export's own escaping only drops a leading "=" (losing data and
# missing the rest), so it stays off.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# CSV and XLSX only, in this order (the upload form's format 0 is CSV, 1 is XLSX).
# The setting takes the format classes themselves, hence the import here.
from import_export.formats import base_formats  # noqa: E402

IMPORT_EXPORT_FORMATS = [base_formats.CSV, base_formats.XLSX]

# Import uploads are refused above IMPORT_MAX_ROWS rows or IMPORT_MAX_BYTES bytes
# (portal/core/uploads.py checks both, and the type, before the rows are read): what
# one request previews or confirms well within GUNICORN_TIMEOUT on a small server
# (docs/import-format.md, "Limits", has the measurements). Record bodies are
# Markdown, rendered by portal/core/markdown.py.
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 300)
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 1024 * 1024)
# A records bundle (docs/bundle-format.md) is one JSON file of many records; it
# travels from the preview to the confirmation inside the form, so it stays
# under the form's limit (DATA_UPLOAD_MAX_MEMORY_SIZE).
BUNDLE_MAX_BYTES = env_int("BUNDLE_MAX_BYTES", 2 * 1024 * 1024)
# And at most this many records (every section's entries together) in the
# admin: the confirmation plans the bundle again and writes it, about 75 ms a
# record on a quiet two-CPU machine (36 ms to plan, 39 to write; measured with
# the researched bundle, 530 records, on SQLite), so 100 records take about 8 s,
# well within GUNICORN_TIMEOUT even at half speed. Larger bundles go through
# `manage.py import_records`, which has no time limit (docs/bundle-format.md).
BUNDLE_MAX_RECORDS = env_int("BUNDLE_MAX_RECORDS", 100)
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2621440, BUNDLE_MAX_BYTES + 65536)
if IMPORT_MAX_ROWS < 1 or IMPORT_MAX_BYTES < 1 or BUNDLE_MAX_RECORDS < 1:
    raise ImproperlyConfigured(
        "IMPORT_MAX_ROWS, IMPORT_MAX_BYTES and BUNDLE_MAX_RECORDS must be positive."
    )

# The JSON API (/api/v1/, portal/opendata/api/, docs/api.md): read-only,
# anonymous, paged, rate-limited per address through the cache.
API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100
# Requests per client address: "120/min"; s, min, hour or day.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT") or "120/min"
if not re.fullmatch(r"\d+/(s|sec|m|min|h|hour|d|day)", API_RATE_LIMIT):
    raise ImproperlyConfigured(
        f"API_RATE_LIMIT must look like 120/min, not {API_RATE_LIMIT!r}"
    )
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["portal.opendata.api.throttling.AddressRateThrottle"],
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "China–Azerbaijan Relations Portal API",
    "VERSION": "1.0.0",
    "DESCRIPTION": (
        "Read-only access to every published record of the portal: events, "
        "agreements, projects, people, organisations, places, key figures and "
        "sources, with their citations. Records are published under the Creative "
        "Commons Attribution 4.0 licence (CC BY 4.0); please cite the portal and "
        "the original sources."
    ),
    "LICENSE": {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    },
    "SERVERS": [{"url": "/", "description": "This site"}],
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Not built by `check --deploy` (it would query the database for the
    # filters' choices); tests/opendata/api/test_schema.py tests the schema instead.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    # One name for each choice set several fields share.
    "ENUM_NAME_OVERRIDES": {
        "PrecisionEnum": "portal.core.dates.Precision",
        "QualifierEnum": "portal.core.models.indicators.Qualifier",
        "CurrencyEnum": "portal.core.models.indicators.Currency",
        "MeasureQualifierEnum": "projects.models.MeasureQualifier",
        "MeasureRankEnum": "projects.models.Rank",
        "PartnerRoleEnum": "projects.models.PartnerRole",
    },
}
# Anyone may read the open data from a browser on another site: the API here,
# and the views marked open_data (feeds, calendar, downloads, dataset, GeoJSON,
# sitemap) through portal/ops/middleware.py. Pages and the admin do not cross.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# What a reader's browser code may send: its language and format, and the
# validators of an answer it kept (no credentials: nothing reads them).
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "if-modified-since",
    "if-none-match",
    "x-requested-with",
]
# What browser code may read beyond the CORS-safelisted headers: when to try
# again after a 429 or 503, the validators for its own conditional requests,
# a download's file name.
CORS_EXPOSE_HEADERS = [
    "Retry-After",
    "ETag",
    "Last-Modified",
    "Content-Disposition",
    "Content-Language",
    "X-Request-ID",
]

# Logs go to stdout: JSON lines in production, text while developing; each names
# its request id and none holds cookies, form data, addresses or emails
# (portal/ops/logging.py). gunicorn's own logs match (gunicorn.conf.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT") or ("text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "portal.ops.logging.RequestContext"}},
    "formatters": {
        "portal": {"()": "portal.ops.logging.formatter", "kind": LOG_FORMAT},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request"],
            "formatter": "portal",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Faults: database outages and the cache.
# While the database is down pages answer 503 (portal/ops/faults.py) with this
# Retry-After, in seconds.
DB_OUTAGE_RETRY_AFTER = env_int("DB_OUTAGE_RETRY_AFTER", 30)
# With REDIS_URL the default cache is Redis, shared by every app server (editors'
# sessions, import files awaiting confirmation); without it each process has its
# own, which nothing that must be shared uses.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # A Redis outage must not take pages down: reads miss, writes
                # are dropped, and each try gives up within half a second.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    # Rendered public pages (portal/ops/pagecache.py), shared by every app server.
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
    # Facet counts, years and charts under the content token (portal/core/datacache.py).
    CACHES["data"] = {**CACHES["default"], "KEY_PREFIX": "data"}
    # Rendered pieces of pages (cards, filter forms; portal/core/fragments.py).
    CACHES["fragments"] = {**CACHES["default"], "KEY_PREFIX": "fragments"}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Rendered public pages (portal/ops/pagecache.py), each process its own:
        # at most PAGE_CACHE_MAX_ENTRIES of them, the oldest dropped first.
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 500)},
        },
        # Facet counts, years and charts under the content token
        # (portal/core/datacache.py): small entries, many pages share each.
        "data": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "data",
            "OPTIONS": {"MAX_ENTRIES": env_int("DATA_CACHE_MAX_ENTRIES", 2000)},
        },
        # Rendered pieces of pages (portal/core/fragments.py): a card per record
        # and language, so many more entries than the data cache, each about a
        # kilobyte; kept apart so they never push out the facet counts.
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragments",
            "OPTIONS": {"MAX_ENTRIES": env_int("FRAGMENT_CACHE_MAX_ENTRIES", 5000)},
        },
    }
# Logged (logger django_redis) each time an outage is ignored, so it is seen.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Limits (the API's requests per client, the corrections form, the sign-in
# slow-down) count where every server process sees the same numbers
# (portal/ops/limits/store.py): "database" (a table, one atomic statement per
# count) or "redis" (REDIS_URL). A count kept per process would multiply each
# limit by the number of processes, so nothing else is accepted.
RATE_LIMIT_STORE = os.environ.get("RATE_LIMIT_STORE") or (
    "redis" if REDIS_URL else "database"
)
if RATE_LIMIT_STORE not in ("database", "redis"):
    raise ImproperlyConfigured(
        "RATE_LIMIT_STORE must be shared by every server process: database or "
        f"redis, not {RATE_LIMIT_STORE!r}"
    )
if RATE_LIMIT_STORE == "redis" and not REDIS_URL:
    raise ImproperlyConfigured("RATE_LIMIT_STORE=redis needs REDIS_URL.")
# With Redis down the limits cannot count: let requests through (the form's
# honeypot still stops robots) rather than refuse everyone.
RATELIMIT_FAIL_OPEN = True

# Sign-in: client addresses, lock-out, two-factor sign-in, admin path, sessions.


def proxy_networks(value):
    """TRUSTED_PROXIES checked: comma-separated addresses or networks (CIDR)."""
    networks = []
    for item in filter(None, (part.strip() for part in value.split(","))):
        try:
            networks.append(str(ipaddress.ip_network(item)))
        except ValueError:
            raise ImproperlyConfigured(
                "TRUSTED_PROXIES must list addresses or networks such as "
                f"10.0.0.2 or 10.0.0.0/24, not {item!r}"
            ) from None
    return networks


# Who is asking: the peer's own address, unless the peer is one of these
# proxies; then the client is the first address in X-Forwarded-For, read from
# the right, that is not one of them (portal/ops/security.py client_ip). One
# setting for HTTPS detection, the sign-in lock-out, the API throttle and the
# corrections form, and gunicorn's forwarded_allow_ips (gunicorn.conf.py).
# BEHIND_TLS_PROXY alone means a proxy on this machine.
TRUSTED_PROXIES = proxy_networks(
    os.environ.get("TRUSTED_PROXIES")
    or ("127.0.0.1,::1" if env_bool("BEHIND_TLS_PROXY") else "")
)
for _retired in ("TRUSTED_PROXY_COUNT", "FORWARDED_ALLOW_IPS"):
    # Counting proxies trusted any peer that sent enough entries; an old
    # setting left in place must not be silently ignored.
    if _retired in os.environ:
        raise ImproperlyConfigured(
            f"{_retired} is no longer read: list the proxies' addresses in "
            "TRUSTED_PROXIES instead (README, Production)."
        )


def admin_path(value):
    """ADMIN_PATH checked: lower-case slug segments, each ending in "/"."""
    if not re.fullmatch(r"([a-z0-9][a-z0-9_-]*/)+", value):
        raise ImproperlyConfigured(
            f'ADMIN_PATH must look like "admin/" or "control-7f3/", not {value!r}'
        )
    return value


# Where the admin answers. A path of its own keeps robots from finding the
# sign-in form; robots.txt names the admin only at the well-known /admin/.
ADMIN_PATH = admin_path(os.environ.get("ADMIN_PATH") or "admin/")

# django-axes: AXES_FAILURE_LIMIT failed sign-ins from one address (an IPv6
# /64) to one account lock that pair for AXES_COOLOFF_TIME, counted from the
# failure that locked it (tries during the lock are refused unchecked and do
# not restart it). Other addresses are not locked: a lock per account would let
# anyone keep an editor out; instead the account is slowed down (below).
# Attempts are kept in the database, so every server process sees them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.ops.security.client_key"
# The lock-out page (admin/portal/locked_out.html) saying how long is left.
AXES_LOCKOUT_CALLABLE = "portal.editorial.signin.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# The code from an authenticator app is a secret too: never stored or logged.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]
# The slow-down (portal/editorial/signin.py): once an account has had AXES_FAILURE_LIMIT
# failures within AXES_COOLOFF_TIME, from anywhere, its password is checked
# again only 1, 2, 4… seconds (at most this many) after its last failure. A
# browser the editor has signed in with (a signed cookie, for 90 days) is let
# past the wait, AXES_FAILURE_LIMIT times per cool-off.
SIGNIN_SLOWDOWN_MAX_SECONDS = env_int("SIGNIN_SLOWDOWN_MAX_SECONDS", 60)
SIGNIN_DEVICE_COOKIE_NAME = f"{_COOKIE_PREFIX}signin-device"
SIGNIN_DEVICE_COOKIE_AGE = 90 * 24 * 3600
if SIGNIN_SLOWDOWN_MAX_SECONDS < 1:
    raise ImproperlyConfigured("SIGNIN_SLOWDOWN_MAX_SECONDS must be 1 or more.")

# Two-factor sign-in (portal/editorial/twofactor.py). Off: editors may set up an
# app, and then need its code. On: every staff account needs one.
REQUIRE_2FA = env_bool("REQUIRE_2FA")
# The name authenticator apps show next to the account.
OTP_TOTP_ISSUER = "China–Azerbaijan Relations Portal"
# After each wrong code the next is checked only after 1, 2, 4, 8… seconds.
OTP_TOTP_THROTTLE_FACTOR = 1

# Sessions (only editors have any): signed out after SESSION_IDLE_MINUTES
# without a request (each request pushes the expiry on), SESSION_MAX_HOURS
# after signing in however busy (portal/ops/security.py), and when the browser
# closes.
SESSION_COOKIE_AGE = 60 * env_int("SESSION_IDLE_MINUTES", 30)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_MAX_AGE_SECONDS = 3600 * env_int("SESSION_MAX_HOURS", 12)
if SESSION_COOKIE_AGE <= 0 or SESSION_MAX_AGE_SECONDS <= 0:
    raise ImproperlyConfigured(
        "SESSION_IDLE_MINUTES and SESSION_MAX_HOURS must be more than 0."
    )

# Cached public pages (portal/ops/pagecache.py): kept for PAGE_CACHE_SECONDS (0 turns
# the cache off), and never served after a change once each process has re-read
# the content token, which it does at most every PAGE_CACHE_CHECK_SECONDS.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_CHECK_SECONDS = env_int("PAGE_CACHE_CHECK_SECONDS", 2)
# Larger answers (the dataset download, big exports) are not cached.
PAGE_CACHE_MAX_BYTES = env_int("PAGE_CACHE_MAX_BYTES", 1024 * 1024)
# What many pages compute alike (facet counts, years, charts; portal/core/datacache.py)
# is kept for DATA_CACHE_SECONDS under the same token (0 turns it off).
DATA_CACHE_SECONDS = env_int("DATA_CACHE_SECONDS", 300)

# HTTP caching (portal/ops/httpcache.py): what readers get says
# "Cache-Control: public, max-age=HTTP_CACHE_MAX_AGE, s-maxage=HTTP_CACHE_S_MAXAGE",
# with an ETag and Last-Modified from the content token. Browsers reuse an answer
# for max-age seconds, a CDN or proxy in front for s-maxage (so a change reaches
# its readers within that time); after that they ask again and are answered
# 304 Not Modified, cheaply, while nothing has changed. 0 makes them ask every
# time.
HTTP_CACHE_MAX_AGE = env_int("HTTP_CACHE_MAX_AGE", 60)
HTTP_CACHE_S_MAXAGE = env_int("HTTP_CACHE_S_MAXAGE", 300)
if HTTP_CACHE_MAX_AGE < 0 or HTTP_CACHE_S_MAXAGE < 0:
    raise ImproperlyConfigured(
        "HTTP_CACHE_MAX_AGE and HTTP_CACHE_S_MAXAGE must be 0 or more seconds."
    )
# How long an editor's preview link for a draft stays valid (portal/core/workflow.py).
PREVIEW_MAX_AGE_SECONDS = env_int("PREVIEW_MAX_AGE_SECONDS", 3600)
if not 60 <= PREVIEW_MAX_AGE_SECONDS <= 7 * 24 * 3600:
    raise ImproperlyConfigured("PREVIEW_MAX_AGE_SECONDS must be from 60 to 604800.")
# The sitemap's sections (portal/opendata/sitemaps.py) are cut into pages of at most
# this many addresses; the sitemap protocol allows 50,000, and a smaller page is
# built sooner and in less memory.
SITEMAP_SECTION_SIZE = env_int("SITEMAP_SECTION_SIZE", 10000)
if not 1 <= SITEMAP_SECTION_SIZE <= 50000:
    raise ImproperlyConfigured("SITEMAP_SECTION_SIZE must be from 1 to 50000.")
# The full dataset (portal/opendata/dataset.py): its dated files are kept in this
# folder of the media storage (MEDIA_ROOT or the S3 bucket); built by
# `manage.py build_dataset`, and again after an editor's change (once the answer is
# sent) while there are at most DATASET_REBUILD_MAX_RECORDS published records (0:
# only by the command).
DATASET_FOLDER = os.environ.get("DATASET_FOLDER") or "dataset"
DATASET_REBUILD_MAX_RECORDS = env_int("DATASET_REBUILD_MAX_RECORDS", 1000)

# --- scaleout (issue 8) ---
# Several app servers behind a load balancer (docs/scaling.md). With Redis,
# sessions are read from the shared cache and written through to the database,
# so a Redis outage or eviction signs nobody out (the `cache` engine would, and
# with IGNORE_EXCEPTIONS nobody could sign in while Redis is down).
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # An import file waits between its preview and its confirmation; in the
    # shared cache (for a day) any server can confirm it, where a temporary
    # file would be on the one server that took the upload.
    IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"

# Media (uploaded files; the portal has none yet) on S3-compatible storage
# through django-storages when a bucket is named, else on the local disk.
# Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read from the
# environment by django-storages and boto3 themselves (or an instance role).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # None: Amazon S3 itself; otherwise MinIO, Ceph, Garage, R2…
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # A CDN or public host name for the files: plain URLs, unsigned.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Otherwise URLs are signed and expire, so the bucket stays private.
            "querystring_auth": True,
            # A second file of the same name gets a new name, as on disk.
            "file_overwrite": False,
            # The bucket's own policy decides who may read, not per-file ACLs
            # (which new AWS buckets refuse).
            "default_acl": None,
        },
    }
