"""Conditional GETs: ETag and Last-Modified on readers' pages, feeds, sitemaps and the API; 304s."""

import pytest
from django.urls import reverse

from articles import publishing
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory

pytestmark = pytest.mark.django_db

SURFACES = {
    "home": lambda ctx: reverse("articles:home"),
    "article": lambda ctx: ctx["article"].get_absolute_url(),
    "topic": lambda ctx: reverse("articles:topic", kwargs={"slug": "energy"}),
    "author": lambda ctx: reverse("articles:author", kwargs={"slug": ctx["author"].slug}),
    "quotes": lambda ctx: reverse("articles:quotes"),
    "search": lambda ctx: reverse("articles:search") + "?q=pipeline",
    "RSS feed": lambda ctx: reverse("articles:feed"),
    "Atom feed": lambda ctx: reverse("articles:feed-atom"),
    "sitemap": lambda ctx: reverse("django.contrib.sitemaps.views.sitemap"),
    "news sitemap": lambda ctx: reverse("news-sitemap"),
    "API articles": lambda ctx: reverse("api:articles"),
    "API article": lambda ctx: reverse("api:article", kwargs={"slug": ctx["article"].slug}),
}


@pytest.fixture
def ctx():
    byline = BylineFactory(article__headline="Pipeline reopens")
    byline.article.topics.add("Energy")
    return {"article": byline.article, "author": byline.author}


@pytest.mark.parametrize("surface", list(SURFACES))
def test_a_client_with_the_current_etag_gets_a_304(client, ctx, surface):
    url = SURFACES[surface](ctx)
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('W/"')

    again = client.get(url, headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


@pytest.mark.parametrize("surface", [name for name in SURFACES if name != "search"])
def test_a_client_with_the_current_date_gets_a_304(client, ctx, surface):
    url = SURFACES[surface](ctx)
    last_modified = client.get(url)["Last-Modified"]

    again = client.get(url, headers={"if-modified-since": last_modified})

    assert again.status_code == 304
    assert again["Last-Modified"] == last_modified


def test_an_edit_changes_the_etag_so_the_client_gets_the_new_page(
    client, ctx, django_capture_on_commit_callbacks
):
    url = ctx["article"].get_absolute_url()
    etag = client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        ctx["article"].headline = "Pipeline stays shut"
        ctx["article"].save()

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Pipeline stays shut" in response.content.decode()


def test_a_page_that_a_change_elsewhere_left_alone_keeps_its_etag_and_date(
    client, ctx, django_capture_on_commit_callbacks
):
    url = ctx["article"].get_absolute_url()
    first = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        AuthorFactory(name="Someone Unrelated")  # bumps the version; this page does not show it

    response = client.get(url, headers={"if-none-match": first["ETag"]})

    assert response.status_code == 304
    assert response["Last-Modified"] == first["Last-Modified"]


def test_a_feed_whose_newest_item_is_withdrawn_is_not_reported_unmodified(
    client, django_capture_on_commit_callbacks
):
    """The feed's own Last-Modified (its newest item's date) would go back in time: ours does not."""
    ArticleFactory(headline="Older story")
    newest = ArticleFactory(headline="Newest story")
    url = reverse("articles:feed")
    last_modified = client.get(url)["Last-Modified"]
    with django_capture_on_commit_callbacks(execute=True):
        publishing.unpublish([newest])

    response = client.get(url, headers={"if-modified-since": last_modified})

    assert response.status_code == 200
    assert "Newest story" not in response.content.decode()


def test_a_304_from_the_cache_keeps_the_caching_headers(client, ctx):
    url = ctx["article"].get_absolute_url()
    etag = client.get(url)["ETag"]

    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response["Cache-Control"].startswith("public, max-age=0, s-maxage=")
    assert "Accept-Encoding" in response["Vary"]
