import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, BylineFactory, PersonFactory, country

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


@pytest.fixture
def tagged_article():
    article = ArticleFactory(headline="Grid holds in cold snap", standfirst="Operators <b>cut</b> supply")
    BylineFactory(article=article, author=AuthorFactory(name="Helga Brandt"))
    article.topics.add("Energy")
    article.countries.add(country("EE"))
    return article


@pytest.mark.parametrize(
    ("name", "kwargs", "version"),
    [
        ("articles:feed", {}, "rss20"),
        ("articles:feed-atom", {}, "atom10"),
        ("articles:topic-feed", {"slug": "energy"}, "rss20"),
        ("articles:topic-feed-atom", {"slug": "energy"}, "atom10"),
        ("articles:country-feed", {"slug": "estonia"}, "rss20"),
        ("articles:country-feed-atom", {"slug": "estonia"}, "atom10"),
        ("articles:author-feed", {"slug": "helga-brandt"}, "rss20"),
        ("articles:author-feed-atom", {"slug": "helga-brandt"}, "atom10"),
    ],
)
def test_feeds_parse_without_errors_and_carry_the_article(client, tagged_article, name, kwargs, version):
    response = client.get(reverse(name, kwargs=kwargs))
    feed = feedparser.parse(response.content)

    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == version
    (entry,) = feed.entries
    assert entry.title == "Grid holds in cold snap"
    assert entry.link == "http://testserver" + tagged_article.get_absolute_url()
    assert entry.author == "Helga Brandt"
    assert entry.published_parsed is not None


@pytest.mark.parametrize("name", ["articles:feed", "articles:feed-atom"])
def test_feed_items_have_absolute_ids_and_their_tags_as_categories(client, tagged_article, name):
    (entry,) = feedparser.parse(client.get(reverse(name)).content).entries

    assert entry.id == "http://testserver" + tagged_article.get_absolute_url()
    assert sorted(tag.term for tag in entry.tags) == ["Energy", "Estonia"]


def test_the_feed_costs_the_same_queries_for_one_article_or_many(client, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0  # every request is rendered

    def queries_after_adding(count: int) -> int:
        for _ in range(count):
            article = ArticleFactory()
            BylineFactory(article=article)
            article.topics.add(f"Topic {article.pk}")
            article.countries.add(country("EE"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("articles:feed")).status_code == 200
        return len(queries)

    assert queries_after_adding(1) == queries_after_adding(5)


def test_feeds_are_linked_from_pages(client, tagged_article):
    topic_html = client.get(reverse("articles:topic", kwargs={"slug": "energy"})).content.decode()
    home_html = client.get(reverse("articles:home")).content.decode()
    topic_feed = reverse("articles:topic-feed", kwargs={"slug": "energy"})
    assert f'type="application/rss+xml" title="Energy (RSS)" href="{topic_feed}"' in topic_html
    latest_atom = reverse("articles:feed-atom")
    assert (
        f'type="application/atom+xml" title="Newsroom: latest news (Atom)" href="{latest_atom}"' in home_html
    )


def test_sitemap_lists_articles_with_lastmod_and_every_listing_page(client, tagged_article):
    person = PersonFactory(name="Kadri Tamm")
    tagged_article.people.add(person)
    ArticleFactory(draft=True, headline="Draft")
    root = ET.fromstring(client.get(reverse("django.contrib.sitemaps.views.sitemap")).content)

    locs = [loc.text for loc in root.iterfind("s:url/s:loc", SITEMAP_NS)]
    assert sorted(locs) == sorted(
        "http://testserver" + path
        for path in [
            tagged_article.get_absolute_url(),
            "/topics/energy/",
            "/countries/estonia/",
            "/authors/helga-brandt/",
            person.get_absolute_url(),
        ]
    )
    lastmods = {u.findtext("s:loc", namespaces=SITEMAP_NS): u.findtext("s:lastmod", namespaces=SITEMAP_NS)
                for u in root.iterfind("s:url", SITEMAP_NS)}  # fmt: skip
    article_lastmod = [lastmods["http://testserver" + tagged_article.get_absolute_url()]]
    assert article_lastmod == [tagged_article.updated_at.date().isoformat()]


def test_news_sitemap_has_articles_of_the_last_two_days_with_publication_and_language(client, tagged_article):
    ArticleFactory(headline="Old story", published_at=timezone.now() - timedelta(days=3))
    root = ET.fromstring(client.get(reverse("news-sitemap")).content)

    (url,) = root.findall("s:url", SITEMAP_NS)
    assert url.findtext("news:news/news:publication/news:name", namespaces=SITEMAP_NS) == "Newsroom"
    assert url.findtext("news:news/news:publication/news:language", namespaces=SITEMAP_NS) == "en"
    assert url.findtext("news:news/news:title", namespaces=SITEMAP_NS) == "Grid holds in cold snap"
    published = url.findtext("news:news/news:publication_date", namespaces=SITEMAP_NS)
    assert published == timezone.localtime(tagged_article.published_at).replace(microsecond=0).isoformat()


def test_robots_txt_points_at_both_sitemaps(client):
    body = client.get(reverse("robots")).content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Sitemap: http://testserver/news-sitemap.xml" in body


def test_article_page_carries_news_article_json_ld(client, tagged_article):
    person = PersonFactory(name="Kadri Tamm", kind="person")
    tagged_article.people.add(person)
    html = client.get(tagged_article.get_absolute_url()).content.decode()
    raw = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(raw)

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Grid holds in cold snap"
    assert data["description"] == "Operators <b>cut</b> supply"
    assert "\\u003Cb\\u003E" in raw  # cannot close the script element
    assert (
        data["datePublished"]
        == timezone.localtime(tagged_article.published_at).replace(microsecond=0).isoformat()
    )
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == [
        {"@type": "Person", "name": "Helga Brandt", "url": "http://testserver/authors/helga-brandt/"}
    ]
    assert data["publisher"]["name"] == "Newsroom"
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/static/img/logo")
    assert [url.rsplit("/", 1)[1] for url in data["image"]] == ["share.png", "share-4x3.png", "share-1x1.png"]
    assert data["keywords"] == ["Energy", "Estonia"]
    assert {
        "@type": "Person",
        "name": "Kadri Tamm",
        "url": "http://testserver" + person.get_absolute_url(),
    } in data["mentions"]
    assert {"@type": "Country", "name": "Estonia"} in data["mentions"]


def test_article_page_has_canonical_open_graph_and_twitter_tags(client, tagged_article):
    html = client.get(tagged_article.get_absolute_url()).content.decode()
    url = "http://testserver" + tagged_article.get_absolute_url()
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Grid holds in cold snap">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta name="description" content="Operators &lt;b&gt;cut&lt;/b&gt; supply">' in html


def test_more_on_this_story_lists_articles_sharing_tags_but_not_the_curated_ones(client, tagged_article):
    same_topic = ArticleFactory(headline="Another energy story")
    same_topic.topics.add("Energy")
    curated = ArticleFactory(headline="Curated energy story")
    curated.topics.add("Energy")
    tagged_article.related_links.create(position=0, title="Curated energy story")
    unrelated = ArticleFactory(headline="Football")
    unrelated.topics.add("Sport")

    response = client.get(tagged_article.get_absolute_url())

    assert list(response.context["more_on_this_story"]) == [same_topic]
