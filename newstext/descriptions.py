"""What the words around a name say it is: appositions, titles and descriptors.

Descriptions come from the apposition that introduces the name, without a
leading article: "Belarusian political analyst and non-resident scholar at the
Carnegie Endowment for International Peace", "mayor", "Ukraine’s president".
An apposition before the name ("the mayor, Vitali Klitschko") counts only when
it is not the tail of a fronted clause: in "After talks with the mayor, Vitali
Klitschko, who …, said" the mayor is somebody else's phrase. An apposition that
only relates the person to someone else ("his Belarusian counterpart") gives no
description.

The head noun of an apposition says what the name is: an organisation
("Nemunas Transmission, the Lithuanian network operator"), a place
("Llanfair Waterside, a town on the Teme") or a person.

A descriptor right before a name ("analyst Joris de Wit", "Foreign ministry
spokeswoman Daniela Rusu", "a 63-year-old man named Gareth Lloyd") and an age
after it ("Margaret Doyle, 82,") mark a person too.
"""

import re
from dataclasses import dataclass

from .names import (
    CAP_WORD,
    ORGANISATION_NOUNS,
    PERSON_ROLES,
    PLACE_NOUNS,
    RELATIONAL_WORDS,
    ROLE_WORDS,
    SPEECH_VERB_RE,
    TITLES,
    WORK_NOUNS,
    words,
)
from .paragraphs import MASK
from .text import LOWER, UPPER

__all__ = [
    "AFTER_NAME_RE",
    "DESCRIPTION_START_RE",
    "Apposition",
    "apposition",
    "clean_description",
    "descriptor_before",
]

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"

_POSSESSIVE = rf"{CAP_WORD}(?:[ \u00a0]+{CAP_WORD})*[’']s"
_DETERMINER = (
    rf"(?:(?:[aA]|[aA]n|[tT]he|[hH]is|[hH]er|[iI]ts|[tT]heir|[oO]ne|[aA]nother)\s+|{_POSSESSIVE}\s+)"
)
_ROLE_START = r"(?:" + "|".join(sorted(ROLE_WORDS)) + r")\b"
# ", a Belarusian political analyst and …," after a name; ends at a comma, a colon or the sentence's end.
AFTER_NAME_RE = re.compile(
    rf",[ \u00a0]+(?P<description>(?:{_DETERMINER}|{_ROLE_START})[^,;:“”\"{MASK}()\n]{{1,200}}?)"
    rf"(?=\s*(?:[,;:)]|[.!?](?:\s|$)|$))"
)
DESCRIPTION_START_RE = re.compile(rf"(?:{_DETERMINER}|{_ROLE_START})")
# "the mayor, " before a name.
_BEFORE_NAME_RE = re.compile(
    rf"(?:^|(?<=[\s(]))(?P<description>{_DETERMINER}[^,;:.!?“”\"{MASK}()\n]{{1,80}}?),[ \u00a0]+$"
)
_AFTER_APPOSITION_RE = re.compile(r"\s*(?:[,;:)]|[.!?](?:\s|$)|$)")
_HEAD_END_RE = re.compile(r"\s(?:of|at|for|in|with|from|on|who|whose|which|that|to|based|near|about)\s")
_LEADING_ARTICLE_RE = re.compile(r"(?:a|an|the|one|another)\s+", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\b(?:who|which|that|whose)\b")
_PRONOUN_DETERMINERS = ("his ", "her ", "its ", "their ", "His ", "Her ", "Its ", "Their ")
_DETERMINER_WORDS = frozenset({"a", "an", "the", "his", "her", "its", "their", "one", "another"})
# A fronted clause that ends at the comma before the name: its phrases describe someone else.
_FRONTED_RE = re.compile(
    r"(?:After|Before|During|Following|Speaking|Despite|Unlike|While|When|Since|As|In|At|On|With|Without|"
    r"Like|Asked|Writing|Talking|Addressing|Meeting|Visiting|Under|From|For|By|Alongside)\b"
)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s+|\n)(?=[^.!?\n]*$)")
_AGE_AFTER_RE = re.compile(r",\s+\d{1,3}(?:,|\s|\.|$)")
_ROLE_WORD_RE = "|".join(sorted((re.escape(word) for word in PERSON_ROLES), key=len, reverse=True))
# "Technology analyst ", "the former Czech Davis Cup player ", "Mother-of-three ", "a 63-year-old man named ".
_DESCRIPTOR_BEFORE_RE = re.compile(
    rf"(?P<descriptor>(?:\b[\w’'-]+[ \u00a0]+){{0,4}}?\b(?:(?i:{_ROLE_WORD_RE})|(?i:mother|father)-of-\w+|"
    rf"(?i:[\w]+-year-old))"
    rf"(?:[ \u00a0]+(?:named|called))?)[ \u00a0]+$"
)
_NAMED_RE = re.compile(r"\b(?:named|called)$")
_MAY_DESCRIBE_RE = re.compile(rf"^(?i:{_ROLE_WORD_RE}|named|called)$|-(?:of|year-old)\b|-old$", re.IGNORECASE)
_RELATIONS = "|".join(
    sorted(RELATIONAL_WORDS | words("grandmother grandfather grandson granddaughter neighbour aunt uncle"))
)
# "a crane driver who gave his name only as Piotr", "her grandmother, Jean,": a person known by one name.
SINGLE_NAME_RE = re.compile(
    rf"(?:\b(?:gave|give|gives)\s+(?P<pronoun>his|her)\s+name\s+(?:only\s+)?as\s+"
    rf"|\b(?:his|her|their)\s+(?P<relation>{_RELATIONS}),\s+)"
    rf"(?P<name>[{UPPER}][{LOWER}]+)(?=[\s,.;:)])(?!\s+[{UPPER}])"
)
_DESCRIPTOR_STOP = frozenset(
    {"a", "an", "the", "his", "her", "its", "their", "and", "but", "by", "to", "of", "with", "said", "says"}
)


