"""Readers' pages from a cache that is never stale, and never needed.

The public API, used by every app:

``reader_page(view, *, params=None, fresh_for=None)``
    Wraps a view that every reader sees the same way (pages, feeds, sitemaps,
    the API). ``params`` maps each query parameter the view reads to what it may
    hold to be cached (``PAGE``, ``NUMBER``, ``CURSOR``, ``SLUG``, or ``TEXT``: never cached);
    a request with any other parameter (but tracking ones) is rendered, not stored.
    ``fresh_for`` (seconds) bounds how long a page whose content changes with time
    alone (the news sitemap's two days) is kept.
``bump_content_version()``
    Every cached page is stale once the current transaction commits (at once
    outside one). Saves of content models call it through their receivers;
    writes that send no signals call it themselves.
``content_version()``
    The current version's token, for fragment caches keyed by it.
``set_schedule(next_change)``
    Tells the version when pages next change by themselves (articles: the next
    scheduled publication).

How a GET is served (requests with a session cookie skip all of this: they are
rendered, and marked private):

1. The page is a function of its key: the scheme, host, path and the declared
   parameters, sorted, each value checked (a deep page, free text or a repeated
   parameter is rendered but not stored). Tracking parameters (``utm_source``,
   ``fbclid``…) are dropped before the view sees them, so they share the page; any
   other parameter the view did not declare makes the request rendered as asked
   and not stored. Junk can neither grow the cache nor change what it holds.
2. One cache round trip fetches the page's entry and, with a shared cache, the
   version (``newsroom.versions``); without one, the version is one query. With
   Redis, the process's own copies of both serve instead while Redis announces
   every change of the version (``newsroom.local_copies``): no round trip.
3. An entry rendered under the current version is served: compressed copies
   are stored in it, and a client's copy with the same ETag gets a 304.
4. Otherwise the page is rendered and stored in place of the old entry: one
   entry per URL, kept ``NEWSROOM_PAGE_CACHE_SECONDS`` after its last render,
   holding the version it was rendered under, its ETag (a hash of the body, so a
   page that did not change keeps it across versions), Last-Modified, headers
   and bodies.
5. When the database is unreachable, the entry is served whatever its version
   (stale-if-error); with no entry the error reaches ``newsroom.views`` (503).

Responses tell browsers to revalidate every time (``max-age=0``: after an
unpublish the next look is a miss, never a stale copy) and a CDN that it may
keep a page for ``NEWSROOM_CDN_SECONDS`` and serve it while it revalidates or
while the site is down.
"""

import gzip
import hashlib
import re
import threading
import time
from dataclasses import dataclass
from functools import partial, wraps
from typing import NamedTuple

import brotli
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection, transaction
from django.http import HttpResponse, QueryDict
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from . import compression, versions
from .local_copies import copies
from .releases import release
from .versions import set_schedule

__all__ = [
    *("CURSOR", "NUMBER"),
    "PAGE",
    "SLUG",
    "TEXT",
    "Param",
    "bump_content_version",
    "content_version",
    "reader_page",
    "set_schedule",
]

# The errors that mean the database cannot be reached (not a bug in a query).
DATABASE_DOWN = (OperationalError, InterfaceError)
# Pages past this number are rendered, not stored: few read them, they would grow the cache.
MAX_CACHED_PAGE = 100
# What a CDN may do with a public page after s-maxage (RFC 5861), in seconds.
CDN_STALE_WHILE_REVALIDATE = 60
CDN_STALE_IF_ERROR = 24 * 60 * 60
PROCESS_STARTED = int(time.time())


@dataclass(frozen=True)
class Param:
    """What a query parameter may hold for the request to be cached (``pattern``; None: never).

    A value equal to ``default`` is left out of the key (``?page=1`` is the first page).
    """

    pattern: re.Pattern | None
    default: str | None = None

    def key_part(self, value: str) -> str | None:
        """ "" when the value is the default, None when the request may not be cached."""
        if self.pattern is None or not self.pattern.fullmatch(value):
            return None
        return "" if value == self.default else value


