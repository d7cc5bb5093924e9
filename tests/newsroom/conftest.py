import pytest

from newsroom.cache_backends import outage
from tests.servers import redis_server  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def _cache_reachable():
    """Each test starts with this process believing the cache is up."""
    outage.down, outage.retry_at = False, 0.0
    yield
    outage.down, outage.retry_at = False, 0.0


@pytest.fixture
def shared_cache(settings):
    """The page cache as with Redis: the version is read from the cache, not the database."""
    settings.NEWSROOM_CACHE_IS_SHARED = True


@pytest.fixture
def redis_cache(settings, redis_server):  # noqa: F811
    """The default cache in a Redis of this test's own, as production configures it."""
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache_backends.FailSafeRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    settings.NEWSROOM_CACHE_IS_SHARED = True
    return redis_server
