"""Who and what readers may know of: the authors, people and tags of published articles.

A name that appears only in drafts, scheduled or unpublished articles is, for
readers, a name that does not exist: its page and feeds answer 404 as for a
slug nobody ever used, so that neither a page nor its absence gives a story
away. Countries are the exception: the ISO list is public, and a country with
no published article has a page like any other, with nothing on it.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from people.models import Author, Person

from .models import Article, Byline, Correction, Quote
from .tagkinds import TagKind


def authors() -> QuerySet[Author]:
    """Authors with a byline on a published article."""
    published = Byline.objects.filter(author=OuterRef("pk"), article__in=Article.objects.published())
    return Author.objects.filter(Exists(published))


def people() -> QuerySet[Person]:
    """People named in, or quoted by, a published article."""
    published = Article.objects.published()
    named = Article.people.through.objects.filter(person=OuterRef("pk"), article__in=published)
    quoted = Quote.objects.filter(speaker=OuterRef("pk"), article__in=published)
    return Person.objects.filter(Q(Exists(named)) | Q(Exists(quoted)))


def quotes() -> QuerySet[Quote]:
    """The quotes readers see: those presented as their speakers' words, in published articles."""
    return Quote.objects.presented().filter(article__in=Article.objects.published())


def corrections() -> QuerySet[Correction]:
    """Corrections and clarifications of published articles, newest first."""
    return (
        Correction.objects.filter(article__in=Article.objects.published())
        .select_related("article")
        .order_by("-at", "-pk")
    )


def tags(kind: TagKind) -> QuerySet:
    """The tags of ``kind`` readers may see: all of a controlled list, else those on a published article."""
    if kind.controlled:
        return kind.model.objects.all()
    published = kind.through.objects.filter(
        tag=OuterRef("pk"), content_object__in=Article.objects.published()
    )
    return kind.model.objects.filter(Exists(published))
