"""Export the site's published articles as JSON files in the API's shape, with their pictures.

``export_articles(directory)`` writes ``<slug>.json`` for each published article (what
``GET /api/articles/<slug>/`` gives, addresses relative to the site) and each picture of its
body once into ``images/``, the image block's ``src`` naming that file relative to the JSON.
``import_document DIR --publish`` on another site reads the directory back.
"""

import json
import shutil
from pathlib import Path, PurePath

from django.utils import timezone

from images.serialize import image_data

from .bodyjson import blocks_data
from .models import Article
from .reports import article_data, corrections_data

PICTURES = "images"


def _iso(value) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def picture_file(image) -> str:
    return f"{PICTURES}/{PurePath(image.file.name).name}"


def picture_json(image, **overrides) -> dict | None:
    """The API's image object, ``src`` naming the exported file."""
    if image is None:
        return None
    return {**image_data(image), **overrides, "src": picture_file(image)}


def pictures(article: Article) -> list:
    """Every picture of the article the export writes: lead, related links' own, body's."""
    found = [article.lead_image, *(link.image for link in article.related_links.all())]
    return [image for image in [*found, *(b.image for b in article.blocks.all())] if image is not None]


def article_json(article: Article) -> dict:
    """The API's article object, with the pictures named by their exported files."""
    body = blocks_data(article.blocks.all())
    for data, block in zip(body, article.blocks.all(), strict=True):
        if data["type"] == "image" and data["image"] is not None:
            data["image"]["src"] = picture_file(block.image)
    data = article_data(article, public=True)
    # A link's own picture (the API shows a linked article's lead picture instead, when it has one).
    data["related"] = [
        {**item, "image": picture_json(link.image)}
        for item, link in zip(data["related"], article.related_links.all(), strict=True)
    ]
    return {
        **data,
        "lead_image": picture_json(article.lead_image, caption=article.lead_caption)
        if article.lead_image
        else None,
        "url": article.get_absolute_url(),
        "published_at": _iso(article.published_at),
        "updated_at": _iso(article.updated_at),
        "section": section_json(article),
        "corrections": corrections_data(article),
        "body": body,
    }


def section_json(article: Article) -> dict | None:
    """The API's section object, its address relative (the site the file goes to is not known)."""
    section = article.section
    if section is None:
        return None
    parent = section.parent.slug if section.parent_id else None
    return {"name": section.name, "slug": section.slug, "url": section.get_absolute_url(), "parent": parent}


def export_articles(directory: Path) -> list[Path]:
    """Write every published article into ``directory``; returns the JSON files written."""
    (directory / PICTURES).mkdir(parents=True, exist_ok=True)
    written = []
    for article in (
        Article.objects.published().for_page().order_by("published_at", "pk").iterator(chunk_size=100)
    ):
        for image in pictures(article):
            target = directory / picture_file(image)
            if not target.exists():
                with image.file.open("rb") as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out)
        path = directory / f"{article.slug}.json"
        path.write_text(
            json.dumps(article_json(article), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
