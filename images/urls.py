"""Uploaded pictures, when the app serves them: in development, or with NEWSROOM_SERVE_MEDIA for a demo."""

from .serving import media_urlpatterns

urlpatterns = media_urlpatterns()
