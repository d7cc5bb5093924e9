"""Who else has an article's form open: a notice, never a lock.

The form says it is open every ``BEAT_SECONDS`` (``static/editorial/presence.js``),
and that it is closed when the page goes away. Someone whose form has not said so
for ``GONE_AFTER_SECONDS`` is gone (a closed laptop, a lost connection). Kept in
the database, which every app server shares.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from .models import EditingPresence

BEAT_SECONDS = 15
GONE_AFTER_SECONDS = 45


@dataclass(frozen=True)
class Editor:
    name: str
    since: datetime


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def here(*, article_id: int, user) -> None:
    """``user`` has the form of the article open, now."""
    # One statement whether or not the form was open already (and whatever a second tab does).
    EditingPresence.objects.bulk_create(
        [EditingPresence(article_id=article_id, user=user, seen_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["article", "user"],
        update_fields=["seen_at"],
    )


def gone(*, article_id: int, user) -> None:
    EditingPresence.objects.filter(article_id=article_id, user=user).delete()


def others(*, article_id: int, user) -> list[Editor]:
    """The other people with the article's form open, longest first."""
    since = timezone.now() - timedelta(seconds=GONE_AFTER_SECONDS)
    rows = (
        EditingPresence.objects.filter(article_id=article_id, seen_at__gte=since)
        .exclude(user=user)
        .select_related("user")
        .order_by("seen_at")
    )
    return [Editor(name=_name(row.user), since=row.seen_at) for row in rows]
