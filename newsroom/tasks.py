"""Work that runs beside the site: the task queue's backend, its retry policy, and the convention for tasks.

The queue is Django's Tasks API (``django.tasks`` from Django 6.0; on Django 5.2
the ``django-tasks`` backport, imported as ``django_tasks``), stored in the site's
own database by ``django-tasks-db``, so it works the same on SQLite and on
PostgreSQL and needs no broker. Enqueuing is one INSERT on the default
connection: a task enqueued inside ``transaction.atomic()`` exists only if that
transaction commits.

Why this queue: it runs on both of the site's databases, so ``make run`` needs
nothing more than SQLite; enqueuing joins the caller's transaction; and it is
Django's own API, which moves to ``django.tasks`` on Django 6 by changing an
import. procrastinate is PostgreSQL only; Celery needs a broker (Redis) and
publishes outside the database transaction; django-ox, a database backend with
a reaper and retries built in, needs Python 3.12 (Newsroom supports 3.11).

django-tasks-db leaves a task ``RUNNING`` for ever when its worker is killed and
does not retry a failed one (its issue #46). ``manage.py run_worker``
(``newsroom.worker``) adds both: each worker beats in the database, a task whose
worker has been silent for ``LEASE_SECONDS`` goes back to the queue, and a task
that failed or was lost is tried again after ``RETRY_SECONDS``, doubling each
time, ``MAX_ATTEMPTS`` times in all (the first run included). Delivery is
therefore at least once: **a task must be safe to run again**.

How an app adds a task (the images app's renditions, say):

* In ``<app>/tasks.py``, a module-level function decorated with ``@task()``
  (``from django_tasks import task``) that takes JSON values (ids, not model
  instances), looks its objects up again, and does nothing when they are gone::

      @task()
      def make_renditions(image_id: int) -> None:
          image = Image.objects.filter(pk=image_id).first()
          if image is not None:
              renditions.make_all(image)  # idempotent: a rendition made is kept

* Enqueue it in the transaction of the change that needs it, typically from the
  app's ``receivers.py``: ``make_renditions.enqueue(image.pk)``. No
  ``on_commit``: the task row commits with the change.
* A long task does its work in steps that each commit and are recorded as
  done, so that a retry continues where the last attempt stopped (the import job
  in ``editorial.imports`` is the example), and stops between steps when
  ``stop_requested()`` says the worker is shutting down.
* Tests run tasks at once, inside ``enqueue()`` (the immediate backend), unless
  they ask for the database backend and a worker (``tests/conftest.py``,
  ``queue_in_database``).
"""

import threading
from datetime import timedelta

from django_tasks import TaskContext
from django_tasks_db import DatabaseBackend as LibraryDatabaseBackend

DEFAULT_LEASE_SECONDS = 30.0
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_RETRY_SECONDS = 10.0
# The longest wait before a retry, however many attempts came before.
MAX_RETRY_DELAY = timedelta(hours=1)


class DatabaseBackend(LibraryDatabaseBackend):
    """django-tasks-db's backend, with the lease and retry policy ``manage.py run_worker`` applies.

    OPTIONS: ``LEASE_SECONDS`` (a worker silent that long is taken for dead),
    ``MAX_ATTEMPTS`` (runs of a task before it stays failed) and
    ``RETRY_SECONDS`` (the wait before the first retry; it doubles each time).
    """

    def __init__(self, alias: str, params: dict) -> None:
        super().__init__(alias, params)
        self.lease = timedelta(seconds=float(self.options.get("LEASE_SECONDS", DEFAULT_LEASE_SECONDS)))
        self.max_attempts = max(1, int(self.options.get("MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)))
        self.retry_delay = timedelta(seconds=float(self.options.get("RETRY_SECONDS", DEFAULT_RETRY_SECONDS)))

    @property
    def heartbeat(self) -> timedelta:
        """How often a worker beats: three beats fit in a lease, so one late beat loses nothing."""
        return self.lease / 3

    def backoff(self, attempts: int) -> timedelta:
        """The wait before the next run of a task that has run ``attempts`` times."""
        return min(self.retry_delay * 2 ** max(0, attempts - 1), MAX_RETRY_DELAY)


def is_last_attempt(context: TaskContext) -> bool:
    """Whether a failure now is final: no retry follows (always, on a backend without retries)."""
    backend = context.task_result.task.get_backend()
    return not isinstance(backend, DatabaseBackend) or context.attempt >= backend.max_attempts


# Set by the worker when it is asked to stop; read by long tasks between their steps.
# One per process, as signals are: nothing here is shared between processes.
_stopping = threading.Event()


def stop_requested() -> bool:
    """Whether this process's worker is shutting down: a long task should stop after its current step."""
    return _stopping.is_set()


def request_stop() -> None:
    _stopping.set()


def clear_stop() -> None:
    _stopping.clear()
