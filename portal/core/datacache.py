"""Expensive reads kept under the content token (portal/core/content.py), so they
are shared by every page that needs them and never outlive a change.

The page cache answers a page it has seen; this keeps what many different
pages compute alike: the facet counts of a filtered list (the same for every
page number, sort order and language), the list of years, the charts. Their
keys carry the token, so an editor's change or a publication coming due gives
new keys within PAGE_CACHE_CHECK_SECONDS, exactly as for pages.

Django's cache framework does the storing (cache alias "data": local memory
per process by default, Redis when REDIS_URL is set, failures ignored); only
the token in the key is ours.

Files too big for the cache are kept in Django's default storage (media: the
local disk, or the S3 bucket), one folder per token. built_file() keeps what one
request builds at a time (a sitemap section): a lock file makes the others on
the same machine wait for it, or answer "being prepared" if it takes long,
instead of each building the same file. keeping() keeps what a request streams
(a list's download, the calendar) as it goes out, and kept_file() opens it for
the next request: a stream has no "wait for it", the first reader is already
reading. (django-cacheops and the cache framework have neither for large values.)
"""

import fcntl
import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from portal.core.content import token_memo

CACHE_ALIAS = "data"
_MISSING = object()

logger = logging.getLogger(__name__)

# The folder of built files in the default storage, one subfolder per token.
BUILT = "built"
# How long a request waits for another that is building the same file before
# answering that it is being prepared; a file made for an older token is kept
# this long for the processes that have not seen the new token yet.
BUILD_WAIT_SECONDS = 5
OLD_FILES_SECONDS = 600
# Lock files, shared by the names that hash alike (a few, not one per file).
LOCKS = Path(tempfile.gettempdir()) / "portal-build-locks"
LOCK_COUNT = 1024


def data_token():
    """The content token to put in a key, or None when nothing may be cached
    (DATA_CACHE_SECONDS is 0, or no record has ever been saved)."""
    if settings.DATA_CACHE_SECONDS <= 0:
        return None
    return token_memo.get()


def cached(parts, compute):
    """compute(), or what it returned before under the same token and `parts`
    (a tuple of strings and numbers saying what was computed from what)."""
    token = data_token()
    if token is None:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"data:{token}:{digest}"
    cache = caches[CACHE_ALIAS]
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, settings.DATA_CACHE_SECONDS)
    return value


def template_context(request):
    """For `{% cache data_cache_seconds "name" content_token … using="data" %}`
    in templates: 0 seconds (nothing kept) when caching is off."""
    token = data_token()
    return {
        "data_cache_seconds": settings.DATA_CACHE_SECONDS if token else 0,
        "content_token": token or "",
    }


class StillBuilding(Exception):
    """Another request has been building the file for BUILD_WAIT_SECONDS."""


def built_file(name, build):
    """The bytes build() returns, built once per content token and kept as a
    file (`name`, unique for what was built) for every request and process;
    build() is called on every request while nothing may be kept (no token,
    or DATA_CACHE_SECONDS is 0). Raises StillBuilding when another request is
    building it and does not finish within BUILD_WAIT_SECONDS."""
    token = data_token()
    if token is None:
        return build()
    folder, path = _path(token, name)
    content = _stored(path)
    if content is not None:
        return content
    with _lock(path):
        content = _stored(path)  # built while this request waited
        if content is None:
            content = build()
            _store(path, content)
            _forget_old_files(keep=folder)
    return content


def _path(token, name):
    folder = hashlib.sha256(token.encode()).hexdigest()[:16]
    return folder, f"{BUILT}/{folder}/{name}"


def kept_file(name):
    """The file keeping() kept as `name` under the present token, opened for
    reading (the caller closes it, e.g. a FileResponse), or None."""
    token = data_token()
    if token is None:
        return None
    _folder, path = _path(token, name)
    try:
        if not default_storage.exists(f"{path}.done"):
            return None
        return default_storage.open(path, "rb")
    except Exception as error:  # any storage's own (S3: botocore's)
        logger.warning("Could not read the built file %s (%s)", path, error)
        return None


