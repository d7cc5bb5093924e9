"""One- and two-word partial quotes stay in the data but are not shown as their speaker's words."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quotes():
    article = ArticleFactory(headline="Talks in Minsk")
    speaker = PersonFactory(name="Vera Speaker")
    article.people.add(speaker)
    QuoteFactory(article=article, speaker=speaker, text="absorb", partial=True, position=0)
    QuoteFactory(article=article, speaker=speaker, text="closest ally", partial=True, position=1)
    QuoteFactory(article=article, speaker=speaker, text="a threat to the region", partial=True, position=2)
    QuoteFactory(article=article, speaker=speaker, text="We will not be moved.", position=3)
    return article, speaker


TEXTS = ("absorb", "closest ally", "a threat to the region", "We will not be moved.")


def shown(html: str) -> list[str]:
    return [text for text in TEXTS if f"<p>{text}</p>" in html]


@pytest.mark.parametrize("page", ["article", "person", "quotes"])
def test_short_partial_quotes_are_not_shown_on_any_page(client, quotes, page):
    article, speaker = quotes
    url = {
        "article": reverse("articles:detail", kwargs={"slug": article.slug}),
        "person": reverse("articles:person", kwargs={"slug": speaker.slug}),
        "quotes": reverse("articles:quotes"),
    }[page]
    assert shown(client.get(url).content.decode()) == [
        "a threat to the region",
        "We will not be moved.",
    ]


def test_the_api_keeps_every_quote(client, quotes):
    article, _ = quotes
    data = client.get(reverse("api:article", kwargs={"slug": article.slug})).json()
    assert len(data["quotes"]) == 4


def test_the_api_quotes_list_gives_what_the_quotes_page_shows(client, quotes):
    article, speaker = quotes
    listed = client.get(reverse("api:quotes")).json()
    by_speaker = client.get(reverse("api:quotes") + f"?speaker={speaker.slug}").json()
    assert [q["text"] for q in listed["results"]] == ["a threat to the region", "We will not be moved."]
    assert listed["total"] == 2
    assert [q["text"] for q in by_speaker["results"]] == ["a threat to the region", "We will not be moved."]


def test_the_api_people_list_counts_the_quotes_readers_see(client, quotes):
    _, speaker = quotes
    (person,) = client.get(reverse("api:people")).json()["results"]
    assert (person["slug"], person["quote_count"]) == (speaker.slug, 2)


def test_the_api_quotes_list_leaves_out_quotes_of_unpublished_articles(client, quotes):
    article, _ = quotes
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    assert client.get(reverse("api:quotes")).json()["total"] == 0
