"""The API's query parameters and pages: read, checked, and refused with ``ApiError`` (a 400 or 404)."""

import re
from datetime import date, datetime, time

from django.core.paginator import EmptyPage
from django.db.models import QuerySet
from django.utils import timezone

from articles.pagination import COUNT_BOUND, ListingPaginator
from newstext import DATE_RANGE, EARLIEST, LATEST

from .limits import DEFAULT_PAGE_SIZE, MAX_PAGE_NUMBER, MAX_PAGE_SIZE, MAX_PARAMETER_LENGTH


class ApiError(Exception):
    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def raw_param(request, name: str) -> str | None:
    """A parameter exactly as sent, None when absent; refused when no value could be meant."""
    if name not in request.GET:
        return None
    value = request.GET[name]
    if "\x00" in value:
        raise ApiError(f"{name} must not contain NUL characters.")
    if len(value) > MAX_PARAMETER_LENGTH:
        raise ApiError(f"{name} is too long: at most {MAX_PARAMETER_LENGTH} characters.")
    return value


def text_param(request, name: str) -> str:
    """A text parameter without surrounding spaces; "" when absent or empty, which filters nothing."""
    return (raw_param(request, name) or "").strip()


def int_param(request, name: str, *, default: int, maximum: int | None = None) -> int:
    """A whole number; when given, it must be one (an empty value is refused, not taken for the default)."""
    value = raw_param(request, name)
    if value is None:
        return default
    if not re.fullmatch(r"[0-9]+", value) or int(value) < 1:
        raise ApiError(f"{name} must be a whole number of at least 1, not “{value}”.")
    number = int(value)
    if maximum is not None and number > maximum:
        raise ApiError(f"{name} must be at most {maximum}, not {number}.")
    return number


def date_param(request, name: str) -> date | None:
    """A day written YYYY-MM-DD inside the accepted range of dates (``newstext.EARLIEST`` to ``LATEST``)."""
    value = raw_param(request, name)
    if value is None:
        return None
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise ApiError(f"{name} must be a date written YYYY-MM-DD, e.g. 2024-03-26, not “{value}”.") from None
    if not EARLIEST.date() <= day <= LATEST.date():
        raise ApiError(f"{name} must be a day from {DATE_RANGE}, not “{value}”.")
    return day


def midnight(day: date) -> datetime:
    """The start of ``day`` in the newsroom's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def paginate(request, items: QuerySet) -> tuple[dict, list]:
    """The page asked for, and the total counted up to ``COUNT_BOUND`` (``total_is_exact`` says which).

    A page past the last is not there (404), as Django's own pages have it.
    """
    page_size = int_param(request, "page-size", default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
    number = int_param(request, "page", default=1)
    paginator = ListingPaginator(items, page_size)
    last = max(-(-min(paginator.count, COUNT_BOUND) // page_size), 1)
    if number > last and paginator.count_is_exact:
        raise ApiError(f"page {number} is out of range: the last page is {last}.", status=404)
    if number > MAX_PAGE_NUMBER:
        raise ApiError(f"page {number} is out of range: at most {MAX_PAGE_NUMBER}.", status=404)
    try:
        rows = list(paginator.page(number).object_list)
    except EmptyPage:  # past the bound, and past the last page
        raise ApiError(f"page {number} is out of range: it is past the last page.", status=404) from None
    exact = paginator.count_is_exact  # (reading the last page tells the total)
    total = paginator.count if exact else COUNT_BOUND
    page = {
        **{"total": total, "total_is_exact": exact, "pages": -(-total // page_size) if total else 0},
        **{"current_page": number, "page_size": page_size},
    }
    return page, rows
