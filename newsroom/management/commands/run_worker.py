"""Run a task worker: ``manage.py run_worker [--queue-name Q] [--batch] [--max-tasks N] [--reload]``.

django-tasks-db's ``db_worker`` with its options, run by ``newsroom.worker.Worker``:
heartbeats, lost tasks returned to the queue, failed tasks retried. Start as many
as the work needs, on any machine that reaches the database; stop one with SIGTERM.

Unlike ``db_worker``, it does not reload on code changes unless ``--reload`` is
given: under the reloader a signal reaches the reloader's thread, not the
worker's, so the worker can neither finish its task nor remove its heartbeat
before the process ends.
"""

import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from newsroom.worker import Worker


class Command(db_worker.Command):
    help = "Run a task worker: tasks from the database queue, with heartbeats and retries."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(reload=False)
        for action in parser._actions:
            if action.dest == "reload":
                action.help = "Reload the worker when the code changes (development only; off by default)."

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, **options):
        self.configure_logging(verbosity)
        if exclude_queues and "*" not in queue_name.split(","):
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            batch=batch,
            interval=options["interval"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload and not batch:
            # The reloader's parent process only restarts the child, which does the work.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.serve)
        else:
            worker.configure_signals()
            worker.serve()
