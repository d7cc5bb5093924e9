"""The site's own pages that editors write: about, contact, privacy (linked from every page's footer)."""

from django.db import models
from django.urls import reverse

# The pages the footer links to, by slug, in order; a data migration creates them.
FOOTER_PAGES = ("about", "contact", "privacy")


class Page(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The page's address: /pages/<slug>/. The footer links to “about”, “contact” and “privacy”.",
    )
    body = models.TextField(
        help_text="Plain text: separate paragraphs with a blank line. Web and e-mail addresses become links."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = "site page"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:page", kwargs={"slug": self.slug})
