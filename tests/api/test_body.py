"""The API's body: a typed list of blocks, each kind described by the OpenAPI document."""

from articles.bodyjson import BLOCK_TYPES
from tests.articles.body_helpers import YOUTUBE, rich_article

from .test_openapi import document, validator  # noqa: F401  (fixture)


def test_the_body_is_a_list_of_typed_blocks_in_order(api, db):
    article = rich_article(paragraphs=2, images=1, quotes=1, embeds=1)
    body = api("article", slug=article.slug).data["body"]
    assert [block["type"] for block in body] == ["text", "image", "text", "quote", "embed", "aside"]
    text, image, _, quote, embed, aside = body
    assert text == {"type": "text", "html": "<p>Paragraph 0 of the story.</p>"}
    assert image["size"] == "inline"
    assert image["image"]["caption"] == "Our own caption"
    assert image["image"]["alt"] == "Boats in the harbour at dawn"
    assert image["image"]["src"].startswith("http://testserver/")
    assert {r["format"] for r in image["image"]["renditions"]} >= {"webp"}
    assert quote["speaker"] == "Artyom Shraibman" and quote["person"].startswith("person-number")
    assert embed == {"type": "embed", "url": YOUTUBE, "provider": "youtube"}
    assert aside == {"type": "aside", "title": "Key facts", "html": "<ul><li><p>One fact</p></li></ul>"}


def test_every_block_type_is_described_and_the_body_matches_its_schema(api, db, document):  # noqa: F811
    article = rich_article(paragraphs=2, images=1, quotes=1, embeds=1)
    data = api("article", slug=article.slug).data
    validator(document, "Article").validate(data)
    schemas = document["components"]["schemas"]
    mapping = schemas["Article"]["properties"]["body"]["items"]["discriminator"]["mapping"]
    assert set(mapping) == set(BLOCK_TYPES) == {"text", "image", "quote", "embed", "aside"}
    for kind, name in BLOCK_TYPES.items():
        assert schemas[name]["properties"]["type"] == {"const": kind}
        validator(document, name).validate(next(b for b in data["body"] if b["type"] == kind))
