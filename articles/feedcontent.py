"""Feeds carry the whole story: RSS ``content:encoded`` and Atom ``content``, HTML with absolute links.

The HTML is the article page's body (``includes/body.html``), rendered for a feed reader: embeds
stay links to the original (no script), and every relative address (links, pictures, their
``srcset``) is made absolute, since a reader shows the HTML away from the site.
"""

import re

from django.template.loader import render_to_string

from .feed_pictures import PictureAtomFeed, PictureRssFeed
from .models import Article

CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
_RELATIVE = re.compile(r'(\s(?:href|src)=")(/[^/"][^"]*|/)"')
_SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


def absolute_links(html: str, base: str) -> str:
    """``html`` with its site-relative ``href``, ``src`` and ``srcset`` addresses made absolute."""
    html = _RELATIVE.sub(lambda m: f'{m.group(1)}{base}{m.group(2)}"', html)

    def srcset(match):
        candidates = [c.strip() for c in match.group(2).split(",")]
        fixed = [f"{base}{c}" if c.startswith("/") and not c.startswith("//") else c for c in candidates]
        return f'{match.group(1)}{", ".join(fixed)}"'

    return _SRCSET.sub(srcset, html)


def body_html(article: Article, request) -> str:
    """The article's body as a feed reader gets it (expects ``blocks`` prefetched)."""
    html = render_to_string("includes/body.html", {"article": article, "for_feed": True})
    return absolute_links(html.strip(), request.build_absolute_uri("/").rstrip("/"))


class ContentRssFeed(PictureRssFeed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class ContentAtomFeed(PictureAtomFeed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
