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
    """This page's own address, absolute: the path, plus ``?page=N`` beyond the first page of a listing
    (``?after=ID`` for a page read after a cursor).

    Given an object, its own address (a preview of an article names the article's).
    """
    request = context["request"]
    url = request.build_absolute_uri(obj.get_absolute_url() if obj is not None else request.path)
    page = context.get("page_obj")
    if page is not None and page.number is None:
        url += f"?{urlencode({'after': page.after})}"
    elif page is not None and page.number > 1:
        url += f"?{urlencode({'page': page.number})}"
    return url


def listing_url(request, params: dict) -> str:
    """This listing's address with ``params`` for its page or cursor, keeping the rest of the query."""
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("after", None)
    for name, value in params.items():
        query[name] = value
    return f"?{query.urlencode(safe='/')}" if query else request.path


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """The address of page ``number`` of this listing, keeping the rest of the query string."""
    return listing_url(context["request"], {"page": number} if number > 1 else {})


@register.simple_tag(takes_context=True)
def older_url(context, page) -> str:
    """The address of the page after ``page``: its number, or a cursor (``articles.pagination``)."""
    if hasattr(page, "next_params"):
        return listing_url(context["request"], page.next_params())
    return page_url(context, page.next_page_number())


@register.simple_tag(takes_context=True)
def newer_url(context, page) -> str:
    """The address of the page before ``page``."""
    if hasattr(page, "previous_params"):
        return listing_url(context["request"], page.previous_params())
    return page_url(context, page.previous_page_number())
