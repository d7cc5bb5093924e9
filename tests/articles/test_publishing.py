"""The publishing verbs and the one vocabulary of states: querysets and ``Article.state`` agree."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import publishing
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_publish_now_makes_a_draft_live_now():
    draft = ArticleFactory(draft=True)
    result = publishing.publish_now([draft])

    draft.refresh_from_db()
    assert result.changed == [draft] and result.skipped == []
    assert draft.status == Article.Status.PUBLISHED
    assert draft.published_at <= timezone.now()
    assert Article.objects.published().filter(pk=draft.pk).exists()


def test_schedule_at_a_future_time_keeps_the_article_from_readers():
    draft = ArticleFactory(draft=True)
    when = timezone.now() + timedelta(days=2)
    publishing.schedule([draft], at=when)

    draft.refresh_from_db()
    assert draft.published_at == when
    assert not Article.objects.published().filter(pk=draft.pk).exists()


def test_publish_now_brings_a_scheduled_article_forward():
    scheduled = ArticleFactory(scheduled=True)
    publishing.publish_now([scheduled])
    assert Article.objects.published().filter(pk=scheduled.pk).exists()


def test_republishing_keeps_the_first_publication_time():
    first_time = timezone.now() - timedelta(days=3)
    article = ArticleFactory(published_at=first_time)
    publishing.unpublish([article])
    publishing.publish_now([article])

    article.refresh_from_db()
    assert article.published_at == first_time
    assert article.status == Article.Status.PUBLISHED


def test_publishing_a_live_article_skips_it():
    article = ArticleFactory()
    result = publishing.publish_now([article])
    assert result.changed == [] and result.skipped == [article]


def test_unpublish_hides_the_article_from_readers():
    article = ArticleFactory()
    assert publishing.unpublish([article]).changed == [article]
    assert not Article.objects.published().exists()


def test_each_state_queryset_holds_exactly_the_articles_in_that_state():
    articles = {
        Article.State.DRAFT: [ArticleFactory(draft=True), ArticleFactory(status="draft", published_at=None)],
        Article.State.SCHEDULED: [ArticleFactory(scheduled=True)],
        Article.State.PUBLISHED: [ArticleFactory(), ArticleFactory()],
        Article.State.UNPUBLISHED: [ArticleFactory(status="draft")],
    }
    for state, expected in articles.items():
        assert {a.pk for a in Article.objects.in_state(state)} == {a.pk for a in expected}, state
        assert all(a.state == state for a in expected)
    assert Article.objects.published().count() == len(articles[Article.State.PUBLISHED])


def test_scheduled_articles_are_listed_soonest_first():
    later = ArticleFactory(published_at=timezone.now() + timedelta(days=2))
    sooner = ArticleFactory(published_at=timezone.now() + timedelta(hours=2))
    ArticleFactory()
    assert list(publishing.scheduled_articles()) == [sooner, later]
