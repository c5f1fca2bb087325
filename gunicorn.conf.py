"""gunicorn settings for `make serve`, every one from the environment (README,
Production). Logs go to stdout through portal.ops.logging.GunicornLogger."""

import os
from pathlib import Path


def _int(name, default):
    value = os.environ.get(name) or default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, not {value!r}") from None


# The TLS proxy in front talks to this address; containers set BIND=0.0.0.0:8000.
bind = [os.environ.get("BIND") or f"127.0.0.1:{_int('PORT', 8000)}"]
# Each worker holds a database connection, hence the cap.
workers = _int("WEB_CONCURRENCY", min(2 * (os.cpu_count() or 1) + 1, 8))
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = timeout

keepalive = 5
# Recycling workers now and then bounds any slow leak; the jitter keeps them
# from all restarting at once. Not too often: a new worker starts with an empty
# page cache (without Redis each worker keeps its own). 0 never recycles.
max_requests = _int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 2000)
# Whose X-Forwarded-Proto gunicorn believes: the proxies Django believes too
# (portal/settings.py TRUSTED_PROXIES, with the same default), none otherwise.
if "FORWARDED_ALLOW_IPS" in os.environ:
    raise SystemExit(
        "FORWARDED_ALLOW_IPS is no longer read: list the proxies' addresses in "
        "TRUSTED_PROXIES instead (README, Production)."
    )
_behind_proxy = (os.environ.get("BEHIND_TLS_PROXY") or "").lower()
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES") or (
    "127.0.0.1,::1" if _behind_proxy in {"1", "true", "yes", "on"} else ""
)
accesslog = "-"
errorlog = "-"
loglevel = "info"
logger_class = "portal.ops.logging.GunicornLogger"
if Path("/dev/shm").is_dir():
    # Workers' heartbeat files in memory, not on a possibly slow disk.
    worker_tmp_dir = "/dev/shm"


def post_worker_init(worker):
    # A download that streams for longer than `timeout` reports as it goes
    # (portal/ops/heartbeat.py) rather than being cut off as a stuck worker.
    from portal.ops import heartbeat

    heartbeat.install(worker.notify)
