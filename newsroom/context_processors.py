from django.conf import settings


def site(request):
    """The newsroom's name for every template."""
    return {"newsroom_name": settings.NEWSROOM_NAME}
