"""The records the analysis keeps while it reads a story, and the shape of a person's name.

``Entity`` is a person or organisation being read; the functions below say what a
capitalised run of words is: a title before a name, a name that looks like a
person's, a word that makes a phrase an organisation's, a gendered word.
"""

import re
from dataclasses import dataclass, field

from .countries import country_words, find_countries
from .names import (
    CALENDAR,
    GENDERED_WORDS,
    NAME_WORD,
    ORGANISATION_WORDS,
    PARTICLES,
    PERSON_ROLES,
    PLACE_WORDS,
    STOPWORDS,
    TITLES,
)
from .records import Mention

__all__ = [
    "ORGANISATION",
    "PERSON",
    "ROLE_TITLES",
    "Entity",
    "cut_titles",
    "gender_of",
    "has_organisation_word",
    "looks_like_person",
    "not_a_name",
]

PERSON, ORGANISATION = "person", "organisation"
NAME_WORD_RE = re.compile(NAME_WORD)
ROLE_TITLES = frozenset(word.capitalize() for word in PERSON_ROLES) | {"CEO", "MP", "MEP"}


@dataclass
class Entity:
    """A person or organisation while the document is being read."""

    name: str
    kind: str = PERSON
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    speaker: bool = False
    gender: str = ""  # "m", "f" or "" (unknown)
    roles: set[str] = field(default_factory=set)  # role nouns it was introduced with: "ceo", "commission"

    def mention(self) -> Mention:
        return Mention(
            name=self.name, description=self.description, kind=self.kind, aliases=tuple(self.aliases)
        )


def cut_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """ "Transport Secretary Alison Dunne", "Local MP Rhodri Evans" -> the title words and the name's.

    The name starts after the last title or role word that two name words follow, so
    "John Major" keeps his.
    """
    for index in range(len(words) - 3, -1, -1):
        if words[index] in TITLES or words[index] in ROLE_TITLES:
            return words[: index + 1], words[index + 1 :]
    return [], words


def not_a_name(word: str) -> bool:
    return word in STOPWORDS or word in TITLES or word in PLACE_WORDS or word in country_words()


def looks_like_person(
    words: list[str], *, country_surname: bool = False, country_first: bool = False
) -> bool:
    """Two to four name words, none of them a function, place, calendar or organisation word.

    With ``country_surname`` the last word may be a country form ("Michael Jordan"), with
    ``country_first`` the first ("Sofia Berg").
    """
    named = [word for word in words if word not in PARTICLES]
    if not 2 <= len(named) <= 4 or words[0] in PARTICLES or words[-1] in PARTICLES:
        return False
    if not all(NAME_WORD_RE.fullmatch(word) for word in named):
        return False
    if country_surname and named[-1] in country_words():
        named, words = named[:-1], words[:-1]
    if country_first:
        named, words = named[1:], words[1:]
    if not named:
        return True
    if named[0] in TITLES or any(
        (not_a_name(word) and word not in TITLES) or word in CALENDAR or word in ORGANISATION_WORDS
        for word in named
    ):
        return False  # a title is allowed after the first name: "John Major", "Stephen King"
    return not find_countries(" ".join(words))  # "Costa Rica", "San José"


def has_organisation_word(words: list[str]) -> bool:
    return any(word in ORGANISATION_WORDS for word in words)


def gender_of(words: str) -> str:
    """ "m" or "f" when a word of ``words`` is gendered ("spokeswoman", "Mr"), else ""."""
    for word in re.findall(r"[\w-]+", words.lower()):
        for part in word.split("-"):
            if part in GENDERED_WORDS:
                return GENDERED_WORDS[part]
    return ""
