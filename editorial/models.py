"""What the editorial tools keep: where merged topics went, and each revision's tags."""

from django.db import models
from reversion.models import Revision


class TopicRedirect(models.Model):
    """An old topic address that now leads to the topic it was merged into or renamed to."""

    old_slug = models.SlugField(
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text="The slug of the topic page that no longer exists.",
    )
    old_name = models.CharField(max_length=100, help_text="The topic's name before the merge or rename.")
    topic = models.ForeignKey(
        "articles.Topic",
        on_delete=models.CASCADE,
        related_name="redirects",
        help_text="Where readers and old links are sent now.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = "topic redirect"

    def __str__(self):
        return f"{self.old_slug} → {self.topic.slug}"


class RevisionTags(models.Model):
    """An article's topics and countries as a revision saw them, by name.

    Kept by name rather than by row so that a revision still reads, compares and
    reverts after its topics were merged, renamed or cleaned up.
    """

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="article_tags")
    article_id = models.BigIntegerField(db_index=True)
    topics = models.JSONField(default=list, help_text="Topic names, in alphabetical order.")
    countries = models.JSONField(default=list, help_text="ISO 3166-1 alpha-2 codes, sorted.")

    class Meta:
        verbose_name = "revision tags"
        verbose_name_plural = "revision tags"
        constraints = [
            models.UniqueConstraint(fields=["revision", "article_id"], name="revision_tags_unique"),
        ]

    def __str__(self):
        return f"tags of article {self.article_id} in revision {self.revision_id}"
