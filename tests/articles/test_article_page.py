import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    RelatedLinkFactory,
    country,
)
from tests.pagecache import NAV_QUERY, VERSION_QUERY

pytestmark = pytest.mark.django_db


def full_article(n: int) -> Article:
    """An article with ``n`` authors, related links, quotes, topics, countries and people."""
    article = ArticleFactory(headline="Putin’s mission to Minsk", standfirst="Kyiv warns of a new invasion")
    codes = [
        "BY",
        "UA",
        "RU",
        "PL",
        "LT",
        "LV",
        "EE",
        "DE",
        "FR",
        "GB",
        "US",
        "NO",
        "DK",
        "FI",
        "SE",
        "CZ",
        "SK",
        "HU",
        "RO",
        "MD",
    ]
    for i in range(n):
        BylineFactory(article=article, author=AuthorFactory(), position=i, location=f"City {i}")
        RelatedLinkFactory(article=article, position=i)
        QuoteFactory(article=article, position=i, speaker=PersonFactory())
        article.topics.add(f"Topic {i}")
        article.countries.add(country(codes[i]))
        article.people.add(PersonFactory())
    return article


# The body's blocks, whatever their number and kinds, with their pictures and speakers.
BODY_QUERY = 1


@pytest.mark.parametrize("n", [1, 20])
def test_article_page_query_count_is_fixed_whatever_the_number_of_items(client, django_assert_num_queries, n):
    article = full_article(n)
    # One more than before corrections (issue 14): they are prefetched with the rest.
    with django_assert_num_queries(9 + BODY_QUERY + VERSION_QUERY + NAV_QUERY):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="related-item"') == n


def test_article_page_renders_every_element(client):
    article = ArticleFactory(
        headline="Putin’s mission to Minsk",
        standfirst="Putin and Lukashenko announce more joint manoeuvres",
        body="First paragraph <b>stays</b> text.\n\nSecond paragraph.",
        publication="The Guardian",
        published_at=timezone.now().replace(microsecond=0) - timedelta(hours=2),
    )
    sauer = AuthorFactory(name="Pjotr Sauer", role="Moscow correspondent")
    beaumont = AuthorFactory(name="Peter Beaumont", role="")
    BylineFactory(article=article, author=sauer, position=0)
    BylineFactory(article=article, author=beaumont, position=1, location="Dnipro, Ukraine")
    article.topics.add("Ukraine war")
    article.countries.add(country("BY"))
    target = ArticleFactory(headline="Belarus protesters defy crackdown")
    RelatedLinkFactory(
        article=article,
        position=0,
        title="Belarus protesters defy crackdown",
        standfirst="Calls grow for Lukashenko to step down",
        byline="Shaun Walker Central and eastern Europe correspondent",
    )
    RelatedLinkFactory(article=article, position=1, title="An outside story", url="https://example.com/story")
    speaker = PersonFactory(name="Artyom Shraibman")
    QuoteFactory(article=article, speaker=speaker, text="Participation would be extremely unpopular")

    html = client.get(article.get_absolute_url()).content.decode()

    assert html.count("<h1") == 1
    assert '<h1 class="headline">Putin’s mission to Minsk</h1>' in html
    assert '<p class="standfirst">Putin and Lukashenko announce more joint manoeuvres</p>' in html
    assert f'<a href="{sauer.get_absolute_url()}" rel="author">Pjotr Sauer</a>, Moscow correspondent' in html
    assert (
        f'<a href="{beaumont.get_absolute_url()}" rel="author">Peter Beaumont</a> in Dnipro, Ukraine' in html
    )
    assert '<span class="publication">First published in The Guardian</span>' in html
    assert (
        f'<time datetime="{timezone.localtime(article.published_at).isoformat()}" class="published">' in html
    )
    assert "<p>First paragraph &lt;b&gt;stays&lt;/b&gt; text.</p>" in html
    assert "<p>Second paragraph.</p>" in html
    assert '<a href="/topics/ukraine-war/" rel="tag">Ukraine war</a>' in html
    assert '<a href="/countries/belarus/" rel="tag">Belarus</a>' in html
    assert f'<h3><a href="{target.get_absolute_url()}">Belarus protesters defy crackdown</a></h3>' in html
    assert "Calls grow for Lukashenko to step down" in html
    assert "Shaun Walker, Central and eastern Europe correspondent" in html
    assert '<h3><a href="https://example.com/story">An outside story</a></h3>' in html
    assert re.search(r'<time datetime="[^"]+">\d+ \w{3} \d{4}</time>', html)
    assert "Participation would be extremely unpopular" in html
    assert f'<a href="{speaker.get_absolute_url()}">Artyom Shraibman</a>' in html


