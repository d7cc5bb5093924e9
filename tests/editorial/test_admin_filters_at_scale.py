"""The article list's tag and author filters offer a bounded list at any size of the archive (issue 11)."""

import pytest
from django.urls import reverse

from editorial.admin import tagging
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory

pytestmark = pytest.mark.django_db


def choices(response, title: str) -> list[str]:
    spec = next(f for f in response.context["cl"].filter_specs if f.title == title)
    return [choice["display"] for choice in spec.choices(response.context["cl"])][1:]  # after "All"


def test_filters_offer_the_tags_and_authors_of_the_latest_articles_and_the_chosen_one(
    admin_client, monkeypatch
):
    monkeypatch.setattr(tagging, "RECENT_ARTICLES", 2)
    old = ArticleFactory(headline="Old story")
    old.topics.add("Old topic")
    old_author = AuthorFactory(name="Old Hand")
    BylineFactory(article=old, author=old_author)
    for name in ("Energy", "Grid"):
        article = ArticleFactory()
        article.topics.add(name)
        BylineFactory(article=article, author=AuthorFactory(name=f"{name} Reporter"))
    url = reverse("admin:articles_article_changelist")

    response = admin_client.get(url)
    assert choices(response, "topic") == ["Energy", "Grid"]
    assert choices(response, "author") == ["Energy Reporter", "Grid Reporter"]

    chosen = admin_client.get(url, {"topic": "old-topic", "authors__id__exact": old_author.pk})
    assert choices(chosen, "topic") == ["Energy", "Grid", "Old topic"]
    assert choices(chosen, "author") == ["Energy Reporter", "Grid Reporter", "Old Hand"]
    assert [a.headline for a in chosen.context["cl"].result_list] == ["Old story"]
