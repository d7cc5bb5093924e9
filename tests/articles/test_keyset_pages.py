"""Listings in publication order: numbered first pages, then pages after a cursor (articles.pagination)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Section
from articles.pagination import KEYSET_ORDER, NUMBERED_PAGES, KeysetPaginator
from tests.factories import ArticleFactory, AuthorFactory, country
from tests.pagecache import NAV_QUERY, VERSION_QUERY

pytestmark = pytest.mark.django_db

TOPIC = reverse("articles:topic", kwargs={"slug": "energy"})


def tagged(articles: list[Article]) -> list[Article]:
    for article in articles:
        article.topics.add("Energy")
    return articles


def older_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]*)" rel="next">', html)
    return found and found.group(1).replace("&amp;", "&")


def newer_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]*)" rel="prev">', html)
    return found and found.group(1).replace("&amp;", "&")


def walk(client, url: str) -> tuple[list[int], list[str]]:
    """Every article of a listing, following "Older" from its first page; and the addresses read."""
    seen, addresses = [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += [article.pk for article in response.context["articles"]]
        addresses.append(url)
        link = older_link(response.content.decode())
        url = link and (link if link.startswith("/") else TOPIC + link)
    return seen, addresses


@pytest.fixture
def ties():
    """Seven articles of which five were published at the same moment, and a draft and a scheduled one."""
    moment = timezone.now() - timedelta(hours=3)
    articles = tagged(
        [ArticleFactory(published_at=moment - timedelta(hours=1))]
        + [ArticleFactory(published_at=moment) for _ in range(5)]
        + [ArticleFactory(published_at=moment + timedelta(hours=1))]
    )
    tagged([ArticleFactory(draft=True), ArticleFactory(scheduled=True)])
    return sorted(articles, key=lambda a: (a.published_at, a.pk), reverse=True)


def test_cursor_pages_go_on_in_order_with_no_article_twice_or_missed_across_equal_times(
    client, settings, monkeypatch, ties
):
    settings.NEWSROOM_PAGE_SIZE = 2
    monkeypatch.setattr(KeysetPaginator, "numbered_pages", 1)
    seen, addresses = walk(client, TOPIC)
    assert seen == [a.pk for a in ties]
    assert addresses[1:] == [f"{TOPIC}?after={ties[i].pk}" for i in (1, 3, 5)]


def test_the_numbered_pages_lead_to_cursor_pages_whose_newer_link_goes_back(
    client, settings, monkeypatch, ties
):
    settings.NEWSROOM_PAGE_SIZE = 2
    monkeypatch.setattr(KeysetPaginator, "numbered_pages", 3)
    seen, addresses = walk(client, TOPIC)
    assert seen == [a.pk for a in ties]
    assert addresses == [TOPIC, f"{TOPIC}?page=2", f"{TOPIC}?page=3", f"{TOPIC}?after={ties[5].pk}"]
    after = client.get(TOPIC, {"after": ties[5].pk}).content.decode()
    # Just after the last numbered page: "Newer" is that page.
    assert newer_link(after) == "?page=3"
    assert f'<link rel="canonical" href="http://testserver{TOPIC}?after={ties[5].pk}">' in after
    # Not on a page boundary: the newer page is named by its cursor.
    assert newer_link(client.get(TOPIC, {"after": ties[4].pk}).content.decode()) == f"?after={ties[2].pk}"
    # Close to the top: the first page.
    assert newer_link(client.get(TOPIC, {"after": ties[0].pk}).content.decode()) == TOPIC


def test_a_cursor_page_names_its_date_and_has_no_number(client, settings, ties):
    settings.NEWSROOM_PAGE_SIZE = 2
    html = client.get(TOPIC, {"after": ties[1].pk}).content.decode()
    day = timezone.localtime(ties[2].published_at)
    assert f"(up to {day.day} {day:%B %Y})</title>" in html
    assert "<span>Page" not in html and "<span>Up to <time" in html


@pytest.mark.parametrize(
    "cursor",
    ["x", "-1", "0", "1e3", "٣", "99999999", "9" * 30, "1.5", "", "%00"],
)
def test_a_tampered_cursor_is_a_page_that_does_not_exist(client, ties, cursor):
    response = client.get(f"{TOPIC}?after={cursor}")
    assert response.status_code == (200 if cursor == "" else 404)


def test_a_cursor_of_a_draft_a_scheduled_article_or_another_listings_article_is_a_404(client, ties):
    draft, scheduled = ArticleFactory(draft=True), ArticleFactory(scheduled=True)
    elsewhere = ArticleFactory()
    tagged([draft, scheduled])
    for article in (draft, scheduled, elsewhere):
        assert client.get(TOPIC, {"after": article.pk}).status_code == 404
    # The oldest article has nothing after it: no page either.
    assert client.get(TOPIC, {"after": ties[-1].pk}).status_code == 404
    # A number and a cursor at once is no page.
    assert client.get(TOPIC, {"after": ties[0].pk, "page": 2}).status_code == 404


def test_drafts_and_scheduled_articles_are_on_no_cursor_page(client, settings, ties):
    settings.NEWSROOM_PAGE_SIZE = 2
    shown = []
    for article in ties[:-1]:
        shown += [a.pk for a in client.get(TOPIC, {"after": article.pk}).context["articles"]]
    assert set(shown) == {a.pk for a in ties[1:]}


def test_a_cursor_page_costs_a_fixed_number_of_queries(client, settings, django_assert_num_queries, ties):
    settings.NEWSROOM_PAGE_SIZE = 2
    # The tag, the cursor's key, the rows, their bylines, the newer ids.
    with django_assert_num_queries(VERSION_QUERY + NAV_QUERY + 5):
        assert client.get(TOPIC, {"after": ties[1].pk}).status_code == 200
    tagged([ArticleFactory(published_at=ties[-1].published_at - timedelta(minutes=i + 1)) for i in range(20)])
    with django_assert_num_queries(VERSION_QUERY + NAV_QUERY + 5):  # (another address: not the kept page)
        assert client.get(TOPIC, {"after": ties[2].pk}).status_code == 200


def test_a_page_number_past_the_numbered_pages_is_read_by_ids_and_leads_on_by_cursor(
    client, settings, django_assert_num_queries, ties
):
    settings.NEWSROOM_PAGE_SIZE = 1
    tagged([ArticleFactory(published_at=ties[-1].published_at - timedelta(minutes=i + 1)) for i in range(10)])
    number = NUMBERED_PAGES + 2
    # The tag, the ids past the offset, their rows, their bylines.
    with django_assert_num_queries(VERSION_QUERY + NAV_QUERY + 4):
        response = client.get(TOPIC, {"page": number})
    expected = list(Article.objects.published().filter(topics__name="Energy").order_by(*KEYSET_ORDER))
    assert [a.pk for a in response.context["articles"]] == [expected[number - 1].pk]
    html = response.content.decode()
    assert newer_link(html) == f"?page={number - 1}"
    assert older_link(html) == f"?after={expected[number - 1].pk}"
    assert f"(page {number})</title>" in html


@pytest.mark.parametrize("name", ["home", "country", "author", "section"])
def test_every_listing_in_publication_order_reads_cursor_pages(client, settings, name):
    settings.NEWSROOM_PAGE_SIZE = 1
    author = AuthorFactory()
    belarus = country("BY")
    articles = [ArticleFactory(published_at=timezone.now() - timedelta(hours=i + 1)) for i in range(3)]
    for article in articles:
        article.countries.add(belarus)
        article.bylines.create(author=author, position=0)
    url = {
        "home": reverse("articles:home"),
        "country": belarus.get_absolute_url(),
        "author": author.get_absolute_url(),
    }.get(name)
    if name == "section":
        section = Section.objects.create(name="World", slug="world", position=0)
        Article.objects.filter(pk__in=[a.pk for a in articles]).update(section=section)
        url = section.get_absolute_url()
    response = client.get(url, {"after": articles[0].pk})
    assert response.status_code == 200
    assert [a.pk for a in response.context["articles"]] == [articles[1].pk]
