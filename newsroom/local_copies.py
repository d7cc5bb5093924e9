"""This process's own copies of the content version and of its latest pages, kept between announcements.

With Redis as the shared cache, a page cache hit cost one Redis round trip (the
version and the page in one ``MGET``): in redis-py that is more work than the
rest of the hit. So every change of the version is also announced on a Redis
channel (``announce``, called right after the version's copy is written), and
each process subscribes to it. While its subscription stands, a process keeps:

* the version it last fetched, trusted until an announcement arrives (looked for
  without waiting, before every use) or ``TRUST_SECONDS`` pass, whichever comes
  first: an announcement that is lost (a write to Redis that failed while the
  subscription stood) costs at most that;
* the last ``MAX_PAGES`` page entries it fetched or rendered, served while the
  version they were rendered under is the current one.

A hit on a page under the current version then makes no round trip at all, and a
change made through any app server is still seen by every other at its next
answer: the announcement is in their sockets before the change's own request
has answered. When the subscription cannot be made or breaks (Redis down or
restarted), nothing is trusted: every hit asks Redis as before, and subscribing
is tried again after ``cache_backends.RETRY_SECONDS``; a lost subscription counts as a
failure of the cache (``cache_backends.outage``), logged once. Other caches (local
memory, in tests) have no channel; for them this module keeps nothing.

The copies are per process and guarded by one lock, for threaded servers.
"""

import contextlib
import os
import threading
import time
from collections import OrderedDict

from django.core.cache import caches
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from . import cache_backends
from .cache_backends import FailSafeRedisCache, outage

CHANNEL = "newsroom:content-version:announcements"
# How long a fetched version is trusted without hearing from Redis, in seconds.
TRUST_SECONDS = 0.5
# How many pages each process keeps (about 10 KB each, compressed).
MAX_PAGES = 500
# How long subscribing may wait for Redis's confirmation, in seconds.
SUBSCRIBE_SECONDS = 0.25


class _Copies:
    def __init__(self):
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.backend = None
        self.pubsub = None
        self.listening = False  # subscribed, and Redis confirmed it
        self.retry_at = 0.0
        self.version = None
        self.trusted_until = 0.0
        self.pages: OrderedDict = OrderedDict()

    # What the page cache calls.

    def trusted_version(self):
        """The version this process may use without asking Redis, or None."""
        with self.lock:
            if not self._hear():
                return None
            if self.version is None or time.monotonic() >= self.trusted_until:
                self.version = None
                return None
            return self.version

    def remember(self, version) -> None:
        """The version just fetched from Redis or the database."""
        with self.lock:
            if self.listening and self.pid == os.getpid():
                self.version = version
                self.trusted_until = time.monotonic() + TRUST_SECONDS

    def page(self, key: str, token: str):
        """The entry kept for ``key`` if it was rendered under the version ``token``, or None."""
        with self.lock:
            entry = self.pages.get(key)
            if entry is None or entry.version != token:
                return None
            self.pages.move_to_end(key)
            return entry

    def keep(self, key: str, entry) -> None:
        with self.lock:
            if not self.listening:
                return
            self.pages[key] = entry
            self.pages.move_to_end(key)
            while len(self.pages) > MAX_PAGES:
                self.pages.popitem(last=False)

    def forget(self) -> None:
        """The version has moved on: fetch it again before the next use."""
        with self.lock:
            self.version = None

    # The subscription.

    def _hear(self) -> bool:
        """Read the announcements waiting, subscribing first if need be. False: not listening."""
        backend = caches["default"]
        if self.pid != os.getpid() or backend is not self.backend:
            self._stop()  # a forked process, or other settings: nothing carried over
            self.pid, self.backend = os.getpid(), backend
            self.retry_at = 0.0
        if not isinstance(backend, FailSafeRedisCache):
            return False
        if self.pubsub is None and not self._subscribe(backend):
            return False
        try:
            # Whether anything came, parsed or not: a tenth of what asking redis-py for a message costs.
            if self.pubsub.connection.can_read(timeout=0):
                while (message := self.pubsub.get_message(timeout=0.0)) is not None:
                    self._take(message)
        except (RedisError, OSError) as error:
            self._stop()
            self.retry_at = time.monotonic() + cache_backends.RETRY_SECONDS
            outage.failed(backend, error)  # logged once, as any failure of the cache
            return False
        return self.listening

    def _take(self, message) -> None:
        if message["type"] == "message":
            self.version = None
        elif message["type"] == "subscribe":
            self.listening = True

    def _subscribe(self, backend) -> bool:
        if time.monotonic() < self.retry_at or outage.skip():
            return False
        self.retry_at = time.monotonic() + cache_backends.RETRY_SECONDS
        try:
            pubsub = backend._cache.get_client(write=False).pubsub()
            pubsub.subscribe(CHANNEL)
            # A failure is an error at once, not a reconnection that could miss announcements unseen.
            pubsub.connection.retry = Retry(NoBackoff(), 0)
            self.pubsub = pubsub
            while not self.listening and (message := pubsub.get_message(timeout=SUBSCRIBE_SECONDS)):
                self._take(message)
        except (RedisError, OSError) as error:
            self._stop()
            outage.failed(backend, error)
            return False
        return self.listening

    def _stop(self) -> None:
        pubsub, self.pubsub = self.pubsub, None
        self.listening = False
        self.version = None
        self.pages.clear()
        if pubsub is not None and self.pid == os.getpid():
            with contextlib.suppress(RedisError, OSError):
                pubsub.close()


copies = _Copies()


def announce() -> None:
    """Tell every process that the version has moved on (after its copy in Redis was rewritten)."""
    copies.forget()
    backend = caches["default"]
    if not isinstance(backend, FailSafeRedisCache) or outage.skip():
        return
    try:
        backend._cache.get_client(write=True).publish(CHANNEL, b"")
    except RedisError as error:
        outage.failed(backend, error)
