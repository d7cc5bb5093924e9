"""Taggers change topics and countries only; the server refuses anything else, however it is posted."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory, country

from .helpers import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = ArticleFactory(
        headline="Minsk talks", standfirst="Leaders meet in Minsk.", body="Original body."
    )
    BylineFactory(article=article, author=AuthorFactory(name="Pjotr Sauer"))
    return article


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_tagger_form_has_only_topics_and_countries_as_inputs(tagger, article):
    html = tagger.get(change_url(article)).content.decode()
    start = html.index('id="article_form"')
    form = html[start : html.index("</form>", start)]
    assert sorted(set(re.findall(r'name="([^"_][^"]*)"', form))) == [
        "countries",
        "csrfmiddlewaretoken",
        "edit_token",
        "new_topics",
        "topics",
    ]


def test_tagger_form_shows_the_text_read_only(tagger, article):
    html = tagger.get(change_url(article)).content.decode()
    assert '<div class="readonly">Original body.</div>' in html
    assert 'name="blocks-0-html"' not in html
    assert 'name="bylines-TOTAL_FORMS"' not in html


def test_tagger_saves_topics_and_countries(tagger, article):
    data = article_form(tagger, article) | {
        "topics": "Belarus politics, Energy",
        "new_topics": "Belarus politics, Energy",  # a tagger may create topics, deliberately
        "countries": [country("BY").pk],
    }
    response = tagger.post(change_url(article), data)
    assert response.status_code == 302
    assert sorted(t.name for t in article.topics.all()) == ["Belarus politics", "Energy"]
    assert [c.code for c in article.countries.all()] == ["BY"]


@pytest.mark.parametrize(
    "crafted",
    [
        {"blocks-0-html": "<p>Hacked body.</p>"},
        {"headline": "Hacked headline"},
        {"status": "draft"},
        {"published_at_0": "2030-01-01", "published_at_1": "10:00"},
        {"slug": "hacked"},
        {"people": ["1"]},
        {"bylines-TOTAL_FORMS": "1", "bylines-INITIAL_FORMS": "0", "bylines-0-author": "1"},
        {"quotes-TOTAL_FORMS": "0", "quotes-INITIAL_FORMS": "0"},
    ],
    ids=lambda crafted: next(iter(crafted)),
)
def test_crafted_post_with_another_field_is_refused_and_changes_nothing(tagger, article, crafted):
    before = Article.objects.values().get(pk=article.pk)
    data = article_form(tagger, article) | {"topics": "Energy"} | crafted
    response = tagger.post(change_url(article), data)
    assert response.status_code == 403
    assert Article.objects.values().get(pk=article.pk) == before
    assert not article.topics.exists()
    assert article.bylines.count() == 1


def test_save_model_refuses_a_content_change_even_if_the_form_let_it_through(tagger, article, rf):
    """The last line of defence, below the form: the admin's save refuses tag-only users' edits."""
    model_admin = admin.site._registry[Article]
    request = rf.post("/")
    request.user = get_user_model().objects.get(username="tagger")
    article.body_text = "Changed behind the form's back."
    with pytest.raises(PermissionDenied, match="Taggers may change topics and countries only."):
        model_admin.save_model(request, article, form=None, change=True)


def test_tagger_list_shows_headline_standfirst_and_tags(tagger, article):
    article.topics.add("Belarus politics")
    article.countries.add(country("BY"))
    response = tagger.get(reverse("admin:articles_article_changelist"))
    html = response.content.decode()
    assert response.context["cl"].list_display == [
        "action_checkbox",
        "headline",
        "standfirst_excerpt",
        "topic_names",
        "country_names",
        "status_label",
    ]
    assert '<td class="field-standfirst_excerpt">Leaders meet in Minsk.</td>' in html
    assert '<td class="field-topic_names">Belarus politics</td>' in html
    assert '<td class="field-country_names">Belarus</td>' in html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("any", ["no tags", "topic only", "country only"]),
        ("topic", ["no tags", "country only"]),
        ("country", ["no tags", "topic only"]),
    ],
)
def test_needs_tagging_filter(tagger, value, expected):
    ArticleFactory(headline="no tags")
    ArticleFactory(headline="topic only").topics.add("Energy")
    ArticleFactory(headline="country only").countries.add(country("NO"))
    both = ArticleFactory(headline="both")
    both.topics.add("Energy")
    both.countries.add(country("NO"))
    response = tagger.get(reverse("admin:articles_article_changelist"), {"needs_tagging": value})
    assert sorted(a.headline for a in response.context["cl"].result_list) == sorted(expected)


def test_a_tagger_sees_the_tagging_fields_first(tagger, article):
    html = tagger.get(change_url(article)).content.decode()
    assert html.index('name="topics"') < html.index('class="readonly">Original body.')
