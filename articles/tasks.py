"""The articles app's tasks: re-indexing many articles for search, beside the site.

A save of one article, or a tag added to a few, updates their search vectors in
its own transaction (``receivers.py``): one row's UPDATE costs about what
queuing a task would, and the article is found by its new words the moment the
save commits. Renaming or merging a topic changes the words of every article
that carries it, which may be tens of thousands of rows: beyond
``REINDEX_NOW_LIMIT`` those are re-indexed by tasks queued in the same
transaction, so the editor's request stays short and the re-indexing happens
exactly when the change commits. Until a worker has run them, search finds
those articles under their old topic name (and still finds them by everything else).
"""

from collections.abc import Iterable

from django.db.models import QuerySet
from django_tasks import task

from . import search

# Articles re-indexed in the request that changed them; more go to the task queue.
REINDEX_NOW_LIMIT = 200
# Articles one task re-indexes, in one UPDATE statement.
REINDEX_BATCH = 1000


@task()
def update_search_vectors(article_ids: list[int]) -> int:
    """Recompute these articles' search vectors (safe to run again: it writes what the rows say now)."""
    return search.update_search_vectors(article_ids)


def reindex(article_ids: Iterable[int] | QuerySet) -> None:
    """Bring the search vectors of these articles (ids, or a queryset of ids) up to date: now or by tasks."""
    if not search.is_postgresql():
        return  # no stored vectors to update
    if isinstance(article_ids, QuerySet):
        article_ids = article_ids.values_list(*(article_ids.query.values_select or ("pk",)), flat=True)
    ids = sorted({int(pk) for pk in article_ids})
    if len(ids) <= REINDEX_NOW_LIMIT:
        search.update_search_vectors(ids)
        return
    for start in range(0, len(ids), REINDEX_BATCH):
        update_search_vectors.enqueue(ids[start : start + REINDEX_BATCH])
