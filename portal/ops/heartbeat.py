"""Tells gunicorn that a worker streaming a long answer is still working.

gunicorn's arbiter restarts a worker that has not reported for GUNICORN_TIMEOUT
seconds, and a sync worker reports only between requests: a download that
streams for longer (every record of a large list, the calendar of every event)
would be cut off part-way, leaving the reader a file that looks whole but is
not. Streams call beat() as they go; gunicorn.conf.py's post_worker_init hook
hands this module the worker's own notify(), so a worker that makes progress is
never taken for stuck, and one that stops is restarted as before. Outside
gunicorn (tests, runserver) beat() does nothing. gunicorn has no public way to
do this from the application, hence the hook.
"""

import time

# At most one report a second: a stream calls beat() for every chunk.
INTERVAL = 1.0

_notify = None
_last = 0.0


def install(notify):
    """Called in each gunicorn worker with the worker's notify()."""
    global _notify
    _notify = notify


def beat():
    global _last
    if _notify is None:
        return
    now = time.monotonic()
    if now - _last >= INTERVAL:
        _last = now
        _notify()
