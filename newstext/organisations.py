"""Organisations named in a story's body, by their whole name.

A capitalised phrase is an organisation when

* it ends in an organisation word: "Welsh Dairy Producers' Association", "Rail and
  Maritime Transport Workers' Union", "Kestrel Aerospace", "Kremlin". The name is
  kept whole: plural possessives ("Producers'") and the connectors of, for, the,
  on, & and "and" stay inside it ("and" only after a single word that is no
  country: "Ukraine and the Joint Expeditionary Force" is two names);
* it is introduced with its abbreviation in brackets: "the Office of the Auditor
  General (OAG)", which makes the abbreviation an alias;
* an organisation noun stands right before it: "scooter maker Voltera", "the
  charity Family Futures", "Baltic carrier AirAmber".

(An apposition whose head is an organisation noun, "Fjordlink Subsea, a Bergen
company", is read with the people's appositions in ``people.py``.)

Organisations are recorded as speakers only when they are quoted; found here,
they stop their names being read as people's and let "the commission said" or
"the DPSA indicated" find them.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .countries import country_words
from .names import (
    CALENDAR,
    ORGANISATION_ROLES,
    ORGANISATION_WORDS,
    PERSON_ROLES,
    STOPWORDS,
    TITLES,
    starts_word,
)
from .paragraphs import Paragraph
from .text import UPPER

__all__ = ["FoundOrganisation", "find_organisations"]

_ORG_WORD = rf"[{UPPER}][\w\-]*"
_ORG_CONNECTOR = r"(?:of|for|the|on|and|&|de|du|des|la|le)"
# Capitalised words, with plural possessives and connectors inside: "Heat Pump Installers’ Federation".
_PLURAL_POSSESSIVE = rf"(?:(?<=s)[’'](?=\s+[{UPPER}]))?"
# No look-behind: it would stop re from skipping to capital letters; starts_word checks it.
ORGANISATION_NAME_RE = re.compile(
    rf"{_ORG_WORD}{_PLURAL_POSSESSIVE}"
    rf"(?:[ \u00a0]+(?:{_ORG_CONNECTOR}[ \u00a0]+)*{_ORG_WORD}{_PLURAL_POSSESSIVE})*(?![\w])"
)
_ABBREVIATION_AFTER_RE = re.compile(r"\s*\((?P<abbreviation>[A-Z][A-Za-z0-9&]{1,9})\)")
_WORD_RE = re.compile(r"\S+")
_PROPER_ORGANISATION_WORDS = frozenset({"Kremlin", "Pentagon"})


@dataclass(frozen=True)
class FoundOrganisation:
    name: str
    abbreviation: str = ""
    role: str = ""  # the organisation noun it was introduced with: "maker", "charity"
    start: int = 0  # where the name starts in its paragraph
    paragraph: int = 0


_Words = list[tuple[str, int]]  # (word, offset in the paragraph)


def _trim(words: _Words) -> _Words:
    while words and (words[0][0] in STOPWORDS or words[0][0] in TITLES or words[0][0] in CALENDAR):
        words = words[1:]
    while words and words[0][0] in {"of", "for", "the", "on", "and", "&"}:
        words = words[1:]
    return words


def _cut_calendar(words: _Words) -> _Words:
    """ "Andes Cobre Minerals on Monday": a date after a connector is not part of the name."""
    for index, (word, _) in enumerate(words):
        if word in CALENDAR and index:
            end = index - 1 if words[index - 1][0] in {"of", "for", "the", "on", "and", "&"} else index
            return words[:end]
    return words


def _split_and(words: _Words) -> _Words:
    """Keep "Rail and Maritime … Union" whole; "Ukraine and the Joint Expeditionary Force" is two names."""
    plain = [word for word, _ in words]
    while "and" in plain:
        index = plain.index("and")
        before = plain[:index]
        if len(before) == 1 and before[0] not in country_words() and before[0] not in STOPWORDS:
            return words
        words = _trim(words[index + 1 :])
        plain = [word for word, _ in words]
    return words


def _split_connector(words: _Words) -> _Words:
    """ "Sofia Berg of Nordic Insight": a person's name before "of" is not part of the organisation's."""
    for index, (word, _) in enumerate(words):
        if word in {"of", "for", "at"}:
            before = [w for w, _ in words[:index]]
            if len(before) >= 2 and not any(w.rstrip("’'") in ORGANISATION_WORDS for w in before):
                return _trim(words[index + 1 :])
            return words
    return words


def _ends_as_organisation(words: _Words) -> _Words:
    """The words up to the last organisation word; [] when there is none.

    An organisation word followed by "of" or "for" takes the rest: "Royal College of Nursing".
    """
    for index, (word, _) in enumerate(words[:-1]):
        if word.rstrip("’'") in ORGANISATION_WORDS and words[index + 1][0] in {"of", "for"}:
            return words
    for index in range(len(words) - 1, -1, -1):
        if words[index][0].rstrip("’'") in ORGANISATION_WORDS:
            return words[: index + 1]
    return []


def _noun_before(masked: str, start: int) -> str:
    """The lower-case word right before ``start`` ("maker" in "scooter maker Voltera"), else ""."""
    if not start or not masked[start - 1].isspace():
        return ""
    before = masked[max(0, start - 40) : start].split()
    word = before[-1] if before else ""
    return word.lower() if word.replace("-", "").isalpha() else ""


def find_organisations(paragraphs: Iterable[Paragraph]) -> list[FoundOrganisation]:
    """Every organisation the body names, in body order (repeats included)."""
    found: list[FoundOrganisation] = []
    for paragraph in paragraphs:
        masked = paragraph.masked
        for match in ORGANISATION_NAME_RE.finditer(masked):
            if not starts_word(masked, match.start()):
                continue
            text = match.group()
            if (
                " " not in text
                and text not in ORGANISATION_WORDS
                and not masked.startswith("(", match.end() + 1)
                and not masked.startswith("(", match.end())
                and _noun_before(masked, match.start()) not in ORGANISATION_ROLES
            ):
                continue  # one capitalised word; no organisation word, bracket or organisation noun
            pieces = [(w.group(), match.start() + w.start()) for w in _WORD_RE.finditer(text)]
            words = _split_connector(_split_and(_cut_calendar(_trim(pieces))))
            if not words:
                continue
            start = words[0][1]
            abbreviation = _ABBREVIATION_AFTER_RE.match(masked, match.end())
            abbreviated = abbreviation is not None and abbreviation["abbreviation"].isupper()
            named = words if abbreviated else _ends_as_organisation(words)
            role = ""
            if not named:
                noun = _noun_before(masked, start)
                if noun in ORGANISATION_ROLES and noun not in PERSON_ROLES and len(words) <= 3:
                    named, role = words, noun
            if not named or (len(named) == 1 and named[0][0] not in _PROPER_ORGANISATION_WORDS and not role):
                continue  # "Police", "Ministry" opening a sentence: a common noun
            name = " ".join(word for word, _ in named).rstrip("’'")
            if name.isupper() and not abbreviated:
                continue  # "ISW’s report": an abbreviation alone is found through its full name
            found.append(
                FoundOrganisation(
                    name=name,
                    abbreviation=(
                        abbreviation["abbreviation"]
                        if abbreviation and abbreviated and named is words
                        else ""
                    ),
                    role=role,
                    start=start,
                    paragraph=paragraph.index,
                )
            )
    return found
