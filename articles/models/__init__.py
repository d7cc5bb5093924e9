"""The articles app's models; import them from here."""

from .article import Article, ArticleQuerySet, page_prefetches
from .blocks import FIELDS_BY_KIND, BodyBlock
from .corrections import Correction
from .fronts import FRONT_SIZE, FrontItem
from .pages import FOOTER_PAGES, Page
from .parts import MAX_RELATED_LINKS, Byline, Quote, RelatedLink
from .review import ReviewStep
from .sections import Section
from .tags import Country, TaggedCountry, TaggedTopic, Topic

__all__ = [
    "FIELDS_BY_KIND",
    "FOOTER_PAGES",
    "FRONT_SIZE",
    "MAX_RELATED_LINKS",
    "Article",
    "ArticleQuerySet",
    "BodyBlock",
    "Byline",
    "Correction",
    "Country",
    "FrontItem",
    "Page",
    "Quote",
    "RelatedLink",
    "Section",
    "ReviewStep",
    "TaggedCountry",
    "TaggedTopic",
    "Topic",
    "page_prefetches",
]
