"""The body on every surface beyond the page: feeds' full content, JSON-LD's articleBody."""

import json
import re

import feedparser
import pytest
from django.urls import reverse

from articles.models import BodyBlock

from .body_helpers import YOUTUBE, rich_article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["articles:feed", "articles:feed-atom"])
def test_feeds_carry_the_whole_body_with_absolute_links(client, name):
    article = rich_article(paragraphs=3, images=1, quotes=1, embeds=1)
    BodyBlock.objects.create(
        article=article, position=99, html='<p>See <a href="/articles/other/">the other story</a>.</p>'
    )
    response = client.get(reverse(name))
    (entry,) = feedparser.parse(response.content).entries
    html = entry.content[0].value

    assert html.count("<p>Paragraph ") == 3
    assert '<a href="http://testserver/articles/other/">the other story</a>' in html
    assert "<blockquote><p>Words number 0</p></blockquote>" in html
    assert f'<a class="embed-facade" href="{YOUTUBE}"' in html
    assert "<script" not in html
    # Pictures: every address absolute, the srcset's too.
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html) + [
        c.split()[0] for s in re.findall(r'srcset="([^"]+)"', html) for c in s.split(",")
    ]
    assert addresses and all(a.startswith(("http://testserver/", "https://")) for a in addresses)
    if name == "articles:feed":
        assert b'xmlns:content="http://purl.org/rss/1.0/modules/content/"' in response.content
        assert b"<content:encoded>" in response.content
    else:
        assert b'<content type="html">' in response.content


def test_json_ld_carries_the_body_as_plain_text(client):
    article = rich_article(paragraphs=2, images=1, quotes=1, embeds=0)
    html = client.get(article.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert (
        data["articleBody"]
        == "Paragraph 0 of the story.\n\nParagraph 1 of the story.\n\nKey facts\n\nOne fact"
    )
