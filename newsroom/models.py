"""The project's own table: the task workers that are alive, by their last heartbeat."""

from django.db import models


class TaskWorker(models.Model):
    """A ``manage.py run_worker`` process, as it last reported itself.

    A worker writes ``seen_at`` (the database's clock, so that machines whose
    clocks differ agree) every third of the lease; a task held by a worker not
    seen for a whole lease goes back to the queue (``newsroom.worker``). A worker
    that stops cleanly deletes its row.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "task worker"

    def __str__(self):
        return f"{self.worker_id} ({self.hostname}, pid {self.pid})"
