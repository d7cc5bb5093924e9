from datetime import timedelta

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_publish_makes_a_draft_live_now():
    draft = ArticleFactory(draft=True)
    result = services.publish([draft])

    draft.refresh_from_db()
    assert result == services.PublishResult(published=1, already=0)
    assert draft.status == Article.Status.PUBLISHED
    assert draft.published_at <= timezone.now()
    assert Article.objects.published().filter(pk=draft.pk).exists()


def test_publish_at_a_future_time_schedules():
    draft = ArticleFactory(draft=True)
    when = timezone.now() + timedelta(days=2)
    services.publish([draft], at=when)

    draft.refresh_from_db()
    assert draft.published_at == when
    assert not Article.objects.published().filter(pk=draft.pk).exists()


def test_publish_now_brings_a_scheduled_article_forward():
    scheduled = ArticleFactory(scheduled=True)
    services.publish([scheduled])
    assert Article.objects.published().filter(pk=scheduled.pk).exists()


def test_republishing_keeps_the_first_publication_time():
    first_time = timezone.now() - timedelta(days=3)
    article = ArticleFactory(published_at=first_time)
    services.unpublish([article])
    services.publish([article])

    article.refresh_from_db()
    assert article.published_at == first_time
    assert article.status == Article.Status.PUBLISHED


def test_publishing_a_live_article_counts_it_as_already_live():
    article = ArticleFactory()
    assert services.publish([article]) == services.PublishResult(published=0, already=1)


def test_unpublish_hides_the_article_from_readers():
    article = ArticleFactory()
    assert services.unpublish([article]) == 1
    assert not Article.objects.published().exists()
