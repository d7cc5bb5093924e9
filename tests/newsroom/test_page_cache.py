"""Readers' pages come from the cache until the content changes; previews never do."""

import pytest

from tests.factories import ArticleFactory
from tests.pagecache import VERSION_QUERY

pytestmark = pytest.mark.django_db


def test_a_second_reader_gets_the_article_page_with_only_the_version_read(client, django_assert_num_queries):
    article = ArticleFactory()
    first = client.get(article.get_absolute_url())
    with django_assert_num_queries(VERSION_QUERY):
        second = client.get(article.get_absolute_url())
    assert second.content == first.content
    assert second["X-Page-Cache"] == "hit"
    assert second["Cache-Control"].startswith("public, max-age=0, s-maxage=1")


def test_an_edit_shows_at_once(client, django_capture_on_commit_callbacks):
    article = ArticleFactory(headline="First headline")
    client.get(article.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "Corrected headline"
        article.save()

    assert "Corrected headline" in client.get(article.get_absolute_url()).content.decode()


def test_a_staff_preview_is_never_cached(admin_client, client):
    draft = ArticleFactory(draft=True, headline="Embargoed story")
    preview = admin_client.get(draft.get_absolute_url())

    assert preview.status_code == 200
    assert "private" in preview["Cache-Control"]
    assert "public" not in preview["Cache-Control"]
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_page_cache_seconds_zero_renders_every_request(client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    article = ArticleFactory()
    client.get(article.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        second = client.get(article.get_absolute_url())
    assert second.status_code == 200
    assert any('FROM "articles_article"' in q["sql"] for q in queries)
