"""The articles app's models; import them from here."""

from .article import Article, ArticleQuerySet
from .fronts import FRONT_SIZE, FrontItem
from .parts import MAX_RELATED_LINKS, Byline, Quote, RelatedLink
from .sections import Section
from .tags import Country, TaggedCountry, TaggedTopic, Topic

__all__ = [
    "FRONT_SIZE",
    "MAX_RELATED_LINKS",
    "Article",
    "ArticleQuerySet",
    "Byline",
    "Country",
    "FrontItem",
    "Quote",
    "RelatedLink",
    "Section",
    "TaggedCountry",
    "TaggedTopic",
    "Topic",
]
