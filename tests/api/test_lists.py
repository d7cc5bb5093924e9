"""/api/topics/, /api/countries/, /api/people/ and /api/quotes/: what they list and count."""

from datetime import UTC, datetime

import pytest

from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, country
from tests.pagecache import VERSION_QUERY

pytestmark = pytest.mark.django_db


def test_topics_lists_those_of_published_articles_with_their_counts(api):
    for _ in range(2):
        ArticleFactory().topics.add("Energy")
    ArticleFactory().topics.add("Ukraine war", "Energy")
    ArticleFactory(draft=True).topics.add("Secret merger", "Energy")

    response = api("topics")

    assert response.data == {
        "total": 2,
        "total_is_exact": True,
        "pages": 1,
        "current_page": 1,
        "page_size": 10,
        "results": [
            {
                "name": "Energy",
                "slug": "energy",
                "url": "http://testserver/topics/energy/",
                "article_count": 3,
            },
            {
                "name": "Ukraine war",
                "slug": "ukraine-war",
                "url": "http://testserver/topics/ukraine-war/",
                "article_count": 1,
            },
        ],
    }


def test_countries_lists_those_of_published_articles_with_their_counts(api):
    ArticleFactory().countries.add(country("UA"), country("BY"))
    ArticleFactory().countries.add(country("UA"))
    ArticleFactory(scheduled=True).countries.add(country("NO"), country("UA"))

    results = api("countries").data["results"]

    assert results == [
        {
            "code": "BY",
            "name": "Belarus",
            "slug": "belarus",
            "url": "http://testserver/countries/belarus/",
            "article_count": 1,
        },
        {
            "code": "UA",
            "name": "Ukraine",
            "slug": "ukraine",
            "url": "http://testserver/countries/ukraine/",
            "article_count": 2,
        },
    ]


def test_people_lists_those_named_or_quoted_in_published_articles(api):
    named = PersonFactory(name="Artyom Shraibman", description="political analyst", aliases=["Shraibman"])
    quoted = PersonFactory(name="Institute for the Study of War", kind="organisation", description="")
    hidden = PersonFactory(name="Hidden Source")
    live, other = ArticleFactory(), ArticleFactory()
    live.people.add(named)
    other.people.add(named)
    QuoteFactory(article=live, speaker=named)
    QuoteFactory(article=live, speaker=named)
    QuoteFactory(article=other, speaker=quoted)
    draft = ArticleFactory(draft=True)
    draft.people.add(hidden, named)
    QuoteFactory(article=draft, speaker=hidden)
    QuoteFactory(article=draft, speaker=named)

    results = api("people").data["results"]

    assert results == [
        {
            "name": "Artyom Shraibman",
            "slug": named.slug,
            "kind": "person",
            "description": "political analyst",
            "aliases": ["Shraibman"],
            "url": f"http://testserver/people/{named.slug}/",
            "article_count": 2,
            "quote_count": 2,
        },
        {
            "name": "Institute for the Study of War",
            "slug": quoted.slug,
            "kind": "organisation",
            "description": "",
            "aliases": [],
            "url": f"http://testserver/people/{quoted.slug}/",
            "article_count": 0,
            "quote_count": 1,
        },
    ]


def test_quotes_lists_quotes_of_published_articles_newest_first_in_order(api):
    speaker = PersonFactory(name="Carla Mendes")
    old = ArticleFactory(headline="Old story", published_at=datetime(2024, 1, 1, 12, tzinfo=UTC))
    new = ArticleFactory(headline="New story", published_at=datetime(2024, 6, 1, 12, tzinfo=UTC))
    QuoteFactory(article=old, speaker=speaker, text="First, long ago.", position=0)
    QuoteFactory(article=new, speaker=speaker, text="Second in the new story.", position=1, partial=True)
    QuoteFactory(article=new, speaker=speaker, text="First in the new story.", position=0)
    QuoteFactory(article=ArticleFactory(draft=True), speaker=speaker, text="Never said in public.")

    response = api("quotes")

    assert [q["text"] for q in response.data["results"]] == [
        "First in the new story.",
        "Second in the new story.",
        "First, long ago.",
    ]
    assert response.data["results"][1] == {
        "text": "Second in the new story.",
        "partial": True,
        "speaker": {
            "name": "Carla Mendes",
            "slug": speaker.slug,
            "url": f"http://testserver/people/{speaker.slug}/",
        },
        "article": {
            "slug": new.slug,
            "headline": "New story",
            "url": f"http://testserver/articles/{new.slug}/",
            "published_at": "2024-06-01T13:00:00+01:00",
        },
    }


def test_quotes_filter_by_words_and_by_speaker(api):
    carla, ivan = PersonFactory(), PersonFactory()
    article = ArticleFactory()
    QuoteFactory(article=article, speaker=carla, text="The water came at night.")
    QuoteFactory(article=article, speaker=carla, text="We lost everything.")
    QuoteFactory(article=article, speaker=ivan, text="The WATER is falling.")

    by_words = api("quotes", {"q": "water"}).data["results"]
    by_both = api("quotes", {"q": "water", "speaker": carla.slug}).data["results"]

    assert [q["text"] for q in by_words] == ["The water came at night.", "The WATER is falling."]
    assert [q["text"] for q in by_both] == ["The water came at night."]


@pytest.mark.parametrize("name", ["topics", "countries", "people"])
@pytest.mark.parametrize("n", [1, 20])
def test_vocabulary_query_count_is_fixed(api, django_assert_num_queries, name, n):
    codes = ["BY", "UA", "RU", "PL", "LT", "LV", "EE", "DE", "FR", "GB"] * 2
    for i in range(n):
        article = ArticleFactory()
        article.topics.add(f"Topic {i}")
        article.countries.add(country(codes[i]))
        article.people.add(PersonFactory())

    # The scheduled articles' links (for each stored count shown: a person's articles and quotes),
    # the count and the page.
    with django_assert_num_queries((2 if name == "people" else 1) + 2 + VERSION_QUERY):
        response = api(name, {"page-size": "50"})

    assert len(response.data["results"]) == (min(n, 10) if name == "countries" else n)


@pytest.mark.parametrize("n", [1, 20])
def test_quotes_query_count_is_fixed(api, django_assert_num_queries, n):
    for _ in range(n):
        QuoteFactory()

    with django_assert_num_queries(2 + VERSION_QUERY):
        response = api("quotes", {"page-size": "50"})

    assert len(response.data["results"]) == n


def test_the_total_is_counted_up_to_the_bound_and_the_last_page_tells_it_exactly(
    api, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr("api.params.COUNT_BOUND", 3)
    monkeypatch.setattr("articles.pagination.ListingPaginator.bound", 3)
    for _ in range(5):
        ArticleFactory()
    first = api("articles", {"page-size": "2"}).data
    assert (first["total"], first["total_is_exact"], first["pages"]) == (3, False, 2)
    last = api("articles", {"page-size": "2", "page": "3"}).data
    assert (last["total"], last["total_is_exact"], last["pages"], len(last["results"])) == (5, True, 3, 1)
    assert api("articles", {"page-size": "2", "page": "4"}).status_code == 404
    # Whatever the archive's size: the bounded count, the page, its relations.
    with django_assert_max_num_queries(8):
        assert api("articles", {"page-size": "2", "page": "2"}).status_code == 200
