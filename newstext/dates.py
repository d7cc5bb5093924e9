"""Related-item dates: ``26, Mar, 2023 @5:44 PM``.

12-hour clock: 12 AM is midnight (00:xx), 12 PM is noon. Month names may be
abbreviated or written in full, in any case. A date that does not exist
(31 Feb) or a time that is not on a 12-hour clock (13:00 PM, 0:10 AM) is an
"impossible date"; anything else that is not in this shape is an "unreadable
date". Nothing is guessed or rolled over.

Every date the newsroom takes in, from a document or anywhere else, lies in one
range: ``EARLIEST`` to ``LATEST``, wall-clock time in the newsroom's own zone.
The first printed newspapers date from 1605, so nothing a newsroom files is
older than 1600; nothing is scheduled past 2200 but by a slip of the keyboard.
Inside that range every date has a four-digit year, converts to UTC and to any
time zone without leaving the calendar Python and the databases share, and
sorts the same way as text (SQLite) and as a timestamp (PostgreSQL).
"""

import datetime
import re

from .records import ParseError

__all__ = ["DATE_RANGE", "EARLIEST", "LATEST", "parse_related_date"]

# Naive on purpose: wall-clock times in the newsroom's zone, wherever that is.
EARLIEST = datetime.datetime(1600, 1, 1)  # noqa: DTZ001
LATEST = datetime.datetime(2200, 12, 31, 23, 59, 59)  # noqa: DTZ001


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


def _spelled(value: datetime.datetime) -> str:
    return f"{value.day} {_MONTH_NAMES[value.month - 1]} {value.year}"


# How messages name the range: "1 January 1600 to 31 December 2200".
DATE_RANGE = f"{_spelled(EARLIEST)} to {_spelled(LATEST)}"

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
        value = datetime.datetime(year, month, day, hour, minute)  # noqa: DTZ001
    except ValueError:
        raise ParseError(
            f"impossible date “{written}”: there is no {day} {_MONTH_NAMES[month - 1]} {year}", line=line
        ) from None
    if not EARLIEST <= value <= LATEST:
        raise ParseError(f"date “{written}” is out of range: dates from {DATE_RANGE} are accepted", line=line)
    return value
