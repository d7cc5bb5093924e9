"""Shareable preview links: one draft, readable without an account, for a limited time.

A link carries a token signed with the site's SECRET_KEY (django.core.signing)
holding the article's id, its ``updated_at`` when the link was made, and an
expiry time. It stops working when:

* the expiry time passes (the editor picks it; never more than
  ``EDITORIAL_PREVIEW_MAX_HOURS``), or
* the article is saved again: its ``updated_at`` no longer matches, so every
  link shared before an edit is revoked by the edit itself (share again to show
  the new text), or
* SECRET_KEY changes.

Nothing is stored: the token is the whole state.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

SALT = "editorial.preview"


class PreviewLinkError(Exception):
    """A token that is not ours (``forged``) or no longer valid (``expired``/``revoked``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PreviewLink:
    token: str
    expires_at: datetime

    @property
    def path(self) -> str:
        return reverse("editorial:preview", kwargs={"token": self.token})


def max_lifetime() -> timedelta:
    return timedelta(hours=settings.EDITORIAL_PREVIEW_MAX_HOURS)


def make_preview_link(article: Article, *, valid_for: timedelta) -> PreviewLink:
    valid_for = min(valid_for, max_lifetime())
    expires_at = timezone.now() + valid_for
    payload = {"a": article.pk, "v": article.updated_at.isoformat(), "e": int(expires_at.timestamp())}
    token = signing.dumps(payload, salt=SALT, compress=True)
    return PreviewLink(token=token, expires_at=expires_at)


def article_for_token(token: str, *, queryset=None) -> Article:
    """The article a valid token shows; raises PreviewLinkError otherwise."""
    try:
        # max_age bounds every token, whatever expiry it claims.
        payload = signing.loads(token, salt=SALT, max_age=max_lifetime())
    except signing.SignatureExpired as error:
        raise PreviewLinkError("expired") from error
    except signing.BadSignature as error:
        raise PreviewLinkError("forged") from error
    if not isinstance(payload, dict) or not {"a", "v", "e"} <= payload.keys():
        raise PreviewLinkError("forged")
    if timezone.now().timestamp() >= payload["e"]:
        raise PreviewLinkError("expired")
    queryset = Article.objects.all() if queryset is None else queryset
    article = queryset.filter(pk=payload["a"]).first()
    if article is None or article.updated_at != datetime.fromisoformat(payload["v"]):
        raise PreviewLinkError("revoked")
    return article
