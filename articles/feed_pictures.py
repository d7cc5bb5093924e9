"""Lead pictures in the feeds: Media RSS ``media:content`` and an ``enclosure`` in RSS, and a
``link rel="enclosure"`` in Atom.

Feed readers show one picture an item, at about a column's width: each item carries the lead
picture's JPEG/PNG rendition nearest ``FEED_PICTURE_WIDTH`` (readers that know WebP are not
all readers). RSS and Atom enclosures need the file's length, which costs one storage call an
item; feeds are cached pages (``newsroom.cache``), so it is paid once a content change.
While renditions are being made the stored picture stands in.
"""

from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from images.renditions import ORIGINAL, WEBP, renditions

MEDIA_RSS = "http://search.yahoo.com/mrss/"
FEED_PICTURE_WIDTH = 960


def feed_picture(image, request) -> dict | None:
    """The picture a feed item carries: absolute URL, size, type, length, alt text, caption, credit."""
    if image is None or not image.file:
        return None
    storage = image.file.storage
    fallbacks = [r for r in renditions(image, ORIGINAL) if r.format != WEBP]
    if fallbacks:
        chosen = min(fallbacks, key=lambda r: (abs(r.width - FEED_PICTURE_WIDTH), -r.width))
        url, width, height, mime_type = chosen.url, chosen.width, chosen.height, chosen.mime_type
        prefix = storage.url("")
        name = url[len(prefix) :] if prefix and url.startswith(prefix) else ""
    else:
        url, width, height, name = image.file.url, image.width, image.height, image.file.name
        mime_type = STORED_TYPES.get(name.rsplit(".", 1)[-1].lower(), "image/jpeg")
    return {
        "url": request.build_absolute_uri(url),
        "width": width,
        "height": height,
        "type": mime_type,
        "length": _length(storage, name),
        "alt": image.alt_text,
        "caption": image.caption,
        "credit": image.credit,
    }


STORED_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}


def _length(storage, name: str) -> str:
    """The file's size in bytes ("0" when the storage cannot say, as feed readers accept)."""
    try:
        return str(storage.size(name)) if name else "0"
    except (OSError, NotImplementedError):
        return "0"


class PictureFeedMixin:
    """For a ``Feed`` whose items are articles read through ``for_listing()`` (the picture joined in)."""

    def item_picture(self, item) -> dict | None:
        # Asked for twice an item (Media RSS and the enclosure): worked out once, on the item.
        if not hasattr(item, "feed_picture"):
            item.feed_picture = feed_picture(item.lead_image, self.request)
        return item.feed_picture

    def item_extra_kwargs(self, item):
        return {**super().item_extra_kwargs(item), "picture": self.item_picture(item)}

    def item_enclosures(self, item):
        picture = self.item_picture(item)
        if picture is None:
            return []
        return [Enclosure(picture["url"], picture["length"], picture["type"])]


class PictureRssFeed(Rss201rev2Feed):
    """RSS 2.0 with Media RSS: each item's picture with its size, alt text, caption and credit."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        picture = item.get("picture")
        if not picture:
            return
        attributes = {
            "url": picture["url"],
            "type": picture["type"],
            "medium": "image",
            "width": str(picture["width"]),
            "height": str(picture["height"]),
        }
        handler.startElement("media:content", attributes)
        if picture["alt"]:
            handler.addQuickElement("media:description", picture["alt"], {"type": "plain"})
        if picture["caption"]:
            handler.addQuickElement("media:title", picture["caption"], {"type": "plain"})
        if picture["credit"]:
            handler.addQuickElement("media:credit", picture["credit"])
        handler.endElement("media:content")


class PictureAtomFeed(Atom1Feed):
    """Atom: the picture as the item's ``link rel="enclosure"`` (Atom 1.0 has no Media RSS need)."""
