"""Whether an imported article was changed in the CMS since its import: a fingerprint of its content.

An import records the fingerprint of what it stored (``Article.import_fingerprint``).
When the document is imported again, the article's fingerprint now tells whether
editors changed what the import writes (words, byline, links, quotes, people) in
the meantime; if they did, the re-import is a ``conflict``. Tags, the section and
the publication state are left out: an import keeps the editors' tags and state anyway.
A related link's target is left out too, since it resolves by itself when its
article arrives.
"""

import hashlib
import json

from articles import body
from articles.models import Article, Byline, Quote, RelatedLink


def content_fingerprint(article_id: int, *, models=(Article, Byline, RelatedLink, Quote)) -> str:
    """SHA-256 of the article's imported content as stored now (five small queries).

    ``models`` lets a migration pass its historical models.
    """
    article_model, byline_model, link_model, quote_model = models
    # The body's words: its blocks' text since the body became blocks (migration 0026), before that
    # the one text field (a historical model of the migrations in between).
    names = {field.name for field in article_model._meta.get_fields()}
    words = body.SEARCH_COLUMN if body.SEARCH_COLUMN in names else "body"
    fields = list(
        article_model.objects.filter(pk=article_id)
        .values_list("headline", "standfirst", words, "publication")
        .get()
    )
    bylines = byline_model.objects.filter(article_id=article_id).order_by("position")
    links = link_model.objects.filter(article_id=article_id).order_by("position")
    quotes = quote_model.objects.filter(article_id=article_id).order_by("position")
    people = article_model.people.through.objects.filter(article_id=article_id).order_by("person_id")
    content = [
        fields,
        list(bylines.values_list("author_id", "location", "role")),
        list(links.values_list("title", "standfirst", "byline", "published_at", "url")),
        list(quotes.values_list("speaker_id", "text", "paragraph", "partial")),
        list(people.values_list("person_id", flat=True)),
    ]
    text = json.dumps(content, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def changed_since_import(article: Article) -> bool:
    """Whether editors changed what the import wrote; unknown (no fingerprint) counts as unchanged."""
    return bool(article.import_fingerprint) and content_fingerprint(article.pk) != article.import_fingerprint


def record_fingerprint(article: Article) -> None:
    """Remember what the import stored, without touching ``updated_at``."""
    article.import_fingerprint = content_fingerprint(article.pk)
    Article.objects.filter(pk=article.pk).update(import_fingerprint=article.import_fingerprint)
