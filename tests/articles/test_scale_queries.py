"""Queries that do not grow with the archive: stored topic counts, bounded "more on this story",
listings without a count, bounded search, the person page's quotes (issue 11)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import counts, publishing
from articles.models import Article, Topic
from articles.models.article import CANDIDATES_PER_TAG
from articles.pagination import COUNT_BOUND, ListingPaginator
from articles.views import PERSON_QUOTES
from editorial.tagging import merge_topics
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory
from tests.pagecache import NAV_QUERY

pytestmark = pytest.mark.django_db


def stored(name: str) -> int:
    return Topic.objects.get(name=name).released_articles


def test_a_topic_count_follows_tagging_untagging_publishing_and_deleting():
    first, second = ArticleFactory(), ArticleFactory()
    first.topics.add("Energy")
    second.topics.add("Energy")
    assert stored("Energy") == 2
    second.topics.remove("Energy")
    assert stored("Energy") == 1
    publishing.unpublish([first])
    assert stored("Energy") == 0
    publishing.publish_now([Article.objects.get(pk=first.pk)])
    assert stored("Energy") == 1
    first.delete()
    assert stored("Energy") == 0


def test_a_scheduled_article_counts_so_that_going_live_changes_no_count():
    ArticleFactory(scheduled=True).topics.add("Energy")
    ArticleFactory(draft=True).topics.add("Energy")
    assert stored("Energy") == 1


def test_merging_topics_recounts_the_topic_merged_into():
    a, b = ArticleFactory(), ArticleFactory()
    a.topics.add("Power")
    b.topics.add("Energy", "Power")
    merge_topics(sources=[Topic.objects.get(name="Power")], into=Topic.objects.get(name="Energy"))
    assert stored("Energy") == 2


def test_recount_puts_right_counts_written_without_signals():
    ArticleFactory().topics.add("Energy")
    Topic.objects.update(released_articles=7)
    assert counts.recount(counts.TOPIC_ARTICLES) == 1
    assert stored("Energy") == 1


def test_home_lists_topics_by_stored_count_and_never_one_only_scheduled_work_carries(client):
    for _ in range(3):
        ArticleFactory().topics.add("Energy")
    ArticleFactory().topics.add("Sport")
    for _ in range(5):
        ArticleFactory(scheduled=True).topics.add("Secret summit")
    topics = [t.name for t in client.get(reverse("articles:home")).context["popular_topics"]]
    assert topics == ["Energy", "Sport"]


def test_more_on_this_story_ranks_the_most_shared_first_then_the_latest():
    article = ArticleFactory()
    article.topics.add("Energy", "Grid")
    both = ArticleFactory(published_at=timezone.now() - timedelta(days=3))
    both.topics.add("Energy", "Grid")
    newer_one = ArticleFactory(published_at=timezone.now() - timedelta(hours=2))
    newer_one.topics.add("Grid")
    older_one = ArticleFactory(published_at=timezone.now() - timedelta(days=9))
    older_one.topics.add("Energy")
    ArticleFactory(draft=True).topics.add("Energy", "Grid")
    article = Article.objects.for_page().get(pk=article.pk)
    assert list(Article.objects.published().sharing_tags_with(article)) == [both, newer_one, older_one]


def test_more_on_this_story_reads_a_bounded_number_of_each_tags_latest_articles():
    article = ArticleFactory()
    article.topics.add("Energy")
    oldest = ArticleFactory(headline="The oldest energy story")
    oldest.topics.add("Energy")
    for _ in range(CANDIDATES_PER_TAG):
        ArticleFactory().topics.add("Energy")
    article = Article.objects.for_page().get(pk=article.pk)
    more = Article.objects.published().sharing_tags_with(article, limit=CANDIDATES_PER_TAG + 5)
    assert oldest not in list(more)
    assert len(more) == CANDIDATES_PER_TAG


@pytest.mark.parametrize("n", [1, 8])
def test_more_on_this_story_is_one_query_whatever_the_number_of_tags(django_assert_num_queries, n):
    article = ArticleFactory()
    article.topics.add(*(f"Topic {i}" for i in range(n)))
    ArticleFactory().topics.add("Topic 0")
    article = Article.objects.for_page().get(pk=article.pk)
    with django_assert_num_queries(1):
        assert len(list(Article.objects.published().sharing_tags_with(article))) == 1


def make_articles(n: int, topic: str = "Energy") -> list[Article]:
    now = timezone.now()
    articles = [ArticleFactory(published_at=now - timedelta(hours=i + 1)) for i in range(n)]
    for article in articles:
        article.topics.add(topic)
    return articles


def test_listing_pages_count_nothing_and_keep_their_numbers(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    articles = make_articles(5)
    url = reverse("articles:topic", kwargs={"slug": "energy"})
    with CaptureQueriesContext(connection) as queries:
        page2 = client.get(url, {"page": 2})
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    assert [a.pk for a in page2.context["articles"]] == [articles[2].pk, articles[3].pk]
    html = page2.content.decode()
    assert "(page 2)</title>" in html
    assert f'<link rel="canonical" href="http://testserver{url}?page=2">' in html
    assert "<span>Page 2</span>" in html
    assert 'rel="next"' in html and 'rel="prev"' in html
    last = client.get(url, {"page": 3}).content.decode()
    assert "<span>Page 3 of 3</span>" in last and 'rel="next"' not in last
    assert client.get(url, {"page": 4}).status_code == 404


def test_a_page_exactly_full_has_no_next_page(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    make_articles(4)
    html = client.get(reverse("articles:home"), {"page": 2}).content.decode()
    assert 'rel="next"' not in html
    assert "<span>Page 2 of 2</span>" in html


def test_articles_published_at_the_same_moment_are_never_on_two_pages(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 2
    moment = timezone.now() - timedelta(hours=1)
    articles = [ArticleFactory(published_at=moment) for _ in range(5)]
    seen = []
    for page in (1, 2, 3):
        seen += [a.pk for a in client.get(reverse("articles:home"), {"page": page}).context["articles"]]
    assert sorted(seen) == sorted(a.pk for a in articles)


def test_the_bounded_count_stops_at_its_bound():
    make_articles(3)
    paginator = ListingPaginator(Article.objects.published().order_by("-pk"), 2)
    paginator.bound = 2
    assert paginator.count == 3 and not paginator.count_is_exact
    paginator = ListingPaginator(Article.objects.published().order_by("-pk"), 2)
    assert paginator.count == 3 and paginator.count_is_exact
    assert COUNT_BOUND >= 1000


def test_search_says_more_than_the_bound_beyond_it(client, monkeypatch):
    for i in range(3):
        ArticleFactory(headline=f"Lukashenko visit {i}")
    monkeypatch.setattr("articles.search.RANKED", 2)
    html = client.get(reverse("articles:search"), {"q": "lukashenko"}).content.decode()
    assert "More than 2 results" in html
    monkeypatch.setattr("articles.search.RANKED", 10)
    html = client.get(reverse("articles:search"), {"q": "lukashenko"}).content.decode()
    assert "3 results" in html


def test_search_ranks_only_the_latest_matches(client, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the ranked window is PostgreSQL's (the fallback matches without ranking)")
    monkeypatch.setattr("articles.search.RANKED", 2)
    now = timezone.now()
    old = ArticleFactory(headline="Lukashenko Lukashenko Lukashenko", published_at=now - timedelta(days=9))
    for i in range(2):
        ArticleFactory(standfirst=f"Lukashenko {i}", published_at=now - timedelta(hours=i + 1))
    response = client.get(reverse("articles:search"), {"q": "lukashenko"})
    assert old not in response.context["articles"]
    assert len(response.context["articles"]) == 2
    assert "More than 2 results" in response.content.decode()


def test_the_person_page_shows_their_latest_quotes_and_links_to_all_of_them(client):
    person = PersonFactory(name="Artyom Shraibman")
    now = timezone.now()
    for i in range(PERSON_QUOTES + 2):
        article = ArticleFactory(published_at=now - timedelta(hours=i + 1))
        article.people.add(person)
        QuoteFactory(article=article, speaker=person, text=f"Remark number {i}.")
    response = client.get(person.get_absolute_url())
    quotes = response.context["quotes"]
    assert [q.text for q in quotes] == [f"Remark number {i}." for i in range(PERSON_QUOTES)]
    html = response.content.decode()
    link = f"{reverse('articles:quotes')}?speaker={person.slug}"
    assert f'<a href="{link}">All quotes from Artyom Shraibman</a>' in html
    everything = client.get(reverse("articles:quotes"), {"speaker": person.slug})
    assert len(everything.context["quotes"]) == PERSON_QUOTES + 2


def test_the_quotes_page_by_speaker_slug_lists_that_speaker_only(client):
    shraibman = PersonFactory(name="Artyom Shraibman")
    other = PersonFactory(name="Someone Else")
    article = ArticleFactory()
    article.people.add(shraibman, other)
    QuoteFactory(article=article, speaker=shraibman, text="One.")
    QuoteFactory(article=article, speaker=other, text="Two.")
    quotes = client.get(reverse("articles:quotes"), {"speaker": shraibman.slug}).context["quotes"]
    assert [q.text for q in quotes] == ["One."]
    by_name = client.get(reverse("articles:quotes"), {"speaker": "else"}).context["quotes"]
    assert [q.text for q in by_name] == ["Two."]


def test_an_articles_kept_parts_spare_its_relations_until_the_content_changes(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline="Grid holds")
    article.topics.add("Energy")
    QuoteFactory(article=article, text="We are ready.")
    url = article.get_absolute_url()
    # A parameter the page does not declare: rendered each time, never kept whole.
    first = client.get(url, {"ref": "a"}).content.decode()
    with django_assert_num_queries(2 + NAV_QUERY):  # the content version, the article's row, the nav
        again = client.get(url, {"ref": "b"}).content.decode()
    assert again == first
    with django_capture_on_commit_callbacks(execute=True):
        article.topics.add("Power")  # a change (the version moves on at commit): every kept part is stale
    changed = client.get(url, {"ref": "c"}).content.decode()
    assert ">Power</a>" in changed and ">Power</a>" not in first


def test_the_page_is_the_same_with_its_parts_kept_or_not(client, settings):
    article = ArticleFactory(headline="Grid holds")
    article.topics.add("Energy")
    QuoteFactory(article=article, text="We are ready.")
    other = ArticleFactory(headline="Another energy story")
    other.topics.add("Energy")
    kept = client.get(article.get_absolute_url(), {"ref": "a"}).content.decode()
    settings.NEWSROOM_FRAGMENT_CACHE_SECONDS = 0
    rendered = client.get(article.get_absolute_url(), {"ref": "b"}).content.decode()
    assert kept == rendered
    assert "Another energy story" in kept and "We are ready." in kept and "application/ld+json" in kept