def keeping(name, chunks):
    """Yields the byte strings of `chunks` and, once the last has gone out,
    keeps them all as the file `name` under the token of when it started,
    for kept_file(). A stream that does not finish (the reader went away, an
    error) keeps nothing; nothing is kept while nothing may be (no token).
    Concurrent streams of one name each stream; the first to finish keeps its
    file (the lock is only tried, never waited for)."""
    # The token now, while the request is answered, not when the first chunk
    # is asked for.
    return _keeping(data_token(), name, chunks)


def _keeping(token, name, chunks):
    if token is None:
        yield from chunks
        return
    folder, path = _path(token, name)
    lock = _lock(path, wait=0)
    try:
        lock.__enter__()
    except StillBuilding:
        yield from chunks  # another request is keeping this one
        return
    try:
        # On the local disk while it is written: constant memory at any size.
        with tempfile.TemporaryFile(prefix="portal-keeping-") as spool:
            for chunk in chunks:
                spool.write(chunk)
                yield chunk
            spool.seek(0)
            _store_file(path, File(spool))
    finally:
        lock.__exit__()
    _forget_old_files(keep=folder)


def _store_file(path, file):
    try:
        for name in (f"{path}.done", path):
            if default_storage.exists(name):
                default_storage.delete(name)
        default_storage.save(path, file)
        default_storage.save(f"{path}.done", ContentFile(b""))
    except Exception as error:  # any storage's own (S3: botocore's)
        logger.warning("Could not keep the built file %s (%s)", path, error)


def _stored(path):
    # The marker is written after the file, so a file being written is never
    # read half done.
    try:
        if not default_storage.exists(f"{path}.done"):
            return None
        with default_storage.open(path, "rb") as stored:
            return stored.read()
    except Exception as error:  # any storage's own (S3: botocore's)
        logger.warning("Could not read the built file %s (%s)", path, error)
        return None


def _store(path, content):
    # Served all the same if it cannot be kept, and built again next time.
    _store_file(path, ContentFile(content))


class _lock:
    """An exclusive lock on building the file `path` (an flock on a local lock
    file, so across the processes and threads of this machine), waited for at
    most BUILD_WAIT_SECONDS (or `wait`): its holder stores the file before
    letting go."""

    def __init__(self, path, wait=None):
        number = int(hashlib.sha256(path.encode()).hexdigest(), 16) % LOCK_COUNT
        LOCKS.mkdir(parents=True, exist_ok=True)
        self.lock_path = LOCKS / f"lock-{number:04d}"
        self.path = path
        self.wait = wait

    def __enter__(self):
        # Closed in __exit__ (or here, when giving up).
        self.file = open(self.lock_path, "a")
        wait = BUILD_WAIT_SECONDS if self.wait is None else self.wait
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self.file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.file.close()
                    raise StillBuilding(self.path) from None
                time.sleep(0.05)

    def __exit__(self, *exc):
        fcntl.flock(self.file, fcntl.LOCK_UN)
        self.file.close()


def _forget_old_files(keep):
    """Deletes the files built for other tokens a while ago."""
    try:
        folders, _files = default_storage.listdir(BUILT)
        cutoff = time.time() - OLD_FILES_SECONDS
        for folder in folders:
            if folder == keep:
                continue
            _subfolders, names = default_storage.listdir(f"{BUILT}/{folder}")
            old = [
                f"{BUILT}/{folder}/{name}"
                for name in names
                if default_storage.get_modified_time(
                    f"{BUILT}/{folder}/{name}"
                ).timestamp()
                < cutoff
            ]
            for path in old:
                default_storage.delete(path)
            if old and len(old) == len(names):
                _remove_folder(f"{BUILT}/{folder}")
    except Exception as error:  # any storage's own (S3: botocore's)
        logger.warning("Could not delete old built files (%s)", error)


def _remove_folder(name):
    # Folders exist only on the local disk (an S3 bucket has none to remove).
    try:
        os.rmdir(default_storage.path(name))
    except (NotImplementedError, OSError):
        pass
