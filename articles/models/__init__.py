"""The articles app's models; import them from here."""

from .article import Article, ArticleQuerySet
from .blocks import FIELDS_BY_KIND, BodyBlock
from .parts import MAX_RELATED_LINKS, Byline, Quote, RelatedLink
from .tags import Country, TaggedCountry, TaggedTopic, Topic

__all__ = [
    "FIELDS_BY_KIND",
    "MAX_RELATED_LINKS",
    "Article",
    "ArticleQuerySet",
    "BodyBlock",
    "Byline",
    "Country",
    "Quote",
    "RelatedLink",
    "TaggedCountry",
    "TaggedTopic",
    "Topic",
]
