"""Articles, their curated related links, and the two tag kinds: topics and countries."""

from datetime import timedelta

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from newsroom.slugs import unique_slug
from newstext import normalise_title


class Topic(TagBase):
    """A free-form topic tag such as “Ukraine war”; compared without regard to case."""

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="topic_name_ci_unique")]

    def get_absolute_url(self):
        return reverse("articles:topic", kwargs={"slug": self.slug})


class Country(TagBase):
    """An ISO 3166-1 country. The list is loaded by a migration; nobody types new ones."""

    code = models.CharField(
        "ISO code", max_length=2, unique=True, help_text="ISO 3166-1 alpha-2 code, e.g. “BY”."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:country", kwargs={"slug": self.slug})


# Foreign keys that lead a unique constraint need no index of their own: the
# constraint's index serves lookups by them. Every index costs each insert.


class TaggedTopic(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, db_index=False)
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        verbose_name = "topic tag"
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_topic_unique")]


class TaggedCountry(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, db_index=False)
    tag = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="tagged_articles")

    class Meta:
        verbose_name = "country tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_country_unique")
        ]


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published, with a publication time that has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """What a list of articles shows beside the headline: the byline."""
        return self.prefetch_related(
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
        from people.models import Quote

        return self.for_listing().prefetch_related(
            "topics",
            "countries",
            "people",
            models.Prefetch("related_links", queryset=RelatedLink.objects.select_related("target")),
            models.Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

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
    body = models.TextField(
        blank=True, help_text="Plain text. Separate paragraphs with a blank line; HTML is shown as typed."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "publication time",
        null=True,
        blank=True,
        help_text="When readers may see it. A future time schedules the article.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    authors = models.ManyToManyField("people.Author", through="Byline", related_name="articles", blank=True)
    publication = models.CharField(
        max_length=200, blank=True, help_text="Where it first appeared, e.g. “The Guardian”."
    )
    image = models.ImageField(upload_to="articles/%Y/%m/", blank=True)
    image_alt = models.CharField(
        "image alt text",
        max_length=300,
        blank=True,
        help_text="Describe the picture for readers who cannot see it.",
    )
    image_credit = models.CharField(max_length=200, blank=True)
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
    # Kept current by the receivers and update_search_vectors() in articles/search.py.
    # Its GIN index exists on PostgreSQL only, so it is created by migration 0004
    # rather than declared in Meta, where SQLite would have to build it too.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_published_idx"),
            # Looked up by equality only: no second, LIKE-ready index as db_index=True makes.
            models.Index(fields=["headline_key"], name="article_headline_key_idx"),
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
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]

    @property
    def was_updated(self) -> bool:
        """Whether readers should see an update time: changed an hour or more after publication."""
        return self.published_at is not None and self.updated_at - self.published_at >= timedelta(hours=1)

    @property
    def is_live(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class Byline(models.Model):
    """One author's place in an article's byline, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines", db_index=False)
    author = models.ForeignKey("people.Author", on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)
    location = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where the author filed this story from, e.g. “Dnipro, Ukraine”.",
    )
    role = models.CharField(
        max_length=200, blank=True, help_text="The author's role as printed in this byline."
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_author_unique"),
        ]

    def __str__(self):
        return f"{self.author} on {self.article}"

    @property
    def credit(self) -> str:
        return self.location or self.role or self.author.credit


class RelatedLink(models.Model):
    """A curated link from an article to another piece, kept in the editor's order."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="related_links", db_index=False
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    title_key = models.CharField(max_length=300, editable=False)  # indexed in Meta
    standfirst = models.TextField(blank=True)
    byline = models.CharField(
        max_length=300,
        blank=True,
        help_text="As printed, e.g. “Andrew Roth in Moscow and Peter Beaumont in Lviv”.",
    )
    authors = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="The byline parsed into names with location or role.",
    )
    published_at = models.DateTimeField(null=True, blank=True)
    url = models.URLField(blank=True, help_text="For a piece outside this site.")
    image = models.ImageField(upload_to="related/%Y/%m/", blank=True)
    target = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_links",
        help_text="The article on this site the link points to; found from the title when left empty.",
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="related_link_position_unique"),
        ]
        indexes = [models.Index(fields=["title_key"], name="related_link_title_key_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title_key = normalise_title(self.title)
        super().save(*args, **kwargs)

    @property
    def href(self) -> str:
        """Where the link goes: the internal article when resolved, else the external URL."""
        if self.target_id and self.target.is_live:
            return self.target.get_absolute_url()
        return self.url
