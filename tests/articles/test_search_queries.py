"""Whatever a reader types into search, the page and the API answer 200 or a clear 400, never 500."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.search import search_articles
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

# Queries built from the syntax's own pieces, so that odd combinations come up often.
PIECES = st.sampled_from(
    ["-", '"', "or", "OR", " ", '-"', "putin", "a b", "''", "&", "|", "!", ":*", "\\", "é"]
)
QUERIES = st.one_of(st.lists(PIECES, max_size=8).map("".join), st.text(max_size=40))
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def stories():
    ArticleFactory(headline="Putin visits Minsk", body="Talks on the union state.")
    ArticleFactory(headline="Floods in the delta", body="The river rose overnight.")


@pytest.mark.parametrize("query", ["-putin", "--x", '-"a b"', "- -", '"', "or", "-putin or -floods"])
def test_a_query_that_only_leaves_words_out_is_answered(client, stories, query):
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200


def test_leaving_a_word_out_finds_the_other_articles(stories):
    assert [a.headline for a in search_articles("-putin")] == ["Floods in the delta"]


def test_the_api_answers_a_query_that_only_leaves_words_out(client, stories):
    response = client.get(reverse("api:articles"), {"q": "-x -y"})
    assert response.status_code == 200
    assert response.json()["total"] == 2


@FUZZ
@given(query=QUERIES)
def test_any_search_query_gives_200(client, stories, query):
    assert client.get(reverse("articles:search"), {"q": query}).status_code == 200


@FUZZ
@given(query=QUERIES)
def test_any_api_query_gives_200_or_a_clear_400(client, stories, query):
    response = client.get(reverse("api:articles"), {"q": query})
    assert response.status_code in {200, 400}
    if response.status_code == 400:
        assert response.json()["error"]
