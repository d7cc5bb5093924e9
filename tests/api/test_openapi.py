"""The OpenAPI document is valid OpenAPI 3.1 and describes what the API really answers."""

import re

import pytest
from django.urls import Resolver404, resolve
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.openapi import DAY_PATTERN
from newstext import EARLIEST, LATEST
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    RelatedLinkFactory,
    country,
)

pytestmark = pytest.mark.django_db

DOCUMENT_URI = "urn:newsroom:openapi"


@pytest.fixture
def document(api):
    return api("openapi").data


def validator(document: dict, schema: str) -> Draft202012Validator:
    registry = Registry().with_resource(DOCUMENT_URI, Resource(document, specification=DRAFT202012))
    return Draft202012Validator({"$ref": f"{DOCUMENT_URI}#/components/schemas/{schema}"}, registry=registry)


def test_document_is_valid_openapi_3_1(document):
    validate(document)
    assert document["openapi"] == "3.1.0"


def test_every_path_is_served(document):
    for path in document["paths"]:
        try:
            match = resolve(path.replace("{slug}", "some-slug"))
        except Resolver404:
            pytest.fail(f"{path} is described but not served")
        assert match.namespace == "api"


def test_every_list_parameter_is_described(document):
    names = {p["name"] for p in document["paths"]["/api/articles/"]["get"]["parameters"]}

    assert names == {"q", "topic", "country", "author", "from-date", "to-date", "page", "page-size"}


@pytest.fixture
def content(make_image):
    # Pictures with renditions and one still waiting for them (its "renditions" empty).
    article = ArticleFactory(headline="Levee breach", lead_image=make_image(800, 500))
    BylineFactory(article=article)
    person = PersonFactory()
    article.people.add(person)
    QuoteFactory(article=article, speaker=person)
    target = ArticleFactory(lead_image=make_image(600, 400, renditions=False))
    RelatedLinkFactory(article=article, target=target, position=0)
    RelatedLinkFactory(article=article, title="Outside link", position=9, image=make_image(500, 300))
    RelatedLinkFactory(article=article, title="Bare link", position=10)
    article.topics.add("Floods")
    article.countries.add(country("BR"))
    return article


@pytest.mark.parametrize(
    ("name", "kwargs", "params", "schema"),
    [
        ("articles", {}, {}, "ArticleSummaryPage"),
        ("articles", {}, {"q": "levee"}, "ArticleSummaryPage"),
        ("article", {"slug": None}, {}, "Article"),
        ("topics", {}, {}, "TopicPage"),
        ("countries", {}, {}, "CountryPage"),
        ("people", {}, {}, "PersonPage"),
        ("quotes", {}, {}, "QuotePage"),
        ("articles", {}, {"page": "x"}, "Error"),
        ("article", {"slug": "missing"}, {}, "Error"),
    ],
)
def test_responses_match_their_schemas(api, document, content, name, kwargs, params, schema):
    kwargs = {k: v or content.slug for k, v in kwargs.items()}
    data = api(name, params, **kwargs).data

    assert data.get("results", [data]), "the response has something to check"
    validator(document, schema).validate(data)


def test_the_day_pattern_allows_exactly_the_accepted_range_of_years():
    pattern = re.compile(DAY_PATTERN)

    allowed = [year for year in range(10000) if pattern.match(f"{year:04d}-06-15")]

    assert allowed == list(range(EARLIEST.year, LATEST.year + 1))
    assert all(pattern.match(f"2024-{month:02d}-{day:02d}") for month in range(1, 13) for day in range(1, 32))
    assert not any(pattern.match(text) for text in ["2024-00-01", "2024-13-01", "2024-01-00", "2024-01-32"])


def test_the_index_lists_the_endpoints(api):
    response = api("index")

    assert response.status_code == 200
    assert response.data == {
        "articles": "http://testserver/api/articles/",
        "topics": "http://testserver/api/topics/",
        "countries": "http://testserver/api/countries/",
        "people": "http://testserver/api/people/",
        "quotes": "http://testserver/api/quotes/",
        "openapi": "http://testserver/api/openapi.json",
    }
