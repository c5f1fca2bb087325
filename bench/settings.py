"""The portal's own settings plus one page that does nothing, the framework's
floor for bench/run.py. Never used to serve readers."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
