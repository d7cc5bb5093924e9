"""Authors (journalists with a byline), people named in articles, and their quotes."""

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from newsroom.slugs import unique_slug


class Author(models.Model):
    name = models.CharField(max_length=200, help_text="As printed in the byline, e.g. “Pjotr Sauer”.")
    slug = models.SlugField(
        max_length=200, unique=True, allow_unicode=True, help_text="Used in the author page's address."
    )
    role = models.CharField(
        max_length=200, blank=True, help_text="e.g. “Central and eastern Europe correspondent”."
    )
    location = models.CharField(
        max_length=200, blank=True, help_text="Where the author usually files from, e.g. “Moscow”."
    )
    bio = models.TextField(blank=True, help_text="A short biography shown on the author page.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="author_name_ci_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:author", kwargs={"slug": self.slug})

    @property
    def credit(self) -> str:
        """Role or location as shown after the name in a byline."""
        return self.role or self.location


class Person(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=200, help_text="Full name, e.g. “Artyom Shraibman”.")
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    description = models.CharField(
        max_length=500,
        blank=True,
        help_text="Who they are, as introduced in the text, e.g. “Belarusian political analyst”.",
    )
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text="Other names used for them: a surname on second reference, an abbreviation.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="person_name_ci_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("people:person", kwargs={"slug": self.slug})


class Quote(models.Model):
    # Both keys are served by the indexes in Meta, which they lead.
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="quotes", db_index=False
    )
    speaker = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="quotes", db_index=False)
    text = models.TextField(help_text="The quoted words, without quotation marks.")
    position = models.PositiveIntegerField(
        default=0, help_text="Order of the quote in the article (0 is first)."
    )
    paragraph = models.PositiveIntegerField(
        null=True, blank=True, help_text="Body paragraph (counting from 1) where the quote starts."
    )
    partial = models.BooleanField(
        default=False, help_text="A few words quoted inside a sentence, not a full statement."
    )

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="quote_position_unique"),
        ]
        indexes = [models.Index(fields=["speaker", "article"])]

    def __str__(self):
        words = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.speaker}: “{words}”"
