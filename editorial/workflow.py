"""The publishing workflow: draft → scheduled → published → unpublished.

Visibility is time-based (``Article.objects.published()``), so a scheduled
article goes live by itself when its time comes, with no job to run. The
transitions here wrap ``articles.services`` and say which articles they
changed, so that admin actions only have to report.

==============  ======================================  ==========================
state           stored as                               may go to
==============  ======================================  ==========================
draft           status draft, no publication time       scheduled, published
scheduled       status published, time in the future    published, draft
published       status published, time now or past     unpublished
unpublished     status draft, a publication time        scheduled, published
==============  ======================================  ==========================

Publishing an unpublished article again keeps its first publication time.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.db import transaction
from django.utils import timezone

from articles import services
from articles.models import Article


class State(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    UNPUBLISHED = "unpublished"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def state_of(article: Article, *, now: datetime | None = None) -> State:
    now = now or timezone.now()
    if article.status == Article.Status.PUBLISHED:
        if article.published_at is not None and article.published_at > now:
            return State.SCHEDULED
        return State.PUBLISHED
    if article.published_at is not None and article.published_at <= now:
        return State.UNPUBLISHED
    return State.DRAFT


class TransitionError(ValueError):
    """A transition that does not apply, with a message for the editor."""


@dataclass(frozen=True)
class TransitionResult:
    changed: list[Article] = field(default_factory=list)
    skipped: list[Article] = field(default_factory=list)  # already in the target state, or not allowed


@transaction.atomic
def publish_now(articles: Iterable[Article]) -> TransitionResult:
    """Put articles live at once; a scheduled one goes live now, a re-published one keeps its first time."""
    articles = list(articles)
    live = [a for a in articles if state_of(a) == State.PUBLISHED]
    pending = [a for a in articles if a not in live]
    services.publish(pending)
    return TransitionResult(changed=pending, skipped=live)


@transaction.atomic
def schedule(articles: Iterable[Article], *, at: datetime) -> TransitionResult:
    """Set articles to go live by themselves at ``at``, which must be in the future.

    A live article is left alone: take it down first, or it would vanish until ``at``.
    """
    if timezone.is_naive(at):
        raise TransitionError("The publication time needs a time zone.")
    if at <= timezone.now():
        raise TransitionError("Pick a time in the future to schedule an article.")
    articles = list(articles)
    live = [a for a in articles if state_of(a) == State.PUBLISHED]
    pending = [a for a in articles if a not in live]
    services.publish(pending, at=at)
    return TransitionResult(changed=pending, skipped=live)


@transaction.atomic
def unpublish(articles: Iterable[Article]) -> TransitionResult:
    """Take articles off the site (a scheduled one is unscheduled); they keep their publication time."""
    articles = list(articles)
    drafts = [a for a in articles if a.status == Article.Status.DRAFT]
    pending = [a for a in articles if a not in drafts]
    services.unpublish(pending)
    return TransitionResult(changed=pending, skipped=drafts)


def scheduled_articles():
    """What goes live when: scheduled articles, soonest first."""
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .for_listing()
        .prefetch_related("topics", "countries")
        .order_by("published_at", "headline")
    )
