"""Logs as one JSON object a line on stdout (or plain text while developing), each
naming the request it belongs to, with personal data kept out.

settings.LOGGING uses `RequestContext` and `formatter()`; gunicorn.conf.py names
`GunicornLogger`, so gunicorn's access and error logs come out the same way.
What a line holds: time, level, logger, message, request_id and, for errors
answering a request, its method, path (never the query string) and status.
Never cookies, headers, form data or client addresses; anything shaped like an
email address is replaced by "[email]" on the way out.
"""

import contextvars
import logging
import os
import re
import sys

from gunicorn.glogging import Logger
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

# Set by portal.ops.middleware.RequestIdMiddleware while a request is answered.
request_id = contextvars.ContextVar("request_id", default="-")

EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(\.[\w-]+)+")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
JSON_FIELDS = ["levelname", "name", "message", "request_id"]
RENAMED = {
    "levelname": "level",
    "name": "logger",
    "status_code": "status",
}
# django.request and django.security attach the HttpRequest itself; its repr
# carries the query string, so only its method and path are kept.
DROPPED = [*RESERVED_ATTRS, "request", "server_time"]


def redact(text):
    return EMAIL.sub("[email]", text)


class RequestContext(logging.Filter):
    """Adds request_id (and method and path when a record names its request)."""

    def filter(self, record):
        request = getattr(record, "request", None)
        # Django logs 4xx responses after the middleware has finished, so the
        # request's own id comes first.
        record.request_id = getattr(request, "id", None) or request_id.get()
        if hasattr(request, "method") and hasattr(request, "path"):
            record.method = request.method
            record.path = request.path
        return True


class RedactingJsonFormatter(JsonFormatter):
    def format(self, record):
        return redact(super().format(record))


class RedactingTextFormatter(logging.Formatter):
    def format(self, record):
        return redact(super().format(record))


def formatter(kind):
    """The formatter for LOG_FORMAT: "json" or "text"."""
    if kind == "json":
        return RedactingJsonFormatter(
            JSON_FIELDS,
            rename_fields=RENAMED,
            reserved_attrs=DROPPED,
            timestamp="time",
            defaults={"request_id": "-"},
        )
    if kind == "text":
        return RedactingTextFormatter(TEXT_FORMAT, defaults={"request_id": "-"})
    raise ValueError(f"LOG_FORMAT must be json or text, not {kind!r}")


class GunicornLogger(Logger):
    """gunicorn's logs on stdout in the portal's format. An access line has the
    method, path, status, bytes sent, duration and request id: no query string,
    client address, user agent, referrer or cookie (the TLS proxy in front keeps
    the addresses, for as long as the operator's policy says)."""

    def setup(self, cfg):
        super().setup(cfg)
        chosen = formatter(os.environ.get("LOG_FORMAT") or "json")
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if isinstance(handler, logging.StreamHandler) and not isinstance(
                    handler, logging.FileHandler
                ):
                    handler.setStream(sys.stdout)
                handler.setFormatter(chosen)

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        headers = {name.lower(): value for name, value in (resp.headers or [])}
        fields = {
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": headers.get("x-request-id", "-"),
        }
        self.access_log.info(
            "%s %s %s", fields["method"], fields["path"], fields["status"], extra=fields
        )