@dataclass(frozen=True)
class Apposition:
    description: str  # cleaned; "" when only relational
    kind: str = PERSON  # what its head noun makes the name: person, organisation or place
    head: str = ""  # the head noun, lower case: "company", "mayor"

    @property
    def organisation(self) -> bool:
        return self.kind == ORGANISATION


def apposition(text: str, masked: str, start: int, end: int) -> Apposition | None:
    """The description an apposition gives the name at text[start:end], if any."""
    after = AFTER_NAME_RE.match(masked, end)
    if after is not None and _fronted(masked, start):
        return None  # "In the village of Thornton Beck, the Fleece closed": the main clause follows
    if after is not None:
        cleaned = clean_description(text[after.start("description") : after.end("description")])
        if cleaned is not None:
            return cleaned
    if _AFTER_APPOSITION_RE.match(masked, end) is None:
        return None  # "After meeting the troops, Vladimir Putin said": not an apposition
    before = _BEFORE_NAME_RE.search(masked, max(0, start - 120), start)
    if before is None or _fronted(masked, before.start("description")):
        return None
    words = text[before.start("description") : before.end("description")].split()
    # The nearest determiner starts it: "the meeting with the British prime minister" -> "the British …".
    first = max(
        (
            index
            for index, word in enumerate(words)
            if word.lower() in _DETERMINER_WORDS or word.endswith(("’s", "'s"))
        ),
        default=0,
    )
    words = words[first:]
    if len(words) > 7 or not words[-1][:1].islower():
        return None
    return clean_description(" ".join(words))


def _fronted(masked: str, position: int) -> bool:
    """Whether ``position`` is inside a fronted clause: "After talks with |the mayor, …"."""
    sentence = _SENTENCE_START_RE.search(masked, max(0, position - 200), position)
    begin = sentence.end() if sentence else 0
    clause = masked[begin:position]
    return bool(_FRONTED_RE.match(clause)) and "," not in clause


def clean_description(description: str) -> Apposition | None:
    """A description without its leading article; None when it is not one ("the Kremlin said")."""
    description = " ".join(description.split())
    if not description or len(description.split()) > 30:
        return None
    verb = SPEECH_VERB_RE.search(description)
    if verb is not None and not _RELATIVE_RE.search(description, 0, verb.start()):
        return None  # "Vladimir Putin, the Kremlin said": a clause, not a description
    relative = description.startswith(_PRONOUN_DETERMINERS)
    article = _LEADING_ARTICLE_RE.match(description)
    if article is not None:
        description = description[article.end() :]
    if relative:
        description = description.split(" ", 1)[1] if " " in description else ""
    head = _HEAD_END_RE.split(f" {description} ", maxsplit=1)[0].split()
    head_noun = head[-1].lower() if head else ""
    if head_noun in ORGANISATION_NOUNS:
        return Apposition(description=description, kind=ORGANISATION, head=head_noun)
    if head_noun in PLACE_NOUNS or head_noun in WORK_NOUNS:
        return Apposition(description=description, kind=PLACE, head=head_noun)
    if relative and head_noun in RELATIONAL_WORDS:
        return Apposition(description="", head=head_noun)
    return Apposition(description=description, head=head_noun)


def descriptor_before(text: str, start: int) -> str | None:
    """The descriptor right before a name ("technology analyst"), "" for "… named", None when none."""
    before = text[max(0, start - 30) : start].split()
    if not before or not _MAY_DESCRIBE_RE.search(before[-1]):
        return None  # the cheap test: the word before the name is no role word, "named", age or "-of-"
    match = _DESCRIPTOR_BEFORE_RE.search(text, max(0, start - 80), start)
    if match is None:
        return None
    words = match["descriptor"].split()
    role = words[-2] if _NAMED_RE.search(match["descriptor"]) and len(words) > 1 else words[-1]
    if role in TITLES:
        return None  # "Prime Minister Rishi Sunak": a title, read with the name
    if _NAMED_RE.search(match["descriptor"]):
        return ""  # "a 63-year-old man named Gareth Lloyd": a person; the apposition describes
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _DESCRIPTOR_STOP or SPEECH_VERB_RE.fullmatch(word) or word.endswith(","):
            break
        kept.insert(0, word)
    if not kept:
        return None
    return " ".join(kept)  # "Herald journalist", "Technology analyst": the case as written


def age_after(masked: str, end: int) -> bool:
    """ "Margaret Doyle, 82, used the bus": a person's age in apposition."""
    return _AGE_AFTER_RE.match(masked, end) is not None
