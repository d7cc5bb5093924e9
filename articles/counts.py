"""Stored article counts of topics, so that no reader's page counts the archive.

``Topic.released_articles`` is the number of articles published or scheduled with
the topic (``Article.objects.released()``): a scheduled article going live by
itself then changes no count. Pages that show only what readers may see still
check that a topic has a published article (``articles.public.tags``), so the
count never gives away a topic known only to scheduled work.

The receivers (``articles/receivers.py``) recount a topic when an article gains
or loses it, and an article's topics when its status changes. Writers that send
no signals (``bulk_create``, ``QuerySet.update``, raw SQL) call
``recount_topics`` themselves, as they call ``search.update_search_vectors``.
"""

from collections.abc import Iterable

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Article, TaggedTopic, Topic


def recount_topics(topic_ids: Iterable[int] | QuerySet | None = None) -> int:
    """Recount the stored article counts of these topics (every topic for None); returns topics updated."""
    counted = (
        TaggedTopic.objects.filter(tag=OuterRef("pk"), content_object__in=Article.objects.released())
        .order_by()
        .values("tag")
        .annotate(n=Count("pk"))
        .values("n")
    )
    topics = Topic.objects.all() if topic_ids is None else Topic.objects.filter(pk__in=topic_ids)
    return topics.update(released_articles=Coalesce(Subquery(counted), 0))


def recount_topics_of(article_ids: Iterable[int]) -> int:
    """Recount the topics the given articles carry."""
    return recount_topics(TaggedTopic.objects.filter(content_object__in=list(article_ids)).values("tag"))
