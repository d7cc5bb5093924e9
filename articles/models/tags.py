"""The two tag kinds: free-form topics and the controlled list of countries.

Each kind has its own tag model and its own through model (django-taggit's
``docs/custom_tagging.rst``), so the two vocabularies never mix. What the rest
of the code needs to know about a kind is in ``articles.tagkinds``.
"""

from django.db import models
from taggit.models import TagBase, TaggedItemBase

from newsroom.names import KeyedNameMixin
from newsroom.reversing import slug_url


class Topic(KeyedNameMixin, TagBase):
    """A free-form topic tag such as “Ukraine war”; compared by its ``name_key`` (``newsroom.names``)."""

    released_articles = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Articles published or scheduled with this topic (kept by articles.counts).",
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name_key"], name="topic_name_key_unique")]

    def get_absolute_url(self):
        return slug_url("articles:topic", self.slug)


class Country(TagBase):
    """An ISO 3166-1 country. The list is loaded by a migration; nobody types new ones."""

    code = models.CharField(
        "ISO code", max_length=2, unique=True, help_text="ISO 3166-1 alpha-2 code, e.g. “BY”."
    )
    iso_name = models.CharField(
        "ISO name", max_length=100, blank=True, help_text="ISO 3166-1's own name; searched too."
    )
    region = models.CharField(max_length=50, blank=True, help_text="The continent, for the countries index.")
    former_slug = models.SlugField(
        max_length=100,
        blank=True,
        allow_unicode=True,
        db_index=True,
        help_text="The address the country had before its printed name changed; it redirects here.",
    )
    released_articles = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Articles published or scheduled with this country (kept by articles.counts).",
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
        return slug_url("articles:country", self.slug)


# Foreign keys that lead a unique constraint need no index of their own: the
# constraint's index serves lookups by them. Every index costs each insert.


class TaggedTopic(TaggedItemBase):
    content_object = models.ForeignKey("articles.Article", on_delete=models.CASCADE, db_index=False)
    # Served by the (tag, article) index in Meta, which it leads.
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_articles", db_index=False)

    class Meta:
        verbose_name = "topic tag"
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_topic_unique")]
        # A tag's latest articles, read from the index in order ("more on this story").
        indexes = [models.Index(fields=["tag", "-content_object"], name="tagged_topic_latest_idx")]


class TaggedCountry(TaggedItemBase):
    content_object = models.ForeignKey("articles.Article", on_delete=models.CASCADE, db_index=False)
    tag = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="tagged_articles", db_index=False)

    class Meta:
        verbose_name = "country tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_country_unique")
        ]
        indexes = [models.Index(fields=["tag", "-content_object"], name="tagged_country_latest_idx")]
