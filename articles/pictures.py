"""Articles' pictures as the image library sees them: where each is used, and what it needs to go live.

The library knows no users (``images.usage``); this module tells it which articles and related
links show a picture, so that one on a live or scheduled article cannot be deleted, and an
editor sees on the picture's page where it appears. A picture may go on a published article only
with alt text (``publishing.publishing_problems`` and the article form ask ``needs_alt_text``).
"""

from collections.abc import Collection, Iterator

from django.urls import reverse
from django.utils import timezone

from images import usage

from .models import Article, BodyBlock, RelatedLink

# States in which an article's pictures may not be deleted: on the site, or about to be.
KEEPS_PICTURES = (Article.State.PUBLISHED, Article.State.SCHEDULED)

ALT_TEXT_NEEDED = (
    "The lead picture has no alt text, so it cannot go on a published article. Describe what "
    "the picture shows (for readers who cannot see it) in the image library, then publish."
)


def needs_alt_text(image) -> bool:
    """Whether a picture lacks the alt text a published article needs."""
    return image is not None and not image.alt_text.strip()


def body_alt_text_needed(article: Article) -> str | None:
    """What to tell an editor when pictures in the article's body have no alt text (None: all have).

    The blocks are named as the form numbers them: "block 3", counting every block in order.
    """
    blocks = BodyBlock.objects.filter(article=article).order_by("position", "pk")
    rows = blocks.values_list("kind", "image__alt_text")
    numbers = [
        str(n)
        for n, (kind, alt) in enumerate(rows, start=1)
        if kind == BodyBlock.Kind.IMAGE and not (alt or "").strip()
    ]
    if not numbers:
        return None
    which = f"block {numbers[0]}" if len(numbers) == 1 else f"blocks {', '.join(numbers)}"
    return (
        f"The picture in {which} of the body has no alt text, so it cannot go on a published article. "
        "Describe what it shows (for readers who cannot see it) in the image library, then publish."
    )


def _edit_url(article_id: int) -> str:
    return reverse("admin:articles_article_change", args=[article_id])


def article_usages(image_ids: Collection[int]) -> Iterator[usage.Usage]:
    """Articles whose lead picture, or one of whose related links' pictures, is one of these."""
    now = timezone.now()
    leads = Article.objects.filter(lead_image__in=image_ids).only(
        "pk", "headline", "status", "published_at", "lead_image"
    )
    for article in leads:
        state = article.state_at(now)
        yield usage.Usage(
            image_id=article.lead_image_id,
            label=f"Lead picture of “{article.headline}” ({state.label.lower()})",
            url=_edit_url(article.pk),
            blocks_deletion=state in KEEPS_PICTURES,
        )
    links = RelatedLink.objects.filter(image__in=image_ids).select_related("article")
    links = links.only(
        "pk", "title", "image", "article", "article__headline", "article__status", "article__published_at"
    )
    for link in links:
        state = link.article.state_at(now)
        yield usage.Usage(
            image_id=link.image_id,
            label=f"Related link “{link.title}” on “{link.article.headline}” ({state.label.lower()})",
            url=_edit_url(link.article_id),
            blocks_deletion=state in KEEPS_PICTURES,
        )
