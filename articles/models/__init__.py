"""The articles app's models; import them from here."""

from .article import Article, ArticleQuerySet
from .corrections import Correction
from .parts import MAX_RELATED_LINKS, Byline, Quote, RelatedLink
from .review import ReviewStep
from .tags import Country, TaggedCountry, TaggedTopic, Topic

__all__ = [
    "MAX_RELATED_LINKS",
    "Article",
    "ArticleQuerySet",
    "Byline",
    "Correction",
    "Country",
    "Quote",
    "RelatedLink",
    "ReviewStep",
    "TaggedCountry",
    "TaggedTopic",
    "Topic",
]
