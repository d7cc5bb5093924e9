"""An article's review: submitted or withdrawn by its writer, approved or sent back by an editor."""

from django.conf import settings
from django.db import models


class ReviewStep(models.Model):
    """One step of the review of an article, with who took it, when, and the note they left."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Submitted for review"
        APPROVED = "approved", "Approved"
        SENT_BACK = "sent_back", "Sent back"
        # Its writer (or an editor) took it back out of the queue, to keep editing.
        WITHDRAWN = "withdrawn", "Withdrawn from review"

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="review_steps")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(
        blank=True, help_text="The writer's note to the editor, or the editor's comment when sending it back."
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "review step"
        indexes = [models.Index(fields=["article", "-at"], name="review_step_article_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"
