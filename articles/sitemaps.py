"""sitemap.xml sections and the Google News sitemap."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.db import models
from django.db.models import Max
from django.utils import timezone

from people.models import Author, Person

from .models import Article, Section
from .tagkinds import TAG_KINDS, TagKind


class ArticleSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return (
            Article.objects.published().order_by("-published_at").only("slug", "updated_at", "published_at")
        )

    def lastmod(self, article):
        return article.updated_at


class NewsSitemap(ArticleSitemap):
    """Articles of the last two days, for the Google News sitemap template."""

    limit = 1000

    def items(self):
        since = timezone.now() - timedelta(days=2)
        # An archive article published at its import time is not today's news.
        recent = Article.objects.published().filter(published_at__gte=since, dated_by_import=False)
        return recent.order_by("-published_at")


class TaggedSitemap(Sitemap):
    """The tags of one kind (topics, countries) that carry at least one published article."""

    changefreq = "daily"
    priority = 0.5

    def __init__(self, kind: TagKind):
        self.kind = kind

    def items(self):
        return (
            self.kind.model.objects.filter(tagged_articles__content_object__in=Article.objects.published())
            .annotate(lastmod=Max("tagged_articles__content_object__updated_at"))
            .order_by("name")
        )

    def lastmod(self, tag):
        return tag.lastmod


class AuthorSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return (
            Author.objects.filter(bylines__article__in=Article.objects.published())
            .annotate(lastmod=Max("bylines__article__updated_at"))
            .order_by("name")
        )

    def lastmod(self, author):
        return author.lastmod


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.3

    def items(self):
        return (
            Person.objects.filter(articles__in=Article.objects.published())
            .annotate(lastmod=Max("articles__updated_at"))
            .order_by("name")
        )

    def lastmod(self, person):
        return person.lastmod


class SectionSitemap(Sitemap):
    """Every section's front, last changed when the newest of its (or its subsections') articles was."""

    changefreq = "hourly"
    priority = 0.7

    def items(self):
        published = Article.objects.published()
        return Section.objects.annotate(
            own=Max("articles__updated_at", filter=models.Q(articles__in=published)),
            children_latest=Max(
                "children__articles__updated_at", filter=models.Q(children__articles__in=published)
            ),
        ).order_by("parent_id", "position", "name")

    def lastmod(self, section):
        dates = [d for d in (section.own, section.children_latest) if d is not None]
        return max(dates) if dates else None


SITEMAPS = {
    "sections": SectionSitemap,
    "articles": ArticleSitemap,
    **{kind.name: TaggedSitemap(kind) for kind in TAG_KINDS},
    "authors": AuthorSitemap,
    "people": PersonSitemap,
}
