"""Each process's copies of the version and of its pages, between announcements (newsroom.local_copies)."""

import time

import pytest
import redis
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCacheClient
from django.db import connection

from newsroom import local_copies, versions
from newsroom.models import ContentVersion
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def state(response) -> str:
    return response.headers.get("X-Page-Cache", "")


@pytest.fixture
def redis_calls(monkeypatch):
    """Every page cache read that reaches Redis (the page and the version's copy)."""
    calls = []
    for name in ("get", "get_many"):
        real = getattr(RedisCacheClient, name)
        monkeypatch.setattr(
            RedisCacheClient,
            name,
            lambda self, *a, _real=real, _name=name, **k: calls.append(_name) or _real(self, *a, **k),
        )
    return calls


def moved_on_elsewhere(redis_url: str, *, announced: bool) -> None:
    """What another app server's change does: the row moves on, then Redis's copy, then the announcement."""
    with connection.cursor() as cursor:
        cursor.execute(versions.BUMP_SQL, [versions.now_us(), ContentVersion.ROW_ID])
    version = versions.read()
    cache.set(versions.SHARED_KEY, version.as_cached(), versions.SHARED_COPY_SECONDS)
    if announced:
        redis.Redis.from_url(redis_url).publish(local_copies.CHANNEL, b"")


def test_a_hit_under_the_current_version_asks_redis_nothing(client, redis_cache, redis_calls, monkeypatch):
    monkeypatch.setattr(local_copies, "TRUST_SECONDS", 60)  # however slow this machine is
    url = ArticleFactory().get_absolute_url()
    assert state(client.get(url)) == "miss"
    redis_calls.clear()

    responses = [client.get(url) for _ in range(5)]

    assert [state(r) for r in responses] == ["hit"] * 5
    assert redis_calls == []
    assert local_copies.copies.listening


def test_a_change_announced_by_another_server_is_seen_at_the_next_answer(client, redis_cache):
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    assert state(client.get(url)) == "hit"

    moved_on_elsewhere(redis_cache.url, announced=True)
    # The announcement has reached this process (a server's answer takes longer than that).
    assert local_copies.copies.pubsub.connection.can_read(timeout=1)

    assert state(client.get(url)) == "miss"  # rendered again, under the new version
    assert state(client.get(url)) == "hit"


def test_a_lost_announcement_costs_at_most_the_trusted_moment(client, redis_cache, monkeypatch):
    monkeypatch.setattr(local_copies, "TRUST_SECONDS", 0.2)
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    client.get(url)

    moved_on_elsewhere(redis_cache.url, announced=False)
    time.sleep(0.25)

    assert state(client.get(url)) == "miss"


def test_without_redis_nothing_kept_is_served(client, redis_cache):
    article = ArticleFactory(headline="Before the outage")
    url = article.get_absolute_url()
    client.get(url)
    assert state(client.get(url)) == "hit"

    redis_cache.stop()
    response = client.get(url)

    assert response.status_code == 200
    assert state(response) != "hit"  # the version came from the database, the page was rendered
    assert not local_copies.copies.listening


def test_the_process_that_changes_the_version_forgets_its_copy_at_once(
    client, redis_cache, django_capture_on_commit_callbacks
):
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    assert local_copies.copies.trusted_version() is not None

    with django_capture_on_commit_callbacks(execute=True):
        versions.bump()

    assert local_copies.copies.trusted_version() is None


def test_the_kept_pages_are_bounded(client, redis_cache, monkeypatch):
    monkeypatch.setattr(local_copies, "MAX_PAGES", 3)
    urls = [ArticleFactory().get_absolute_url() for _ in range(5)]
    for url in urls:
        client.get(url)

    assert len(local_copies.copies.pages) == 3
