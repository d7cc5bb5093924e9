"""Import jobs: documents uploaded on the admin's import page, imported beside the site by the task workers.

``create_job`` stores the uploads in the database with their job (the caller
queues the job's task in the same transaction: ``editorial.tasks.start_import``).
A worker then calls ``import_waiting``, which takes the job's waiting documents
one at a time. Each document is imported, recorded as done and emptied of its
bytes in one transaction, so a worker killed in the middle of a document leaves
it waiting, whole, for the next attempt, and a document recorded as done is
never imported again, whoever runs the job next (``ImportedDocument``'s unique
position backs that up). Two workers may share one job on PostgreSQL: each locks
the document it takes and skips those locked by the other.

``progress`` and ``report_rows`` are what the job's page shows.
"""

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.db.models import Count, Q
from django.db.models.functions import Now

from articles.importing import (
    ImportResult,
    ImportRights,
    Lookups,
    Status,
    analyse_due,
    analyse_tables,
    import_document,
)
from newsroom.tasks import stop_requested

from .models import ImportedDocument, ImportJob
from .permissions import import_rights

logger = logging.getLogger(__name__)

# The rights of a job whose uploader's account was deleted: none.
NOBODY = ImportRights(add=False, publish=False, change_states=frozenset())
# A check ("Check only") of at most this many documents is answered in the request itself.
CHECK_NOW_LIMIT = 20
# Rows of a bulk insert of uploads: a few megabytes of documents per statement at most.
STORE_BATCH = 50


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    failed: int

    @property
    def label(self) -> str:
        failed = f", {self.failed} failed" if self.failed else ""
        return f"{self.done:,} of {self.total:,} documents done{failed}."


@dataclass(frozen=True)
class ReportRow:
    """One line of the import report, from a job's document or from a check made at once."""

    path: str
    status: str  # a Status value; "" for a document never imported
    error: str
    article_id: int | None
    headline: str
    details: dict
    dry_run: bool

    @property
    def would_be(self) -> bool:
        """A check reports what an import would do: "would be created"."""
        return self.dry_run and self.status in {Status.CREATED, Status.UPDATED}


def create_job(
    uploads: Sequence[Upload], *, user, publish: bool, dry_run: bool, overwrite: bool = False, section=None
) -> ImportJob:
    """A job holding ``uploads``, waiting for a worker; call inside the transaction that queues its task."""
    job = ImportJob.objects.create(
        created_by=user,
        publish=publish,
        dry_run=dry_run,
        overwrite=overwrite,
        section=section,
        total=len(uploads),
    )
    ImportedDocument.objects.bulk_create(
        (
            ImportedDocument(job=job, position=n, name=upload.name, data=upload.data)
            for n, upload in enumerate(uploads)
        ),
        batch_size=STORE_BATCH,
    )
    return job


def import_waiting(job_id: int, *, seconds: float) -> bool:
    """Import the job's waiting documents for about ``seconds``; whether some are left to import.

    Stops early when the worker is asked to stop. The job is finished when its
    last document is done.
    """
    job = ImportJob.objects.filter(pk=job_id, finished_at__isnull=True).first()
    if job is None:
        return False  # finished, stopped, or deleted meanwhile
    ImportJob.objects.filter(pk=job.pk, started_at__isnull=True).update(started_at=Now())
    deadline = time.monotonic() + seconds
    lookups = Lookups()
    # The uploader's rights as they are now: a role taken away meanwhile counts.
    rights = import_rights(job.created_by) if job.created_by else NOBODY
    while import_next(job, lookups=lookups, rights=rights):
        if time.monotonic() >= deadline or stop_requested():
            if waiting(job).exists():
                return True
            break
    finish(job)
    return False


def import_next(job: ImportJob, *, lookups: Lookups, rights=None) -> bool:
    """Import the job's next waiting document and record it, in one transaction; False when none waits."""
    document = None
    try:
        with lookups.atomic():
            document = (
                waiting(job)
                .select_for_update(skip_locked=True)
                .order_by("position")
                .only("pk", "position", "name", "data")
                .first()
            )
            if document is None:
                return False
            if rights is None:
                rights = import_rights(job.created_by) if job.created_by else NOBODY
            # Each document makes its own revision, by the uploader (articles.importing.revisions).
            result = import_document(
                bytes(document.data),
                path=document.name,
                publish=job.publish,
                dry_run=job.dry_run,
                overwrite=job.overwrite,
                section=job.section,
                lookups=lookups,
                rights=rights,
            )
            record(document, result)
    except DatabaseError:
        raise  # the database is away: the task's next attempt takes the document again
    except Exception as error:
        if document is None:
            raise
        # A fault of the importer on one document must not stop the batch: report it like bad input.
        logger.exception("Import job %s: %s failed", job.pk, document.name)
        failed = ImportResult(path=document.name, status=Status.ERROR, error=f"{document.name}: {error!r}")
        with transaction.atomic():
            if waiting(job).filter(pk=document.pk).exists():
                record(document, failed)
    if not job.dry_run and analyse_due(document.position + 1):
        analyse_tables()
    return True


def waiting(job: ImportJob):
    return ImportedDocument.objects.filter(job=job, status="")


def record(document: ImportedDocument, result: ImportResult) -> None:
    document.status = result.status
    document.error = result.error
    document.article_id = result.article_id
    document.details = details(result)
    document.data = b""
    document.save(update_fields=["status", "error", "article", "details", "data"])


def finish(job: ImportJob) -> None:
    """Mark the job finished once no document waits (a worker sharing the job may still hold one)."""
    if not waiting(job).exists():
        ImportJob.objects.filter(pk=job.pk, finished_at__isnull=True).update(finished_at=Now())


def stop(job_id: int, *, error: str) -> None:
    """Give up on a job whose task failed for good; its waiting documents stay unimported."""
    with transaction.atomic():
        ImportJob.objects.filter(pk=job_id, finished_at__isnull=True).update(finished_at=Now(), error=error)
        ImportedDocument.objects.filter(job_id=job_id, status="").update(data=b"")


def progress(job: ImportJob) -> Progress:
    """How far the job is: one query, however many documents it holds."""
    counts = ImportedDocument.objects.filter(job=job).aggregate(
        done=Count("pk", filter=~Q(status="")), failed=Count("pk", filter=Q(status=Status.ERROR))
    )
    return Progress(total=job.total, done=counts["done"], failed=counts["failed"])


def report_rows(job: ImportJob) -> list[ReportRow]:
    """The report of a job, one row per document in upload order: one query."""
    documents = job.documents.order_by("position").defer("data")
    return [
        ReportRow(
            path=d.name,
            status=d.status,
            error=d.error,
            article_id=d.article_id,
            headline=d.details.get("headline", ""),
            details=d.details,
            dry_run=job.dry_run,
        )
        for d in documents
    ]


def result_row(result: ImportResult, *, dry_run: bool) -> ReportRow:
    """A row of the report of a check made at once."""
    return ReportRow(
        path=result.path,
        status=result.status,
        error=result.error,
        article_id=result.article_id,
        headline=result.counts.get("headline", ""),
        details=details(result),
        dry_run=dry_run,
    )


def details(result: ImportResult) -> dict:
    """The report's columns of a document: its counts, and the importer's notes (why it was not
    published, a conflict) for the editor to act on."""
    return {**result.counts, "notes": list(result.notes)} if result.counts else {}
