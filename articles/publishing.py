"""The publishing verbs: publish now, schedule, unpublish. The one module that changes an article's state.

The states and what each is stored as are described in ``articles.models.article``.
Every verb works on a batch, runs in one transaction, and says which articles
it changed and which it left alone, so that admin actions and the importer only
have to report. Publishing an unpublished article again keeps its first
publication time.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Article
from .pictures import ALT_TEXT_NEEDED, needs_alt_text
from .tagkinds import TAG_KINDS

State = Article.State


class TransitionError(ValueError):
    """A transition that does not apply, with a message for the editor."""


@dataclass(frozen=True)
class Refusal:
    article: Article
    reasons: list[str]

    def __str__(self):
        return f"“{self.article}” was not published: " + " ".join(self.reasons)


@dataclass(frozen=True)
class TransitionResult:
    changed: list[Article] = field(default_factory=list)
    skipped: list[Article] = field(default_factory=list)  # already in the target state, or not allowed
    refused: list[Refusal] = field(default_factory=list)  # not ready to go live (``publishing_problems``)


def publishing_problems(article: Article) -> list[str]:
    """What keeps ``article`` off the site until an editor puts it right, in words for them (none: ready).

    Readers who cannot see a picture are told what it shows: a lead picture needs alt text.
    """
    problems = []
    if article.lead_image_id and needs_alt_text(article.lead_image):
        problems.append(ALT_TEXT_NEEDED)
    return problems


def _save_state(article: Article) -> None:
    article.save(update_fields=["status", "published_at", "dated_by_import", "updated_at"])


@transaction.atomic
def publish_now(articles: Iterable[Article]) -> TransitionResult:
    """Put articles live at once; a scheduled one goes live now, a re-published one keeps its first time."""
    now = timezone.now()
    changed, skipped, refused = [], [], []
    for article in articles:
        if article.state_at(now) == State.PUBLISHED:
            skipped.append(article)
            continue
        if problems := publishing_problems(article):
            refused.append(Refusal(article, problems))
            continue
        article.status = Article.Status.PUBLISHED
        if article.published_at is None or article.published_at > now:
            article.published_at, article.dated_by_import = now, False  # an editor's decision
        _save_state(article)
        changed.append(article)
    return TransitionResult(changed=changed, skipped=skipped, refused=refused)


@transaction.atomic
def schedule(articles: Iterable[Article], *, at: datetime) -> TransitionResult:
    """Set articles to go live by themselves at ``at``, which must be in the future.

    A live article is left alone: take it down first, or it would vanish until ``at``.
    """
    if timezone.is_naive(at):
        raise TransitionError("The publication time needs a time zone.")
    now = timezone.now()
    if at <= now:
        raise TransitionError("Pick a time in the future to schedule an article.")
    changed, skipped, refused = [], [], []
    for article in articles:
        if article.state_at(now) == State.PUBLISHED:
            skipped.append(article)
            continue
        if problems := publishing_problems(article):
            refused.append(Refusal(article, problems))
            continue
        article.status, article.published_at, article.dated_by_import = Article.Status.PUBLISHED, at, False
        _save_state(article)
        changed.append(article)
    return TransitionResult(changed=changed, skipped=skipped, refused=refused)


@transaction.atomic
def unpublish(articles: Iterable[Article]) -> TransitionResult:
    """Take articles off the site (a scheduled one is unscheduled); they keep their publication time."""
    changed, skipped = [], []
    for article in articles:
        if article.status == Article.Status.DRAFT:
            skipped.append(article)
            continue
        article.status = Article.Status.DRAFT
        _save_state(article)
        changed.append(article)
    return TransitionResult(changed=changed, skipped=skipped)


def publish_at(article: Article, *, at: datetime | None) -> None:
    """Give an article that is being written (not yet saved) the state an import asks for.

    ``at`` publishes it at that time (a future time schedules it); ``None`` publishes
    it now unless it is live already. An article that gets its time from the import
    itself is marked ``dated_by_import``. The caller saves the article.
    """
    if at is not None:
        article.status, article.published_at = Article.Status.PUBLISHED, at
        article.dated_by_import = False
    elif article.status != Article.Status.PUBLISHED:
        article.status = Article.Status.PUBLISHED
        if article.published_at is None:
            article.published_at, article.dated_by_import = timezone.now(), True


def scheduled_articles():
    """What goes live when: scheduled articles, soonest first."""
    return (
        Article.objects.scheduled()
        .for_listing()
        .prefetch_related(*(kind.name for kind in TAG_KINDS))
        .order_by("published_at", "headline")
    )
