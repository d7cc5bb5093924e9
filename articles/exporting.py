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

from .bodyjson import blocks_data
from .models import Article
from .reports import article_data

PICTURES = "images"


def _iso(value) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def article_json(article: Article) -> dict:
    """The API's article object, with the body's pictures named by their exported files."""
    body = blocks_data(article.blocks.all())
    for data, block in zip(body, article.blocks.all(), strict=True):
        if data["type"] == "image" and data["image"] is not None:
            data["image"]["src"] = f"{PICTURES}/{PurePath(block.image.file.name).name}"
    return {
        **article_data(article, public=True),
        "url": article.get_absolute_url(),
        "published_at": _iso(article.published_at),
        "updated_at": _iso(article.updated_at),
        "body": body,
    }


def export_articles(directory: Path) -> list[Path]:
    """Write every published article into ``directory``; returns the JSON files written."""
    (directory / PICTURES).mkdir(parents=True, exist_ok=True)
    written = []
    for article in (
        Article.objects.published().for_page().order_by("published_at", "pk").iterator(chunk_size=100)
    ):
        for block in article.blocks.all():
            if block.image is not None:
                target = directory / PICTURES / PurePath(block.image.file.name).name
                if not target.exists():
                    with block.image.file.open("rb") as source, target.open("wb") as out:
                        shutil.copyfileobj(source, out)
        path = directory / f"{article.slug}.json"
        path.write_text(
            json.dumps(article_json(article), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
