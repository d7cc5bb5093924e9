"""Topics as tokens: a name typed whole stays whole; a new topic only deliberately, by editors and taggers."""

import pytest
from django.urls import reverse

from articles.models import Topic
from articles.tagkinds import names_from_string
from tests.factories import ArticleFactory

from .helpers import article_form

pytestmark = pytest.mark.django_db


def change(client, article, **fields):
    url = reverse("admin:articles_article_change", args=[article.pk])
    return client.post(url, article_form(client, article) | fields)


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("Ukraine war", ["Ukraine war"]),
        ("Ukraine war, Vladimir Putin", ["Ukraine war", "Vladimir Putin"]),
        ('"Crime, justice", Energy', ["Crime, justice", "Energy"]),
        ("Energy\nUkraine   war", ["Energy", "Ukraine war"]),
        ("Energy, energy, ", ["Energy"]),
        ("", []),
    ],
)
def test_topics_are_split_by_commas_only(typed, names):
    assert names_from_string(typed) == names


def test_a_topic_typed_without_a_comma_stays_one_topic(editor):
    Topic.objects.create(name="Ukraine war")
    article = ArticleFactory(draft=True)
    assert change(editor, article, topics="Ukraine war").status_code == 302
    assert [t.name for t in article.topics.all()] == ["Ukraine war"]
    assert not Topic.objects.filter(name__in=["Ukraine", "war"]).exists()


def test_a_new_topic_needs_confirming(editor):
    article = ArticleFactory(draft=True)
    response = change(editor, article, topics="Sahel coup")
    assert response.status_code == 200
    assert "would be new" in str(response.context["adminform"].form.errors["topics"])
    assert not Topic.objects.exists()

    assert change(editor, article, topics="Sahel coup", new_topics="Sahel coup").status_code == 302
    assert [t.name for t in article.topics.all()] == ["Sahel coup"]


@pytest.mark.parametrize(("role", "may_create"), [("Writer", False), ("Tagger", True), ("Editor", True)])
def test_who_may_create_topics(client_as, role, may_create):
    client = client_as(role)
    article = ArticleFactory(draft=True)
    response = change(client, article, topics="Sahel coup", new_topics="Sahel coup")
    assert Topic.objects.filter(name="Sahel coup").exists() is may_create
    if not may_create:
        assert "Only editors and taggers create new topics" in str(
            response.context["adminform"].form.errors["topics"]
        )


def test_a_writer_still_picks_existing_topics(writer):
    Topic.objects.create(name="Energy")
    article = ArticleFactory(draft=True)
    assert change(writer, article, topics="energy").status_code == 302
    assert [t.name for t in article.topics.all()] == ["Energy"]


def test_the_form_offers_tokens_and_says_who_may_create(client_as):
    article = ArticleFactory(draft=True)
    url = reverse("admin:articles_article_change", args=[article.pk])
    writer_html = client_as("Writer").get(url).content.decode()
    editor_html = client_as("Editor").get(url).content.decode()
    assert 'class="topic-tokens" data-may-create="false"' in writer_html
    assert 'name="new_topics"' not in writer_html
    assert 'class="topic-tokens" data-may-create="true"' in editor_html
    assert 'name="new_topics"' in editor_html
    assert "editorial/topic_tokens.js" in editor_html
