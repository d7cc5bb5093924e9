"""The content version: what every cached reader's page is checked against.

The truth is one row in the database (``ContentVersion``), moved on after
every commit that changes what readers see. Database rows cannot be lost the
way a cache key can (evicted, or written while the cache was down), are shared
by every app server whether or not there is a shared cache, and never go back:
a page rendered under an old version is never taken for a current one.

* **Without a shared cache** (the local-memory default) every cached page is
  checked against the row itself: one primary-key read per hit.
* **With a shared cache** (Redis) the row is copied into the cache for at most
  ``SHARED_COPY_SECONDS``, fetched in the same round trip as the page. A bump
  rewrites the copy at once and announces it (``newsroom.local_copies``, whose
  copies in each process serve until then); if that write is lost (the cache was
  down), the copy is wrong for at most that long.

Pages also change without any write: a scheduled article goes live when its
time comes. The row carries ``valid_until``, the next such time (asked of the
function given to ``set_schedule``); the first request after it moves the
version on by itself.

A version is identified by its counter *and* the time it was made, so a
counter that starts again (the table emptied, a backup restored) cannot bring
back pages rendered under the same number before.
"""

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction

from .local_copies import announce
from .models import ContentVersion

# How long the shared cache's copy of the version may be trusted without the database.
SHARED_COPY_SECONDS = 1
SHARED_KEY = "newsroom:content-version"
logger = logging.getLogger(__name__)
# Inside a batch (``coalesced()``), the version moves on at most this often, and once at the end.
COALESCE_SECONDS = 1.0

TABLE = ContentVersion._meta.db_table
# Constant statements on a one-row table: the ORM would add more Python than the query costs.
READ_SQL = f"SELECT counter, changed_at, valid_until FROM {TABLE} WHERE id = %s"  # noqa: S608
BUMP_SQL = f"UPDATE {TABLE} SET counter = counter + 1, changed_at = %s WHERE id = %s"  # noqa: S608
ROLL_OVER_SQL = f"{BUMP_SQL} AND counter = %s"
SET_VALID_UNTIL_SQL = f"UPDATE {TABLE} SET valid_until = %s WHERE id = %s"  # noqa: S608


@dataclass(frozen=True)
class Version:
    counter: int
    changed_at: int  # microseconds since the epoch
    valid_until: int | None  # microseconds since the epoch; None: nothing scheduled

    @property
    def token(self) -> str:
        return f"{self.counter}.{self.changed_at}"

    def expired(self, now_us: int) -> bool:
        return self.valid_until is not None and now_us >= self.valid_until

    def as_cached(self) -> tuple:
        return (self.counter, self.changed_at, self.valid_until)


NO_VERSION = Version(0, 0, None)
_schedule: Callable[[], datetime | None] = lambda: None  # noqa: E731


def set_schedule(next_change: Callable[[], datetime | None]) -> None:
    """Tell the version when pages next change by themselves (e.g. the next scheduled publication).

    Called once at start-up by the app that knows (articles), since this
    project module may not import it.
    """
    global _schedule
    _schedule = next_change


def now_us() -> int:
    return time.time_ns() // 1000


def is_shared() -> bool:
    return settings.NEWSROOM_CACHE_IS_SHARED


def read() -> Version:
    """The version in the database. Raises the database's error when it is unreachable."""
    with connection.cursor() as cursor:
        cursor.execute(READ_SQL, [ContentVersion.ROW_ID])
        row = cursor.fetchone()
    return Version(*row) if row else NO_VERSION


def from_cached(value) -> Version | None:
    if isinstance(value, tuple) and len(value) == 3:
        return Version(*value)
    return None


