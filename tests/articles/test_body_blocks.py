"""The story body as blocks: the sanitiser, the blocks' rules, and the article page's rendering."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import body, embeds
from articles.models import BodyBlock
from articles.sanitise import sanitise_html
from tests.factories import ArticleFactory, BodyBlockFactory, PersonFactory

from .body_helpers import BLUESKY, YOUTUBE, picture, rich_article
from .test_article_page import BODY_QUERY

# Each class of payload the sanitiser refuses, and what is left of it.
PAYLOADS = [
    ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
    ('<p onclick="alert(1)" onmouseover="x()">Hi</p>', "<p>Hi</p>"),
    ('<p><a href="javascript:alert(1)">Hi</a></p>', "<p><a>Hi</a></p>"),
    ('<p><a href="JaVaScRiPt:alert(1)">Hi</a></p>', "<p><a>Hi</a></p>"),
    ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">Hi</a></p>', "<p><a>Hi</a></p>"),
    ('<p><img src="data:image/png;base64,AAAA" onerror="alert(1)">Hi</p>', "<p>Hi</p>"),
    ('<p style="color:red">Hi <span style="font-size:40px">there</span></p>', "<p>Hi there</p>"),
    ("<p>Hi<style>p{}</style></p><iframe src='https://evil.example/'></iframe>", "<p>Hi</p>"),
    (
        '<p><a href="https://example.com/x" target="_blank">out</a></p>',
        '<p><a href="https://example.com/x" rel="noopener">out</a></p>',
    ),
    ('<p><a href="/articles/inside/">in</a></p>', '<p><a href="/articles/inside/">in</a></p>'),
    ("<h1>Big</h1><h2>Sub</h2><ul><li><p>x</p></li></ul>", "Big<h2>Sub</h2><ul><li><p>x</p></li></ul>"),
    ("<p></p>", ""),
]


@pytest.mark.parametrize(("dirty", "clean"), PAYLOADS)
def test_the_sanitiser_keeps_the_allow_list_and_nothing_else(dirty, clean):
    assert sanitise_html(dirty) == clean


@pytest.mark.parametrize(("dirty", "clean"), PAYLOADS[:8])
def test_text_and_fact_box_blocks_are_sanitised_by_clean(db, dirty, clean):
    for kind in ("text", "aside"):
        block = BodyBlock(article=ArticleFactory(body=""), kind=kind, html=dirty, title="Facts")
        if clean:
            block.full_clean()
        assert block.html == clean


def test_an_unsupported_embed_address_is_refused_with_the_providers_named(db):
    block = BodyBlock(article=ArticleFactory(body=""), kind="embed", url="https://evil.example/video/1")
    with pytest.raises(ValidationError) as refused:
        block.full_clean()
    assert refused.value.message_dict["url"] == [
        "Newsroom cannot embed this address. Embeds come from: "
        "YouTube, Vimeo, X, Instagram, TikTok, Bluesky, Datawrapper, Flourish."
    ]


@pytest.mark.parametrize(
    ("url", "provider", "player"),
    [
        (YOUTUBE, "youtube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "youtube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        ("https://vimeo.com/76979871", "vimeo", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
        (
            "https://x.com/nytimes/status/123",
            "x",
            "https://platform.twitter.com/embed/Tweet.html?id=123&dnt=true",
        ),
        (
            "https://twitter.com/nytimes/status/123",
            "x",
            "https://platform.twitter.com/embed/Tweet.html?id=123&dnt=true",
        ),
        ("https://www.instagram.com/p/Cabc123/", "instagram", "https://www.instagram.com/p/Cabc123/embed/"),
        (
            "https://www.tiktok.com/@scout/video/671833539",
            "tiktok",
            "https://www.tiktok.com/embed/v2/671833539",
        ),
        (BLUESKY, "bluesky", "https://embed.bsky.app/embed/bsky.app/app.bsky.feed.post/3l6oveex3ii2l"),
        ("https://datawrapper.dwcdn.net/AbC12/3/", "datawrapper", "https://datawrapper.dwcdn.net/AbC12/"),
        (
            "https://public.flourish.studio/visualisation/12345/",
            "flourish",
            "https://flo.uri.sh/visualisation/12345/embed",
        ),
    ],
)
def test_each_provider_on_the_allow_list_is_recognised(url, provider, player):
    found = embeds.match(url)
    assert (found.provider.key, found.player_url) == (provider, player)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "http://vimeo.com/1",
        "javascript:alert(1)",
        "",
    ],
)
def test_look_alike_and_unsafe_addresses_are_not_embeds(url):
    assert embeds.match(url) is None


def test_a_pull_quote_picked_from_the_article_copies_its_words_and_speaker(db):
    from tests.factories import QuoteFactory  # noqa: PLC0415

    quote = QuoteFactory(text="We will not give up", speaker=PersonFactory(name="Maria Kalesnikava"))
    block = BodyBlock(article=quote.article, kind="quote", quote=quote)
    block.full_clean()
    assert (block.text, block.speaker, block.person) == (
        "We will not give up",
        "Maria Kalesnikava",
        quote.speaker,
    )


def test_the_page_renders_every_kind_of_block_as_semantic_html(client, db):
    article = rich_article(paragraphs=4, images=1, quotes=1, embeds=1)
    html = client.get(article.get_absolute_url()).content.decode()
    body_html = html.split('<div class="article-body">', 1)[1].split('<footer class="article-footer">', 1)[0]

    assert body_html.count("<p>Paragraph ") == 4
    assert re.search(
        r'<figure class="picture block-image size-inline"><picture>.*?</picture>'
        r'<figcaption><span class="caption">Our own caption</span>',
        body_html,
    )
    quote = BodyBlock.objects.get(article=article, kind="quote")
    assert (
        "<blockquote><p>Words number 0</p></blockquote>\n  <figcaption><cite>"
        f'<a href="{quote.person.get_absolute_url()}">Artyom Shraibman</a></cite></figcaption>' in body_html
    )
    assert '<aside class="fact-box" aria-labelledby="fact-box-' in body_html
    assert '<h2 class="fact-box-title"' in body_html


def test_an_embed_is_a_facade_that_loads_nothing_from_the_provider(client, db):
    article = rich_article(paragraphs=1, images=0, quotes=0, embeds=2)
    html = client.get(article.get_absolute_url()).content.decode()

    assert (
        f'<a class="embed-facade" href="{YOUTUBE}" data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"'
        in html
    )
    assert "<iframe" not in html
    # Nothing on the page is fetched from a provider: no script, frame, image or style from them.
    fetched = re.findall(r'<(?:script|img|iframe|link|source)[^>]+(?:src|href|srcset)="([^"]+)"', html)
    assert not [
        url for url in fetched if url.startswith(("http:", "https:", "//")) and "//testserver/" not in url
    ]
    assert html.count('src="/static/js/embeds.js"') == 2  # one module, run once


def test_a_caption_and_a_quote_are_text_not_html(client, db):
    article = ArticleFactory(body="")
    BodyBlockFactory(article=article, kind="image", image=picture(), caption="<script>alert(1)</script>")
    BodyBlockFactory(article=article, kind="quote", text="<b>bold</b>", speaker="<i>who</i>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&lt;i&gt;who&lt;/i&gt;" in html
    assert "<script>alert(1)" not in html


def page_queries(client, article) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_a_rich_body_costs_the_same_queries_as_a_plain_one(client, db):
    """24 paragraphs, 5 pictures, 3 pull quotes, 2 embeds and a fact box: the one body query that
    a plain text body costs too (test_article_page counts it: one above the page before blocks)."""
    plain, _ = page_queries(client, ArticleFactory(body="One.\n\nTwo."))
    small, _ = page_queries(client, rich_article(paragraphs=4, images=1, quotes=1, embeds=1))
    rich, html = page_queries(client, rich_article(paragraphs=24, images=5, quotes=3, embeds=2))
    assert plain == small == rich
    assert html.count("<p>Paragraph ") == 24
    assert html.count('class="picture block-image') == 5
    assert html.count('class="pull-quote"') == 3
    assert html.count('class="embed-facade"') == 2
    assert BODY_QUERY == 1


def test_the_stored_text_follows_the_blocks_with_headings_apart(db):
    article = ArticleFactory(body="")
    first = BodyBlockFactory(article=article, position=0, html="<h2>What happened</h2><p>The river rose.</p>")
    BodyBlockFactory(article=article, position=1, kind="aside", title="Key facts", html="<p>Two dead.</p>")
    BodyBlockFactory(article=article, position=2, kind="quote", text="Never again", speaker="A mayor")
    article.refresh_from_db()
    assert article.body_text == "What happened\n\nThe river rose.\n\nKey facts\n\nTwo dead."
    assert article.body_headings == "What happened\n\nKey facts"
    first.delete()
    article.refresh_from_db()
    assert article.body_text == "Key facts\n\nTwo dead."


def test_reading_time_is_computed_from_the_text(client, db):
    article = ArticleFactory(body="word " * 690)  # three minutes at 230 words a minute
    assert article.reading_minutes == 3
    page = client.get(article.get_absolute_url()).content.decode()
    assert '<span class="reading-time">3 min read</span>' in page
    assert page.count("min read") == 1


def test_paragraph_count_counts_paragraphs_not_subheadings():
    blocks = [
        BodyBlock(kind="text", html="<h2>A</h2><p>one</p><p>two</p>"),
        BodyBlock(kind="aside", html="<p>x</p>"),
    ]
    assert body.paragraph_count(blocks) == 2