# Parameters that links carry for analytics; no page reads them.
TRACKING = re.compile(r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_gl|ref_src")

PAGE = Param(re.compile(rf"[1-9][0-9]?|{MAX_CACHED_PAGE}"), default="1")
NUMBER = Param(re.compile(r"[1-9][0-9]?"))
CURSOR = Param(re.compile(r"[1-9][0-9]{0,17}"))
SLUG = Param(re.compile(r"[-\w]{1,100}"))
TEXT = Param(None)


def bump_content_version() -> None:
    """Every cached page is stale once the current transaction commits (at once outside one).

    Called many times in one transaction (each saved row's receiver), it bumps once.
    """
    if not connection.in_atomic_block:
        versions.bump()
        return
    pending = getattr(_pending, "bump", None)
    if pending is None or pending.done:
        pending = _pending.bump = _PendingBump()
    # Robust: the change itself has committed; a failed bump is logged, not shown as a failed save.
    transaction.on_commit(pending, robust=True)


class _PendingBump:
    """The bump that the callbacks of one transaction share: the first to run does it."""

    __slots__ = ("done",)

    def __init__(self):
        self.done = False

    def __call__(self):
        if not self.done:
            self.done = True
            versions.bump_after_commit()


# The pending bump of this thread's transaction (each thread has its own database connection).
_pending = threading.local()


def content_version() -> str:
    """The current content version's token: it changes whenever readers' pages may."""
    if versions.is_shared():
        return versions.current(cached=versions.from_cached(cache.get(versions.SHARED_KEY))).token
    return versions.current().token


class Entry(NamedTuple):
    """One cached page, as stored (a tuple pickles small and fast)."""

    version: str
    rendered_at: int  # µs since the epoch
    etag: str
    last_modified: int  # seconds since the epoch (of the change that last changed this body)
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes | None  # None when ``encoded`` holds it compressed
    encoded: dict[str, bytes]  # encoding -> body


def reader_page(view=None, *, params: dict[str, Param] | None = None, fresh_for: int | None = None):
    """Serve ``view`` through the page cache (see the module docstring)."""
    if view is None:
        return partial(reader_page, params=params, fresh_for=fresh_for)
    declared = dict(params or {})

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return private(view(request, *args, **kwargs))
        return serve(request, partial(view, request, *args, **kwargs), declared, fresh_for)

    return wrapped


def private(response):
    """Responses for a signed-in member of staff: theirs alone, never kept by a shared cache."""
    cache_control = response.get("Cache-Control", "")
    if "no-store" not in cache_control and "no-cache" not in cache_control:
        patch_cache_control(response, private=True, max_age=0)
    return response


def serve(request, render, declared: dict[str, Param], fresh_for: int | None):
    request.GET, key_suffix = normalise(request.GET, declared)
    # No session cookie: nobody is signed in. Saying so keeps the session (and a
    # "Vary: Cookie" that would stop CDNs from sharing the page) out of it.
    request.user = AnonymousUser()
    key = None
    if key_suffix is not None and settings.NEWSROOM_PAGE_CACHE_SECONDS:
        key = page_key(request, key_suffix)
    version, entry = look_up(key) if key else (None, None)
    request.content_version = version.token if version else None  # the view's kept parts key by it
    current = entry is not None and version is not None and entry.version == version.token
    if current and (fresh_for is None or versions.now_us() - entry.rendered_at < fresh_for * 1_000_000):
        return respond(request, entry, "hit")
    if version is None and entry is not None:
        return respond(request, entry, "stale")
    try:
        response = render()
        if callable(getattr(response, "render", None)) and not response.is_rendered:
            response.render()  # inside the try: a template's lazy querysets run now
    except DATABASE_DOWN:
        if entry is not None:
            return respond(request, entry, "stale")
        raise
    if not is_public(request, response):
        return response
    if key is not None and version is not None and versions.now_us() >= version.changed_at:
        # (A clock behind the version's would render a scheduled article as not yet live.)
        entry = make_entry(response, version, previous=entry)
        cache.set(key, entry, settings.NEWSROOM_PAGE_CACHE_SECONDS)
        if versions.is_shared():
            copies.keep(key, entry)
        return respond(request, entry, "miss")
    etag = make_etag(response.content)
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = public_cache_control()
    response.headers["X-Page-Cache"] = "uncached"
    return get_conditional_response(request, etag=etag, response=response)


def normalise(query: QueryDict, declared: dict[str, Param]) -> tuple[QueryDict, str | None]:
    """The query the view sees and its part of the key (None: not cached)."""
    if any(name not in declared and not TRACKING.fullmatch(name) for name in query):
        return query, None  # a parameter this page did not declare: rendered as asked
    kept = QueryDict(mutable=True)
    parts = []
    cacheable = True
    for name in sorted(declared.keys() & query.keys()):
        values = query.getlist(name)
        kept.setlist(name, values)
        if len(values) > 1:
            cacheable = False
        elif values[0] != "":  # an empty value reads as an absent one
            part = declared[name].key_part(values[0])
            if part is None:
                cacheable = False
            elif part:
                parts.append(f"{name}={part}")
    kept._mutable = False
    return kept, "&".join(parts) if cacheable else None


def page_key(request, key_suffix: str) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.path}?{key_suffix}"
    return f"newsroom:page:{release()}:{hashlib.blake2b(address.encode(), digest_size=16).hexdigest()}"


