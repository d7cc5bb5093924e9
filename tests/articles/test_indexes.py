"""The index pages: topics, authors and people A to Z, countries by continent; published work only."""

import pytest
from django.urls import reverse

from articles.indexes import initial
from tests.factories import ArticleFactory, AuthorFactory, BylineFactory, PersonFactory, country
from tests.pagecache import NAV_QUERY

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "letter"),
    [("Łódź", "L"), ("Écija", "E"), ("24 Hours", "#"), ("  zebra", "Z"), ("Ølstykke", "O")],
)
def test_a_name_is_filed_under_its_first_letter_without_accents(name, letter):
    assert initial(name) == letter


@pytest.fixture
def published():
    first = ArticleFactory(headline="Harbour reopens")
    second = ArticleFactory(headline="Bridge closes")
    for article in (first, second):
        article.topics.add("Ports")
        article.countries.add(country("NO"))
    first.topics.add("Łódź transport")
    BylineFactory(article=first, author=AuthorFactory(name="Ada Lovegood"))
    first.people.add(PersonFactory(name="Bea Harbour"))
    hidden = ArticleFactory(headline="Secret draft", draft=True)
    hidden.topics.add("Pirates")
    hidden.countries.add(country("PE"))
    BylineFactory(article=hidden, author=AuthorFactory(name="Paula Hidden"))
    hidden.people.add(PersonFactory(name="Peter Hidden"))


def entries(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response.context["index"]


def test_the_topic_index_lists_published_topics_with_counts_a_letter_at_a_time(client, published):
    index = entries(client, "articles:topics")
    assert index.letters == ("L", "P")
    assert [(e.name, e.count) for e in index.entries] == [("Łódź transport", 1)]
    page = entries(client, "articles:topics", letter="p")
    assert [(e.name, e.count, e.url) for e in page.entries] == [("Ports", 2, "/topics/ports/")]


def test_an_unknown_letter_shows_the_first_letter(client, published):
    assert entries(client, "articles:topics", letter="Q").letter == "L"


@pytest.mark.parametrize(("name", "shown", "hidden"), [
    ("articles:authors", "Ada Lovegood", "Paula Hidden"),
    ("articles:people", "Bea Harbour", "Peter Hidden"),
    ("articles:topics", "Ports", "Pirates"),
])  # fmt: skip
def test_names_only_in_unpublished_work_are_on_no_index(client, published, name, shown, hidden):
    html = "".join(
        client.get(reverse(name), {"letter": letter}).content.decode()
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    assert shown in html
    assert hidden not in html


def test_the_country_index_groups_countries_by_continent(client, published):
    response = client.get(reverse("articles:countries"))
    regions = response.context["regions"]
    assert [(r.name, [(e.name, e.count) for e in r.entries]) for r in regions] == [
        ("Europe", [("Norway", 2)])
    ]
    assert "Peru" not in response.content.decode()


def test_an_index_costs_the_same_queries_for_few_or_many_names(client, django_assert_num_queries, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    for n in range(30):
        ArticleFactory().topics.add(f"Topic {n}")
    # The stored counts, and the scheduled articles' topics to take off them.
    with django_assert_num_queries(2 + NAV_QUERY):
        client.get(reverse("articles:topics"), {"letter": "T"})
