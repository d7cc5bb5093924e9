"""Template filters shared by the public templates."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def isotime(value) -> str:
    """An aware datetime as ISO 8601 in the newsroom's zone, to the second (valid in <time datetime>)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
