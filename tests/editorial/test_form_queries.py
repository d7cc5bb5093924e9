"""The article form of an article with 10 related links and 15 quotes: opened in at most 20 queries,
saved in at most 40 (issue 14)."""

import pytest
from django.urls import reverse

from articles.models import Quote, RelatedLink
from people.models import Person
from tests.factories import ArticleFactory, BylineFactory

from .helpers import article_form

pytestmark = pytest.mark.django_db

# The targets, and what the form costs now (SQLite; measured with this file): the opening is
# down from 61 (one speaker query per quote, the list's prefetches, per-row autocomplete lookups);
# the save is not reduced yet (one speaker lookup and one existence check per quote, the revision).
OPEN_QUERIES, OPEN_NOW = 20, 31  # since sections and body blocks: the section choice, the blocks
SAVE_QUERIES, SAVE_NOW = 40, 166  # since stored counts (five recounts): 165 on SQLite, 166 on PostgreSQL
NOT_YET = "issue 14's target is not reached yet"


@pytest.fixture
def big_article():
    article = ArticleFactory(headline="A long story")
    BylineFactory(article=article)
    for n in range(10):
        RelatedLink.objects.create(article=article, position=n, title=f"Link {n}")
    for n in range(15):
        speaker = Person.objects.create(name=f"Speaker {n}", slug=f"speaker-{n}")
        Quote.objects.create(article=article, speaker=speaker, text=f"Words {n}", position=n)
        article.people.add(speaker)
    article.topics.add("Energy")
    return article


def open_form(editor, article, limit, assert_max):
    url = reverse("admin:articles_article_change", args=[article.pk])
    with assert_max(limit):
        response = editor.get(url)
    assert response.status_code == 200


def save_form(editor, article, limit, assert_max):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = article_form(editor, article) | {"standfirst": "A new standfirst."}
    with assert_max(limit):
        response = editor.post(url, data)
    assert response.status_code == 302


def test_opening_the_form_costs_no_more_than_now(editor, big_article, django_assert_max_num_queries):
    open_form(editor, big_article, OPEN_NOW, django_assert_max_num_queries)


def test_saving_the_form_costs_no_more_than_now(editor, big_article, django_assert_max_num_queries):
    save_form(editor, big_article, SAVE_NOW, django_assert_max_num_queries)


@pytest.mark.xfail(strict=True, reason=NOT_YET)
def test_opening_the_form_within_the_target(editor, big_article, django_assert_max_num_queries):
    open_form(editor, big_article, OPEN_QUERIES, django_assert_max_num_queries)


@pytest.mark.xfail(strict=True, reason=NOT_YET)
def test_saving_the_form_within_the_target(editor, big_article, django_assert_max_num_queries):
    save_form(editor, big_article, SAVE_QUERIES, django_assert_max_num_queries)
