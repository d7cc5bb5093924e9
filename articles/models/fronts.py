"""The home page's running order: the stories editors put at the top, lead first.

A small ordered list: the first live article on it leads the home page, the next
few are its top stories. Places the list leaves empty (it is short, or an article
on it is not live) are filled by the newest stories, so the front never goes
stale when nobody tends it.
"""

from django.db import models

# The lead story and the top stories under it.
FRONT_SIZE = 5


class FrontItem(models.Model):
    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="front_item",
        help_text="Only a published article is shown; until then its place goes to the newest story.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="0 leads the home page; the next are its top stories, in order."
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "front page story"
        verbose_name_plural = "front page"

    def __str__(self):
        return f"{self.position}: {self.article}"
