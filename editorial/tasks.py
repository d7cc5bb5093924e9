"""The editorial tools' tasks: the imports uploaded on the admin's import page (see ``newsroom.tasks``)."""

from collections.abc import Sequence

from django.db import transaction
from django_tasks import TaskContext, task

from articles.importing import effective_jobs
from newsroom.tasks import is_last_attempt

from . import imports
from .models import ImportJob

# How long one task imports before it hands the rest of its job to a new task: a worker
# asked to stop is free within that time at most, and other tasks need not wait for a
# whole import to get their turn.
IMPORT_SLICE_SECONDS = 10.0
# Workers that may share one import job (PostgreSQL; SQLite takes one writer at a time).
# Two were as fast as three or four for the import command on a 2-core machine.
IMPORT_WORKERS_PER_JOB = 2


def start_import(
    uploads: Sequence[imports.Upload],
    *,
    user,
    publish: bool,
    dry_run: bool,
    overwrite: bool = False,
    section=None,
) -> ImportJob:
    """Store the uploads as a job and queue its tasks, in one transaction: both or neither."""
    with transaction.atomic():
        job = imports.create_job(
            uploads, user=user, publish=publish, dry_run=dry_run, overwrite=overwrite, section=section
        )
        for _ in range(min(len(uploads), effective_jobs(IMPORT_WORKERS_PER_JOB))):
            import_documents.enqueue(job.pk)
    return job


@task(takes_context=True)
def import_documents(context: TaskContext, job_id: int) -> None:
    """Import a job's waiting documents for a while, then queue a task for the rest."""
    try:
        more = imports.import_waiting(job_id, seconds=IMPORT_SLICE_SECONDS)
    except Exception as error:
        if is_last_attempt(context):
            imports.stop(job_id, error=f"The import stopped after repeated errors: {error!r}")
        raise
    if more:
        import_documents.enqueue(job_id)
