"""The body as data: the API's block objects, their JSON Schema, and blocks made from such data.

One shape, three users: ``GET /api/articles/<slug>/`` gives ``body`` as ``blocks_data``; the
OpenAPI document describes it with ``BLOCK_SCHEMAS``; ``import_document`` and
``export_articles`` read and write the same objects (``blocks_from_data``), so what the API
gives is what the import takes. Block objects::

    {"type": "text", "html": "<p>…</p>"}
    {"type": "image", "image": {"alt", "caption", "credit", "width", "height", "src",
                                "renditions": [{"url", "width", "format"}]}, "size": "inline"}
    {"type": "quote", "speaker": "…", "text": "…", "person": "slug" | null}
    {"type": "embed", "url": "https://…", "provider": "youtube"}
    {"type": "aside", "title": "…", "html": "<p>…</p>"}

An image block's ``caption`` is the one readers see (this use's, else the library's).
"""

from collections.abc import Callable, Iterable

from images.models import Image
from images.serialize import image_data

from . import embeds
from .models import BodyBlock
from .sanitise import ALLOWED_TAGS


def block_data(block: BodyBlock, *, request=None) -> dict:
    kind = block.kind
    if kind == BodyBlock.Kind.TEXT:
        return {"type": "text", "html": block.html}
    if kind == BodyBlock.Kind.IMAGE:
        image = image_data(block.image, request=request) if block.image else None
        if image is not None:
            image["caption"] = block.shown_caption
        return {"type": "image", "image": image, "size": block.size}
    if kind == BodyBlock.Kind.QUOTE:
        person = block.person.slug if block.person else None
        return {"type": "quote", "speaker": block.speaker, "text": block.text, "person": person}
    if kind == BodyBlock.Kind.EMBED:
        return {"type": "embed", "url": block.url, "provider": embeds.provider_key(block.url)}
    return {"type": "aside", "title": block.title, "html": block.html}


def blocks_data(blocks: Iterable[BodyBlock], *, request=None) -> list[dict]:
    """The body's blocks as the API gives them, in order (reads prefetched blocks with no query)."""
    return [block_data(block, request=request) for block in blocks]


def _string(description: str = "", **extra) -> dict:
    return {"type": "string", **({"description": description} if description else {}), **extra}


def _obj(properties: dict, description: str) -> dict:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


HTML = _string(f"Sanitised HTML: only {', '.join(sorted(ALLOWED_TAGS))}; links keep href and title.")
IMAGE_SCHEMA = _obj(
    {
        "alt": _string("What the picture shows, for readers who cannot see it."),
        "caption": _string("Shown under the picture in this article."),
        "credit": _string(),
        "width": {"type": "integer", "minimum": 1},
        "height": {"type": "integer", "minimum": 1},
        "src": _string(
            "The picture: a URL in the API; in an exported or imported JSON file, the path of the "
            "picture's file relative to the JSON file."
        ),
        "renditions": {
            "type": "array",
            "items": _obj(
                {"url": _string(), "width": {"type": "integer", "minimum": 1}, "format": _string()},
                "A rendition of the picture.",
            ),
        },
    },
    "A picture of the image library.",
)
BLOCK_SCHEMAS: dict[str, dict] = {
    "TextBlock": _obj(
        {"type": {"const": "text"}, "html": HTML}, "Rich text: paragraphs, subheadings, lists."
    ),
    "ImageBlock": _obj(
        {
            "type": {"const": "image"},
            "image": {"oneOf": [{"$ref": "#/components/schemas/Image"}, {"type": "null"}]},
            "size": {"enum": [size.value for size in BodyBlock.Size]},
        },
        "A picture from the library, as wide as ``size`` says.",
    ),
    "QuoteBlock": _obj(
        {
            "type": {"const": "quote"},
            "speaker": _string("Who said it."),
            "text": _string("The words, without quotation marks."),
            "person": {"type": ["string", "null"], "description": "Slug of the speaker's person page."},
        },
        "A pull quote.",
    ),
    "EmbedBlock": _obj(
        {
            "type": {"const": "embed"},
            "url": _string("The post, video or chart's address.", format="uri"),
            "provider": {"enum": [provider.key for provider in embeds.PROVIDERS]},
        },
        f"A post, video or chart from one of: {embeds.supported_providers()}.",
    ),
    "AsideBlock": _obj({"type": {"const": "aside"}, "title": _string(), "html": HTML}, "A fact box."),
}
BLOCK_TYPES = {schema["properties"]["type"]["const"]: name for name, schema in BLOCK_SCHEMAS.items()}
BODY_SCHEMA = {
    "type": "array",
    "description": "The story body: its blocks in order, each with a `type`.",
    "items": {
        "oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in BLOCK_SCHEMAS],
        "discriminator": {
            "propertyName": "type",
            "mapping": {kind: f"#/components/schemas/{name}" for kind, name in BLOCK_TYPES.items()},
        },
    },
}
SCHEMAS = {"Image": IMAGE_SCHEMA, **BLOCK_SCHEMAS}


def blocks_from_data(
    items: list[dict], *, image_for: Callable[[dict, int], Image | None], person_for: Callable[[str], object]
) -> list[BodyBlock]:
    """Unsaved blocks from validated block objects; ``image_for(image_object, index)`` finds or
    adds the picture, ``person_for(slug)`` the speaker's person (or None)."""
    blocks = []
    for position, item in enumerate(items):
        kind = item["type"]
        block = BodyBlock(kind=kind, position=position)
        if kind in ("text", "aside"):
            block.html = item["html"]
            block.title = item.get("title", "")
        elif kind == "image":
            image = image_for(item["image"], position) if item["image"] else None
            block.image, block.size = image, item["size"]
            caption = (item["image"] or {}).get("caption", "")
            block.caption = "" if image is not None and caption == image.caption else caption
        elif kind == "quote":
            block.speaker, block.text = item["speaker"], item["text"]
            block.person = person_for(item["person"]) if item["person"] else None  # type: ignore[assignment]
        else:
            block.url = item["url"]
        blocks.append(block)
    return blocks
