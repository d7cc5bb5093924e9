"""The site's URLs plus the media route, as under DEBUG or NEWSROOM_SERVE_MEDIA (tests run with DEBUG off)."""

from images.serving import media_urlpattern
from newsroom.urls import handler404, handler500  # noqa: F401
from newsroom.urls import urlpatterns as site_urlpatterns

urlpatterns = [*site_urlpatterns, media_urlpattern()]
