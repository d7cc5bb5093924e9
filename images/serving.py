"""Uploaded media served by the app: in development, or in a demo that opts in explicitly.

In production a web server serves ``MEDIA_ROOT`` at ``MEDIA_URL`` (or the object store serves
its bucket) and these URL patterns are absent: Django's ``static.serve`` is correct but streams
each file through a Python worker. ``NEWSROOM_SERVE_MEDIA=1`` turns it on with ``DEBUG`` off,
for a demo on one machine; ``manage.py check --deploy`` warns about it.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import re_path
from django.views import static

# Every stored name is unique for good (content hash in the picture's name, spec hash in a
# rendition's), so a file never changes under its URL.
CACHE_CONTROL = "public, max-age=31536000, immutable"


def serve_media(request, path):
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = CACHE_CONTROL
    return response


def media_urlpattern():
    """The route serving MEDIA_ROOT at MEDIA_URL."""
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    return re_path(rf"^{prefix}(?P<path>.+)$", serve_media, name="media")


def media_urlpatterns() -> list:
    """The media route, when the app is to serve media: under DEBUG or NEWSROOM_SERVE_MEDIA,
    and only from the filesystem storage at a local MEDIA_URL."""
    on_filesystem = settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    wanted = settings.DEBUG or settings.NEWSROOM_SERVE_MEDIA
    if not wanted or not on_filesystem or urlsplit(settings.MEDIA_URL).netloc:
        return []
    return [media_urlpattern()]
