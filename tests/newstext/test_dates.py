"""Related-item dates: a 12-hour clock, naive wall-clock datetimes, and exact errors."""

import datetime

import pytest

from newstext import ParseError, parse_related_date


def at(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts)  # noqa: DTZ001 (the parser returns naive wall-clock times)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26, Mar, 2023 @5:44 PM", at(2023, 3, 26, 17, 44)),
        ("27, Feb, 2023 @11:23 AM", at(2023, 2, 27, 11, 23)),
        ("12, Oct, 2022 @4:00 AM", at(2022, 10, 12, 4, 0)),
        ("14, Jan, 2026 @12:00 AM", at(2026, 1, 14, 0, 0)),  # midnight
        ("12, Dec, 2024 @12:15 AM", at(2024, 12, 12, 0, 15)),  # just after midnight
        ("19, Nov, 2026 @12:00 PM", at(2026, 11, 19, 12, 0)),  # noon
        ("19, Nov, 2026 @12:59 PM", at(2026, 11, 19, 12, 59)),
        ("26, March, 2023 @5:44 PM", at(2023, 3, 26, 17, 44)),  # a full month name
        ("26, Sept, 2023 @5:44 pm", at(2023, 9, 26, 17, 44)),
        ("29, Feb, 2024 @1:05 AM", at(2024, 2, 29, 1, 5)),  # a leap day
        ("  26, Mar, 2023 @5:44 PM  ", at(2023, 3, 26, 17, 44)),
    ],
)
def test_reads_a_date(text, expected):
    assert parse_related_date(text, line=7) == expected


def test_the_datetime_is_naive():
    assert parse_related_date("26, Mar, 2023 @5:44 PM", line=1).tzinfo is None


def test_impossible_day_of_month():
    with pytest.raises(ParseError) as raised:
        parse_related_date("31, Feb, 2023 @5:44 PM", line=12)
    assert raised.value.line == 12
    assert raised.value.message == "impossible date “31, Feb, 2023 @5:44 PM”: there is no 31 February 2023"
    assert (
        str(raised.value) == "line 12: impossible date “31, Feb, 2023 @5:44 PM”: there is no 31 February 2023"
    )


def test_29_february_in_a_common_year_does_not_roll_over():
    with pytest.raises(ParseError, match="impossible date “29, Feb, 2023 @5:44 PM”"):
        parse_related_date("29, Feb, 2023 @5:44 PM", line=3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "26, Mar, 2023 @13:00 PM",
            "impossible date “26, Mar, 2023 @13:00 PM”: hour 13 is not on a 12-hour clock (1 to 12 AM or PM)",
        ),
        (
            "26, Mar, 2023 @0:10 AM",
            "impossible date “26, Mar, 2023 @0:10 AM”: hour 0 is not on a 12-hour clock (1 to 12 AM or PM)",
        ),
        ("26, Mar, 2023 @5:60 PM", "impossible date “26, Mar, 2023 @5:60 PM”: minute 60 is past 59"),
    ],
)
def test_impossible_time(text, message):
    with pytest.raises(ParseError) as raised:
        parse_related_date(text, line=4)
    assert (raised.value.message, raised.value.line) == (message, 4)


@pytest.mark.parametrize(
    "text", ["yesterday", "26, Foo, 2023 @5:44 PM", "26, Mar, 2023 5:44 PM", "2023-03-26 17:44", ""]
)
def test_unreadable_date(text):
    with pytest.raises(ParseError) as raised:
        parse_related_date(text, line=9)
    assert raised.value.line == 9
    assert raised.value.message == f"unreadable date “{text}”: expected a date like “26, Mar, 2023 @5:44 PM”"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1, Jan, 1600 @12:00 AM", at(1600, 1, 1, 0, 0)),  # the first moment accepted
        ("31, Dec, 2200 @11:59 PM", at(2200, 12, 31, 23, 59)),  # the last minute accepted
    ],
)
def test_reads_the_ends_of_the_range(text, expected):
    assert parse_related_date(text, line=3) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1, Jan, 0001 @12:00 AM",
        "31, Dec, 1599 @11:59 PM",
        "1, Jan, 2201 @12:00 AM",
        "31, Dec, 9999 @11:59 PM",
    ],
)
def test_a_date_outside_the_range_is_refused_with_its_line(text):
    with pytest.raises(ParseError) as raised:
        parse_related_date(text, line=31)
    assert str(raised.value) == (
        f"line 31: date “{text}” is out of range: dates from 1 January 1600 to 31 December 2200 are accepted"
    )
