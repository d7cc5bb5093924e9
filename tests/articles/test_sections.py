"""Sections (issue 14): the tree, the kicker and breadcrumbs, fronts, feeds, sitemap, navigation, API."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Section
from tests.factories import ArticleFactory, BylineFactory
from tests.pagecache import NAV_QUERY, VERSION_QUERY

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    world = Section.objects.create(name="World", slug="world", position=0)
    europe = Section.objects.create(name="Europe", slug="europe", parent=world)
    americas = Section.objects.create(name="Americas", slug="americas", parent=world, position=1)
    sport = Section.objects.create(name="Sport", slug="sport", position=1)
    return {"world": world, "europe": europe, "americas": americas, "sport": sport}


def hours_ago(n: int):
    return timezone.now() - timedelta(hours=n)


def test_sections_have_two_levels(tree):
    too_deep = Section(name="Balkans", slug="balkans", parent=tree["europe"])
    with pytest.raises(ValidationError, match="two levels"):
        too_deep.full_clean()
    tree["world"].parent = tree["sport"]
    with pytest.raises(ValidationError, match="has subsections"):
        tree["world"].full_clean()


def test_the_article_shows_its_section_and_subsection_above_the_headline(client, tree):
    article = ArticleFactory(section=tree["europe"])

    html = client.get(article.get_absolute_url()).content.decode()

    assert (
        '<nav class="breadcrumbs kicker" aria-label="Breadcrumb"><ol>'
        '<li><a href="/sections/world/">World</a></li><li><a href="/sections/europe/">Europe</a></li>'
        "</ol></nav>" in html
    )
    assert html.index('class="breadcrumbs kicker"') < html.index("<h1")


def test_an_article_with_no_section_has_no_breadcrumbs(client, tree):
    html = client.get(ArticleFactory().get_absolute_url()).content.decode()
    assert "breadcrumbs" not in html


def test_the_navigation_lists_the_top_level_sections_in_the_editors_order(client, tree):
    html = client.get(reverse("articles:home")).content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S)[0]

    assert re.findall(r'<a href="/sections/([^/]+)/">', nav) == ["world", "sport"]


def test_a_section_front_leads_with_its_newest_story_then_the_latest_of_it_and_its_subsections(client, tree):
    ArticleFactory(headline="Lisbon votes", section=tree["europe"], published_at=hours_ago(1))
    ArticleFactory(headline="Summit in Geneva", section=tree["world"], published_at=hours_ago(2))
    ArticleFactory(headline="Floods in Brazil", section=tree["americas"], published_at=hours_ago(3))
    ArticleFactory(headline="Cup final", section=tree["sport"], published_at=hours_ago(0))
    ArticleFactory(headline="Draft in Europe", section=tree["europe"], draft=True)

    response = client.get(tree["world"].get_absolute_url())
    html = response.content.decode()

    assert response.context["lead"].headline == "Lisbon votes"
    assert [a.headline for a in response.context["latest"]] == ["Summit in Geneva", "Floods in Brazil"]
    assert '<h1 class="page-title">World</h1>' in html
    assert "Cup final" not in html
    assert "Draft in Europe" not in html
    assert '<a href="/sections/europe/">Europe</a>' in html  # its subsections


def test_a_subsection_front_lists_only_its_own_articles_under_its_breadcrumbs(client, tree):
    ArticleFactory(headline="Lisbon votes", section=tree["europe"])
    ArticleFactory(headline="Summit in Geneva", section=tree["world"])

    html = client.get(tree["europe"].get_absolute_url()).content.decode()

    assert "Lisbon votes" in html
    assert "Summit in Geneva" not in html
    assert '<li><a href="/sections/world/">World</a></li>' in html


def test_a_section_front_is_paginated_with_its_own_canonical_and_page_number(client, settings, tree):
    settings.NEWSROOM_PAGE_SIZE = 2
    for n in range(5):
        ArticleFactory(section=tree["sport"], published_at=hours_ago(n))

    first = client.get(tree["sport"].get_absolute_url())
    second = client.get(tree["sport"].get_absolute_url(), {"page": 2}).content.decode()

    assert first.context["lead"] is not None and len(first.context["latest"]) == 1
    assert "<title>Sport: Newsroom (page 2)</title>" in second
    assert '<link rel="canonical" href="http://testserver/sections/sport/?page=2">' in second
    assert 'class="lead-story"' not in second
    assert client.get(tree["sport"].get_absolute_url(), {"page": 9}).status_code == 404


def test_an_empty_section_front_says_so(client, tree):
    response = client.get(tree["sport"].get_absolute_url())
    assert response.status_code == 200
    assert "No articles in this section yet." in response.content.decode()


def test_an_unknown_section_is_404(client):
    assert client.get(reverse("articles:section", kwargs={"slug": "nowhere"})).status_code == 404
    assert client.get(reverse("articles:section-feed", kwargs={"slug": "nowhere"})).status_code == 404


@pytest.mark.parametrize("n", [1, 15])
def test_a_section_front_costs_the_same_queries_whatever_it_holds(client, django_assert_num_queries, tree, n):
    for _ in range(n):
        BylineFactory(article=ArticleFactory(section=tree["europe"]))
    # The section, its subsections, the page of articles and one more (with their sections), their bylines.
    with django_assert_num_queries(4 + VERSION_QUERY + NAV_QUERY):
        client.get(tree["world"].get_absolute_url())


@pytest.mark.parametrize("name", ["articles:section-feed", "articles:section-feed-atom"])
def test_a_section_feed_carries_the_section_and_its_subsections(client, tree, name):
    ArticleFactory(headline="Lisbon votes", section=tree["europe"])
    ArticleFactory(headline="Cup final", section=tree["sport"])

    xml = client.get(reverse(name, kwargs={"slug": "world"})).content.decode()

    assert "Lisbon votes" in xml
    assert "Cup final" not in xml
    assert "World: Newsroom" in xml


def test_feed_items_carry_their_section_as_a_category(client, tree):
    ArticleFactory(section=tree["europe"]).topics.add("Elections")

    rss = client.get(reverse("articles:feed")).content.decode()
    atom = client.get(reverse("articles:feed-atom")).content.decode()

    assert "<category>Europe</category><category>Elections</category>" in rss
    assert '<category term="Europe"/><category term="Elections"/>' in atom


def test_the_sitemap_lists_every_section_front(client, tree):
    ArticleFactory(section=tree["europe"])

    xml = client.get(reverse("django.contrib.sitemaps.views.sitemap")).content.decode()

    for slug in ("world", "europe", "americas", "sport"):
        assert f"<loc>http://testserver/sections/{slug}/</loc>" in xml


def test_a_changed_section_name_reaches_cached_pages(client, tree, django_capture_on_commit_callbacks):
    article = ArticleFactory(section=tree["europe"])
    client.get(article.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        tree["europe"].name = "Europe news"
        tree["europe"].save()

    assert ">Europe news</a>" in client.get(article.get_absolute_url()).content.decode()


def test_the_api_gives_the_section_and_filters_by_it(client, tree):
    article = ArticleFactory(section=tree["europe"])
    ArticleFactory(section=tree["sport"])
    ArticleFactory()
    section = {
        "name": "Europe",
        "slug": "europe",
        "url": "http://testserver/sections/europe/",
        "parent": "world",
    }

    detail = client.get(reverse("api:article", kwargs={"slug": article.slug})).json()
    by_world = client.get(reverse("api:articles"), {"section": "world"}).json()["results"]

    assert detail["section"] == section
    assert [item["slug"] for item in by_world] == [article.slug]
    assert by_world[0]["section"] == section
    assert client.get(reverse("api:articles"), {"section": "nowhere"}).json()["total"] == 0


def test_deleting_a_section_that_holds_articles_is_refused(tree):
    ArticleFactory(section=tree["sport"])
    with pytest.raises(Exception, match="protected"):
        tree["sport"].delete()
    assert Article.objects.filter(section=tree["sport"]).exists()
