"""Corrections and clarifications: appended to a published article, timed, shown to readers."""

from django.db import models
from django.utils import timezone


class Correction(models.Model):
    """A correction (something was wrong) or a clarification (something was unclear) to an article.

    Appended, never deleted: a change to one is kept in the article's history, and
    the time it was last changed is shown beside it.
    """

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(
        help_text="What was wrong or unclear and what is right, e.g. “An earlier version of this article "
        "gave the wrong date for the vote. It was held on 3 May.”"
    )
    at = models.DateTimeField(
        "time", default=timezone.now, help_text="When the correction was made; readers see it."
    )
    changes_story = models.BooleanField(
        "shown above the article",
        default=False,
        help_text="For a clarification that changes how the story reads: shown at the top, not the foot.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["-at"], name="correction_at_idx")]

    def __str__(self):
        words = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.get_kind_display()}: {words}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"

    @property
    def at_top(self) -> bool:
        return self.changes_story

    @property
    def amended(self) -> bool:
        """Changed after it was first made (by more than a minute)."""
        return (self.updated_at - self.created_at).total_seconds() > 60
