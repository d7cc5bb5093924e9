"""Authors (journalists with a byline) and the people and organisations articles name."""

from django.db import models

from newsroom.names import KeyedNameMixin
from newsroom.reversing import slug_url
from newsroom.slugs import unique_slug


class Author(KeyedNameMixin, models.Model):
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
    released_articles = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Articles published or scheduled with this byline (kept by articles.counts).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="author_name_key_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:author", self.slug)

    @property
    def credit(self) -> str:
        """Role or location as shown after the name in a byline."""
        return self.role or self.location


class Person(KeyedNameMixin, models.Model):
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
    released_articles = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Articles published or scheduled that name them (kept by articles.counts).",
    )
    released_quotes = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Their quotes in articles published or scheduled (kept by articles.counts).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="person_name_key_unique"),
        ]
        # The API's list of people is by name: a page read down this index, not a sort of them all.
        indexes = [models.Index(fields=["name", "id"], name="person_name_idx")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("articles:person", self.slug)


class PersonRedirect(models.Model):
    """The address of a person record merged into another: it leads, permanently, to the one kept."""

    old_slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    old_name = models.CharField(max_length=200)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = "person redirect"

    def __str__(self):
        return f"{self.old_slug} → {self.person.slug}"
