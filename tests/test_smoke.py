"""Every public URL name answers 200: HTML pages with exactly one <h1>, feeds with XML."""

import pytest
from django.urls import get_resolver, reverse

from articles.models import Section
from tests.factories import ArticleFactory, BylineFactory, PersonFactory, QuoteFactory, country

pytestmark = pytest.mark.django_db

NAMESPACES = ("articles", "api")


def public_url_names() -> list[str]:
    names = []
    for namespace in NAMESPACES:
        resolver = get_resolver().namespace_dict[namespace][1]
        names += [f"{namespace}:{name}" for name in resolver.reverse_dict if isinstance(name, str)]
    return sorted(names)


@pytest.fixture
def url_kwargs():
    """Arguments for each URL name, keyed by the kind of object its name mentions."""
    world = Section.objects.create(name="World", slug="world")
    europe = Section.objects.create(name="Europe", slug="europe", parent=world)
    article = ArticleFactory(headline="Smoke test story", section=europe)
    byline = BylineFactory(article=article)
    article.topics.add("Energy")
    article.countries.add(country("UA"))
    person = PersonFactory()
    article.people.add(person)
    QuoteFactory(article=article, speaker=person)
    slugs = {
        "detail": article.slug,
        "topic": "energy",
        "country": "ukraine",
        "author": byline.author.slug,
        "person": person.slug,
        "article": article.slug,
        "section": world.slug,
        "page": "about",
    }

    def kwargs_for(name: str) -> dict:
        short = name.split(":")[1]
        kind = next((k for k in slugs if short == k or short.startswith(f"{k}-")), None)
        return {"slug": slugs[kind]} if kind else {}

    return kwargs_for


@pytest.mark.parametrize("name", public_url_names())
def test_public_url_answers_200(client, url_kwargs, name):
    response = client.get(reverse(name, kwargs=url_kwargs(name)))

    assert response.status_code == 200
    content_type = response["Content-Type"]
    if content_type.startswith("text/html"):
        assert response.content.decode().count("<h1") == 1
    else:
        assert content_type.split(";")[0] in {
            "application/rss+xml",
            "application/atom+xml",
            "application/json",
        }


@pytest.mark.parametrize(
    "name", ["robots", "django.contrib.sitemaps.views.sitemap", "news-sitemap", "healthz"]
)
def test_site_wide_urls_answer_200(client, url_kwargs, name):
    assert client.get(reverse(name)).status_code == 200
