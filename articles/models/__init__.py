"""The articles app's models; import them from here."""

from .article import Article, ArticleQuerySet
from .parts import Byline, Quote, RelatedLink
from .tags import Country, TaggedCountry, TaggedTopic, Topic

__all__ = [
    "Article",
    "ArticleQuerySet",
    "Byline",
    "Country",
    "Quote",
    "RelatedLink",
    "TaggedCountry",
    "TaggedTopic",
    "Topic",
]
