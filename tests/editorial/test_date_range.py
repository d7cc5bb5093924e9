"""Editors' forms take dates only inside the newsroom's range (``newsroom.dates``), with a clear message."""

import pytest
from django.urls import reverse

from articles.models import Article, RelatedLink
from tests.editorial.helpers import article_form
from tests.factories import ArticleFactory, RelatedLinkFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Enter a time from 1 January 1600 to 31 December 2200 (the newsroom's time zone)."


def change(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.mark.parametrize(("day", "time"), [("1599-12-31", "23:59:00"), ("2201-01-01", "00:00:00")])
def test_the_article_form_refuses_a_publication_time_out_of_range(editor, day, time):
    article = ArticleFactory()
    before = article.published_at

    response = editor.post(
        change(article), article_form(editor, article) | {"published_at_0": day, "published_at_1": time}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["published_at"] == [MESSAGE]
    assert Article.objects.get(pk=article.pk).published_at == before


def test_the_article_form_refuses_a_related_link_dated_out_of_range(editor):
    article = ArticleFactory()
    link = RelatedLinkFactory(article=article, position=0)
    before = link.published_at
    form = article_form(editor, article) | {"related_links-0-published_at_0": "0001-01-01"}

    response = editor.post(change(article), form)

    assert response.status_code == 200
    (formset,) = [f for f in response.context["inline_admin_formsets"] if f.formset.model is RelatedLink]
    assert formset.formset.errors[0]["published_at"] == [MESSAGE]
    assert RelatedLink.objects.get(pk=link.pk).published_at == before


def test_the_article_form_takes_the_ends_of_the_range(editor):
    article = ArticleFactory()

    response = editor.post(
        change(article),
        article_form(editor, article) | {"published_at_0": "1600-01-01", "published_at_1": "00:00:00"},
    )

    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).published_at.year == 1600


def test_the_schedule_action_refuses_a_time_out_of_range(editor):
    article = ArticleFactory(draft=True)

    response = editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "schedule", "_selected_action": [article.pk], "apply": "1", "at": "2201-01-01T09:30"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["at"] == [MESSAGE]
    assert Article.objects.get(pk=article.pk).state == Article.State.DRAFT
