"""The API answers as the reader's pages do: quotes by a speaker's name, related times with their offset."""

from datetime import UTC, datetime

import pytest

from tests.factories import ArticleFactory, PersonFactory, QuoteFactory, RelatedLinkFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "speaker", ["Łucja Wiśniewska", "ŁUCJA wiśniewska", "wiśniewska", "lucja-wisniewska"]
)
def test_quotes_speaker_takes_a_name_part_of_one_or_a_slug(api, client, speaker):
    lucja = PersonFactory(name="Łucja Wiśniewska", slug="lucja-wisniewska")
    other = PersonFactory(name="Ivan Petrov")
    article = ArticleFactory()
    QuoteFactory(article=article, speaker=lucja, text="The river rose overnight.")
    QuoteFactory(article=article, speaker=other, text="Nobody warned us.")

    results = api("quotes", {"speaker": speaker}).data["results"]
    page = client.get("/quotes/", {"speaker": speaker}).content.decode()

    assert [q["text"] for q in results] == ["The river rose overnight."]
    assert "The river rose overnight." in page
    assert "Nobody warned us." not in page


def test_quotes_speaker_of_spaces_only_filters_nothing(api):
    QuoteFactory(text="Still here.")

    assert [q["text"] for q in api("quotes", {"speaker": "   "}).data["results"]] == ["Still here."]


def test_related_published_at_carries_the_offset_of_the_newsrooms_zone(api):
    article = ArticleFactory()
    RelatedLinkFactory(article=article, position=0, published_at=datetime(2023, 3, 26, 16, 44, tzinfo=UTC))
    RelatedLinkFactory(article=article, position=1, published_at=datetime(2023, 1, 5, 9, 0, tzinfo=UTC))
    RelatedLinkFactory(article=article, position=2, published_at=None)

    related = api("article", slug=article.slug).data["related"]

    # Europe/London: summer time (BST, +01:00) on 26 March 2023, GMT in January.
    assert [link["published_at"] for link in related] == [
        "2023-03-26T17:44:00+01:00",
        "2023-01-05T09:00:00+00:00",
        None,
    ]
