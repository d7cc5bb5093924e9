"""``reverse()`` remembered: the address of a page by a slug, worked out once per process.

A listing of twenty articles reverses forty addresses or more (each article's,
each author's), every render, each through the resolver's pattern matching.
The address a (URL configuration, script prefix, view name, slug) gives never
changes while the process runs, so it is remembered, per process (nothing here
needs sharing between app servers). ``get_absolute_url`` methods use it, so
every address still comes from ``reverse()``.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def slug_url(viewname: str, slug: str) -> str:
    """``reverse(viewname, kwargs={"slug": slug})``, remembered."""
    return _reverse(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), viewname, slug)


@lru_cache(maxsize=50_000)
def _reverse(urlconf: str, prefix: str, viewname: str, slug: str) -> str:
    return reverse(viewname, urlconf=urlconf, kwargs={"slug": slug})
