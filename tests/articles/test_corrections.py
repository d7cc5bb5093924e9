"""Corrections and clarifications: on the article, the corrections page and feeds, JSON-LD, API, history."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(headline="Vote held in May", published_at=timezone.now() - timedelta(days=2))


def page(client, article) -> str:
    return client.get(article.get_absolute_url()).content.decode()


def test_a_correction_is_shown_at_the_foot_and_a_story_changing_clarification_at_the_top(client, article):
    article.corrections.create(text="The vote was on 3 May, not 4 May.")
    article.corrections.create(
        kind=Correction.Kind.CLARIFICATION, text="The minister spoke for the party.", changes_story=True
    )
    html = page(client, article)
    story = html.split('<article class="article">')[1]
    header, footer = story.split('<div class="article-body">')
    assert "The minister spoke for the party." in header and "3 May, not 4 May" not in header
    assert "3 May, not 4 May" in footer and "The minister spoke" not in footer
    assert "<strong>Correction</strong>" in footer and "<strong>Clarification</strong>" in header


def test_a_correction_updates_the_articles_modified_time(article):
    before = Article.objects.get(pk=article.pk).updated_at
    article.corrections.create(text="Fixed a name.")
    assert Article.objects.get(pk=article.pk).updated_at > before


def test_json_ld_carries_schema_org_corrections(client, article):
    article.corrections.create(text="Fixed a name.")
    html = page(client, article)
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Fixed a name.",
            "datePublished": data["correction"][0]["datePublished"],
            "name": "Correction",
        }
    ]
    assert data["dateModified"] >= data["correction"][0]["datePublished"][:16]


def test_the_api_lists_corrections(client, article):
    article.corrections.create(text="Fixed a name.", kind=Correction.Kind.CLARIFICATION)
    data = client.get(reverse("api:article", kwargs={"slug": article.slug})).json()
    assert [(c["kind"], c["text"], c["shown_above"]) for c in data["corrections"]] == [
        ("clarification", "Fixed a name.", False)
    ]


def test_the_corrections_page_and_feeds_list_them_newest_first(client, article):
    other = ArticleFactory(headline="Port strike")
    article.corrections.create(text="Older fix.", at=timezone.now() - timedelta(hours=3))
    other.corrections.create(text="Newer fix.")
    html = client.get(reverse("articles:corrections")).content.decode()
    assert html.index("Newer fix.") < html.index("Older fix.")
    assert f'href="{article.get_absolute_url()}#correction-' in html
    for name in ("articles:corrections-feed", "articles:corrections-feed-atom"):
        feed = client.get(reverse(name)).content.decode()
        assert "Correction: Port strike" in feed and "Older fix." in feed
    home = client.get(reverse("articles:home")).content.decode()
    assert f'href="{reverse("articles:corrections")}">Corrections</a>' in home
