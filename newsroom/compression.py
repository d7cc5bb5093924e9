"""Compressed responses: brotli when the client accepts it, gzip otherwise.

Django's own ``GZipMiddleware`` does gzip (with its "Heal the BREACH" length
padding); brotli (Google's bindings) is added for the clients that accept it,
about a fifth smaller again on our pages. The page cache stores both encodings
of a page once, made with ``variants``, so a cached page is never compressed
twice.

BREACH: an attacker who can make a victim's browser send requests that reflect
chosen text, and can see the sizes of the encrypted responses, can recover a
secret in the same compressed body byte by byte. Readers' pages hold no secret:
they are the same for everyone, and are compressed. Responses that may hold
one are sent uncompressed: every response that used the CSRF token (forms, the
admin's sign-in), every response to a request that carries a session cookie
(staff), and every response marked private or no-store (the admin, previews,
preview links). They are few and small; their bytes on the wire do not matter.
"""

import re

import brotli
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

# Responses shorter than this are sent as they are: compression would save next to nothing.
MIN_LENGTH = 200
# Brotli's quality for responses compressed on the fly (fast, and already smaller than gzip),
# and for the page cache's copies, made once per page and content version.
BROTLI_QUALITY = 5
STORED_BROTLI_QUALITY = 9
# Gzip's random padding of the file name field, as Django's GZipMiddleware does (Heal the BREACH).
GZIP_RANDOM_BYTES = GZipMiddleware.max_random_bytes
# Content types worth compressing: text, JSON, XML (feeds, sitemaps), scripts and SVG.
COMPRESSIBLE = re.compile(
    r"\s*(text/|application/(json|xml|javascript|[\w.+-]+\+(json|xml))|image/svg\+xml)", re.IGNORECASE
)
ENCODINGS = ("br", "gzip")


def negotiate(accept_encoding: str, available=ENCODINGS) -> str | None:
    """The encoding to send for this Accept-Encoding header: "br", "gzip", or None for none.

    Honours q-values (``br;q=0`` refuses brotli) and ``*``; prefers brotli when
    the client likes both equally.
    """
    weights = {}
    for part in accept_encoding[:400].lower().split(","):
        name, _, params = part.partition(";")
        weight = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                weight = float(params[2:])
            except ValueError:
                weight = 0.0
        weights[name.strip()] = weight
    best, best_weight = None, 0.0
    for encoding in available:
        weight = weights.get(encoding, weights.get("*", 0.0))
        if weight > best_weight:
            best, best_weight = encoding, weight
    return best


def compress(body: bytes, encoding: str, *, brotli_quality: int = BROTLI_QUALITY) -> bytes:
    if encoding == "br":
        return brotli.compress(body, quality=brotli_quality)
    return compress_string(body, max_random_bytes=GZIP_RANDOM_BYTES)


def variants(body: bytes) -> dict[str, bytes]:
    """The encodings of ``body`` worth storing; {} when compression saves nothing."""
    if len(body) < MIN_LENGTH:
        return {}
    encoded = {name: compress(body, name, brotli_quality=STORED_BROTLI_QUALITY) for name in ENCODINGS}
    return {name: data for name, data in encoded.items() if len(data) < len(body)}


def compressible(response) -> bool:
    return bool(COMPRESSIBLE.match(response.get("Content-Type", "")))


def may_hold_secrets(request, response) -> bool:
    """Whether the body may hold a secret beside reflected input (see BREACH above)."""
    cache_control = response.get("Cache-Control", "")
    return (
        "CSRF_COOKIE_NEEDS_UPDATE" in request.META  # set once the CSRF token was used for this response
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "private" in cache_control
        or "no-store" in cache_control
    )


class CompressionMiddleware(GZipMiddleware):
    """Brotli or gzip for public text responses; nothing for responses that may hold secrets."""

    def process_response(self, request, response):
        if (
            response.has_header("Content-Encoding")
            or not compressible(response)
            or (not response.streaming and len(response.content) < MIN_LENGTH)
        ):
            return response
        if may_hold_secrets(request, response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        encoding = negotiate(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if encoding is None:
            return response
        if response.streaming:
            return super().process_response(request, response)  # gzip of each chunk, when accepted
        compressed = compress(response.content, encoding)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag  # another representation of the same content
        response.headers["Content-Encoding"] = encoding
        return response
