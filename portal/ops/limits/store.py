"""Counting requests against a limit, in a store every server process shares.

Why not DRF's throttles or django-ratelimit: DRF keeps each client's list of
request times in Django's cache and writes it back (get, then set), so two
workers answering at once read the same list and one of the two requests is
never counted; django-ratelimit counts with cache.incr, which is atomic in
Redis but a read and a write in Django's database and local-memory caches, and
the local-memory cache is each process's own (with four workers, four times
the limit). Without Redis the one store every worker shares is the database,
where a count can be a single statement. So each store here counts in one
atomic step:

- "database": one INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING
  (PostgreSQL, and SQLite from 3.35). PostgreSQL holds the row's lock for the
  statement and SQLite the database's write lock, so concurrent requests are
  counted one after another; the WHERE refuses the increment once the limit is
  reached, so the count never passes it and refused requests do not count.
- "redis": a Lua script (GET, INCR, PEXPIRE), which Redis runs without any
  other client's command in between.

The window: a client's first request starts it, at most `limit` requests are
allowed until it ends `seconds` later, and the first request after that starts
the next one. A client asking without pause gets `limit` answers per period;
a refused one is told when its window ends (Retry-After).

Rows of windows that have ended are deleted as requests come in, a few with
each count (in the same statement on PostgreSQL), so the table holds about one
row per client seen in the last period, and every count costs the same number
of queries.
"""

import logging
import math
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connections, router
from django.utils.crypto import salted_hmac

from portal.ops.limits.models import Counter

logger = logging.getLogger("portal.ops.limits")

UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"(\d+)/(s|sec|m|min|h|hour|d|day)")
# Windows that have ended, deleted with each count: more than one, so they
# never pile up faster than they go.
PRUNE_BATCH = 10


@dataclass(frozen=True)
class Rate:
    limit: int
    seconds: int

    @classmethod
    def parse(cls, text):
        """ "120/min" as Rate(120, 60): a number, "/", and s, min, h or day
        (or sec, m, hour, d)."""
        match = RATE.fullmatch(text or "")
        if match is None:
            raise ValueError(f"a rate looks like 120/min, not {text!r}")
        return cls(int(match[1]), UNIT_SECONDS[match[2][0]])


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    # When refused: whole seconds until the client's window ends.
    retry_after: int = 0


def hit(group, key, rate):
    """Counts one request by `key` (a client) against `group`'s `rate`; the
    Verdict says whether it is allowed."""
    if rate.limit <= 0:
        return Verdict(False, rate.seconds)
    return _store().hit(_counter_key(group, key), rate)


def _counter_key(group, key):
    # Keyed with SECRET_KEY: the store holds no client address or username,
    # and a hash of an IPv4 address could be reversed by trying them all.
    digest = salted_hmac("portal.ops.limits", f"{group}\0{key}", algorithm="sha256")
    return f"{group[:30]}:{digest.hexdigest()[:40]}"


def _retry_after(ends, now):
    return max(1, math.ceil(ends - now))


class DatabaseStore:
    UPSERT = """
        INSERT INTO {table} ({key}, {ends}, {count}) VALUES (%s, %s, 1)
        ON CONFLICT ({key}) DO UPDATE SET
            {count} = CASE WHEN {table}.{ends} <= %s THEN 1
                           ELSE {table}.{count} + 1 END,
            {ends} = CASE WHEN {table}.{ends} <= %s THEN excluded.{ends}
                          ELSE {table}.{ends} END
        WHERE {table}.{ends} <= %s OR {table}.{count} < %s
        RETURNING {count}
    """
    # Another request may be deleting the same rows: skip those, never wait.
    # Never this request's own row, which the count may be updating. The batch
    # is MATERIALIZED, chosen once: as a plain `IN (subquery)` the planner may
    # pick a nested-loop semi join that runs the subquery again for every row,
    # and each run, skipping the rows this statement has already deleted,
    # locks the next ten, so every ended window went at once.
    PRUNE_POSTGRESQL = """
        WITH batch AS MATERIALIZED (
            SELECT {key} FROM {table} WHERE {ends} <= %s AND {key} <> %s
            ORDER BY {ends} LIMIT {batch} FOR UPDATE SKIP LOCKED
        ), pruned AS (
            DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM batch)
        )
    """
    PRUNE = """
        DELETE FROM {table} WHERE {key} IN (
            SELECT {key} FROM {table} WHERE {ends} <= %s AND {key} <> %s
            ORDER BY {ends} LIMIT {batch}
        )
    """
    ENDS = "SELECT {ends} FROM {table} WHERE {key} = %s"

    def _sql(self, connection, template):
        quote = connection.ops.quote_name
        return template.format(
            table=quote(Counter._meta.db_table),
            key=quote("key"),
            ends=quote("ends"),
            count=quote("count"),
            batch=PRUNE_BATCH,
        )

    def hit(self, key, rate):
        now = time.time()
        count = [key, now + rate.seconds, now, now, now, rate.limit]
        prune = [now, key]
        # Always the primary: this writes, and a replica's copy may lag.
        connection = connections[router.db_for_write(Counter)]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # One round trip: the clean-up is a WITH of the count.
                upsert = self._sql(connection, self.PRUNE_POSTGRESQL + self.UPSERT)
                cursor.execute(upsert, prune + count)
            else:
                cursor.execute(self._sql(connection, self.PRUNE), prune)
                cursor.execute(self._sql(connection, self.UPSERT), count)
            counted = cursor.fetchone()
            if counted is None:
                cursor.execute(self._sql(connection, self.ENDS), [key])
                (ends,) = cursor.fetchone()
        if counted is None:
            return Verdict(False, _retry_after(ends, now))
        return Verdict(True)


class RedisStore:
    # Returns {1, 0} when counted, {0, milliseconds left} when refused.
    SCRIPT = """
        local count = tonumber(redis.call('GET', KEYS[1]) or '0')
        if count >= tonumber(ARGV[1]) then
            return {0, redis.call('PTTL', KEYS[1])}
        end
        if redis.call('INCR', KEYS[1]) == 1 then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return {1, 0}
    """

    def __init__(self, url):
        import redis

        self.errors = redis.RedisError
        # As the cache's: an outage costs a request half a second at most.
        self.client = redis.Redis.from_url(
            url, socket_timeout=0.5, socket_connect_timeout=0.5
        )
        self.script = self.client.register_script(self.SCRIPT)

    def hit(self, key, rate):
        try:
            counted, left_ms = self.script(
                keys=[f"limits:{key}"], args=[rate.limit, rate.seconds * 1000]
            )
        except self.errors as error:
            logger.warning("Limits: Redis unavailable (%s)", type(error).__name__)
            # Refusing everyone while Redis is down would take the API and the
            # corrections form down with it; RATELIMIT_FAIL_OPEN says which.
            if settings.RATELIMIT_FAIL_OPEN:
                return Verdict(True)
            return Verdict(False, min(rate.seconds, 60))
        if counted:
            return Verdict(True)
        return Verdict(False, _retry_after(max(left_ms, 0) / 1000, 0))


_redis_stores = {}


def _store():
    if settings.RATE_LIMIT_STORE == "redis":
        url = settings.REDIS_URL
        if url not in _redis_stores:
            _redis_stores[url] = RedisStore(url)
        return _redis_stores[url]
    return DatabaseStore()
