"""The task worker: django-tasks-db's worker loop, with heartbeats, a reaper of lost tasks, and retries.

``Worker`` is django-tasks-db's, with three additions (``newsroom.tasks`` says why):

* While it runs, a thread writes the worker's heartbeat (``TaskWorker.seen_at``)
  every third of the lease, and returns to the queue the running tasks of
  workers not seen for a whole lease (``reap_lost_tasks``): a worker killed
  with SIGKILL, a machine that lost power. Any worker reaps; each change is one
  conditional UPDATE, so two reapers never both act on a task.
* A task that raised is queued again after a backoff while it has attempts
  left (``retry_or_fail``); the error of each failed attempt is logged.
* SIGTERM or SIGINT asks it to stop: it finishes the task it runs (long tasks
  stop early at ``newsroom.tasks.stop_requested()``), deletes its heartbeat and
  exits. A second signal abandons the task, which is then retried.
"""

import logging
import os
import socket
import threading
import traceback
from datetime import timedelta
from types import FrameType
from typing import Any

from django.db import DatabaseError, close_old_connections, connection
from django.db.models import DateTimeField, ExpressionWrapper, Value
from django.db.models.functions import Now
from django.utils import timezone
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db.management.commands.db_worker import Worker as LibraryWorker
from django_tasks_db.models import DBTaskResult

from .models import TaskWorker
from .tasks import DatabaseBackend, clear_stop, request_stop

logger = logging.getLogger("newsroom.worker")

# A heartbeat row this much older than the lease belongs to a worker long gone.
FORGET_WORKERS_AFTER = 100


class WorkerLost(Exception):
    """Recorded on a task whose worker stopped beating while the task ran."""


def beat(worker_id: str) -> None:
    """Record that ``worker_id`` (this process) is alive, by the database's clock."""
    if not TaskWorker.objects.filter(worker_id=worker_id).update(seen_at=Now()):
        TaskWorker.objects.create(
            worker_id=worker_id,
            hostname=socket.gethostname()[:255],
            pid=os.getpid(),
            started_at=Now(),
            seen_at=Now(),
        )


def seen_since(age: timedelta) -> ExpressionWrapper:
    """The database's time ``age`` ago."""
    return ExpressionWrapper(Now() - Value(age), output_field=DateTimeField())


def reap_lost_tasks(backend: DatabaseBackend) -> int:
    """Queue again (or fail, when out of attempts) the running tasks whose worker is not alive; how many."""
    alive = set(
        TaskWorker.objects.filter(seen_at__gte=seen_since(backend.lease)).values_list("worker_id", flat=True)
    )
    running = DBTaskResult.objects.running().filter(backend_name=backend.alias)
    reaped = 0
    for task in running.only("id", "status", "started_at", "worker_ids"):
        if task.worker_ids and task.worker_ids[-1] in alive:
            continue
        error = WorkerLost(f"worker {task.worker_ids[-1] if task.worker_ids else '?'} stopped beating")
        reaped += retry_or_fail(task, backend=backend, error=error)
    TaskWorker.objects.filter(seen_at__lt=seen_since(backend.lease * FORGET_WORKERS_AFTER)).delete()
    return reaped


def retry_or_fail(
    task: DBTaskResult, *, backend: DatabaseBackend, error: BaseException | None = None
) -> bool:
    """Queue ``task`` again after its backoff, or fail it for good; False if someone else changed it first.

    ``error`` is recorded as the task's latest error (a task that raised has
    recorded its own already).
    """
    attempts = len(task.worker_ids)
    changes: dict = {}
    if error is not None:
        changes["exception_class_path"] = f"{type(error).__module__}.{type(error).__qualname__}"
        changes["traceback"] = "".join(traceback.format_exception_only(error))
    if attempts < backend.max_attempts:
        delay = backend.backoff(attempts)
        changes |= {
            "status": TaskResultStatus.READY,
            "run_after": timezone.now() + delay,
            "finished_at": None,
        }
        logger.warning(
            "Task id=%s: attempt %d of %d failed; retrying in %s",
            task.id,
            attempts,
            backend.max_attempts,
            delay,
        )
    else:
        changes |= {"status": TaskResultStatus.FAILED, "finished_at": timezone.now()}
        logger.error("Task id=%s failed %d times; giving up", task.id, attempts)
    # Only if nothing happened to it meanwhile: the same status and the same start.
    unchanged = DBTaskResult.objects.filter(pk=task.pk, status=task.status, started_at=task.started_at)
    return bool(unchanged.update(**changes))


class Worker(LibraryWorker):
    """django-tasks-db's worker, beating, reaping and retrying (see the module's docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        backend = task_backends[self.backend_name]
        if not isinstance(backend, DatabaseBackend):
            raise TypeError(f"backend {self.backend_name!r} is not newsroom.tasks.DatabaseBackend")
        self.backend: DatabaseBackend = backend
        self._stopped: threading.Event = threading.Event()

    def serve(self) -> None:
        """Beat, reap and run tasks until asked to stop (or, with ``batch``, until the queue is empty)."""
        clear_stop()
        beat(self.worker_id)
        reap_lost_tasks(self.backend)
        heart = threading.Thread(target=self._beat_until_stopped, name="heartbeat", daemon=True)
        heart.start()
        try:
            self.run()
        finally:
            self._stopped.set()
            heart.join()
            TaskWorker.objects.filter(worker_id=self.worker_id).delete()
            logger.info("Worker %s stopped", self.worker_id)

    def _beat_until_stopped(self) -> None:
        try:
            while not self._stopped.wait(self.backend.heartbeat.total_seconds()):
                close_old_connections()
                try:
                    beat(self.worker_id)
                    reap_lost_tasks(self.backend)
                except DatabaseError:
                    # The database is away for a moment; the next beat tries again.
                    logger.exception("Worker %s could not beat", self.worker_id)
        finally:
            connection.close()  # this thread's own connection

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        if db_task_result.status == TaskResultStatus.FAILED:
            retry_or_fail(db_task_result, backend=self.backend)

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        request_stop()
        super().shutdown(signum, frame)
