"""Pictures as data: the JSON API's image object, and the crops structured data points at.

The API object (``DESIGN.md``, "JSON API")::

    {"alt", "caption", "credit", "width", "height", "src",
     "renditions": [{"url", "width", "format"}]}

``width`` and ``height`` are the picture's own; ``src`` is the fallback (JPEG/PNG) rendition
nearest ``DEFAULT_SRC_WIDTH``, or the stored picture while renditions are being made;
``renditions`` lists the whole picture's renditions, narrowest first, WebP and fallback.
"""

from dataclasses import dataclass

from .models import Image
from .renditions import DEFAULT_SRC_WIDTH, ORIGINAL, SHARE_CROPS, SHARE_WIDTH, WEBP, Rendition, renditions


def absolute(url: str, request=None) -> str:
    return request.build_absolute_uri(url) if request is not None and url else url


def default_fallback(found: list[Rendition]) -> Rendition | None:
    """The fallback rendition nearest the default width (the widest below it, else the narrowest)."""
    fallbacks = [r for r in found if r.format != WEBP]
    if not fallbacks:
        return None
    below = [r for r in fallbacks if r.width <= DEFAULT_SRC_WIDTH]
    return below[-1] if below else fallbacks[0]


def image_data(image: Image, *, request=None) -> dict:
    """The API's image object; absolute URLs when given the request."""
    found = renditions(image, ORIGINAL)
    src = default_fallback(found)
    return {
        "alt": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "src": absolute(src.url if src else image.file.url, request),
        "renditions": [
            {"url": absolute(r.url, request), "width": r.width, "format": r.format} for r in found
        ],
    }


@dataclass(frozen=True)
class Crop:
    url: str
    width: int
    height: int
    mime_type: str


def share_crops(image: Image, *, request=None) -> dict[str, Crop]:
    """The 16:9, 4:3 and 1:1 share crops (``{"16:9": Crop, ...}``) for OpenGraph, the Twitter card
    and JSON-LD; empty while the renditions are being made."""
    crops = {}
    for shape in SHARE_CROPS:
        found = [r for r in renditions(image, shape) if r.format != WEBP]
        if found:
            # The share width, or the widest the picture allows.
            best = min(found, key=lambda r: (abs(r.width - SHARE_WIDTH), -r.width))
            crops[shape] = Crop(absolute(best.url, request), best.width, best.height, best.mime_type)
    return crops


def structured_data_urls(image: Image, *, request) -> list[str]:
    """JSON-LD ``image``: the 16:9, 4:3 and 1:1 crops, as Google asks, absolute."""
    return [crop.url for crop in share_crops(image, request=request).values()]


def thumbnail_url(image: Image, *, width: int = 160) -> str:
    """A WebP at least ``width`` wide (or the widest), for lists, choosers and the admin's preview;
    the stored picture while renditions are being made."""
    found = [r for r in renditions(image, ORIGINAL) if r.format == WEBP]
    if not found:
        return image.file.url
    wide_enough = [r for r in found if r.width >= width]
    return (wide_enough[0] if wide_enough else found[-1]).url
