"""Import a batch of documents: the one pipeline used by the command, the admin page and the demo loader.

``import_batch`` reads each source (never more than the size limit allows),
imports it in its own transaction with one ``Lookups`` shared by the batch,
optionally in worker processes, and refreshes the planner's statistics as the
imported tables grow. It yields one ``ImportResult`` per source, in order.
"""

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections

from articles.models import Article, Byline, Quote, RelatedLink
from articles.tagkinds import TAG_KINDS
from newsroom import versions
from people.models import Author, Person

from .load import import_document
from .lookups import Lookups
from .results import ImportResult, Status

# The tables an import writes to.
IMPORTED_MODELS: tuple[Any, ...] = (
    *(Article, Article.people.through, Byline, RelatedLink, Quote, Author, Person),
    *(kind.model for kind in TAG_KINDS if not kind.controlled),
    *(kind.through for kind in TAG_KINDS),
)
# The statistics are refreshed when the count of imported documents reaches 64, 128, 256, …
FIRST_ANALYSE_AT = 64
# Documents a worker process takes at a time.
WORKER_CHUNK = 4


@dataclass(frozen=True)
class Source:
    """One document to import: a file on disk, or bytes that arrived some other way (an upload)."""

    name: str  # as reported: the path, or the upload's file name
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def of_path(cls, path: Path) -> "Source":
        return cls(name=str(path), path=path)

    def read(self, limit: int) -> bytes:
        """At most ``limit + 1`` bytes: enough to know a document is too large, never a whole huge file."""
        if self.data is not None:
            return self.data[: limit + 1]
        if self.path is None:
            raise ValueError(f"{self.name}: a source needs a path or data")
        with open(self.path, "rb") as file:  # noqa: PTH123  (a bounded read)
            return file.read(limit + 1)


# What a document's import that has committed something may have changed on readers' pages.
WRITTEN = {Status.CREATED, Status.UPDATED}


def effective_jobs(jobs: int) -> int:
    """SQLite takes one writer at a time: there, a batch runs in one process whatever is asked."""
    return 1 if connection.vendor == "sqlite" else max(1, jobs)


def import_batch(
    sources: Iterable[Source],
    *,
    jobs: int = 1,
    publish: bool = False,
    published_at: datetime | None = None,
    dry_run: bool = False,
    each_document: Callable[[], AbstractContextManager] = nullcontext,
) -> Iterator[ImportResult]:
    """Import ``sources``, each in its own transaction; results in their order.

    ``each_document`` makes a context entered around each document's import (the
    admin page opens a revision there). With ``jobs`` > 1 (PostgreSQL), that many
    worker processes import at once; each opens its own database connection and
    has its own ``Lookups``, and ``each_document`` must then be picklable.
    """
    options = {"publish": publish, "published_at": published_at, "dry_run": dry_run, "context": each_document}
    jobs = effective_jobs(jobs)
    # Readers' pages follow the batch within a second, not after every document.
    with versions.coalesced() as coalescing:
        for count, result in enumerate(_imported(list(sources), jobs=jobs, options=options), start=1):
            if jobs > 1 and result.status in WRITTEN:
                coalescing.owe()  # committed in a worker process, whose owed bump ends with it
            yield result
            if analyse_due(count) and not dry_run:
                analyse_tables()


def analyse_due(count: int) -> bool:
    """Whether a batch that has just imported its ``count``-th document should ``analyse_tables()``."""
    return count >= FIRST_ANALYSE_AT and count & (count - 1) == 0


def _imported(sources: list[Source], *, jobs: int, options: dict) -> Iterator[ImportResult]:
    if jobs <= 1:
        lookups = Lookups()
        yield from (import_source(source, lookups=lookups, **options) for source in sources)
        return
    connections.close_all()  # the workers must not share the parent's connections
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_start_worker) as pool:
        yield from pool.imap(partial(_import_in_worker, **options), sources, chunksize=WORKER_CHUNK)


def import_source(source: Source, *, lookups: Lookups, context=nullcontext, **options) -> ImportResult:
    """Import one source; a file that cannot be read is reported like a bad document."""
    limit = settings.NEWSROOM_IMPORT_MAX_BYTES
    try:
        data = source.read(limit)
    except OSError as error:
        return ImportResult(
            path=source.name, status=Status.ERROR, error=f"{source.name}: cannot be read: {error.strerror}"
        )
    with context():
        return import_document(data, path=source.name, max_bytes=limit, lookups=lookups, **options)


# A worker process's own lookups, made when it starts (one per process, by design).
_worker_lookups: Lookups | None = None


def _start_worker() -> None:
    global _worker_lookups  # noqa: PLW0603
    connections.close_all()
    _worker_lookups = Lookups()
    versions.coalesce_bumps()  # the parent moves the version on once more when the batch ends


def _import_in_worker(source: Source, **options) -> ImportResult:
    if _worker_lookups is None:
        raise RuntimeError("a worker imports only after _start_worker() ran in its process")
    return import_source(source, lookups=_worker_lookups, **options)


def analyse_tables() -> None:
    """Refresh the query planner's statistics of the tables an import fills.

    PostgreSQL plans a prepared statement once for all values after a few runs,
    from the statistics of the moment; SQLite has none until ANALYZE runs. A
    plan made while a table held a handful of rows reads the whole table, and
    an import soon fills it. Analysing samples a bounded number of rows per
    table, so it costs little however large the tables are.
    """
    tables = [connection.ops.quote_name(model._meta.db_table) for model in IMPORTED_MODELS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")
