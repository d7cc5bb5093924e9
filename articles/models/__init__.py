"""The articles app's models; import them from here."""

from .article import Article, ArticleQuerySet, page_prefetches
from .parts import MAX_RELATED_LINKS, Byline, Quote, RelatedLink
from .tags import Country, TaggedCountry, TaggedTopic, Topic

__all__ = [
    "MAX_RELATED_LINKS",
    "Article",
    "ArticleQuerySet",
    "Byline",
    "Country",
    "Quote",
    "RelatedLink",
    "TaggedCountry",
    "TaggedTopic",
    "Topic",
    "page_prefetches",
]
