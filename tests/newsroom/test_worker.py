"""The task worker on top of django-tasks-db: retries with backoff, heartbeats, the reaper of lost tasks."""

import signal
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskContext, TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from newsroom import tasks as queue
from newsroom.models import TaskWorker
from newsroom.worker import FORGET_WORKERS_AFTER, Worker, beat, reap_lost_tasks, retry_or_fail

RAN: list[int] = []


@task()
def always_fails() -> None:
    raise ValueError("this task never works")


@task(takes_context=True)
def fails_the_first_time(context: TaskContext) -> int:
    RAN.append(context.attempt)
    if context.attempt == 1:
        raise ValueError("not yet")
    return context.attempt


@task()
def does_nothing() -> None:
    pass


def backend():
    return does_nothing.get_backend()


def running_task(worker_id: str) -> DBTaskResult:
    result = does_nothing.enqueue()
    task_row = DBTaskResult.objects.get(pk=result.id)
    task_row.claim(worker_id)
    return task_row


def test_a_failing_task_is_retried_until_its_attempts_are_spent(work_off_queue):
    result = always_fails.enqueue()
    work_off_queue()
    row = DBTaskResult.objects.get(pk=result.id)
    assert (row.status, len(row.worker_ids)) == (TaskResultStatus.FAILED, 3)
    assert row.exception_class_path == "builtins.ValueError"
    assert "this task never works" in row.traceback


def test_a_task_that_fails_once_succeeds_when_retried(work_off_queue):
    RAN.clear()
    result = fails_the_first_time.enqueue()
    work_off_queue()
    row = DBTaskResult.objects.get(pk=result.id)
    assert (row.status, row.return_value, RAN) == (TaskResultStatus.SUCCESSFUL, 2, [1, 2])


def test_a_retry_waits_for_its_backoff(work_off_queue, settings):
    settings.TASKS["default"]["OPTIONS"]["RETRY_SECONDS"] = 60
    settings.TASKS = settings.TASKS  # the backends are rebuilt on a change of the setting
    result = always_fails.enqueue()
    before = timezone.now()
    work_off_queue()  # runs it once; the retry is not due yet
    row = DBTaskResult.objects.get(pk=result.id)
    assert (row.status, len(row.worker_ids)) == (TaskResultStatus.READY, 1)
    assert before + timedelta(seconds=60) <= row.run_after <= timezone.now() + timedelta(seconds=60)


def test_the_backoff_doubles_up_to_an_hour(settings):
    settings.TASKS = {
        "default": {"BACKEND": "newsroom.tasks.DatabaseBackend", "OPTIONS": {"RETRY_SECONDS": 10}}
    }
    waits = [backend().backoff(attempts).total_seconds() for attempts in (1, 2, 3, 4, 10, 20)]
    assert waits == [10, 20, 40, 80, 3600, 3600]
    assert (backend().lease, backend().heartbeat, backend().max_attempts) == (
        timedelta(seconds=30),
        timedelta(seconds=10),
        5,
    )


@pytest.mark.django_db
def test_a_worker_beats_in_the_database(queue_in_database):
    beat("w1")
    first = TaskWorker.objects.get()
    beat("w1")
    again = TaskWorker.objects.get()
    assert (again.worker_id, again.started_at) == ("w1", first.started_at)
    assert again.seen_at >= first.seen_at


@pytest.mark.django_db
def test_the_reaper_leaves_the_tasks_of_live_workers_alone(queue_in_database):
    beat("alive")
    row = running_task("alive")
    assert reap_lost_tasks(backend()) == 0
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_the_reaper_queues_again_the_task_of_a_worker_that_stopped_beating(queue_in_database):
    beat("silent")
    TaskWorker.objects.update(seen_at=timezone.now() - timedelta(seconds=4))  # the lease is 3 seconds
    row = running_task("silent")
    assert reap_lost_tasks(backend()) == 1
    row.refresh_from_db()
    assert (row.status, row.worker_ids) == (TaskResultStatus.READY, ["silent"])
    assert row.exception_class_path == "newsroom.worker.WorkerLost"
    assert row.traceback == "newsroom.worker.WorkerLost: worker silent stopped beating\n"


@pytest.mark.django_db
def test_a_lost_task_out_of_attempts_fails_for_good(queue_in_database):
    row = running_task("first")
    row.worker_ids = ["first", "second", "third"]  # three runs: the test settings' MAX_ATTEMPTS
    row.save(update_fields=["worker_ids"])
    assert reap_lost_tasks(backend()) == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.finished_at is not None


@pytest.mark.django_db
def test_two_reapers_never_both_act_on_a_task(queue_in_database):
    row = running_task("gone")
    stale = DBTaskResult.objects.get(pk=row.pk)
    assert retry_or_fail(row, backend=backend()) is True
    assert retry_or_fail(stale, backend=backend()) is False


@pytest.mark.django_db
def test_long_gone_workers_are_forgotten(queue_in_database):
    beat("recent")
    beat("ancient")
    lease = backend().lease
    TaskWorker.objects.filter(worker_id="ancient").update(
        seen_at=timezone.now() - lease * FORGET_WORKERS_AFTER - timedelta(seconds=1)
    )
    reap_lost_tasks(backend())
    assert list(TaskWorker.objects.values_list("worker_id", flat=True)) == ["recent"]


def test_a_signal_asks_the_running_task_to_stop_and_the_worker_to_finish(queue_in_database):
    worker = Worker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="w",
    )
    worker.running_task = True
    queue.clear_stop()
    try:
        worker.shutdown(signal.SIGTERM, None)
        assert (worker.running, queue.stop_requested()) == (False, True)
    finally:
        queue.clear_stop()


@pytest.mark.django_db
def test_the_worker_refuses_a_backend_without_its_policy(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(TypeError, match="is not newsroom.tasks.DatabaseBackend"):
        Worker(
            queue_names=["default"],
            excluded_queue_names=[],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="w",
        )