def test_related_link_to_a_draft_does_not_link_to_it(client):
    article = ArticleFactory()
    draft = ArticleFactory(draft=True, headline="Secret draft")
    RelatedLinkFactory(article=article, title="Secret draft")

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<h3>Secret draft</h3>" in html
    assert draft.get_absolute_url() not in html


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_unpublished_article_is_404_for_a_reader(client, state):
    article = ArticleFactory(**{state: True})
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_staff_see_a_draft_as_a_marked_preview_that_is_never_cached(admin_client):
    article = ArticleFactory(draft=True)
    response = admin_client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert 'class="preview-banner"' in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_published_article_has_no_preview_banner_for_staff(admin_client):
    article = ArticleFactory()
    response = admin_client.get(article.get_absolute_url())
    assert 'class="preview-banner"' not in response.content.decode()


def test_home_lists_only_published_articles_newest_first(client):
    older = ArticleFactory(headline="Older story", published_at=timezone.now() - timedelta(days=2))
    newer = ArticleFactory(headline="Newer story")
    ArticleFactory(draft=True, headline="Draft story")
    ArticleFactory(scheduled=True, headline="Scheduled story")

    response = client.get(reverse("articles:home"))
    html = response.content.decode()

    assert [a.pk for a in response.context["articles"]] == [newer.pk, older.pk]
    assert "Draft story" not in html
    assert "Scheduled story" not in html


def test_home_is_paginated(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    for _ in range(5):
        ArticleFactory()
    first = client.get(reverse("articles:home"))
    third = client.get(reverse("articles:home"), {"page": 3})

    assert len(first.context["articles"]) == 2
    assert len(third.context["articles"]) == 1
    assert 'rel="next"' in first.content.decode()
    assert client.get(reverse("articles:home"), {"page": 9}).status_code == 404


@pytest.mark.parametrize("n", [1, 20])
def test_home_query_count_is_fixed(client, django_assert_num_queries, n):
    for _ in range(n):
        BylineFactory().article.topics.add("Energy")
    # The latest list (page and one more, bylines), popular topics, the front's chosen and newest
    # stories and their bylines, the sections (no sections: no query for their blocks; with them,
    # tests/articles/test_front_page.py).
    with django_assert_num_queries(7 + VERSION_QUERY + NAV_QUERY):
        client.get(reverse("articles:home"))


def test_author_page_lists_their_published_articles(client):
    author = AuthorFactory(
        name="Andrew Roth", role="Moscow correspondent", location="Moscow", bio="Covers Russia."
    )
    live = BylineFactory(author=author).article
    hidden = BylineFactory(author=author, article=ArticleFactory(draft=True)).article

    response = client.get(author.get_absolute_url())
    html = response.content.decode()

    assert '<h1 class="page-title">Andrew Roth</h1>' in html
    assert "Moscow correspondent" in html
    assert "Covers Russia." in html
    assert live.headline in html
    assert hidden.headline not in html


def test_topic_and_country_pages_list_tagged_published_articles(client):
    tagged = ArticleFactory(headline="Tagged story")
    tagged.topics.add("Energy")
    tagged.countries.add(country("NO"))
    draft = ArticleFactory(draft=True, headline="Draft tagged story")
    draft.topics.add("Energy")
    ArticleFactory(headline="Untagged story")

    topic_html = client.get(reverse("articles:topic", kwargs={"slug": "energy"})).content.decode()
    country_html = client.get(reverse("articles:country", kwargs={"slug": "norway"})).content.decode()

    for html in (topic_html, country_html):
        assert "Tagged story" in html
        assert "Untagged story" not in html
        assert "Draft tagged story" not in html


def test_unknown_pages_answer_404(client):
    assert client.get("/articles/no-such-thing/").status_code == 404
    assert client.get("/topics/no-such-thing/").status_code == 404
    assert client.get("/authors/no-such-thing/").status_code == 404
