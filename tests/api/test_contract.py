"""Schemathesis holds the API to its OpenAPI document: what the document allows is answered as it says.

The document is read from ``/api/openapi.json`` and every operation is called
in-process through Django's WSGI application with generated parameters, valid
ones and invalid ones: no 5xx, only documented status codes and content types,
bodies that match their schemas, valid parameters accepted and invalid ones
refused. Examples are few and derandomised, so the run is quick and the same
every time.

(Schemathesis's own pytest loader for a schema from a fixture does not work
with pytest 9.2, and a schema loaded when the module is imported could not use
the test database; so each test loads the served document and drives
Hypothesis with the operation's strategy itself.)
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from api.openapi import openapi_document
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    RelatedLinkFactory,
    country,
)

pytestmark = pytest.mark.django_db

# Per operation and mode: enough to reach the edges of every parameter, few enough to stay fast.
EXAMPLES = 30
DOCUMENT = openapi_document()
# Each operation with valid parameters; those that take query parameters with invalid ones too.
CASES = [
    (path, method.upper(), mode)
    for path, operations in DOCUMENT["paths"].items()
    for method, operation in operations.items()
    for mode in GenerationMode
    if mode == GenerationMode.POSITIVE or any(p["in"] == "query" for p in operation.get("parameters", []))
]


@pytest.fixture
def wsgi_app():
    """Django's WSGI application, called the way Django's test client calls it.

    The handler closes the database connection when a request finishes; the
    test client stops it doing so (the test's transaction lives on that
    connection), and so must a test that calls the application itself.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_app):
    """The served document, with published content for the lists to show and a draft-only author."""
    article = ArticleFactory(headline="Levee breach in the delta")
    BylineFactory(article=article)
    person = PersonFactory()
    article.people.add(person)
    QuoteFactory(article=article, speaker=person)
    RelatedLinkFactory(article=article, target=ArticleFactory(), position=0)
    article.topics.add("Floods")
    article.countries.add(country("BR"))
    BylineFactory(article=ArticleFactory(draft=True))
    return schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_app)


@pytest.mark.parametrize(("path", "method", "mode"), CASES, ids=[f"{m} {p} {mode}" for p, m, mode in CASES])
def test_the_api_answers_as_its_document_says(api_schema, path, method, mode):
    operation = api_schema[path][method]
    strategy = operation.as_strategy(generation_mode=mode)

    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def check(case):
        # The WSGI transport does not decode brotli or gzip: ask for the answer as it is.
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    check()
