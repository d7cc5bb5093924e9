"""The publishing verbs: submit for review, withdraw, send back, publish now, schedule, unpublish.

The one module that changes an article's state.

The states and what each is stored as are described in ``articles.models.article``.
Every verb works on a batch, runs in one transaction, and says which articles
it changed and which it left alone, so that admin actions and the importer only
have to report. Publishing an unpublished article again keeps its first
publication time.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import reversion
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format

from .models import Article, ReviewStep
from .pictures import ALT_TEXT_NEEDED, body_alt_text_needed, needs_alt_text
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

    Readers who cannot see a picture are told what it shows: the lead picture and the body's
    pictures need alt text. (A related item's picture sits beside its linked headline, which says
    what it is: it is shown as decoration and needs none.)
    """
    problems = []
    if article.lead_image_id and needs_alt_text(article.lead_image):
        problems.append(ALT_TEXT_NEEDED)
    if article.pk and (body := body_alt_text_needed(article)):
        problems.append(body)
    return problems


def _save_state(article: Article) -> None:
    article.save(update_fields=["status", "published_at", "dated_by_import", "updated_at"])


def joined_comment(*parts: str) -> str:
    """Revision comments joined, leaving out the admin's "No fields changed." beside a real step."""
    kept = [p for p in parts if p and p != "No fields changed."]
    return " ".join(kept) or next((p for p in parts if p), "")


def record(articles: list[Article], comment: str) -> None:
    """Every transition is a revision of the articles it changed, with a comment saying what it was.

    Inside a revision already open (an admin request), the articles join it and the
    comment is added to its own; otherwise the transition opens a revision of its own.
    """
    if not articles or not reversion.is_registered(Article):
        return
    if reversion.is_active():
        for article in articles:
            reversion.add_to_revision(article)
        reversion.set_comment(joined_comment(reversion.get_comment(), comment))
        return
    with reversion.create_revision():
        for article in articles:
            reversion.add_to_revision(article)
        reversion.set_comment(comment)


def _when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def _approve(article: Article, *, by) -> None:
    """An article in review that an editor publishes or schedules is approved: a step of its review."""
    if article.status == Article.Status.IN_REVIEW:
        ReviewStep.objects.create(article=article, kind=ReviewStep.Kind.APPROVED, by=by)


# The states from which a writer may submit an article for review.
SUBMITTABLE = (State.DRAFT, State.UNPUBLISHED)


@transaction.atomic
def submit_for_review(articles: Iterable[Article], *, by=None, note: str = "") -> TransitionResult:
    """Put drafts in the editors' "Waiting for review" queue, with the writer's note."""
    changed, skipped = [], []
    for article in articles:
        if article.state not in SUBMITTABLE:
            skipped.append(article)
            continue
        article.status = Article.Status.IN_REVIEW
        _save_state(article)
        ReviewStep.objects.create(article=article, kind=ReviewStep.Kind.SUBMITTED, by=by, note=note.strip())
        changed.append(article)
    record(changed, "Submitted for review" + (f": {note.strip()}" if note.strip() else "."))
    return TransitionResult(changed=changed, skipped=skipped)


@transaction.atomic
def send_back(articles: Iterable[Article], *, by=None, comment: str) -> TransitionResult:
    """Return articles in review to their writer as drafts, with the editor's comment, which they see."""
    comment = comment.strip()
    if not comment:
        raise TransitionError("Say what needs doing: the writer sees your comment on the article.")
    changed, skipped = [], []
    for article in articles:
        if article.status != Article.Status.IN_REVIEW:
            skipped.append(article)
            continue
        article.status = Article.Status.DRAFT
        _save_state(article)
        ReviewStep.objects.create(article=article, kind=ReviewStep.Kind.SENT_BACK, by=by, note=comment)
        changed.append(article)
    record(changed, f"Sent back to the writer: {comment}")
    return TransitionResult(changed=changed, skipped=skipped)


@transaction.atomic
def withdraw(articles: Iterable[Article], *, by=None) -> TransitionResult:
    """Take articles in review back to draft, out of the editors' queue, for their writer to keep editing.

    Who may is decided by ``editorial.permissions.can_withdraw`` (the writer who submitted, or an editor).
    """
    changed, skipped = [], []
    for article in articles:
        if article.status != Article.Status.IN_REVIEW:
            skipped.append(article)
            continue
        article.status = Article.Status.DRAFT
        _save_state(article)
        ReviewStep.objects.create(article=article, kind=ReviewStep.Kind.WITHDRAWN, by=by)
        changed.append(article)
    record(changed, "Withdrawn from review, back to draft.")
    return TransitionResult(changed=changed, skipped=skipped)


def submitter_id(article: Article) -> int | None:
    """Who submitted ``article`` for review last (a user id), or None."""
    steps = ReviewStep.objects.filter(article=article, kind=ReviewStep.Kind.SUBMITTED)
    return steps.order_by("-at", "-pk").values_list("by_id", flat=True).first()


@transaction.atomic
def publish_now(articles: Iterable[Article], *, by=None) -> TransitionResult:
    """Put articles live at once; a scheduled one goes live now, a re-published one keeps its first time.

    An article in review is approved by it.
    """
    now = timezone.now()
    changed, skipped, refused = [], [], []
    for article in articles:
        if article.state_at(now) == State.PUBLISHED:
            skipped.append(article)
            continue
        if problems := publishing_problems(article):
            refused.append(Refusal(article, problems))
            continue
        _approve(article, by=by)
        article.status = Article.Status.PUBLISHED
        if article.published_at is None or article.published_at > now:
            article.published_at, article.dated_by_import = now, False  # an editor's decision
        _save_state(article)
        changed.append(article)
    record(changed, "Published.")
    return TransitionResult(changed=changed, skipped=skipped, refused=refused)


@transaction.atomic
def schedule(articles: Iterable[Article], *, at: datetime, by=None) -> TransitionResult:
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
        _approve(article, by=by)
        article.status, article.published_at, article.dated_by_import = Article.Status.PUBLISHED, at, False
        _save_state(article)
        changed.append(article)
    record(changed, f"Scheduled to go live on {_when(at)}.")
    return TransitionResult(changed=changed, skipped=skipped, refused=refused)


@transaction.atomic
def unpublish(articles: Iterable[Article]) -> TransitionResult:
    """Take articles off the site (a scheduled one is unscheduled); they keep their publication time.

    An article in review is not on the site: it is sent back, not unpublished.
    """
    changed, skipped = [], []
    for article in articles:
        if article.status != Article.Status.PUBLISHED:
            skipped.append(article)
            continue
        article.status = Article.Status.DRAFT
        _save_state(article)
        changed.append(article)
    record(changed, "Unpublished: taken off the site.")
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


def review_queue():
    """What waits for an editor, longest-waiting first, each with its latest step (who submitted, when)."""
    latest = ReviewStep.objects.filter(kind=ReviewStep.Kind.SUBMITTED).select_related("by")
    return (
        Article.objects.in_review()
        .for_listing()
        .prefetch_related(models.Prefetch("review_steps", queryset=latest, to_attr="submissions"))
        .order_by("updated_at")
    )


def scheduled_articles():
    """What goes live when: scheduled articles, soonest first."""
    return (
        Article.objects.scheduled()
        .for_listing()
        .prefetch_related(*(kind.name for kind in TAG_KINDS))
        .order_by("published_at", "headline")
    )
