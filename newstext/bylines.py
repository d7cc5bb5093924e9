"""Byline lines: who wrote a piece, from where, in which role.

Forms read::

    Pjotr Sauer
    Julian Borger in Washington
    Peter Beaumont in Dnipro, Ukraine                    (the location keeps its country)
    Andrew Roth in Moscow and Peter Beaumont in Dnipro, Ukraine
    Ines Okafor and José Núñez
    Łucja Wiśniewska, José Núñez and Søren Ågård
    Shaun Walker Central and eastern Europe correspondent (a name, then a role)

Authors are separated by ", ", " and ", ", and " or " & ", but only where what
follows starts another author: two or more capitalised name words that are
not a place. So the "and" in "Central and eastern Europe correspondent" and
the comma in "Dnipro, Ukraine" do not split.

A role starts at the first word after a name of at least two words that is
either followed by a lower-case word ("Central and …", "Energy and climate …",
"Europe correspondent"), or is a place or a role word ("Mexico City
correspondent"), or is itself lower case. A byline with no recognisable name
("Guardian staff and agencies", "Reuters") is kept whole as one author, and so
is an outlet's desk: "Nordwire staff", "The Channel North news desk" (a name
starting with "The", or ending in a desk word, is never a person's name with
a role after it).
"""

import re

from .countries import country_words
from .names import NAME_WORD, PARTICLES, PLACE_WORDS, ROLE_WORDS
from .records import Byline

__all__ = ["parse_byline"]

_SEPARATOR_RE = re.compile(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*")
_NAME_WORD_RE = re.compile(NAME_WORD)
_AUTHOR_START_RE = re.compile(rf"{NAME_WORD}(?:\s+(?:(?:{'|'.join(sorted(PARTICLES))})\s+)*{NAME_WORD})+")
DESK_WORDS = frozenset({"staff", "desk", "newsroom", "team", "agencies", "reporters", "correspondents"})
_LOCATION_RE = re.compile(r"(?P<name>.+?),?\s+in\s+(?P<location>\S.*)")


def parse_byline(text: str) -> tuple[Byline, ...]:
    """The authors of a byline line, in order; () for an empty line."""
    text = " ".join(text.split())
    if text[:3].lower() == "by ":
        text = text[3:]
    if not text:
        return ()
    return tuple(_author(segment) for segment in _split_authors(text))


def _split_authors(text: str) -> list[str]:
    segments, start = [], 0
    for separator in _SEPARATOR_RE.finditer(text):
        if separator.start() > start and _starts_author(text, separator.end()):
            segments.append(text[start : separator.start()])
            start = separator.end()
    segments.append(text[start:])
    return segments


def _starts_author(text: str, position: int) -> bool:
    match = _AUTHOR_START_RE.match(text, position)
    if match is None:
        return False
    # "Dnipro, Ukraine", "Central and Eastern Europe correspondent": places, not authors.
    return not any(_is_place(word) for word in match.group().split())


def _is_place(word: str) -> bool:
    word = word.rstrip(",")
    return word in PLACE_WORDS or word in country_words()


def _is_name_word(word: str) -> bool:
    return word in PARTICLES or _NAME_WORD_RE.fullmatch(word) is not None


def _author(segment: str) -> Byline:
    segment = segment.strip(" ,")
    if segment.startswith("The ") or segment.rsplit(" ", 1)[-1] in DESK_WORDS:
        return Byline(name=segment)  # "The Channel North news desk", "Nordwire staff"
    located = _LOCATION_RE.fullmatch(segment)
    if located and all(_is_name_word(word) for word in located["name"].split()):
        return Byline(name=located["name"].strip(" ,"), location=located["location"].strip(" ,"))
    words = [word.rstrip(",") for word in segment.split()]
    for index in range(2, len(words)):
        if not all(_is_name_word(word) for word in words[:index]):
            break
        if _role_starts(words, index):
            return Byline(name=" ".join(words[:index]), role=" ".join(segment.split()[index:]).strip(" ,"))
    return Byline(name=segment)


def _role_starts(words: list[str], index: int) -> bool:
    word = words[index]
    if word in PARTICLES:
        return False
    if not word[:1].isupper():
        return True
    following = words[index + 1] if index + 1 < len(words) else ""
    return (
        (following[:1].islower() and following not in PARTICLES)
        or _is_place(word)
        or word.lower() in ROLE_WORDS
    )
