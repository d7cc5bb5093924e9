"""RSS and Atom feeds of the latest articles, and of each tag (topic, country) and author."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse

from . import public
from .feed_pictures import PictureFeedMixin
from .feedcontent import ContentAtomFeed, ContentRssFeed, body_html
from .models import Article, BodyBlock, Section
from .tagkinds import TAG_KINDS, TagKind

FEED_SIZE = 30


class LatestArticlesFeed(PictureFeedMixin, Feed):
    feed_type = ContentRssFeed  # the lead picture (Media RSS) and the whole body (content:encoded)
    description_template = None

    def title(self, obj=None):
        return f"{settings.NEWSROOM_NAME}: latest news"

    def link(self, obj=None):
        return reverse("articles:home")

    def description(self, obj=None):
        return f"The latest articles from {settings.NEWSROOM_NAME}."

    def feed_url(self, obj=None):
        return self.request_path

    def get_feed(self, obj, request):
        self.request = request
        self.request_path = request.path
        return super().get_feed(obj, request)

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        articles = (
            self.articles(obj)
            .for_listing()
            .prefetch_related(
                *(kind.name for kind in TAG_KINDS),
                Prefetch("blocks", queryset=BodyBlock.objects.select_related("image", "person")),
            )
        )
        return articles.order_by("-published_at")[:FEED_SIZE]

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.standfirst

    def item_extra_kwargs(self, item):
        return {**super().item_extra_kwargs(item), "content": body_html(item, self.request)}

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(byline.author.name for byline in item.bylines.all()) or None

    def item_guid(self, item):
        # RSS 2.0 and RFC 4287 want a permanent, absolute identifier: the article's own address.
        return self.request.build_absolute_uri(item.get_absolute_url())

    item_guid_is_permalink = True

    def item_categories(self, item):
        """The article's section and its tags of every kind, by name (read from the prefetched ``.all()``)."""
        section = [item.section.name] if item.section_id else []
        return section + [tag.name for kind in TAG_KINDS for tag in kind.manager(item).all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = ContentAtomFeed
    subtitle = LatestArticlesFeed.description


class ObjectFeedMixin:
    """A feed of the published articles attached to one object: a tag, an author.

    ``objects()`` gives the objects readers may know of (``articles.public``):
    one known only to drafts has no feed, as it has no page.
    """

    lookup = None
    preposition = None

    def objects(self):
        raise NotImplementedError

    def get_object(self, request, slug):
        return get_object_or_404(self.objects(), slug=slug)

    def title(self, obj):
        return f"{obj.name}: {settings.NEWSROOM_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return f"The latest articles {self.preposition} {obj.name} from {settings.NEWSROOM_NAME}."

    def articles(self, obj):
        return Article.objects.published().filter(**{self.lookup: obj})


class TagFeed(ObjectFeedMixin, LatestArticlesFeed):
    """The articles of one tag of a kind: ``TagFeed(TOPICS)`` is the feed of a topic."""

    def __init__(self, kind: TagKind):
        super().__init__()
        self.kind = kind
        self.lookup, self.preposition = kind.name, kind.preposition

    def objects(self):
        return public.tags(self.kind)


class TagAtomFeed(TagFeed):
    feed_type = ContentAtomFeed
    subtitle = TagFeed.description


class AuthorFeed(ObjectFeedMixin, LatestArticlesFeed):
    lookup, preposition = "bylines__author", "by"

    def objects(self):
        return public.authors()


class AuthorAtomFeed(AuthorFeed):
    feed_type = ContentAtomFeed
    subtitle = AuthorFeed.description


class SectionFeed(ObjectFeedMixin, LatestArticlesFeed):
    """The articles of a section and of its subsections."""

    preposition = "in"

    def objects(self):
        return Section.objects.all()  # sections are public structure, like the list of countries

    def articles(self, obj):
        return Article.objects.published().in_section(obj)


class SectionAtomFeed(SectionFeed):
    feed_type = ContentAtomFeed
    subtitle = SectionFeed.description
