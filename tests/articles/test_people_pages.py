import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, PersonFactory, QuoteFactory
from tests.pagecache import NAV_QUERY, VERSION_QUERY

pytestmark = pytest.mark.django_db


@pytest.fixture
def quotes():
    shraibman = PersonFactory(name="Artyom Shraibman", description="Belarusian political analyst")
    putin = PersonFactory(name="Vladimir Putin")
    article = ArticleFactory(headline="Putin’s mission to Minsk")
    draft = ArticleFactory(headline="Draft", draft=True)
    return {
        "analysis": QuoteFactory(
            article=article, speaker=shraibman, text="Participation would be unpopular", position=0
        ),
        "putin": QuoteFactory(article=article, speaker=putin, text="We agreed to continue", position=1),
        "hidden": QuoteFactory(
            article=draft, speaker=shraibman, text="A hidden unpopular remark", position=0
        ),
        "shraibman": shraibman,
    }


def test_quotes_page_searches_by_words(client, quotes):
    response = client.get(reverse("articles:quotes"), {"q": "unpopular"})
    assert list(response.context["quotes"]) == [quotes["analysis"]]


def test_quotes_page_searches_by_speaker_name_or_slug(client, quotes):
    by_name = client.get(reverse("articles:quotes"), {"speaker": "shraib"})
    by_slug = client.get(reverse("articles:quotes"), {"speaker": "vladimir-putin"})
    assert list(by_name.context["quotes"]) == [quotes["analysis"]]
    assert list(by_slug.context["quotes"]) == [quotes["putin"]]


def test_person_page_shows_description_quotes_and_articles(client, quotes):
    html = client.get(quotes["shraibman"].get_absolute_url()).content.decode()
    assert '<h1 class="page-title">Artyom Shraibman</h1>' in html
    assert "Belarusian political analyst" in html
    assert "<blockquote><p>Participation would be unpopular</p></blockquote>" in html
    assert "A hidden unpopular remark" not in html


@pytest.mark.parametrize("n", [1, 15])
def test_quotes_page_query_count_is_fixed(client, django_assert_num_queries, n):
    article = ArticleFactory()
    for i in range(n):
        QuoteFactory(article=article, position=i)
    # The page's quotes and one more, with speaker and article: nothing is counted.
    with django_assert_num_queries(1 + VERSION_QUERY + NAV_QUERY):
        client.get(reverse("articles:quotes"))


@pytest.mark.parametrize("n", [1, 15])
def test_person_page_query_count_is_fixed(client, django_assert_num_queries, n):
    person = PersonFactory()
    for _ in range(n):
        article = ArticleFactory()
        article.people.add(person)
        QuoteFactory(article=article, speaker=person)
    # The person, the page's articles (and one more), their bylines, the latest quotes.
    with django_assert_num_queries(4 + VERSION_QUERY + NAV_QUERY):
        client.get(person.get_absolute_url())


@pytest.mark.parametrize(
    ("n", "name"),
    [(1, "articles:topic"), (15, "articles:topic"), (1, "articles:country"), (15, "articles:country")],
)
def test_tag_pages_query_count_is_fixed(client, django_assert_num_queries, n, name):
    from tests.factories import BylineFactory, country

    for _ in range(n):
        article = BylineFactory().article
        article.topics.add("Energy")
        article.countries.add(country("EE"))
    slug = "energy" if name == "articles:topic" else "estonia"
    # The tag, the page's articles (and one more), their bylines: nothing is counted.
    with django_assert_num_queries(3 + VERSION_QUERY + NAV_QUERY):
        client.get(reverse(name, kwargs={"slug": slug}))


@pytest.mark.parametrize("n", [1, 15])
def test_author_page_query_count_is_fixed(client, django_assert_num_queries, n):
    from tests.factories import AuthorFactory, BylineFactory

    author = AuthorFactory()
    for _ in range(n):
        BylineFactory(author=author)
    # The author, the page's articles (and one more), their bylines: nothing is counted.
    with django_assert_num_queries(3 + VERSION_QUERY + NAV_QUERY):
        client.get(author.get_absolute_url())
