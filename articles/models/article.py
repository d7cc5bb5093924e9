"""The article: its fields, its states, and the one queryset vocabulary for them.

An article's *status* is what is stored (draft or published); its *state* is
what that means now, given its publication time:

==============  ======================================  ==========================
state           stored as                               may go to
==============  ======================================  ==========================
draft           status draft, no publication time       in review, scheduled, published
in review       status in review (any time)             draft (sent back), scheduled, published
scheduled       status published, time in the future    published, draft
published       status published, time now or past     unpublished
unpublished     status draft, a publication time        in review, scheduled, published
==============  ======================================  ==========================

An article in review waits for an editor: submitted by its writer, it is approved (published or
scheduled), sent back with a comment or withdrawn (``ReviewStep`` keeps each step). Visibility is
time-based, so a scheduled article goes live by itself when its time comes. Every reader-facing
query starts from ``Article.objects.published()``; nothing filters on ``status`` by hand. The
verbs that move an article between states are in ``articles.publishing``.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from taggit.managers import TaggableManager

from newsroom.dates import ReadableDateTimeField, validate_in_range
from newsroom.reversing import slug_url
from newsroom.slugs import unique_slug
from newstext import normalise_title

from .. import body
from .blocks import BodyBlock
from .constraints import CheckConstraint
from .loaded import RemembersLoadedStatus
from .parts import Byline, Quote, RelatedLink
from .tags import TaggedCountry, TaggedTopic

# "More on this story" reads, for each tag an article carries, at most this many of the
# latest articles carrying it; the tag kinds (manager, through model) it looks at.
CANDIDATES_PER_TAG = 40
SHARED_TAGS = (("topics", TaggedTopic), ("countries", TaggedCountry))


class ArticleQuerySet(models.QuerySet):
    """The states of articles, as querysets; each matches exactly the articles ``Article.state`` names."""

    def published(self):
        """What readers may see: published, with a publication time that has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        """Published with a publication time still to come: they go live by themselves."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def drafts(self):
        """Never went out: a draft with no publication time, or one still in the future."""
        return self.filter(status=Article.Status.DRAFT).exclude(published_at__lte=timezone.now())

    def in_review(self):
        """Submitted by their writer, waiting for an editor to approve or send back."""
        return self.filter(status=Article.Status.IN_REVIEW)

    def unpublished(self):
        """Went out once and was taken down: a draft whose publication time has passed."""
        return self.filter(status=Article.Status.DRAFT, published_at__lte=timezone.now())

    def released(self):
        """Published or scheduled: what has been sent out, whatever its time (stored counts count these)."""
        return self.filter(status=Article.Status.PUBLISHED)

    def in_state(self, state: "Article.State | str"):
        """The articles in ``state`` (one of ``Article.State``)."""
        return getattr(self, STATE_QUERYSETS[Article.State(state)])()

    def for_listing(self):
        """What a list of articles shows beside the headline: the byline and the lead picture."""
        return self.select_related("lead_image", "section__parent").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def sharing_tags_with(self, article: "Article", *, limit: int = 5):
        """Articles that share topics or countries with ``article``, most shared first, then the latest.

        The candidates are bounded, whatever the archive's size: the
        ``CANDIDATES_PER_TAG`` latest articles carrying each of the article's
        tags, each list read from the (tag, article) index; only those are
        counted and sorted. Uses the article's prefetched tags and related
        links, so it costs one query.
        """
        tags = [(through, [t.pk for t in getattr(article, name).all()]) for name, through in SHARED_TAGS]
        tags = [(through, ids) for through, ids in tags if ids]
        if not tags:
            return self.none()
        curated = [link.target_id for link in article.related_links.all() if link.target_id]
        parts, params = [], []
        for through_model, ids in tags:
            through = through_model._meta
            table, column = through.db_table, through.get_field("content_object").column
            tag_column = through.get_field("tag").column
            for tag_id in ids:
                parts.append(
                    f"SELECT c{len(parts)}.id FROM (SELECT {column} AS id FROM {table} "  # noqa: S608
                    f"WHERE {tag_column} = %s ORDER BY {column} DESC LIMIT %s) AS c{len(parts)}"
                )
                params += [tag_id, CANDIDATES_PER_TAG]
        candidates = RawSQL(" UNION ".join(parts), params)  # noqa: S611  (model tables, ids as parameters)
        shared = sum(
            (
                Coalesce(
                    models.Subquery(
                        through.objects.filter(content_object=models.OuterRef("pk"), tag_id__in=ids)
                        .order_by()
                        .values("content_object")
                        .annotate(n=models.Count("pk"))
                        .values("n")
                    ),
                    0,
                )
                for through, ids in tags
            ),
            start=models.Value(0),
        )
        return (
            self.filter(pk__in=candidates)
            .exclude(pk__in=[article.pk, *curated])
            .only("slug", "headline", "standfirst", "published_at")
            .annotate(shared=shared)
            .order_by("-shared", "-published_at", "-pk")[:limit]
        )

    def in_section(self, section):
        """The articles of ``section`` and of its subsections."""
        return self.filter(models.Q(section=section) | models.Q(section__parent=section))

    def for_page(self):
        """Everything the article page shows, in a fixed number of queries."""
        return self.select_related("lead_image").prefetch_related(*page_prefetches())


def page_prefetches() -> list:
    """The article page's relations, as lookups for ``prefetch_related`` or ``prefetch_related_objects``.

    A related link's target is read for its address, state and lead picture only:
    not its body or search vector, the largest columns of an article.
    """
    targets = RelatedLink.objects.select_related("target__lead_image", "image").defer(
        "target__body_text", "target__body_headings", "target__search_vector"
    )
    return [
        models.Prefetch("bylines", queryset=Byline.objects.select_related("author")),
        "topics",
        "countries",
        "people",
        models.Prefetch("related_links", queryset=targets),
        models.Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
        "corrections",
        models.Prefetch("blocks", queryset=BodyBlock.objects.select_related("image", "person")),
    ]


class Article(RemembersLoadedStatus, models.Model):
    class Status(models.TextChoices):
        """What is stored. What it means for readers now is ``state``."""

        DRAFT = "draft", "Draft"
        IN_REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    class State(models.TextChoices):
        """Where the article is in the publishing workflow (see the module's table)."""

        DRAFT = "draft", "Draft"
        IN_REVIEW = "review", "In review"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"

    headline = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text="The article's address. Keep it once published: links depend on it.",
    )
    standfirst = models.TextField(
        blank=True, help_text="The one- or two-sentence summary under the headline."
    )
    # The body is its blocks (BodyBlock, ``article.blocks``); these are their words as plain text,
    # kept by articles.bodytext whenever the blocks change, for search, lists and suggestions.
    body_text = models.TextField(
        "body text", blank=True, editable=False, help_text="The body's words, from its blocks."
    )
    body_headings = models.TextField(
        "body subheadings", blank=True, editable=False, help_text="The body's subheadings, from its blocks."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = ReadableDateTimeField(
        "publication time",
        null=True,
        blank=True,
        validators=[validate_in_range],
        help_text="When readers may see it. A future time schedules the article.",
    )
    created_at = ReadableDateTimeField(auto_now_add=True)
    updated_at = ReadableDateTimeField(auto_now=True)
    authors = models.ManyToManyField("people.Author", through="Byline", related_name="articles", blank=True)
    publication = models.CharField(
        max_length=200, blank=True, help_text="Where it first appeared, e.g. “The Guardian”."
    )
    section = models.ForeignKey(
        "articles.Section",
        on_delete=models.PROTECT,
        db_index=False,
        null=True,
        blank=True,
        related_name="articles",
        help_text="The desk it belongs to, shown above the headline; its front and feed list it.",
    )
    # A draft loses its picture when the picture is deleted; a live article's picture cannot be
    # deleted at all (``articles.pictures`` tells the image library where pictures are used).
    lead_image = models.ForeignKey(
        "images.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lead_of",
        verbose_name="lead picture",
        help_text="Shown at the top of the article, on teasers and cards, in feeds and when shared. "
        "Pick one from the library or upload a new one; it needs alt text before it is published.",
    )
    lead_image_caption = models.CharField(
        "caption for this article",
        max_length=1000,
        blank=True,
        help_text="Leave empty to show the library's caption; write one to say more for this story only.",
    )
    people = models.ManyToManyField(
        "people.Person",
        related_name="articles",
        blank=True,
        help_text="People and organisations named in the article.",
    )
    topics = TaggableManager(
        through=TaggedTopic,
        related_name="articles",
        blank=True,
        verbose_name="topics",
        help_text="Comma-separated topics, e.g. “Ukraine war, Vladimir Putin”.",
    )
    countries = TaggableManager(
        through=TaggedCountry,
        related_name="articles",
        blank=True,
        verbose_name="countries",
        help_text="Countries central to the story.",
    )
    headline_key = models.CharField(max_length=300, editable=False)  # indexed in Meta
    source_name = models.CharField(
        "source document",
        max_length=255,
        blank=True,
        editable=False,
        help_text="File name of the archive document this article was imported from.",
    )
    source_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="SHA-256 of the imported document, to recognise an unchanged re-import.",
    )
    import_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="SHA-256 of the content its last import stored, to tell whether editors changed it since.",
    )
    dated_by_import = models.BooleanField(
        "dated by its import",
        default=False,
        help_text="Its publication time is when it was imported: the archive document carried no date. "
        "Such an article stays out of the news sitemap; set the real time to put it right.",
    )
    # Kept current by the receivers and update_search_vectors() in articles/search.py.
    # Its GIN index exists on PostgreSQL only, so it is created by migration 0004
    # rather than declared in Meta, where SQLite would have to build it too.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("tag_article", "Can change the topics and countries of any article"),
        ]
        indexes = [
            # Readers' listings in their order (published time, then id), and a section's newest (the
            # home page's blocks; it serves the section key too): read down these, ids from them alone.
            models.Index(fields=["status", "-published_at", "-id"], name="article_status_latest_idx"),
            models.Index(
                fields=["section", "status", "-published_at", "-id"], name="article_section_time_idx"
            ),
            # Looked up by equality only: no second, LIKE-ready index as db_index=True makes.
            models.Index(fields=["headline_key"], name="article_headline_key_idx"),
            # The importer recognises the same document under another file name by its hash.
            models.Index(
                fields=["source_hash"], condition=~models.Q(source_hash=""), name="article_source_hash_idx"
            ),
        ]
        constraints = [
            CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="published_article_has_time",
            ),
            models.UniqueConstraint(
                fields=["source_name"], condition=~models.Q(source_name=""), name="article_source_unique"
            ),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.headline_key = normalise_title(self.headline)
        if not self.slug:
            self.slug = unique_slug(self, self.headline)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:detail", self.slug)

    @property
    def paragraphs(self) -> list[str]:
        """The body's words as plain-text paragraphs (headings and fact boxes included)."""
        return body.paragraphs(self.body_text)

    @property
    def reading_minutes(self) -> int:
        return body.reading_minutes(self.body_text)

    def state_at(self, now: datetime) -> "Article.State":
        if self.status == self.Status.IN_REVIEW:
            return self.State.IN_REVIEW
        if self.status == self.Status.PUBLISHED:
            if self.published_at is not None and self.published_at > now:
                return self.State.SCHEDULED
            return self.State.PUBLISHED
        if self.published_at is not None and self.published_at <= now:
            return self.State.UNPUBLISHED
        return self.State.DRAFT

    @property
    def state(self) -> "Article.State":
        """Draft, in review, scheduled, published or unpublished, now."""
        return self.state_at(timezone.now())

    @property
    def is_live(self) -> bool:
        """Readers can see it: the same rule as ``Article.objects.published()``."""
        return self.state == self.State.PUBLISHED and self.published_at is not None

    @property
    def lead_caption(self) -> str:
        """The lead picture's caption on this article: its own, else the library's."""
        if self.lead_image is None:
            return ""
        return self.lead_image_caption or self.lead_image.caption

    @property
    def presented_quotes(self) -> list:
        """The quotes "Who said what" shows; reads the prefetched ``quotes``."""
        return [quote for quote in self.quotes.all() if quote.presented]

    @property
    def original_publication(self) -> str:
        """The publication where the article first appeared, when that is not this site; else ""."""
        name = self.publication.strip()
        return "" if name.casefold() == settings.NEWSROOM_NAME.casefold() else name

    @property
    def was_updated(self) -> bool:
        """Whether readers should see an update time: changed an hour or more after publication."""
        return self.published_at is not None and self.updated_at - self.published_at >= timedelta(hours=1)


# The queryset method that selects each state.
STATE_QUERYSETS = {
    Article.State.DRAFT: "drafts",
    Article.State.IN_REVIEW: "in_review",
    Article.State.SCHEDULED: "scheduled",
    Article.State.PUBLISHED: "published",
    Article.State.UNPUBLISHED: "unpublished",
}
