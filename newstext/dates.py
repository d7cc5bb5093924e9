"""Related-item dates: ``26, Mar, 2023 @5:44 PM``.

12-hour clock: 12 AM is midnight (00:xx), 12 PM is noon. Month names may be
abbreviated or written in full, in any case. A date that does not exist
(31 Feb) or a time that is not on a 12-hour clock (13:00 PM, 0:10 AM) is an
"impossible date"; anything else that is not in this shape is an "unreadable
date". Nothing is guessed or rolled over.
"""

import datetime
import re

from .records import ParseError

__all__ = ["parse_related_date"]

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Hard-coded English names: calendar.month_name follows the process locale.
_MONTHS = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS |= {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS["sept"] = 9

_DATE_RE = re.compile(
    r"""
    (?P<day>\d{1,2}) \s* ,? \s*
    (?P<month>[A-Za-z]+) \.? \s* ,? \s*
    (?P<year>\d{4}) \s* @ \s*
    (?P<hour>\d{1,2}) : (?P<minute>\d{2}) \s*
    (?P<meridiem>[AaPp]) \.? [Mm] \.?
    """,
    re.VERBOSE | re.ASCII,
)
EXAMPLE = "26, Mar, 2023 @5:44 PM"


def parse_related_date(text: str, *, line: int) -> datetime.datetime:
    """The naive wall-clock datetime of a related item's date line."""
    written = text.strip()
    match = _DATE_RE.fullmatch(written)
    month = _MONTHS.get(match["month"].lower()) if match else None
    if match is None or month is None:
        raise ParseError(f"unreadable date “{written}”: expected a date like “{EXAMPLE}”", line=line)
    day, year = int(match["day"]), int(match["year"])
    hour, minute = int(match["hour"]), int(match["minute"])
    if not 1 <= hour <= 12:
        raise ParseError(
            f"impossible date “{written}”: hour {hour} is not on a 12-hour clock (1 to 12 AM or PM)",
            line=line,
        )
    if minute > 59:
        raise ParseError(f"impossible date “{written}”: minute {minute} is past 59", line=line)
    hour = hour % 12 + (12 if match["meridiem"] in "Pp" else 0)
    try:
        # Naive on purpose: the document gives wall-clock time; the loader attaches the time zone.
        return datetime.datetime(year, month, day, hour, minute)  # noqa: DTZ001
    except ValueError:
        raise ParseError(
            f"impossible date “{written}”: there is no {day} {_MONTH_NAMES[month - 1]} {year}", line=line
        ) from None
