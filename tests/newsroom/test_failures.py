"""When the cache or the database fails: pages still served, one log line, stale copies, a 503 page."""

import logging

import pytest
from django.core.cache.backends.redis import RedisCacheClient
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse
from redis.client import PubSub

from newsroom import cache_backends, versions
from newsroom.views import server_error
from tests.factories import ArticleFactory, AuthorFactory
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def state(response) -> str:
    return response["X-Page-Cache"]


def cache_errors(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "newsroom.cache" and r.levelno == logging.ERROR]


@pytest.fixture
def dead_redis(settings):
    """The cache is configured, and nothing answers on its port."""
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache_backends.FailSafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    settings.NEWSROOM_CACHE_IS_SHARED = True


@pytest.fixture
def database_down(monkeypatch):
    """Every statement fails as it does while PostgreSQL is stopped or restarting."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused: is the server running?")

    def stop():
        monkeypatch.setattr(connection, "cursor", refuse)
        monkeypatch.setattr(connection, "chunked_cursor", refuse)

    return stop


def test_a_cache_that_fails_leaves_pages_served_and_logs_once(client, dead_redis, monkeypatch, caplog):
    monkeypatch.setattr(cache_backends, "RETRY_SECONDS", 0)  # try it on every request
    article = ArticleFactory(headline="Still readable")

    responses = [client.get(article.get_absolute_url()) for _ in range(5)]

    assert [r.status_code for r in responses] == [200] * 5
    assert all("Still readable" in r.content.decode() for r in responses)
    assert len(cache_errors(caplog)) == 1
    assert "is unreachable" in cache_errors(caplog)[0].getMessage()


# Each request asks Redis twice when it may: the subscription to announcements, then the page.
@pytest.mark.parametrize(("retry_seconds", "tries"), [(60, 1), (0, 8)])
def test_after_a_failure_the_cache_is_left_alone_for_a_moment(
    client, dead_redis, monkeypatch, settings, retry_seconds, tries
):
    monkeypatch.setattr(cache_backends, "RETRY_SECONDS", retry_seconds)
    # Counted here: the page cache's look-ups (an article's kept parts are one more on a miss).
    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = 0
    url = ArticleFactory().get_absolute_url()
    tried = []
    real_get_many = RedisCacheClient.get_many
    monkeypatch.setattr(
        RedisCacheClient, "get_many", lambda self, *args: tried.append(1) or real_get_many(self, *args)
    )
    real_subscribe = PubSub.subscribe
    monkeypatch.setattr(
        PubSub, "subscribe", lambda self, *args: tried.append(1) or real_subscribe(self, *args)
    )

    assert [client.get(url).status_code for _ in range(4)] == [200] * 4

    assert len(tried) == tries  # within RETRY_SECONDS of a failure, no request waits for Redis


def test_the_cache_recovers_by_itself(client, redis_cache, monkeypatch, caplog):
    monkeypatch.setattr(cache_backends, "RETRY_SECONDS", 0)
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    assert state(client.get(url)) == "hit"

    redis_cache.stop()
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    assert cache_backends.outage.down
    redis_cache.start()  # empty: it kept nothing

    assert state(client.get(url)) == "miss"
    assert state(client.get(url)) == "hit"
    assert not cache_backends.outage.down
    assert len(cache_errors(caplog)) == 1
    assert [
        r.getMessage() for r in caplog.records if r.name == "newsroom.cache" and r.levelno == logging.WARNING
    ] == [f"The cache at {redis_cache.url} is reachable again."]


def test_staff_can_sign_in_and_work_while_the_cache_is_down(client, dead_redis, admin_user):
    client.force_login(admin_user)

    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200


def test_stale_if_error_serves_the_last_good_copy_while_the_database_is_down(client, database_down):
    url = ArticleFactory(headline="Cached before the outage").get_absolute_url()
    client.get(url)
    database_down()

    response = client.get(url)

    assert response.status_code == 200
    assert state(response) == "stale"
    assert "Cached before the outage" in response.content.decode()


def test_with_a_shared_cache_a_current_copy_needs_no_database(client, shared_cache, database_down):
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    database_down()

    assert state(client.get(url)) == "hit"  # the shared copy of the version is still fresh
    versions.cache.delete(versions.SHARED_KEY)  # as when it expires
    assert state(client.get(url)) == "stale"


def test_a_copy_of_an_older_version_is_better_than_an_error(
    client, database_down, django_capture_on_commit_callbacks
):
    url = ArticleFactory(headline="First version").get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        AuthorFactory()  # the version moves on; the copy is now of an older one
    database_down()

    response = client.get(url)

    assert state(response) == "stale"
    assert "First version" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        lambda: reverse("articles:topic", kwargs={"slug": "energy"}),
        lambda: reverse("articles:search") + "?q=grain",
        lambda: reverse("api:articles"),
    ],
    ids=["topic page", "search", "API"],
)
def test_without_a_copy_readers_get_the_503_page_with_retry_after(client, database_down, url):
    database_down()

    response = client.get(url())

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert '<h1 class="page-title">Back in a moment</h1>' in response.content.decode()


def test_a_database_error_outside_a_view_is_a_503_too():
    try:
        raise OperationalError("the database system is shutting down")
    except OperationalError:
        response = server_error(RequestFactory().get("/"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_healthz_reports_the_database(client, database_down):
    assert client.get(reverse("healthz")).json() == {"database": "ok", "cache": "ok"}

    database_down()
    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok"}
    assert response["Retry-After"] == "30"


def test_healthz_reports_a_cache_outage_without_failing(client, dead_redis):
    client.get(ArticleFactory().get_absolute_url())  # finds Redis down

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "unavailable"}
