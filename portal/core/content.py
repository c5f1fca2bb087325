"""The content registry and its token.

The content apps are declared here once: every model in them is something
readers see (M2M link tables included), apart from NOT_CONTENT. The page cache
(portal/ops/pagecache.py), the data cache (portal/core/datacache.py), the
database router (portal/ops/routers.py), the health check and the signals
below all read this one list.

The content token is one row in the database (ContentToken). Every save,
delete or relation change of a content model replaces it, in the same
transaction as the change (signals connected in CoreConfig.ready). Each process
reads it at most every PAGE_CACHE_CHECK_SECONDS, in the same query as the time
of the latest publication that has come due, so a record scheduled for later
appears on time without anyone saving anything. Whatever is cached under the
token is never stale for longer than that.
"""

import contextvars
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.db import router
from django.db.models import DateTimeField, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from portal.core.models import ContentToken, Status, WorkflowModel
from portal.core.models.cache import new_token

#: The apps whose records readers see; every model in them counts, except these.
CONTENT_APPS = ("portal", "events", "projects")
#: Rows of a content app that readers never see: always read from the primary.
#: (Corrections, which readers never see, live in the editorial app.)
PRIVATE = set()
#: The token itself is read with the content it stands for, but changing it is
#: not a change of content.
NOT_CONTENT = {"portal.contenttoken", *PRIVATE}


def content_models():
    """Every model whose rows readers can see, M2M link tables included."""
    models = set()
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.label_lower not in NOT_CONTENT:
                models.add(model)
    return models


def replace_token(using):
    """Give readers a new token: called inside the transaction that changes
    content, so the token and the content become visible together."""
    now = timezone.now()
    tokens = ContentToken.objects.using(using)
    if not tokens.filter(pk=1).update(token=new_token(), changed_at=now):
        # The first change ever: the row is made here, never on a read path
        # (a read may be on a read-only replica).
        tokens.bulk_create([ContentToken(pk=1, changed_at=now)], ignore_conflicts=True)


def on_content_saved(sender, using, **kwargs):
    if sender in _content:
        _content_changed(using)


def on_relation_changed(sender, action, using, **kwargs):
    if sender in _content and action.startswith("post_"):
        _content_changed(using)


def _content_changed(using):
    pending = _deferred.get()
    if pending is None:
        replace_token(using)
    else:
        pending.add(using)


_content = set()


# The databases whose token is to be replaced when the innermost
# token_replaced_once() ends; None outside one.
_deferred = contextvars.ContextVar("pagecache_deferred", default=None)


@contextmanager
def token_replaced_once():
    """Inside, content changes replace the token once, when the block ends,
    instead of at every save and relation change: an import writes hundreds of
    records in one transaction, and readers cannot see any of them before it
    commits anyway. Use it inside that transaction (the token must change in
    the same one); if the block raises, the transaction is expected to roll back
    and the token is left alone."""
    if _deferred.get() is not None:
        yield
        return
    pending = set()
    reset = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(reset)
    for using in pending:
        replace_token(using)


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    _content.update(content_models())
    post_save.connect(on_content_saved, dispatch_uid="pagecache.saved")
    post_delete.connect(on_content_saved, dispatch_uid="pagecache.deleted")
    m2m_changed.connect(on_relation_changed, dispatch_uid="pagecache.related")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Token(str):
    """The token as read: a string (what keys carry), which also knows when
    what readers see last changed (`modified`: the later of the last change
    and the latest publication that has come due), for HTTP's Last-Modified
    (portal/ops/httpcache.py). A string, so every key built from it stays as
    it was."""

    modified = None


def read_token(using=None):
    """The token combined with the latest publication time that has come due,
    in one query; None when there is no token row yet (nothing is cached)."""
    now = timezone.now()
    due = [
        Coalesce(
            Subquery(
                model.objects.filter(status=Status.PUBLISHED, published_at__lte=now)
                .order_by("-published_at")
                .values("published_at")[:1]
            ),
            Value(_EPOCH),
            output_field=DateTimeField(),
        )
        for model in apps.get_models()
        if issubclass(model, WorkflowModel)
    ]
    row = (
        ContentToken.objects.db_manager(using or router.db_for_read(ContentToken))
        .filter(pk=1)
        .annotate(due=Greatest(*due) if len(due) > 1 else due[0])
        .values_list("token", "changed_at", "due")
        .first()
    )
    if row is None:
        return None
    token, changed_at, due_at = row
    value = Token(f"{token}.{int(due_at.timestamp())}" if due_at else token)
    value.modified = max(changed_at, due_at) if due_at else changed_at
    return value


class _TokenMemo:
    """The token as this process last read it from each database, re-read at
    most every PAGE_CACHE_CHECK_SECONDS (0: on every request).

    Per database, because a request reads the token where it reads the
    content (portal/ops/routers.py): a replica's token goes with the replica's
    data. One token for both would let a page rendered from a lagging replica
    be stored under the primary's newer token, and served as current until the
    next change."""

    def __init__(self):
        self.lock = threading.Lock()
        self.read = {}  # alias: (token, time.monotonic() when read)

    def get(self):
        alias = router.db_for_read(ContentToken)
        interval = settings.PAGE_CACHE_CHECK_SECONDS
        value, read_at = self.read.get(alias, (None, float("-inf")))
        if time.monotonic() - read_at >= interval:
            with self.lock:
                value, read_at = self.read.get(alias, (None, float("-inf")))
                if time.monotonic() - read_at >= interval:
                    value = read_token(alias)
                    self.read[alias] = (value, time.monotonic())
        return value

    def forget(self):
        self.read = {}


token_memo = _TokenMemo()
