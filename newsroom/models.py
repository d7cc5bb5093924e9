"""The project's own tables: the task workers that are alive, and when readers' pages last changed."""

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


class ContentVersion(models.Model):
    """A counter bumped after every change readers can see, and when the pages change by themselves.

    Times are microseconds since the epoch: the row is read with one raw
    statement on every cached page served without a shared cache, and integers
    read the same on every database.
    """

    ROW_ID = 1

    counter = models.BigIntegerField(default=0)
    changed_at = models.BigIntegerField(
        default=0, help_text="When the counter last moved (µs since the epoch)."
    )
    valid_until = models.BigIntegerField(
        null=True, blank=True, help_text="When pages change without a write: the next scheduled publication."
    )

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"content version {self.counter}"
