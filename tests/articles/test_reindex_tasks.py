"""Re-indexing many articles for search runs as tasks queued with the change; a few are re-indexed at once."""

import pytest
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from articles import tasks as article_tasks
from articles.models import Topic
from articles.search import search_articles
from editorial.tagging import merge_topics
from tests.factories import ArticleFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL stores search vectors"
)


def found(query: str) -> set[int]:
    return set(search_articles(query).values_list("pk", flat=True))


def tagged_articles(count: int, topic: str) -> set[int]:
    articles = ArticleFactory.create_batch(count)
    for article in articles:
        article.topics.add(topic)
    return {article.pk for article in articles}


@postgres_only
def test_a_merge_of_a_topic_on_many_articles_reindexes_them_by_tasks(work_off_queue, monkeypatch):
    monkeypatch.setattr(article_tasks, "REINDEX_NOW_LIMIT", 2)
    monkeypatch.setattr(article_tasks, "REINDEX_BATCH", 2)
    ids = tagged_articles(3, "Hydrology")
    Topic.objects.create(name="Water management")

    merge_topics(
        sources=Topic.objects.filter(name="Hydrology"), into=Topic.objects.get(name="Water management")
    )

    queued = DBTaskResult.objects.filter(task_path="articles.tasks.update_search_vectors")
    assert sorted(task.args_kwargs["args"][0] for task in queued) == [sorted(ids)[:2], sorted(ids)[2:]]
    assert found("management") == set()  # until a worker has run them
    work_off_queue()
    assert set(queued.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
    assert found("management") == ids
    assert found("hydrology") == set()


@postgres_only
@pytest.mark.django_db
def test_a_merge_of_a_topic_on_a_few_articles_reindexes_them_at_once(queue_in_database):
    ids = tagged_articles(2, "Hydrology")
    Topic.objects.create(name="Water management")
    merge_topics(
        sources=Topic.objects.filter(name="Hydrology"), into=Topic.objects.get(name="Water management")
    )
    assert DBTaskResult.objects.count() == 0
    assert found("management") == ids


@postgres_only
def test_renaming_a_topic_on_many_articles_reindexes_them_by_tasks(work_off_queue, monkeypatch):
    monkeypatch.setattr(article_tasks, "REINDEX_NOW_LIMIT", 1)
    ids = tagged_articles(2, "Hydrology")
    topic = Topic.objects.get(name="Hydrology")
    topic.name = "Water management"
    topic.save()
    assert DBTaskResult.objects.filter(task_path="articles.tasks.update_search_vectors").count() == 1
    work_off_queue()
    assert found("management") == ids


@pytest.mark.django_db
def test_without_stored_vectors_nothing_is_queued(queue_in_database, monkeypatch):
    monkeypatch.setattr(article_tasks.search, "is_postgresql", lambda: False)
    monkeypatch.setattr(article_tasks, "REINDEX_NOW_LIMIT", 0)
    article_tasks.reindex([1, 2, 3])
    assert DBTaskResult.objects.count() == 0
