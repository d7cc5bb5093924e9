"""Stored counts of topics', countries', authors' and people's articles: no reader's page counts the archive.

Each count (``COUNTS``) is the number of rows of a link table (a topic's tags, an
author's bylines, a person's quotes…) whose article is published or scheduled
(``Article.objects.released()``), stored on the thing counted: a scheduled article
going live by itself then changes no count. What readers see is the stored count
less the articles still scheduled (``ReadersCounts``), which are few: a name
known only to scheduled work or drafts is never counted or listed.

The receivers (``articles/receivers.py``) recount when a link row is saved or
deleted, and every count an article makes when its status changes. Writers that
send no signals (``bulk_create``, ``QuerySet.update``, raw SQL) call ``recount``
or ``recount_articles`` themselves, as they call ``search.update_search_vectors``.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from people.models import Author, Person

from .models import Article, Byline, Country, Quote, TaggedCountry, TaggedTopic, Topic


@dataclass(frozen=True)
class StoredCount:
    """``model.field``: the rows of ``link`` pointing at it by ``target`` whose ``article`` is released."""

    model: type[models.Model]
    field: str
    link: type[models.Model]
    target: str
    article: str
    # The name of the link's queryset method that picks the rows counted, if not all are.
    only: str | None = None

    def links(self) -> QuerySet:
        return self.link.objects.order_by()

    def counted_links(self) -> QuerySet:
        """The rows counted: the links, or those ``only`` picks (a person's quotes readers see)."""
        rows = self.links()
        return getattr(rows, self.only)() if self.only else rows

    def targets_of(self, article_ids: Iterable[int] | QuerySet) -> QuerySet:
        """The ids of what the given articles link to, as a subquery."""
        return self.links().filter(**{f"{self.article}__in": article_ids}).values(self.target)


TOPIC_ARTICLES = StoredCount(Topic, "released_articles", TaggedTopic, "tag", "content_object")
COUNTRY_ARTICLES = StoredCount(Country, "released_articles", TaggedCountry, "tag", "content_object")
AUTHOR_ARTICLES = StoredCount(Author, "released_articles", Byline, "author", "article")
PERSON_ARTICLES = StoredCount(Person, "released_articles", Article.people.through, "person", "article")
# Only the quotes presented as their speakers' words, as the site and the API show them (public.quotes).
PERSON_QUOTES = StoredCount(Person, "released_quotes", Quote, "speaker", "article", only="presented")
COUNTS = (TOPIC_ARTICLES, COUNTRY_ARTICLES, AUTHOR_ARTICLES, PERSON_ARTICLES, PERSON_QUOTES)


def count_of(link: type[models.Model]) -> StoredCount | None:
    """The stored count that rows of ``link`` make, if any."""
    return next((count for count in COUNTS if count.link is link), None)


def recount(count: StoredCount, ids: Iterable[int] | QuerySet | None = None) -> int:
    """Recount ``count`` of these ids (every row for None); returns rows updated. One query."""
    counted = (
        count.counted_links()
        .filter(**{count.target: OuterRef("pk"), f"{count.article}__in": Article.objects.released()})
        .values(count.target)
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = count.model.objects.all() if ids is None else count.model.objects.filter(pk__in=ids)
    return rows.update(**{count.field: Coalesce(Subquery(counted), 0)})


def recount_all() -> None:
    """Every stored count, from scratch (after a bulk load)."""
    for count in COUNTS:
        recount(count)


def recount_articles(article_ids: Iterable[int]) -> None:
    """Recount all the given articles link to (their status changed, or links went in unsignalled)."""
    article_ids = list(article_ids)
    for count in COUNTS:
        recount(count, count.targets_of(article_ids))


def scheduled_counts(count: StoredCount) -> dict[int, int]:
    """How many of ``count``'s rows are of articles still scheduled, by target: one query, over the few."""
    return dict(
        count.counted_links()
        .filter(**{f"{count.article}__in": Article.objects.scheduled()})
        .values(count.target)
        .annotate(n=Count("pk"))
        .values_list(count.target, "n")
    )


class ReadersCounts:
    """A stored count as readers may see it: less the rows of articles still scheduled (one small query)."""

    def __init__(self, count: StoredCount):
        self.count = count
        self.scheduled = scheduled_counts(count)

    def shown(self) -> Q:
        """What has something readers may count: a stored count beyond the scheduled articles'.

        One small query (the stored counts of the few scheduled ids), none when nothing is scheduled.
        """
        field = self.count.field
        stored = self.count.model.objects.filter(pk__in=list(self.scheduled)).values_list("pk", field)
        hidden = [pk for pk, n in stored if n <= self.scheduled[pk]] if self.scheduled else []
        return Q(**{f"{field}__gt": 0}) & ~Q(pk__in=hidden)

    def of(self, obj: models.Model) -> int:
        return getattr(obj, self.count.field) - self.scheduled.get(obj.pk, 0)


def published_rows(count: StoredCount, *fields: str) -> list[dict]:
    """What readers may count: rows of ``fields`` (and ``pk``) with their ``count``, the stored count
    less the scheduled articles', only where that leaves more than nothing.

    Two queries whatever the archive's size: the scheduled articles' links, and the
    rows with a stored count.
    """
    readers = ReadersCounts(count)
    rows = (
        count.model.objects.filter(**{f"{count.field}__gt": 0}).order_by().values("pk", *fields, count.field)
    )
    counted = ({**row, "count": row[count.field] - readers.scheduled.get(row["pk"], 0)} for row in rows)
    return [row for row in counted if row["count"] > 0]
