"""The one row that says when readers' pages last changed (see ``newsroom.versions``)."""

from django.db import models


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
