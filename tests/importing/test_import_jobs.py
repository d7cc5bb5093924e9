"""Import jobs on the database queue: queued with their upload, run by a worker, shown while they run,
resumed without duplicates after a worker dies."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from django_tasks import TaskContext, TaskResultStatus
from django_tasks_db.models import DBTaskResult
from reversion.models import Version

from articles.models import Article
from editorial import imports, tasks
from editorial.models import ImportedDocument, ImportJob
from newsroom.worker import reap_lost_tasks
from tests.documents import sample_uploads


def uploads(count: int) -> list[imports.Upload]:
    return [imports.Upload(name=name, data=data) for name, data in sample_uploads(count)]


def job_url(job: ImportJob, view: str = "import_job") -> str:
    return reverse(f"admin:articles_article_{view}", args=[job.pk])


def tasks_per_job(documents: int) -> int:
    return min(documents, 1 if connection.vendor == "sqlite" else tasks.IMPORT_WORKERS_PER_JOB)


class Crash(BaseException):
    """The worker process dying: nothing after it runs, and its open transaction is lost."""


@pytest.mark.django_db
def test_a_job_and_its_tasks_are_queued_in_one_transaction(queue_in_database, admin_user):
    job = tasks.start_import(uploads(3), user=admin_user, publish=False, dry_run=False)
    queued = (
        DBTaskResult.objects.get(task_path="editorial.tasks.import_documents")
        if tasks_per_job(3) == 1
        else None
    )
    assert job.state == ImportJob.State.QUEUED
    assert list(job.documents.order_by("position").values_list("name", flat=True)) == [
        name for name, _ in sample_uploads(3)
    ]
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == tasks_per_job(3)
    if queued is not None:
        assert queued.args_kwargs == {"args": [job.pk], "kwargs": {}}
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_a_rolled_back_transaction_leaves_no_job_and_no_task(queue_in_database, admin_user):
    with pytest.raises(RuntimeError), transaction.atomic():
        tasks.start_import(uploads(2), user=admin_user, publish=False, dry_run=False)
        raise RuntimeError("the request failed after queuing the import")
    assert (ImportJob.objects.count(), ImportedDocument.objects.count(), DBTaskResult.objects.count()) == (
        0,
        0,
        0,
    )


def test_the_worker_imports_the_job_and_its_page_shows_progress_then_the_report(work_off_queue, admin_client):
    response = admin_client.post(
        reverse("admin:articles_article_import"),
        {"documents": [SimpleUploadedFile(name, data) for name, data in sample_uploads(3)]},
    )
    job = ImportJob.objects.get()
    assert response["Location"] == job_url(job)

    waiting = admin_client.get(job_url(job)).content.decode()
    assert '<label for="import-progress" id="import-state">Waiting for a worker</label>' in waiting
    assert '<progress id="import-progress" max="3" value="0"' in waiting
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in waiting
    assert "import-report" not in waiting
    assert admin_client.get(job_url(job, "import_progress")).json() == {
        "state": "queued",
        "state_label": "waiting for a worker",
        "total": 3,
        "done": 0,
        "failed": 0,
        "label": "0 of 3 documents done.",
        "ended": False,
    }

    work_off_queue()

    progress = admin_client.get(job_url(job, "import_progress"))
    assert progress["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert progress.json() | {"state_label": ""} == {
        "state": "finished",
        "state_label": "",
        "total": 3,
        "done": 3,
        "failed": 0,
        "label": "3 of 3 documents done.",
        "ended": True,
    }
    html = admin_client.get(job_url(job)).content.decode()
    assert html.count('<tr class="import-created">') == 3
    assert '<li class="success">3 imported, 0 failed.</li>' in html
    assert "<progress" not in html and "refresh" not in html
    assert Article.objects.count() == 3
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == tasks_per_job(3)


def test_a_running_job_shows_how_far_it_is(work_off_queue, admin_client, admin_user, monkeypatch):
    monkeypatch.setattr(tasks, "IMPORT_WORKERS_PER_JOB", 1)
    job = tasks.start_import(uploads(4), user=admin_user, publish=False, dry_run=False)
    task = DBTaskResult.objects.get()
    # A worker that has imported two documents of the four so far.
    task.claim("busy-worker")
    for _ in range(2):
        assert imports.import_next(job, lookups=imports.Lookups())
    ImportJob.objects.filter(pk=job.pk).update(started_at=task.started_at)

    html = admin_client.get(job_url(job)).content.decode()
    assert '<label for="import-progress" id="import-state">Importing</label>' in html
    assert '<progress id="import-progress" max="4" value="2"' in html
    assert '<p id="import-progress-text">2 of 4 documents done.</p>' in html
    assert admin_client.get(job_url(job, "import_progress")).json()["done"] == 2


@pytest.mark.parametrize("documents", [1, 12])
def test_the_progress_view_costs_the_same_queries_however_large_the_job(
    documents, work_off_queue, admin_client, admin_user, django_assert_num_queries
):
    job = tasks.start_import(uploads(documents), user=admin_user, publish=False, dry_run=False)
    work_off_queue()
    admin_client.get(job_url(job, "import_progress"))  # the session is read once per request
    # The session, the user, the job, and the one count of its documents.
    with django_assert_num_queries(4):
        assert admin_client.get(job_url(job, "import_progress")).json()["done"] == documents


def test_a_job_whose_worker_died_finishes_without_importing_a_document_twice(
    work_off_queue, admin_user, monkeypatch
):
    monkeypatch.setattr(tasks, "IMPORT_WORKERS_PER_JOB", 1)
    job = tasks.start_import(uploads(5), user=admin_user, publish=False, dry_run=False)
    task = DBTaskResult.objects.get()
    task.claim("doomed-worker")  # as the worker loop does before running it

    # The worker dies while its third document is stored but not yet committed.
    real_import, calls = imports.import_document, []

    def import_then_die(*args, **kwargs):
        result = real_import(*args, **kwargs)
        calls.append(kwargs["path"])
        if len(calls) == 3:
            raise Crash
        return result

    monkeypatch.setattr(imports, "import_document", import_then_die)
    with pytest.raises(Crash):
        tasks.import_documents.call(TaskContext(task_result=task.task_result), job.pk)
    monkeypatch.setattr(imports, "import_document", real_import)

    assert imports.progress(job).done == 2
    assert Article.objects.count() == 2  # the third document's rows went with its transaction
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING

    # No heartbeat from doomed-worker: the next reaper returns its task to the queue.
    assert reap_lost_tasks(tasks.import_documents.get_backend()) == 1
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    work_off_queue("rescuer")

    task.refresh_from_db()
    job.refresh_from_db()
    assert (task.status, task.worker_ids) == (TaskResultStatus.SUCCESSFUL, ["doomed-worker", "rescuer"])
    assert job.state == ImportJob.State.FINISHED
    assert list(job.documents.order_by("position").values_list("status", flat=True)) == ["created"] * 5
    articles = Article.objects.all()
    assert articles.count() == 5
    # One revision per article: none was stored twice.
    assert sorted(Version.objects.get_for_model(Article).values_list("object_id", flat=True)) == sorted(
        str(a.pk) for a in articles
    )


def test_running_a_finished_job_again_changes_nothing(work_off_queue, admin_user):
    job = tasks.start_import(uploads(2), user=admin_user, publish=False, dry_run=False)
    work_off_queue()
    versions = Version.objects.count()
    tasks.import_documents.enqueue(job.pk)  # a duplicate delivery
    work_off_queue()
    assert (Article.objects.count(), Version.objects.count()) == (2, versions)


def test_a_document_the_importer_fails_on_is_reported_and_the_rest_imported(
    work_off_queue, admin_user, monkeypatch
):
    real_import = imports.import_document

    def fail_on_the_second(data, *, path, **kwargs):
        if path.startswith("0001"):
            raise KeyError("a fault in the parser")
        return real_import(data, path=path, **kwargs)

    monkeypatch.setattr(imports, "import_document", fail_on_the_second)
    job = tasks.start_import(uploads(3), user=admin_user, publish=False, dry_run=False)
    work_off_queue()
    rows = imports.report_rows(job)
    assert [row.status for row in rows] == ["created", "error", "created"]
    assert rows[1].error == "0001-sample.txt: KeyError('a fault in the parser')"
    job.refresh_from_db()
    assert job.state == ImportJob.State.FINISHED


def test_a_job_whose_task_keeps_failing_stops_and_says_why(
    work_off_queue, admin_client, admin_user, monkeypatch
):
    monkeypatch.setattr(tasks, "IMPORT_WORKERS_PER_JOB", 1)

    def database_away(job_id, *, seconds):
        raise imports.DatabaseError("the database went away")

    monkeypatch.setattr(imports, "import_waiting", database_away)
    job = tasks.start_import(uploads(2), user=admin_user, publish=False, dry_run=False)
    work_off_queue()  # three attempts, no wait between them in the tests

    task = DBTaskResult.objects.get()
    job.refresh_from_db()
    assert (task.status, len(task.worker_ids)) == (TaskResultStatus.FAILED, 3)
    assert job.state == ImportJob.State.STOPPED
    assert job.error == "The import stopped after repeated errors: DatabaseError('the database went away')"
    assert set(job.documents.values_list("status", "data")) == {("", b"")}
    html = admin_client.get(job_url(job)).content.decode()
    assert "The import stopped after repeated errors" in html
    assert html.count("<td>not imported</td>") == 2


def test_a_worker_asked_to_stop_hands_the_rest_of_the_job_to_a_new_task(
    work_off_queue, admin_user, monkeypatch
):
    monkeypatch.setattr(tasks, "IMPORT_WORKERS_PER_JOB", 1)
    monkeypatch.setattr(imports, "stop_requested", lambda: True)  # stop after every document
    job = tasks.start_import(uploads(3), user=admin_user, publish=False, dry_run=False)
    work_off_queue()
    job.refresh_from_db()
    assert job.state == ImportJob.State.FINISHED
    assert Article.objects.count() == 3
    # One task per document: each stopped after one and queued the rest.
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 3
