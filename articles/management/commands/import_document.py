"""Import archive documents: ``manage.py import_document PATH [PATH ...]``.

Thin over ``articles.importing.load.import_document``; see DESIGN.md for the contract.
"""

import json
import multiprocessing
from collections.abc import Iterator
from datetime import datetime
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.utils import timezone

from articles.importing.load import ERROR, ImportResult, Lookups, analyse_tables, import_document


def document_paths(arguments: list[str]) -> list[Path]:
    """Files named on the command line; a directory stands for the ``.txt`` files in it."""
    paths = []
    for argument in arguments:
        path = Path(argument)
        paths.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return paths


def import_path(path: Path, *, lookups: Lookups, **options) -> ImportResult:
    """Import one file; a file that cannot be read is reported like a bad document."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return ImportResult(path=str(path), status=ERROR, error=f"{path}: cannot be read: {error.strerror}")
    return import_document(
        data, path=str(path), max_bytes=settings.NEWSROOM_IMPORT_MAX_BYTES, lookups=lookups, **options
    )


def import_paths(paths: list[Path], *, jobs: int, **options) -> Iterator[ImportResult]:
    """Results in the order of ``paths``; with ``jobs`` > 1, imported by that many worker processes.

    Each document is still one transaction of its own. The documents of a
    process share one ``Lookups``. A worker opens its own database connection
    (the parent's are closed before the workers fork). When the count of
    documents reaches 64, 128, 256 and so on, the tables they fill are analysed
    (``analyse_tables``), so that the database plans its queries for the tables
    as they are now, not as they were when they were nearly empty.
    """
    for count, result in enumerate(imported(paths, jobs=jobs, **options), start=1):
        yield result
        if count >= 64 and count & (count - 1) == 0 and not options.get("dry_run"):
            analyse_tables()


def imported(paths: list[Path], *, jobs: int, **options) -> Iterator[ImportResult]:
    if jobs <= 1:
        lookups = Lookups()
        yield from (import_path(path, lookups=lookups, **options) for path in paths)
        return
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(jobs, initializer=start_worker) as pool:
        yield from pool.imap(partial(import_in_worker, **options), paths, chunksize=4)


# A worker process's own lookups, made when it starts.
worker_lookups: Lookups | None = None


def start_worker() -> None:
    global worker_lookups  # noqa: PLW0603  (one per process, by design)
    connections.close_all()
    worker_lookups = Lookups()


def import_in_worker(path: Path, **options) -> ImportResult:
    return import_path(path, lookups=worker_lookups, **options)


class Command(BaseCommand):
    help = "Import articles from the archive's plain-text documents, each in its own transaction."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="Document files, or directories of .txt files."
        )
        parser.add_argument("--publish", action="store_true", help="Publish imported articles now.")
        parser.add_argument(
            "--published-at", metavar="ISO-8601", help="Publish at this time (a future time schedules)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Parse and report without writing.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object per document.")
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            metavar="N",
            help="Import N documents at a time in worker processes (PostgreSQL; SQLite takes one writer).",
        )

    def handle(self, *args, **options):
        as_json, dry_run = options["json"], options["dry_run"]
        when = self.parse_time(options["published_at"]) if options["published_at"] else None
        files = document_paths(options["paths"])
        if not files:
            raise CommandError("No documents found: the directories given hold no .txt files.", returncode=2)
        jobs = options["jobs"]
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.", returncode=2)
        if jobs > 1 and connection.vendor == "sqlite":
            self.stderr.write("--jobs: SQLite takes one writer at a time; importing one document at a time.")
            jobs = 1
        show_progress = not as_json and len(files) > 1 and self.stderr.isatty()
        failures = 0
        results = import_paths(
            files, jobs=jobs, publish=options["publish"], published_at=when, dry_run=dry_run
        )
        for number, (path, result) in enumerate(zip(files, results, strict=True), start=1):
            if show_progress:
                self.stderr.write(f"\r[{number}/{len(files)}] {path.name[:60]:<60}", ending="")
                self.stderr.flush()
            failures += result.status == ERROR
            if as_json:
                self.stdout.write(_dumps(result.as_json()))
            else:
                self.report(result, dry_run=dry_run)
        if show_progress:
            self.stderr.write("")
        if failures:
            raise CommandError(f"{failures} of {len(files)} document(s) failed to import.", returncode=1)

    def parse_time(self, text: str) -> datetime:
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            raise CommandError(
                f"--published-at: {text!r} is not an ISO-8601 time such as 2026-11-27T09:30", returncode=2
            ) from None
        return value if timezone.is_aware(value) else timezone.make_aware(value)

    def report(self, result: ImportResult, *, dry_run: bool) -> None:
        if result.status == ERROR:
            self.stderr.write(self.style.ERROR(f"error: {result.error}"))
            return
        # A summary from the parsed document; the full stored state is what --json prints.
        prefix = "would be " if dry_run and result.status != "unchanged" else ""
        self.stdout.write(f"{prefix}{result.status}: {result.path} ({result.summary})")


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
