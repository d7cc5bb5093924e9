"""The articles app's models; import them from here."""

from .article import Article, ArticleQuerySet
from .parts import MAX_RELATED_LINKS, Byline, Quote, RelatedLink
from .sections import Section
from .tags import Country, TaggedCountry, TaggedTopic, Topic

__all__ = [
    "MAX_RELATED_LINKS",
    "Article",
    "ArticleQuerySet",
    "Byline",
    "Country",
    "Quote",
    "RelatedLink",
    "Section",
    "TaggedCountry",
    "TaggedTopic",
    "Topic",
]
