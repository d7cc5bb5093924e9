"""/api/articles/ and /api/articles/<slug>/: shape, filters, paging, headers, query counts."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.reports import article_data
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    RelatedLinkFactory,
    country,
)
from tests.pagecache import VERSION_QUERY

pytestmark = pytest.mark.django_db


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.data["results"]]


def test_list_answers_a_page_of_published_articles_newest_first(api):
    older = ArticleFactory(published_at=timezone.now() - timedelta(days=2))
    newer = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    ArticleFactory(draft=True)

    response = api("articles")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert {k: v for k, v in response.data.items() if k != "results"} == {
        "total": 2,
        "total_is_exact": True,
        "pages": 1,
        "current_page": 1,
        "page_size": 10,
    }
    assert slugs(response) == [newer.slug, older.slug]


def test_list_item_carries_the_summary_fields(api):
    article = ArticleFactory(
        headline="Levee breach",
        standfirst="Thousands flee.",
        publication="The Northern Ledger",
        published_at=at(2024, 6, 1, 16, 30),
    )
    author = AuthorFactory(name="Ana Souza", slug="ana-souza", location="Porto Alegre", role="")
    BylineFactory(article=article, author=author, location="")
    article.topics.add("Floods")
    article.countries.add(country("BR"), country("AR"))

    (item,) = api("articles").data["results"]

    assert item == {
        "slug": article.slug,
        "headline": "Levee breach",
        "standfirst": "Thousands flee.",
        "url": f"http://testserver/articles/{article.slug}/",
        "published_at": "2024-06-01T17:30:00+01:00",
        "publication": "The Northern Ledger",
        "section": None,
        "lead_image": None,
        "authors": [{"name": "Ana Souza", "slug": "ana-souza", "location": "Porto Alegre", "role": ""}],
        "topics": ["Floods"],
        "countries": ["AR", "BR"],
    }


def test_list_pages_by_page_and_page_size(api):
    made = [ArticleFactory(published_at=timezone.now() - timedelta(hours=n)) for n in range(1, 6)]

    response = api("articles", {"page": "2", "page-size": "2"})

    assert {k: v for k, v in response.data.items() if k != "results"} == {
        "total": 5,
        "total_is_exact": True,
        "pages": 3,
        "current_page": 2,
        "page_size": 2,
    }
    assert slugs(response) == [made[2].slug, made[3].slug]


def test_list_of_nothing_has_no_pages(api):
    response = api("articles")

    assert response.data == {
        **{"total": 0, "total_is_exact": True, "pages": 0},
        **{"current_page": 1, "page_size": 10, "results": []},
    }


def test_page_size_may_be_fifty(api):
    assert api("articles", {"page-size": "50"}).data["page_size"] == 50


def test_q_searches_headline_standfirst_and_body(api):
    headline = ArticleFactory(headline="Grain deal collapses", body="Talks ended.")
    body = ArticleFactory(headline="Talks end", body="The grain corridor closed.")
    ArticleFactory(headline="Unrelated")

    assert slugs(api("articles", {"q": "grain"})) == [headline.slug, body.slug]


def test_q_in_web_search_syntax(api):
    kept = ArticleFactory(headline="Grain deal collapses")
    ArticleFactory(headline="Grain prices and Odesa")

    assert slugs(api("articles", {"q": 'grain -odesa "deal collapses"'})) == [kept.slug]


def test_topic_filter(api):
    tagged = ArticleFactory()
    tagged.topics.add("Ukraine war")
    ArticleFactory().topics.add("Energy")

    assert slugs(api("articles", {"topic": "ukraine-war"})) == [tagged.slug]


@pytest.mark.parametrize("value", ["UA", "ua", "ukraine"])
def test_country_filter_takes_a_code_or_a_slug(api, value):
    tagged = ArticleFactory()
    tagged.countries.add(country("UA"))
    ArticleFactory().countries.add(country("BY"))

    assert slugs(api("articles", {"country": value})) == [tagged.slug]


def test_author_filter(api):
    author = AuthorFactory(slug="pjotr-sauer")
    theirs = BylineFactory(author=author).article
    BylineFactory()

    assert slugs(api("articles", {"author": "pjotr-sauer"})) == [theirs.slug]


def test_filters_combine(api):
    match = ArticleFactory(headline="Grain deal collapses")
    match.topics.add("Trade")
    ArticleFactory(headline="Grain deal signed").topics.add("Energy")
    ArticleFactory(headline="Oil deal").topics.add("Trade")

    assert slugs(api("articles", {"q": "grain", "topic": "trade"})) == [match.slug]


@pytest.fixture
def around_midnight():
    """Articles either side of midnight between 1 and 2 June 2024, London time (BST, UTC+1)."""
    return {
        "31 May late": ArticleFactory(published_at=at(2024, 5, 31, 22, 59)),  # 23:59 BST on 31 May
        "1 June early": ArticleFactory(published_at=at(2024, 5, 31, 23, 0)),  # 00:00 BST on 1 June
        "1 June late": ArticleFactory(published_at=at(2024, 6, 1, 22, 59)),  # 23:59 BST on 1 June
        "2 June early": ArticleFactory(published_at=at(2024, 6, 1, 23, 0)),  # 00:00 BST on 2 June
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"from-date": "2024-06-01"}, ["2 June early", "1 June late", "1 June early"]),
        ({"to-date": "2024-06-01"}, ["1 June late", "1 June early", "31 May late"]),
        ({"from-date": "2024-06-01", "to-date": "2024-06-01"}, ["1 June late", "1 June early"]),
        ({"from-date": "2024-06-02", "to-date": "2024-06-02"}, ["2 June early"]),
        (
            {"from-date": "1600-01-01", "to-date": "2200-12-31"},  # the ends of the accepted range
            ["2 June early", "1 June late", "1 June early", "31 May late"],
        ),
        ({"from-date": "2024-06-02", "to-date": "2024-06-01"}, []),  # an empty range of days
    ],
)
def test_dates_are_inclusive_days_in_the_newsrooms_time_zone(api, around_midnight, params, expected):
    assert slugs(api("articles", params)) == [around_midnight[name].slug for name in expected]


def test_detail_has_the_import_report_fields_plus_url_and_published_at(api):
    article = ArticleFactory(headline="Levee breach", published_at=at(2024, 1, 15, 9, 5))
    BylineFactory(article=article, location="Porto Alegre")
    person = PersonFactory(name="Carla Mendes")
    article.people.add(person)
    QuoteFactory(article=article, speaker=person, text="The water came at night.")
    RelatedLinkFactory(article=article, title="Earlier floods", published_at=at(2023, 7, 1, 16, 44))
    article.topics.add("Floods")
    article.countries.add(country("BR"))

    response = api("article", slug=article.slug)

    expected = article_data(Article.objects.for_page().get(pk=article.pk), public=True)
    # The report's wall-clock time of a related item is given with its offset, as the article's.
    expected["related"][0]["published_at"] = "2023-07-01T17:44:00+01:00"
    assert response.status_code == 200
    assert response.data == {
        **expected,
        "related": [{**link, "image": None} for link in expected["related"]],
        "lead_image": None,
        "url": f"http://testserver/articles/{article.slug}/",
        "published_at": "2024-01-15T09:05:00+00:00",
        "section": None,
        "corrections": [],
        "updated_at": timezone.localtime(article.updated_at).isoformat(timespec="seconds"),
        "body": [{"type": "text", "html": "<p>First paragraph.</p>\n<p>Second paragraph.</p>"}],
    }
    assert set(response.data) == set(expected) | {
        "url",
        "published_at",
        "section",
        "lead_image",
        "corrections",
        "updated_at",
        "body",
    }
    assert response.data["quotes"] == [{"speaker": "Carla Mendes", "text": "The water came at night."}]


def test_detail_names_a_related_article_only_when_it_is_published(api):
    article = ArticleFactory()
    live = ArticleFactory(headline="Live target")
    draft = ArticleFactory(headline="Draft target", draft=True)
    RelatedLinkFactory(article=article, title="Live target", target=live, position=0)
    RelatedLinkFactory(article=article, title="Draft target", target=draft, position=1)

    related = api("article", slug=article.slug).data["related"]

    assert [link["article"] for link in related] == [live.slug, None]


@pytest.mark.parametrize("state", ["draft", "scheduled", "missing"])
def test_detail_of_an_article_readers_cannot_see_is_404(api, state):
    slug = "missing" if state == "missing" else ArticleFactory(**{state: True}).slug

    response = api("article", slug=slug)

    assert response.status_code == 404
    assert response.data == {"error": "No published article has this slug."}


@pytest.mark.parametrize(("name", "kwargs"), [("articles", {}), ("topics", {}), ("openapi", {})])
def test_responses_are_public_cacheable_and_open_to_other_origins(api, name, kwargs):
    response = api(name, **kwargs)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == (
        "public, max-age=0, s-maxage=1, stale-while-revalidate=60, stale-if-error=86400"
    )


def test_errors_also_carry_the_cors_header(api):
    response = api("articles", {"page": "x"})

    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_the_api_is_read_only(client, method):
    from django.urls import reverse

    response = getattr(client, method)(reverse("api:articles"))

    assert response.status_code == 405
    assert response.json() == {"error": f"{method.upper()} is not allowed: this API is read-only."}
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def full_article(n: int) -> Article:
    article = ArticleFactory()
    codes = ["BY", "UA", "RU", "PL", "LT"]
    for i in range(n):
        BylineFactory(article=article, author=AuthorFactory(), position=i)
        RelatedLinkFactory(article=article, position=i, target=ArticleFactory())
        QuoteFactory(article=article, position=i, speaker=PersonFactory())
        article.topics.add(f"Topic {i}")
        article.countries.add(country(codes[i % len(codes)]))
        article.people.add(PersonFactory())
    return article


@pytest.mark.parametrize("n", [1, 20])
def test_list_query_count_is_fixed_whatever_the_number_of_results(api, django_assert_num_queries, n):
    for i in range(n):
        article = ArticleFactory()
        BylineFactory(article=article)
        BylineFactory(article=article, position=1)
        article.topics.add(f"Topic {i}", "Shared")
        article.countries.add(country("UA"))

    # The count, the page, then bylines with authors, topics and countries.
    with django_assert_num_queries(5 + VERSION_QUERY):
        response = api("articles", {"page-size": "50"})

    assert len(response.data["results"]) == n


@pytest.mark.parametrize("n", [1, 20])
def test_filtered_search_query_count_is_fixed(api, django_assert_num_queries, n):
    for _ in range(n):
        ArticleFactory(headline="Grain deal").topics.add("Trade")

    # As above: the topic is joined by its slug, not looked up first; free text is never
    # cached, so no version is read.
    with django_assert_num_queries(5):
        response = api("articles", {"q": "grain", "topic": "trade", "page-size": "50"})

    assert len(response.data["results"]) == n


@pytest.mark.parametrize("n", [1, 5])
def test_detail_query_count_is_fixed_whatever_the_number_of_items(api, django_assert_num_queries, n):
    article = full_article(n)

    # The article, then bylines, topics, countries, people, related links, quotes, corrections
    # and body blocks.
    with django_assert_num_queries(9 + VERSION_QUERY):
        response = api("article", slug=article.slug)

    assert len(response.data["related"]) == n
