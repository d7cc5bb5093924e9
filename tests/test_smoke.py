"""Every public URL name answers 200 with exactly one <h1>."""

import pytest
from django.urls import get_resolver, reverse

from tests.factories import ArticleFactory, BylineFactory, PersonFactory, QuoteFactory, country

pytestmark = pytest.mark.django_db


def public_url_names() -> list[str]:
    names = []
    for namespace in ("articles", "people"):
        resolver = get_resolver().namespace_dict[namespace][1]
        names += [f"{namespace}:{name}" for name in resolver.reverse_dict if isinstance(name, str)]
    return sorted(names)


@pytest.fixture
def site_content():
    article = ArticleFactory(headline="Smoke test story")
    byline = BylineFactory(article=article)
    article.topics.add("Energy")
    article.countries.add(country("UA"))
    person = PersonFactory()
    article.people.add(person)
    QuoteFactory(article=article, speaker=person)
    return {
        "articles:detail": {"slug": article.slug},
        "articles:topic": {"slug": "energy"},
        "articles:country": {"slug": "ukraine"},
        "people:author": {"slug": byline.author.slug},
        "people:person": {"slug": person.slug},
    }


def test_the_walk_covers_every_public_url_name(site_content):
    assert set(public_url_names()) == set(site_content) | {"articles:home"}


@pytest.mark.parametrize("name", public_url_names())
def test_public_page_answers_200_with_one_h1(client, site_content, name):
    response = client.get(reverse(name, kwargs=site_content.get(name, {})))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


def test_healthz_answers_ok(client):
    response = client.get(reverse("healthz"))
    assert response.content == b"ok"
