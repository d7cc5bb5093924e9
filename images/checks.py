"""System checks for how media is served."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def media_served_by_the_app(app_configs, **kwargs):
    if settings.NEWSROOM_SERVE_MEDIA and not settings.DEBUG:
        return [
            checks.Warning(
                "NEWSROOM_SERVE_MEDIA is on: the app itself streams uploaded pictures.",
                hint="In production let the web server (MEDIA_ROOT at MEDIA_URL) or the object "
                "store serve media, and unset NEWSROOM_SERVE_MEDIA. See the README.",
                id="images.W001",
            )
        ]
    return []