def look_up(key: str | None) -> tuple[versions.Version | None, Entry | None]:
    """The current version (None: the database is unreachable) and the page's entry, if any."""
    cached_version = entry = None
    fetched = True
    if versions.is_shared():
        # Between announcements this process's own copies serve (newsroom.local_copies).
        if (cached_version := copies.trusted_version()) is not None:
            fetched = False
            entry = copies.page(key, cached_version.token) if key else None
            if entry is None and key:
                entry = cache.get(key)
        else:
            found = cache.get_many([versions.SHARED_KEY, key] if key else [versions.SHARED_KEY])
            cached_version = versions.from_cached(found.get(versions.SHARED_KEY))
            entry = found.get(key)
        if isinstance(entry, Entry):
            copies.keep(key, entry)
    elif key:
        entry = cache.get(key)
    try:
        version = versions.current(cached=cached_version)
    except DATABASE_DOWN:
        version = None
    if fetched and version is not None and versions.is_shared():
        copies.remember(version)
    return version, entry if isinstance(entry, Entry) else None


def is_public(request, response) -> bool:
    """Whether the response is the same for every reader, and so may be shared and stored."""
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META  # the body holds this reader's token
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


# Headers the entry sets itself, or that belong to one response only.
OWN_HEADERS = {
    *("cache-control", "content-encoding", "content-length", "etag", "expires", "last-modified", "date"),
}


def make_entry(response, version: versions.Version, *, previous: Entry | None) -> Entry:
    body = response.content
    etag = make_etag(body)
    rendered_at = versions.now_us()
    if previous is not None and previous.etag == etag:
        # It came out the same under a new version: it has not changed since then.
        last_modified = previous.last_modified
    else:
        # The second after the change that made this version: a copy rendered before the
        # change (in the same second) was never dated that late. And no earlier than this
        # process started, as pages rendered by the code deployed before were.
        last_modified = max(version.changed_at // 1_000_000 + 1, PROCESS_STARTED)
    encoded = compression.variants(body) if compression.compressible(response) else {}
    headers = [(name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS]
    if encoded:
        vary = [value for name, value in headers if name.lower() == "vary"]
        headers = [(name, value) for name, value in headers if name.lower() != "vary"]
        headers.append(("Vary", ", ".join([*vary, "Accept-Encoding"])))
    return Entry(
        version=version.token,
        rendered_at=rendered_at,
        etag=etag,
        last_modified=last_modified,
        status=response.status_code,
        headers=tuple(headers),
        body=None if encoded else body,
        encoded=encoded,
    )


def respond(request, entry: Entry, state: str):
    last_modified = entry.last_modified
    if last_modified > time.time():
        last_modified = None  # its second has not come yet: no date may be later than now
    # The headers first: a client whose copy is current gets a 304 before any body is chosen.
    response = HttpResponse(status=entry.status)
    headers = response.headers
    for name, value in entry.headers:
        headers[name] = value
    headers["ETag"] = entry.etag
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    headers["Cache-Control"] = public_cache_control()
    headers["X-Page-Cache"] = state
    answer = get_conditional_response(
        request, etag=entry.etag, last_modified=last_modified, response=response
    )
    if answer is not response:
        answer.headers["X-Page-Cache"] = state
        return answer
    encoding = None
    if entry.encoded:
        encoding = compression.negotiate(request.META.get("HTTP_ACCEPT_ENCODING", ""), tuple(entry.encoded))
    if encoding:
        body = entry.encoded[encoding]
        headers["Content-Encoding"] = encoding
    elif entry.body is not None:
        body = entry.body
    elif "gzip" in entry.encoded:
        body = gzip.decompress(entry.encoded["gzip"])
    else:
        body = brotli.decompress(entry.encoded["br"])
    response.content = body
    headers["Content-Length"] = str(len(body))
    return response


def make_etag(body: bytes) -> str:
    # Weak: the same validator stands for the identity, gzip and brotli bodies.
    return f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'


def public_cache_control() -> str:
    return (
        f"public, max-age=0, s-maxage={settings.NEWSROOM_CDN_SECONDS}, "
        f"stale-while-revalidate={CDN_STALE_WHILE_REVALIDATE}, stale-if-error={CDN_STALE_IF_ERROR}"
    )
