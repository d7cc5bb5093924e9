"""Related-content cards and where an article first appeared (issue 16, defects 4 and 7)."""

import json
import re

import pytest

from tests.factories import ArticleFactory, RelatedLinkFactory

pytestmark = pytest.mark.django_db


def card(html: str, title: str) -> str:
    """The markup of the card whose title is ``title``."""
    cards = re.findall(r'<li class="related-item">.*?</li>', html, flags=re.S)
    return next(c for c in cards if title in c)


def test_a_card_outside_this_site_names_its_publication_and_links_to_its_url(client):
    article = ArticleFactory(publication="The Guardian")
    RelatedLinkFactory(article=article, title="Outside with a url", url="https://example.com/story")

    html = card(client.get(article.get_absolute_url()).content.decode(), "Outside with a url")

    assert '<h3><a href="https://example.com/story">Outside with a url</a></h3>' in html
    assert '<p class="source"><a href="https://example.com/story" rel="external">The Guardian</a></p>' in html


def test_a_card_with_no_url_still_names_where_it_came_from(client):
    article = ArticleFactory(publication="The Guardian")
    RelatedLinkFactory(article=article, title="Archive only", url="", publication="BBC News")

    html = card(client.get(article.get_absolute_url()).content.decode(), "Archive only")

    assert "<h3>Archive only</h3>" in html
    assert '<p class="source">BBC News</p>' in html


def test_a_card_for_an_article_on_this_site_links_to_it_and_names_no_source(client):
    article = ArticleFactory(publication="The Guardian")
    target = ArticleFactory(headline="Here on the site")
    RelatedLinkFactory(article=article, title="Here on the site", target=target)

    html = card(client.get(article.get_absolute_url()).content.decode(), "Here on the site")

    assert f'<a href="{target.get_absolute_url()}">Here on the site</a>' in html
    assert 'class="source"' not in html


def test_a_card_whose_target_is_a_draft_is_a_card_from_outside(client):
    article = ArticleFactory(publication="The Guardian")
    draft = ArticleFactory(headline="Not out yet", draft=True)
    RelatedLinkFactory(article=article, title="Not out yet", target=draft)

    html = card(client.get(article.get_absolute_url()).content.decode(), "Not out yet")

    assert draft.get_absolute_url() not in html
    assert '<p class="source">The Guardian</p>' in html


@pytest.mark.parametrize(
    ("byline", "printed"),
    [
        (
            "Shaun Walker Central and eastern Europe correspondent",
            '<span class="byline-author">Shaun Walker, Central and eastern Europe correspondent</span>',
        ),
        (
            "Andrew Roth in Moscow and Peter Beaumont in Dnipro, Ukraine",
            '<span class="byline-author">Andrew Roth in Moscow</span> and '
            '<span class="byline-author">Peter Beaumont in Dnipro, Ukraine</span>',
        ),
    ],
)
def test_a_cards_byline_separates_the_role_from_the_name_as_the_article_does(client, byline, printed):
    article = ArticleFactory()
    RelatedLinkFactory(article=article, title="With a byline", byline=byline)

    html = card(client.get(article.get_absolute_url()).content.decode(), "With a byline")

    assert f'<span class="byline">{printed}</span>' in html


def test_an_article_from_another_publication_says_so_on_the_page_and_in_json_ld(client):
    article = ArticleFactory(publication="The Guardian")

    html = client.get(article.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])

    assert '<span class="publication">First published in The Guardian</span>' in html
    assert data["publisher"]["name"] == "Newsroom"
    assert data["sourceOrganization"] == {"@type": "NewsMediaOrganization", "name": "The Guardian"}
    assert data["isBasedOn"]["publisher"] == data["sourceOrganization"]
    assert data["isBasedOn"]["headline"] == article.headline


@pytest.mark.parametrize("publication", ["", "Newsroom", "newsroom"])
def test_an_article_of_this_site_claims_no_other_source(client, publication):
    article = ArticleFactory(publication=publication)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "First published in" not in html
    assert "sourceOrganization" not in html
    assert "isBasedOn" not in html
