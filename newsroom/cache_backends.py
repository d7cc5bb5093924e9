"""A Redis cache that the site does not depend on: when Redis fails, the cache is simply empty.

Django's ``RedisCache`` raises on every call while Redis is unreachable, so
every cached page, and every session that goes through the cache, answered
500. Here a failed call counts as a miss (reads) or is dropped (writes); the
site renders pages from the database meanwhile. The first failure is logged
once per process, then Redis is left alone for ``RETRY_SECONDS`` so that a
request does not wait for a connection that will not come; the first call after
that tries again, and the recovery is logged once too.

The outage state is per process on purpose: each process finds out for itself,
and nothing needs to be shared for that.

Django's client makes a new ``redis.Redis`` object for every call; with
redis-py 8 that costs about 0.3 ms, more than the round trip itself, so each
pool's client is made once and kept (they are thread-safe).
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("newsroom.cache")

# After a failure, how long each process serves without Redis before trying it again.
RETRY_SECONDS = 1.0


class _Outage:
    """Whether this process has found the cache unreachable, and when to try again."""

    def __init__(self):
        self.down = False
        self.retry_at = 0.0

    def skip(self) -> bool:
        return self.down and time.monotonic() < self.retry_at

    def failed(self, cache, error: Exception) -> None:
        if not self.down:
            logger.error(
                "The cache at %s is unreachable (%s): serving pages without it until it is back.",
                cache._servers[0],
                error,
            )
        self.down = True
        self.retry_at = time.monotonic() + RETRY_SECONDS

    def succeeded(self, cache) -> None:
        if self.down:
            self.down = False
            logger.warning("The cache at %s is reachable again.", cache._servers[0])


outage = _Outage()


def _fail_safe(method, default):
    """``method`` of RedisCache, answering ``default()`` instead of raising while Redis fails."""

    @functools.wraps(method)
    def wrapped(self, *args, **kwargs):
        if outage.skip():
            return default()
        try:
            result = method(self, *args, **kwargs)
        except RedisError as error:
            outage.failed(self, error)
            return default()
        outage.succeeded(self)
        return result

    return wrapped


def _nothing():
    return None


def _false():
    return False


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one ``redis.Redis`` per connection pool instead of one per call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSafeRedisCache(RedisCache):
    """Django's ``RedisCache``; a call that fails is a miss, not an error (see the module docstring)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def get(self, key, default=None, version=None):
        if outage.skip():
            return default
        try:
            value = super().get(key, default, version)
        except RedisError as error:
            outage.failed(self, error)
            return default
        outage.succeeded(self)
        return value

    get_many = _fail_safe(RedisCache.get_many, dict)
    set = _fail_safe(RedisCache.set, _nothing)
    add = _fail_safe(RedisCache.add, _false)
    touch = _fail_safe(RedisCache.touch, _false)
    delete = _fail_safe(RedisCache.delete, _false)
    has_key = _fail_safe(RedisCache.has_key, _false)
    set_many = _fail_safe(RedisCache.set_many, list)
    delete_many = _fail_safe(RedisCache.delete_many, _nothing)
    clear = _fail_safe(RedisCache.clear, _false)
