"""Bodies of every kind of block, for the tests of the body's surfaces."""

from articles import body
from articles.bodytext import refresh_body_text
from articles.models import Article, BodyBlock
from images.library import add_image
from images.renditions import make_renditions
from tests.factories import ArticleFactory, PersonFactory
from tests.images.pictures import photo

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
BLUESKY = "https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l"


def picture(n: int = 0, *, alt: str = "Boats in the harbour at dawn", caption: str = "The harbour"):
    image = add_image(content=photo(64 + n, 48), name=f"block-{n}.jpg", alt_text=alt, caption=caption).image
    make_renditions(image)
    return image


def rich_article(
    *, paragraphs: int = 24, images: int = 5, quotes: int = 3, embeds: int = 2, **fields
) -> Article:
    """An article whose body has ``paragraphs`` paragraphs, pictures, pull quotes, embeds and a fact box."""
    article = ArticleFactory(body="", **fields)
    texts = [f"Paragraph {i} of the story." for i in range(paragraphs)]
    blocks = []
    chunk = max(1, paragraphs // (images + quotes + embeds + 1))
    extras = (
        [
            BodyBlock(kind="image", image=picture(i), caption="" if i else "Our own caption")
            for i in range(images)
        ]
        + [
            BodyBlock(
                kind="quote", text=f"Words number {i}", speaker="Artyom Shraibman", person=PersonFactory()
            )
            for i in range(quotes)
        ]
        + [BodyBlock(kind="embed", url=YOUTUBE if i % 2 == 0 else BLUESKY) for i in range(embeds)]
        + [BodyBlock(kind="aside", title="Key facts", html="<ul><li><p>One fact</p></li></ul>")]
    )
    for i in range(0, paragraphs, chunk):
        blocks.append(BodyBlock(kind="text", html=body.paragraph_html(texts[i : i + chunk])))
        if extras:
            blocks.append(extras.pop(0))
    blocks += extras
    for position, block in enumerate(blocks):
        block.article, block.position = article, position
    with body.text_refreshed_by_caller():
        BodyBlock.objects.bulk_create(blocks)
    refresh_body_text([article.pk])
    article.refresh_from_db()
    return article
