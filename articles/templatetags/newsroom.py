"""Template filters shared by the public templates."""

from urllib.parse import urlencode

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def isotime(value) -> str:
    """An aware datetime as ISO 8601 in the newsroom's zone, to the second (valid in <time datetime>)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.simple_tag(takes_context=True)
def canonical_url(context, obj=None) -> str:
    """This page's own address, absolute: the path, plus ``?page=N`` beyond the first page of a listing.

    Given an object, its own address (a preview of an article names the article's).
    """
    request = context["request"]
    url = request.build_absolute_uri(obj.get_absolute_url() if obj is not None else request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?{urlencode({'page': page.number})}"
    return url


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """The address of page ``number`` of this listing, keeping the rest of the query string."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    if number > 1:
        query["page"] = number
    return f"?{query.urlencode(safe='/')}" if query else request.path
