"""Keep an article's stored body text (``body_text``, ``body_headings``) and search vector current
with its blocks; ``articles.body`` says what the text is."""

from collections.abc import Iterable

from . import body, search
from .models import Article, BodyBlock


def refresh_body_text(article_ids: Iterable[int]) -> None:
    """Recompute the stored text of these articles from their blocks, and their search vectors.

    Written with ``QuerySet.update``: the text is derived, so it is no editor's change and moves
    neither ``updated_at`` nor the import's conflict check.
    """
    ids = sorted({int(pk) for pk in article_ids})
    if not ids:
        return
    blocks: dict[int, list[BodyBlock]] = {pk: [] for pk in ids}
    for block in BodyBlock.objects.filter(article_id__in=ids).only("article_id", "kind", "html", "title"):
        blocks[block.article_id].append(block)
    for pk, found in blocks.items():
        text, headings = body.derive(found)
        Article.objects.filter(pk=pk).update(**{body.SEARCH_COLUMN: text, body.HEADINGS_COLUMN: headings})
    search.update_search_vectors(ids)


def set_body_text(article: Article, blocks: Iterable[BodyBlock]) -> None:
    """Fill the article's stored text from blocks about to be saved with it (no query)."""
    article.body_text, article.body_headings = body.derive(blocks)
