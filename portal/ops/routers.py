"""Public reads from a PostgreSQL streaming replica (DATABASE_REPLICA_URL).

ReplicaRouter sends the reads of a *public* request to the "replica" alias and
everything else to "default", the primary:

- A request is public when it is a GET or HEAD, outside the admin
  (settings.ADMIN_PATH) and without a session cookie. Editors always carry a
  session cookie, so everything they read, in the admin and on public pages,
  comes from the primary and shows their own saves at once (read-your-writes)
  however far the replica lags. ReplicaRoutingMiddleware decides this once per
  request and keeps it in a context variable.
- Outside a request (management commands, tests, the shell) everything goes
  to the primary, and so does every write.
- Only the content apps (portal, events, projects) are ever read from the
  replica, by app label, so new content models (the page cache's content
  token among them) follow without a change here; portal's Correction, which
  readers write and only editors read, stays on the primary, as do auth,
  sessions, the admin log, content types, axes, two-factor devices and
  reversion's history.
- Migrations run on the primary only; the replica receives them by streaming.

When the replica cannot be reached, public reads fall back to the primary: the
first replica read of a request checks the connection (the same check
CONN_HEALTH_CHECKS would run before the first query anyway, so no extra round
trip) and, if it fails, the process reads from the primary for
DATABASE_REPLICA_RETRY_SECONDS before trying again. A replica that dies in the
middle of a request fails that request (a 503, portal/ops/faults.py) and is marked
down for the requests after it. docs/scaling.md describes the whole set-up.
"""

import contextvars
import logging
import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DatabaseError, connections

logger = logging.getLogger("portal.ops.faults")

PRIMARY = "default"
REPLICA = "replica"
ROUTER = "portal.ops.routers.ReplicaRouter"

# Apps whose published records readers see; by app label, so that models added
# to them later follow.


class PublicRead:
    """A public request's routing state: whether the replica answered this
    request's connection check (None until its first replica read)."""

    __slots__ = ("replica_ok",)

    def __init__(self):
        self.replica_ok = None


# None outside a public request: the primary.
_public = contextvars.ContextVar("portal_public_read", default=None)

# Per process: until when (time.monotonic()) the replica counts as down.
_down_until = 0.0


def replica_down(seconds=None):
    """Send this process's public reads to the primary for a while."""
    global _down_until
    if seconds is None:
        seconds = settings.DATABASE_REPLICA_RETRY_SECONDS
    _down_until = time.monotonic() + seconds


def replica_marked_down():
    return time.monotonic() < _down_until


def _replica_usable(state):
    if state.replica_ok is None:
        if replica_marked_down():
            state.replica_ok = False
            return False
        connection = connections[REPLICA]
        try:
            # Drops a kept-open connection that no longer answers, then
            # (re)connects: at most DATABASE_CONNECT_TIMEOUT when the host is
            # gone, at once when it refuses.
            connection.close_if_health_check_failed()
            connection.ensure_connection()
        except DatabaseError as error:
            replica_down()
            logger.warning(
                "Database replica unavailable (%s); public reads go to the "
                "primary for %s s",
                type(error.__cause__ or error).__name__,
                settings.DATABASE_REPLICA_RETRY_SECONDS,
            )
            state.replica_ok = False
        else:
            state.replica_ok = True
    return state.replica_ok


def is_content(model):
    # The content apps (portal/core/content.py), the content token included:
    # it goes with the replica's data. Imported here: settings name this module
    # before the models can be imported.
    from portal.core import content

    meta = model._meta
    return meta.app_label in content.CONTENT_APPS and (
        meta.label_lower not in content.PRIVATE
    )


def is_public_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith("/" + settings.ADMIN_PATH)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _public.get()
        if state is not None and is_content(model) and _replica_usable(state):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of the primary: a record read from one may
        # point to a record read from the other.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReplicaRoutingMiddleware:
    """Marks public requests, whose content reads ReplicaRouter may send to
    the replica. Early in MIDDLEWARE, before anything that reads the database.
    Not used at all unless ReplicaRouter is in DATABASE_ROUTERS."""

    def __init__(self, get_response):
        if ROUTER not in settings.DATABASE_ROUTERS:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if not is_public_request(request):
            return self.get_response(request)
        state = PublicRead()
        token = _public.set(state)
        try:
            return self.get_response(request)
        finally:
            _public.reset(token)
            if state.replica_ok:
                self._check_after_errors()

    @staticmethod
    def _check_after_errors():
        # A query failed on the replica during this request: if the connection
        # is gone (not just a query cut by the statement timeout), later
        # requests read from the primary until the retry time.
        connection = connections[REPLICA]
        if connection.errors_occurred and not connection.is_usable():
            replica_down()
            logger.warning(
                "Database replica lost during a request; public reads go to "
                "the primary for %s s",
                settings.DATABASE_REPLICA_RETRY_SECONDS,
            )
