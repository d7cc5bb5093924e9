"""Sections: the desk an article belongs to, a two-level tree editors manage (World › Europe).

Every article has at most one section; a section's front lists its own articles
and those of its subsections. Sections are the site's public structure, like
the list of countries: each has a front even before anything is published in it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from newsroom.slugs import unique_slug


class SectionQuerySet(models.QuerySet):
    def top_level(self):
        """The sections with no parent: the site's navigation, in the editors' order."""
        return self.filter(parent__isnull=True)


class Section(models.Model):
    name = models.CharField(max_length=100, help_text="As readers see it, e.g. “Europe”.")
    slug = models.SlugField(
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text="The section front's address, e.g. “europe”. Keep it once used: links depend on it.",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text="Leave empty for a top-level section (World); a subsection (Europe) names its parent.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order among its siblings in the navigation (lowest first)."
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="One sentence for the section front and its feed."
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, max_length=100)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": "A section cannot be its own parent."})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": "Sections have two levels: choose a top-level section."})
        if self.pk and self.children.exists():
            raise ValidationError({"parent": "This section has subsections, so it must stay top-level."})

    @property
    def trail(self) -> list["Section"]:
        """The breadcrumbs from the top: [World, Europe] for Europe (reads ``parent``)."""
        return [self.parent, self] if self.parent_id else [self]
