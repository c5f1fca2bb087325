import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    # The suite sends far more requests a minute than a reader may; the throttle
    # has its own test, which sets a low rate.
    settings.API_RATE_LIMIT = None
    cache.clear()
    yield
    cache.clear()
