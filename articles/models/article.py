"""The article: its fields, its states, and the one queryset vocabulary for them.

An article's *status* is what is stored (draft or published); its *state* is
what that means now, given its publication time:

==============  ======================================  ==========================
state           stored as                               may go to
==============  ======================================  ==========================
draft           status draft, no publication time       scheduled, published
scheduled       status published, time in the future    published, draft
published       status published, time now or past     unpublished
unpublished     status draft, a publication time        scheduled, published
==============  ======================================  ==========================

Visibility is time-based, so a scheduled article goes live by itself when its
time comes. Every reader-facing query starts from ``Article.objects.published()``;
nothing filters on ``status`` by hand. The verbs that move an article between
states are in ``articles.publishing``.
"""

from datetime import datetime, timedelta

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from newsroom.dates import ReadableDateTimeField, validate_in_range
from newsroom.slugs import unique_slug
from newstext import normalise_title

from .. import body
from .blocks import BodyBlock
from .parts import Byline, Quote, RelatedLink
from .tags import TaggedCountry, TaggedTopic


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

    def unpublished(self):
        """Went out once and was taken down: a draft whose publication time has passed."""
        return self.filter(status=Article.Status.DRAFT, published_at__lte=timezone.now())

    def in_state(self, state: "Article.State | str"):
        """The articles in ``state`` (one of ``Article.State``)."""
        return getattr(self, STATE_QUERYSETS[Article.State(state)])()

    def for_listing(self):
        """What a list of articles shows beside the headline: the byline and the lead picture."""
        return self.select_related("lead_image").prefetch_related(
            models.Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def sharing_tags_with(self, article: "Article", *, limit: int = 5):
        """Articles that share topics or countries with ``article``, most shared first.

        Uses the article's prefetched tags and related links, so it costs one query.
        """
        topic_ids = [t.pk for t in article.topics.all()]
        country_ids = [c.pk for c in article.countries.all()]
        if not topic_ids and not country_ids:
            return self.none()
        curated = [link.target_id for link in article.related_links.all() if link.target_id]
        shared = models.Q(taggedtopic__tag_id__in=topic_ids) | models.Q(taggedcountry__tag_id__in=country_ids)
        return (
            self.filter(shared)
            .exclude(pk__in=[article.pk, *curated])
            .only("slug", "headline", "standfirst", "published_at")
            .annotate(shared=models.Count("pk"))
            .order_by("-shared", "-published_at")[:limit]
        )

    def for_page(self):
        """Everything the article page shows, in a fixed number of queries."""
        return self.for_listing().prefetch_related(
            "topics",
            "countries",
            "people",
            models.Prefetch(
                "related_links",
                queryset=RelatedLink.objects.select_related("target__lead_image", "image"),
            ),
            models.Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
            models.Prefetch("blocks", queryset=BodyBlock.objects.select_related("image", "person")),
        )


class Article(models.Model):
    class Status(models.TextChoices):
        """What is stored. What it means for readers now is ``state``."""

        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class State(models.TextChoices):
        """Where the article is in the publishing workflow (see the module's table)."""

        DRAFT = "draft", "Draft"
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
            models.Index(fields=["status", "-published_at"], name="article_status_published_idx"),
            # Looked up by equality only: no second, LIKE-ready index as db_index=True makes.
            models.Index(fields=["headline_key"], name="article_headline_key_idx"),
            # The importer recognises the same document under another file name by its hash.
            models.Index(
                fields=["source_hash"], condition=~models.Q(source_hash=""), name="article_source_hash_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
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
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def paragraphs(self) -> list[str]:
        """The body's words as plain-text paragraphs (headings and fact boxes included)."""
        return body.paragraphs(self.body_text)

    @property
    def reading_minutes(self) -> int:
        return body.reading_minutes(self.body_text)

    def state_at(self, now: datetime) -> "Article.State":
        if self.status == self.Status.PUBLISHED:
            if self.published_at is not None and self.published_at > now:
                return self.State.SCHEDULED
            return self.State.PUBLISHED
        if self.published_at is not None and self.published_at <= now:
            return self.State.UNPUBLISHED
        return self.State.DRAFT

    @property
    def state(self) -> "Article.State":
        """Draft, scheduled, published or unpublished, now."""
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
    def was_updated(self) -> bool:
        """Whether readers should see an update time: changed an hour or more after publication."""
        return self.published_at is not None and self.updated_at - self.published_at >= timedelta(hours=1)


# The queryset method that selects each state.
STATE_QUERYSETS = {
    Article.State.DRAFT: "drafts",
    Article.State.SCHEDULED: "scheduled",
    Article.State.PUBLISHED: "published",
    Article.State.UNPUBLISHED: "unpublished",
}
