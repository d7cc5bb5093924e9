"""The page cache: hits, one version for every process, query strings, scheduled articles.

Conditional GETs, failures and compression have their own modules beside this one.
"""

import time
from datetime import timedelta

import pytest
import redis
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from newsroom import cache as page_cache
from newsroom import versions
from newsroom.models import ContentVersion
from tests.factories import ArticleFactory, BylineFactory
from tests.pagecache import VERSION_QUERY

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=0, s-maxage=1, stale-while-revalidate=60, stale-if-error=86400"


def state(response) -> str:
    return response["X-Page-Cache"]


def moved_by_another_process() -> None:
    """What another app server's bump does to the one row every process reads."""
    ContentVersion.objects.filter(pk=ContentVersion.ROW_ID).update(
        counter=F("counter") + 1, changed_at=versions.now_us()
    )


def test_a_hit_reads_only_the_version_without_a_shared_cache(client, django_assert_num_queries):
    url = ArticleFactory().get_absolute_url()
    assert state(client.get(url)) == "miss"

    with django_assert_num_queries(VERSION_QUERY):
        response = client.get(url)

    assert state(response) == "hit"
    assert response["Cache-Control"] == PUBLIC


def test_a_hit_reads_nothing_from_the_database_with_a_shared_cache(
    client, shared_cache, django_assert_num_queries
):
    url = ArticleFactory().get_absolute_url()
    client.get(url)

    with django_assert_num_queries(0):
        response = client.get(url)

    assert state(response) == "hit"


def test_a_version_moved_by_another_process_makes_every_cached_page_stale(client):
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    assert state(client.get(url)) == "hit"

    moved_by_another_process()

    assert state(client.get(url)) == "miss"


def test_with_a_shared_cache_another_process_bump_is_seen_at_once(
    client, shared_cache, django_capture_on_commit_callbacks
):
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump()

    assert state(client.get(url)) == "miss"


def test_a_bump_the_shared_cache_missed_is_seen_within_a_second(client, shared_cache):
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    moved_by_another_process()  # its write of the shared copy was lost

    assert state(client.get(url)) == "hit"  # the copy is trusted, for at most a second
    time.sleep(versions.SHARED_COPY_SECONDS + 0.05)
    assert state(client.get(url)) == "miss"


def test_one_transaction_moves_the_version_once(django_capture_on_commit_callbacks):
    before = versions.read().counter
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        article = ArticleFactory()
        BylineFactory(article=article)
        article.topics.add("Energy")
        article.headline = "Changed"
        article.save()

    assert versions.read().counter == before + 1
    assert len(callbacks) > 3  # every save asked; one bump was made


def test_an_unpublished_article_leaves_cached_pages_at_once(client, django_capture_on_commit_callbacks):
    article = ArticleFactory(headline="Soon withdrawn")
    home = reverse("articles:home")
    assert "Soon withdrawn" in client.get(home).content.decode()
    assert state(client.get(home)) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        publishing.unpublish([article])

    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Soon withdrawn" not in client.get(home).content.decode()


