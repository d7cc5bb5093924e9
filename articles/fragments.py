"""The article page's own parts, rendered once per change of the content.

An article's metadata (OpenGraph, JSON-LD) and its content (body, tags,
people, quotes, related links, "more on this story") change only when some
content changes, and each change moves the content version on
(``newsroom.versions``). They are kept in the cache as template fragments
(``{% cache %}`` in ``articles/article_detail.html``) keyed by the article, the
content version, the release, the address the page was asked at and whether it
is a preview: a change makes every copy stale at once, as with whole pages.

This serves what the page cache cannot: a page asked with a parameter it did not
declare (rendered, not stored), a copy evicted, every page after a change. The
view asks first whether both fragments are there; only when one is not does it
read the article's relations (``page_prefetches``), so a page whose parts are
kept costs the article's own row and the version.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from newsroom.cache import content_version, release

FRAGMENTS = ("article-meta", "article-content")


def vary_on(request, article, *, preview: bool) -> list:
    """What the fragments of ``article``'s page are keyed by (the template's ``fragment_vary``)."""
    version = getattr(request, "content_version", None) or content_version()  # read once a request
    return [article.pk, version, release(), request.scheme, request.get_host(), preview]


def are_cached(vary: list) -> bool:
    """Whether every fragment of the page is in the cache (one round trip)."""
    if not settings.NEWSROOM_FRAGMENT_CACHE_SECONDS:
        return False
    keys = [make_template_fragment_key(name, [vary]) for name in FRAGMENTS]
    return len(cache.get_many(keys)) == len(keys)
