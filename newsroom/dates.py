"""Dates in and out: one range for every date that enters, and any stored date readable.

Every date that enters (a command option, a document, an admin form, an API
filter) is checked against one range, ``newstext.EARLIEST`` to
``newstext.LATEST`` in the newsroom's time zone (``newstext.dates`` says why
that range). ``validate_in_range`` is the check, for model and form fields;
``range_error`` is the same check for code that reports rather than raises.

A database may still hold a moment outside the range: one stored before the
range was checked, or written by hand in SQL (PostgreSQL keeps timestamps from
4713 BC to 294276 AD; Python's datetime holds years 1 to 9999 and fails to
convert one near either end to a time zone on the other side of UTC).
``ReadableDateTimeField`` and the PostgreSQL loader in ``receivers`` read any
such moment as the nearest one Python can show in every time zone, so that
every page, feed, sitemap and API answer renders it. Saving it back through a
form is refused by the range check, which is how an editor learns to fix it.
"""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from newstext import DATE_RANGE, EARLIEST, LATEST

# A day inside datetime's own ends: no time zone's offset reaches past them.
READABLE_FROM = datetime.min.replace(tzinfo=UTC) + timedelta(days=1)
READABLE_UNTIL = datetime.max.replace(tzinfo=UTC) - timedelta(days=1)

RANGE_MESSAGE = f"Enter a time from {DATE_RANGE} (the newsroom's time zone)."


def accepted_range() -> tuple[datetime, datetime]:
    """The first and last moments accepted, in the newsroom's time zone (``TIME_ZONE``)."""
    zone = timezone.get_default_timezone()
    return timezone.make_aware(EARLIEST, zone), timezone.make_aware(LATEST, zone)


def in_range(value: datetime) -> bool:
    """Whether an aware ``value`` lies in the accepted range (compared without converting it)."""
    earliest, latest = accepted_range()
    return earliest <= value <= latest


def range_error(value: datetime, *, what: str) -> str:
    """ "" when ``value`` is accepted, else the message that says so, naming ``what`` it is."""
    if in_range(value):
        return ""
    return f"{what} {value.isoformat()} is out of range: times from {DATE_RANGE} are accepted"


def validate_in_range(value: datetime | None) -> None:
    """The validator of every date field that people or documents fill."""
    if value is not None and not in_range(value):
        raise ValidationError(RANGE_MESSAGE, code="date_out_of_range")


def readable(value: datetime | None) -> datetime | None:
    """``value``, or the nearest moment that converts to every time zone when it lies beyond them."""
    if value is None or READABLE_FROM <= value <= READABLE_UNTIL:
        return value
    return READABLE_FROM if value < READABLE_FROM else READABLE_UNTIL


class ReadableDateTimeField(models.DateTimeField):
    """A ``DateTimeField`` that reads whatever moment is stored as one every page can render."""

    def from_db_value(self, value, expression, connection):
        return readable(value)