def test_a_scheduled_article_reaches_cached_pages_when_its_time_comes(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    ArticleFactory(headline="Already out")
    goes_live = timezone.now() + timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(headline="Embargoed story", published_at=goes_live)
    home = reverse("articles:home")

    assert versions.read().valid_until == int(goes_live.timestamp() * 1_000_000)
    assert "Embargoed story" not in client.get(home).content.decode()
    assert state(client.get(home)) == "hit"
    later = goes_live + timedelta(seconds=1)  # the clocks move on; nothing is written
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(versions, "now_us", lambda: int(later.timestamp() * 1_000_000))

    response = client.get(home)
    assert state(response) == "miss"
    assert "Embargoed story" in response.content.decode()
    assert versions.read().valid_until is None  # nothing else is scheduled


def test_a_staff_request_is_private_and_never_stored(admin_client, client):
    url = ArticleFactory().get_absolute_url()

    staff = admin_client.get(url)

    assert staff.status_code == 200
    assert staff["Cache-Control"] == "private, max-age=0"
    assert "X-Page-Cache" not in staff
    assert state(client.get(url)) == "miss"  # the reader's copy was not the staff member's


def test_a_reader_page_does_not_vary_on_cookies(client):
    """A CDN may share it: nobody without a session cookie sees anything of their own."""
    response = client.get(ArticleFactory().get_absolute_url())

    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_another_release_renders_its_own_pages(client, settings):
    url = ArticleFactory().get_absolute_url()
    settings.NEWSROOM_RELEASE = "release-one"
    page_cache.release.cache_clear()
    client.get(url)
    assert state(client.get(url)) == "hit"

    settings.NEWSROOM_RELEASE = "release-two"
    page_cache.release.cache_clear()
    try:
        assert state(client.get(url)) == "miss"
    finally:
        page_cache.release.cache_clear()


def test_the_news_sitemap_is_rendered_again_after_five_minutes(client, monkeypatch):
    ArticleFactory()
    url = reverse("news-sitemap")
    client.get(url)
    assert state(client.get(url)) == "hit"

    later = versions.now_us() + 5 * 60 * 1_000_000
    monkeypatch.setattr(versions, "now_us", lambda: later)

    assert state(client.get(url)) == "miss"


def test_page_cache_seconds_zero_stores_nothing(client, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    url = ArticleFactory().get_absolute_url()

    assert [state(client.get(url)) for _ in range(2)] == ["uncached", "uncached"]


# Query strings.


def test_tracking_parameters_share_the_page(client):
    ArticleFactory(headline="Front page story")
    home = reverse("articles:home")
    client.get(home)

    for query in ["utm_source=mail", "fbclid=abc&utm_medium=x", "page=1", "page=&gclid=1"]:
        response = client.get(f"{home}?{query}")
        assert (query, state(response)) == (query, "hit")


def test_a_parameter_the_page_did_not_declare_reaches_the_view_and_nothing_is_stored(client):
    ArticleFactory(headline="Front page story")
    home = reverse("articles:home")
    client.get(home)

    responses = [client.get(f"{home}?letter=F") for _ in range(2)]

    assert [state(r) for r in responses] == ["uncached", "uncached"]
    assert state(client.get(home)) == "hit"  # the page without it is unchanged


@pytest.mark.parametrize(
    ("query", "status"),
    [("page=02", 200), ("page=2&page=3", 200), ("page=last", 200), ("page=x", 404), ("page=101", 404)],
)
def test_values_that_would_grow_the_cache_are_rendered_and_not_stored(client, settings, query, status):
    settings.NEWSROOM_PAGE_SIZE = 1
    for _ in range(3):
        ArticleFactory()
    url = f"{reverse('articles:home')}?{query}"

    responses = [client.get(url) for _ in range(2)]

    assert [r.status_code for r in responses] == [status, status]
    assert [r.get("X-Page-Cache") for r in responses] == [("uncached" if status == 200 else None)] * 2


def test_a_second_page_is_a_page_of_its_own(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 1
    ArticleFactory(headline="Newer story")
    ArticleFactory(headline="Older story", published_at=timezone.now() - timedelta(days=2))
    home = reverse("articles:home")
    client.get(home)

    second = client.get(f"{home}?page=2")

    assert state(second) == "miss"
    assert "Older story" in second.content.decode()
    assert "Newer story" not in second.content.decode()
    assert state(client.get(f"{home}?page=2&utm_source=x")) == "hit"


def test_free_text_is_never_stored_but_reaches_the_view(client):
    ArticleFactory(headline="Grain deal signed")
    url = reverse("api:articles")

    responses = [client.get(url, {"q": "grain"}) for _ in range(2)]

    assert [state(r) for r in responses] == ["uncached", "uncached"]
    assert [a["headline"] for a in responses[1].json()["results"]] == ["Grain deal signed"]


def test_an_api_filter_is_part_of_the_key(client):
    ArticleFactory().topics.add("Energy")
    url = reverse("api:articles")

    assert state(client.get(url, {"topic": "energy"})) == "miss"
    assert state(client.get(url, {"topic": "energy", "utm_source": "x"})) == "hit"
    # An unknown topic is an empty page (as a draft-only one is), kept under its own key.
    unknown = client.get(url, {"topic": "nothing-like-it"})
    assert (state(unknown), unknown.json()["total"]) == ("miss", 0)
    assert state(client.get(url, {"topic": "nothing-like-it"})) == "hit"


def test_junk_query_strings_leave_one_page_in_redis(client, redis_cache):
    """1,612 requests with junk made 3,231 Redis keys before: one page (and the version) now."""
    ArticleFactory()
    home = reverse("articles:home")
    assert state(client.get(home)) == "miss"
    for n in range(100):
        assert client.get(f"{home}?utm_source={n}&junk{n}=x&page={101 + n}").status_code in (200, 404)
        assert client.get(f"{home}?ref={n}&utm_campaign={n}").status_code == 200

    keys = redis.Redis.from_url(redis_cache.url).keys("*")

    # The one page, and the version's copy unless its second is up.
    pages = [key for key in keys if b":newsroom:page:" in key]
    assert len(pages) == 1, keys
    assert set(keys) - set(pages) <= {b":1:newsroom:content-version"}, keys