def current(*, cached: Version | None = None) -> Version:
    """The version now: ``cached`` is the shared cache's copy if the caller fetched one.

    Reads the database when there is no copy, and moves the version on when its
    ``valid_until`` has passed. Raises the database's error when it is needed and unreachable.
    """
    version = cached
    if version is None:
        version = read()
        if is_shared():
            cache.add(SHARED_KEY, version.as_cached(), SHARED_COPY_SECONDS)
    if version.expired(now_us()):
        version = bump(expected=version.counter) or read()
        if is_shared():
            cache.set(SHARED_KEY, version.as_cached(), SHARED_COPY_SECONDS)
    return version


def bump(*, expected: int | None = None) -> Version | None:
    """Move the version on now; with ``expected``, only if nobody has moved it past that yet.

    The row is locked first and the schedule asked afterwards, so of two bumps
    at once the one that writes last has seen the other's commit.
    """
    changed_at = now_us()
    with transaction.atomic():
        with connection.cursor() as cursor:
            if expected is None:
                cursor.execute(BUMP_SQL, [changed_at, ContentVersion.ROW_ID])
            else:
                cursor.execute(ROLL_OVER_SQL, [changed_at, ContentVersion.ROW_ID, expected])
            if not cursor.rowcount:
                if expected is not None:
                    return None
                # The row is gone (a flushed table): start again; the time tells this run apart.
                ContentVersion.objects.get_or_create(pk=ContentVersion.ROW_ID)
                cursor.execute(BUMP_SQL, [changed_at, ContentVersion.ROW_ID])
            next_change = _schedule()
            valid_until = int(next_change.timestamp() * 1_000_000) if next_change else None
            cursor.execute(SET_VALID_UNTIL_SQL, [valid_until, ContentVersion.ROW_ID])
        version = read()
        if is_shared():
            transaction.on_commit(partial(share, version))
    return version


def share(version: Version) -> None:
    """Rewrite the shared cache's copy of the version, and tell every process it moved on."""
    cache.set(SHARED_KEY, version.as_cached(), SHARED_COPY_SECONDS)
    announce()


class _Coalescing:
    """A batch's bumps: one now and then, the rest owed until the batch ends."""

    def __init__(self, every: float):
        self.every = every
        self.last = float("-inf")
        self.owed = False

    def owe(self) -> None:
        """A change committed elsewhere (a worker process) that the batch's end must show."""
        self.owed = True

    def bump_or_owe(self) -> None:
        if time.monotonic() - self.last < self.every:
            self.owed = True
            return
        bump()
        self.last = time.monotonic()
        self.owed = False


# This thread's batch, if one is running (each thread has its own database connection).
_batch = threading.local()


def bump_after_commit() -> None:
    """What a committed change calls: a bump, unless a batch coalesces it with the next ones."""
    batch = getattr(_batch, "coalescing", None)
    if batch is None:
        bump()
    else:
        batch.bump_or_owe()


def coalesce_bumps(every: float | None = None) -> None:
    """From now on in this thread, coalesce bumps (a batch's worker process, which ends with it)."""
    _batch.coalescing = _Coalescing(COALESCE_SECONDS if every is None else every)


@contextmanager
def coalesced(every: float | None = None) -> Iterator[_Coalescing]:
    """Within the block, committed changes move the version on at most every ``every`` seconds.

    A batch of thousands of transactions (an import) would otherwise rewrite the
    version row after each one, a quarter of its queries. ``every`` defaults to
    ``COALESCE_SECONDS``. Readers see the batch's
    articles appear within ``every`` seconds, and the block's end moves the
    version on once more if a bump is owed. Changes committed by worker
    processes, whose owed bumps end with them, are owed with ``owe()``.
    """
    outer = getattr(_batch, "coalescing", None)
    batch = _batch.coalescing = _Coalescing(COALESCE_SECONDS if every is None else every)
    try:
        yield batch
    except BaseException:
        _batch.coalescing = outer
        try:
            if batch.owed:
                bump_after_commit()  # what the batch committed before it failed
        except DatabaseError:
            logger.exception("could not move the content version on after a failed batch")
        raise
    _batch.coalescing = outer
    if batch.owed:
        bump_after_commit()
