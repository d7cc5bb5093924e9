"""Server-side page caching that never outlives a change to the content.

Every change to an article (or anything shown with it) bumps one "content
version" in the shared cache; cached pages are keyed by that version, so an
unpublished article disappears from every cached page at once, on every app
server, without tracking which pages showed it.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_page

VERSION_KEY = "newsroom:content-version"


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, 2, timeout=None)


def cache_page_until_changed(timeout: int | None, *, browser_max_age: int = 60):
    """``cache_page`` keyed by the content version; browsers and CDNs keep a copy briefly.

    ``timeout=None`` reads ``NEWSROOM_PAGE_CACHE_SECONDS`` at request time (0 turns caching off).
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS if timeout is None else timeout
            cached_view = cache_page(seconds, key_prefix=f"content-{content_version()}")(view)
            response = cached_view(request, *args, **kwargs)
            # cache_page told browsers to keep it for ``timeout``; a minute is enough for them.
            # Private responses (previews) stay private and uncached.
            cache_control = response.get("Cache-Control", "")
            if "private" not in cache_control and "no-cache" not in cache_control:
                patch_cache_control(response, public=True, max_age=browser_max_age)
            return response

        return wrapped

    return decorator


# Readers' pages are cached until the content changes, and for at most
# NEWSROOM_PAGE_CACHE_SECONDS (a minute by default), so that a scheduled article
# shows up in lists soon after it goes live.
reader_page = cache_page_until_changed(None)
