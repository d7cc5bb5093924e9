"""Business actions on articles: publishing and resolving related links."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Article, RelatedLink


def resolve_links_to(article: Article) -> int:
    """Point every unresolved related link whose title matches ``article``'s headline at it.

    Returns the number of links resolved.
    """
    return (
        RelatedLink.objects.filter(target__isnull=True, title_key=article.headline_key)
        .exclude(article=article)
        .update(target=article)
    )


def find_link_target(link: RelatedLink) -> Article | None:
    """The article on this site whose headline matches the link's title, if any."""
    return (
        Article.objects.filter(headline_key=link.title_key)
        .exclude(pk=link.article_id)
        .order_by("created_at")
        .first()
    )


@dataclass(frozen=True)
class PublishResult:
    published: int
    already: int


@transaction.atomic
def publish(articles, *, at: datetime | None = None) -> PublishResult:
    """Publish the given articles, now or at ``at`` (a future time schedules them).

    An article that was published before and taken down keeps its first
    publication time when it is published again, unless ``at`` is given.
    """
    now = timezone.now()
    published = already = 0
    for article in articles:
        if at is None and article.is_live:
            already += 1
            continue
        article.status = Article.Status.PUBLISHED
        if at is not None:
            article.published_at = at
        elif article.published_at is None or article.published_at > now:
            # Publishing now: a never-published or scheduled article goes live at once.
            article.published_at = now
        article.save(update_fields=["status", "published_at", "updated_at"])
        published += 1
    return PublishResult(published=published, already=already)


@transaction.atomic
def unpublish(articles) -> int:
    """Take articles off the public site; they keep their publication time for later."""
    count = 0
    for article in articles:
        if article.status != Article.Status.DRAFT:
            article.status = Article.Status.DRAFT
            article.save(update_fields=["status", "updated_at"])
            count += 1
    return count
