"""Compressed responses, as the client asks; none for responses that may hold a secret (BREACH)."""

import gzip

import brotli
import pytest
from django.urls import reverse

from newsroom.compression import negotiate
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda body: body}


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        ("br", "br"),
        ("gzip", "gzip"),
        ("gzip, deflate, br, zstd", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0.5, br;q=0.4", "gzip"),
        ("gzip;q=0, br;q=0", None),
        ("*", "br"),
        ("*;q=0", None),
        ("identity", None),
        ("deflate", None),
        ("", None),
    ],
)
def test_negotiate_honours_the_clients_preferences(accept, chosen):
    assert negotiate(accept) == chosen


@pytest.fixture
def article_url():
    return ArticleFactory(body="A paragraph of the story. " * 80).get_absolute_url()


@pytest.mark.parametrize(("accept", "encoding"), [("gzip, deflate, br", "br"), ("gzip", "gzip"), ("", None)])
@pytest.mark.parametrize("pass_", ["miss", "hit"])
def test_a_cached_page_comes_compressed_as_the_client_accepts(client, article_url, accept, encoding, pass_):
    if pass_ == "hit":
        client.get(article_url)  # stores the page
    response = client.get(article_url, headers={"accept-encoding": accept})
    identity = client.get(article_url).content

    assert response["X-Page-Cache"] == pass_
    assert response.get("Content-Encoding") == encoding
    assert DECODE[encoding](response.content) == identity
    assert int(response["Content-Length"]) == len(response.content)
    assert "Accept-Encoding" in response["Vary"]
    if encoding:
        assert len(response.content) < len(identity) / 3


@pytest.mark.parametrize(
    "url",
    [
        lambda: reverse("articles:search") + "?q=story",
        lambda: reverse("api:articles"),
        lambda: reverse("articles:feed"),
        lambda: reverse("django.contrib.sitemaps.views.sitemap"),
    ],
    ids=["search (never cached)", "API", "feed", "sitemap"],
)
@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_html_json_and_xml_are_compressed(client, url, encoding):
    for n in range(15):
        ArticleFactory(headline=f"A story worth compressing, number {n}")

    response = client.get(url(), headers={"accept-encoding": encoding})

    assert response["Content-Encoding"] == encoding
    assert DECODE[encoding](response.content).startswith((b"<", b"{"))


def test_a_page_holding_a_csrf_token_is_not_compressed(client):
    """The admin's sign-in form: a secret and reflected input in one body."""
    response = client.get(reverse("admin:login"), headers={"accept-encoding": "gzip, br"})

    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert "Content-Encoding" not in response


def test_nothing_is_compressed_for_signed_in_staff(admin_client, article_url):
    for url in [article_url, reverse("admin:articles_article_changelist")]:
        response = admin_client.get(url, headers={"accept-encoding": "gzip, br"})

        assert response.status_code == 200
        assert "Content-Encoding" not in response


def test_short_responses_are_sent_as_they_are(client):
    robots = client.get(reverse("robots"), headers={"accept-encoding": "gzip, br"})

    assert "Content-Encoding" not in robots
