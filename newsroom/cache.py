"""Server-side page caching that never outlives a change to the content.

Every change to an article (or anything shown with it) bumps one "content
version" in the shared cache; cached pages are keyed by that version, so an
unpublished article disappears from every cached page at once, on every app
server, without tracking which pages showed it.
"""

from functools import wraps

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


def cache_page_until_changed(timeout: int, *, browser_max_age: int = 60):
    """``cache_page`` keyed by the content version; browsers and CDNs keep a copy briefly."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            cached_view = cache_page(timeout, key_prefix=f"content-{content_version()}")(view)
            response = cached_view(request, *args, **kwargs)
            patch_cache_control(response, public=True, max_age=browser_max_age)
            return response

        return wrapped

    return decorator
