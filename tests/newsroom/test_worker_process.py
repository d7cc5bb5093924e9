"""The real worker process (``manage.py run_worker``) on the test database, SQLite or PostgreSQL.

It imports a queued job, stops cleanly on SIGTERM, and when one is killed with
SIGKILL in the middle of a job, another worker takes the job over after the
lease and finishes it without importing any document twice.
"""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.db import connection
from reversion.models import Version

from articles.models import Article
from editorial import imports, tasks
from editorial.models import ImportJob
from newsroom.models import TaskWorker
from tests.documents import ROOT, sample_uploads

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LEASE_SECONDS = 2
WAIT_SECONDS = 120


def database_url() -> str:
    """The test database, for another process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(worker_id: str) -> subprocess.Popen:
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "database",
        "TASK_LEASE_SECONDS": str(LEASE_SECONDS),
        "TASK_RETRY_SECONDS": "0",
    }
    command = [sys.executable, "manage.py", "run_worker", "--no-reload", "--no-startup-delay"]
    command += ["--interval", "0.1", "--worker-id", worker_id]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def wait_for(condition, *, workers, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline or any(w.poll() is not None for w in workers):
            for worker in workers:
                worker.kill()
            output = "\n".join(w.communicate()[0] for w in workers)
            pytest.fail(f"waited in vain for {what}; the workers said:\n{output}")
        time.sleep(0.05)


def stop(worker: subprocess.Popen) -> int:
    worker.send_signal(signal.SIGTERM)
    try:
        return worker.wait(timeout=30)
    finally:
        worker.kill()
        worker.communicate()


def job_of(count: int, user) -> ImportJob:
    uploads = [imports.Upload(name=name, data=data) for name, data in sample_uploads(count)]
    return tasks.start_import(uploads, user=user, publish=False, dry_run=False)


def finished(job: ImportJob):
    return lambda: ImportJob.objects.filter(pk=job.pk, finished_at__isnull=False).exists()


def test_the_worker_process_imports_a_job_and_stops_on_sigterm(queue_in_database, iso_countries, admin_user):
    job = job_of(3, admin_user)
    worker = start_worker("only")
    try:
        wait_for(finished(job), workers=[worker], what="the job to finish")
        assert Article.objects.count() == 3
        assert list(TaskWorker.objects.values_list("worker_id", flat=True)) == ["only"]
    finally:
        assert stop(worker) == 0
    assert TaskWorker.objects.count() == 0  # a clean stop leaves no heartbeat behind


def test_a_job_whose_worker_is_killed_is_finished_by_another_without_duplicates(
    queue_in_database, iso_countries, admin_user, monkeypatch
):
    monkeypatch.setattr(tasks, "IMPORT_WORKERS_PER_JOB", 1)
    documents = 60
    job = job_of(documents, admin_user)
    doomed = start_worker("doomed")
    rescuer = None
    try:
        wait_for(lambda: imports.progress(job).done >= 3, workers=[doomed], what="a few documents")
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(timeout=30)
        done_when_killed = imports.progress(job).done
        assert done_when_killed < documents, "the worker finished before it was killed: nothing was tested"

        rescuer = start_worker("rescuer")
        wait_for(finished(job), workers=[rescuer], what="the rescuer to finish the job")
    finally:
        doomed.kill()
        doomed.communicate()
        if rescuer is not None:
            assert stop(rescuer) == 0

    statuses = list(job.documents.order_by("position").values_list("status", flat=True))
    assert statuses == ["created"] * documents
    assert Article.objects.count() == documents
    # One revision per article: no document was stored twice.
    assert Version.objects.get_for_model(Article).count() == documents
    assert list(TaskWorker.objects.values_list("worker_id", flat=True)) == ["doomed"]  # its last beat
