"""The people (and speaking organisations) named in a story's body.

A person is recorded when the body names them by a full name, two to four
capitalised words ("Vladimir Putin", "Gonçalo Vasconcelos Pimenta"), that
passes two tests.

It must look like a person's name: no word may be a function word, a title
(stripped: "President Alexander Lukashenko" -> "Alexander Lukashenko"), a
weekday or month, a country, demonym or capital ("Belarusian", "Minsk"), a
place word ("Lake", "Valley", "Islands") or an organisation word ("Institute",
"Endowment", "Force", "Kremlin"). So "Joint Expeditionary Force", "Carnegie
Endowment", "Lake Victoria" and "Monday" are not people.

And the text must treat it as a person: it is introduced by an apposition
("Artyom Shraibman, a Belarusian political analyst …, said"; "the mayor,
Vitali Klitschko"), or preceded by a title ("Prime Minister Rishi Sunak"), or
its surname is used alone elsewhere ("… Shraibman said"), or it is the
subject of a speech verb ("Maria Okafor said"), or a "he"/"she" refers back to
it as the subject of a sentence ("Maria Okafor runs the agency. “…,” she
said"). An apposition whose head is an organisation noun ("Nemunas
Transmission, the Lithuanian network operator") marks an organisation
instead. A surname that is also a country ("Michael Jordan") is allowed, but
then its use alone proves nothing.

A lone surname becomes a person of its own only as a speaker, and only when
it appears after a lower-case word somewhere ("…,” Okafor said"), so that
"Experts said" and "Analysts had been split" name no one.

Organisations are recorded only when they are quoted ("…,” the Institute for
the Study of War (ISW), a US-based thinktank, said), with the abbreviation as
an alias, so that "ISW’s report said" finds them again.

Descriptions come from the apposition, without a leading article: "Belarusian
political analyst and non-resident scholar at the Carnegie Endowment for
International Peace", "mayor", "Ukraine’s president", "British prime
minister". An apposition that only relates the person to someone else ("his
Belarusian counterpart") gives no description.

The byline's journalists are never people of the story.
"""

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from .countries import country_of, country_words, find_countries
from .names import (
    ABBREVIATION_RE,
    CALENDAR,
    CAP_WORD,
    DESCRIBING_TITLES,
    NAME_WORD,
    ORGANISATION_NOUNS,
    ORGANISATION_PRONOUNS,
    ORGANISATION_WORDS,
    PARTICLES,
    PERSON_NAME_RE,
    PLACE_WORDS,
    PRONOUNS,
    PROPER_PHRASE,
    RELATIONAL_WORDS,
    ROLE_WORDS,
    SPEECH_VERB_RE,
    STOPWORDS,
    TITLES,
    starts_word,
)
from .paragraphs import MASK, Paragraph, char_before
from .records import Mention

__all__ = ["Cast", "Entity"]

PERSON, ORGANISATION = "person", "organisation"
_LONG_DOCUMENT = 50_000  # characters; longer documents index their words instead of scanning per name

_POSSESSIVE = rf"{CAP_WORD}(?:[ \u00a0]+{CAP_WORD})*[’']s"
_DETERMINER = rf"(?:(?:a|an|the|his|her|its|their)\s+|{_POSSESSIVE}\s+)"
_ROLE_START = r"(?:" + "|".join(sorted(ROLE_WORDS)) + r")\b"
# ", a Belarusian political analyst and …," after a name; ends at a comma, a colon or the sentence's end.
_AFTER_NAME_RE = re.compile(
    rf",[ \u00a0]+(?P<description>(?:{_DETERMINER}|{_ROLE_START})[^,;:“”\"{MASK}()\n]{{1,200}}?)"
    rf"(?=\s*(?:[,;:)]|[.!?](?:\s|$)|$))"
)
_DESCRIPTION_START_RE = re.compile(rf"(?:{_DETERMINER}|{_ROLE_START})")
# "the mayor, " before a name.
_BEFORE_NAME_RE = re.compile(
    rf"(?:^|(?<=[\s(]))(?P<description>{_DETERMINER}[^,;:.!?“”\"{MASK}()\n]{{1,80}}?),[ \u00a0]+$"
)
_AFTER_APPOSITION_RE = re.compile(r"\s*(?:[,;:)]|[.!?](?:\s|$)|$)")
_HEAD_END_RE = re.compile(r"\s(?:of|at|for|in|with|from|on|who|which|that|to|based)\s")
_ABBREVIATED_RE = re.compile(rf"(?P<name>{PROPER_PHRASE})\s*\((?P<abbreviation>[A-Z][A-Z0-9&]{{1,9}})\)")
_NAME_WORD_RE = re.compile(NAME_WORD)
_CAPITALISED_RE = re.compile(CAP_WORD)
_LEADING_ARTICLE_RE = re.compile(r"(?:a|an|the)\s+", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\b(?:who|which|that|whose)\b")
_PRONOUN_DETERMINERS = ("his ", "her ", "its ", "their ")
_DETERMINER_WORDS = frozenset({"a", "an", "the", "his", "her", "its", "their"})


@dataclass
class Entity:
    """A person or organisation while the document is being read."""

    name: str
    kind: str = PERSON
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    speaker: bool = False

    def mention(self) -> Mention:
        return Mention(
            name=self.name, description=self.description, kind=self.kind, aliases=tuple(self.aliases)
        )


@dataclass(frozen=True)
class _Apposition:
    description: str  # cleaned; "" when only relational
    organisation: bool  # its head noun is an organisation noun


class Cast:
    """Everyone the story names, and the lookups that resolve a speaker to them."""

    def __init__(
        self, *, headline: str, standfirst: str, paragraphs: Sequence[Paragraph], authors: Iterable[str]
    ) -> None:
        self._paragraphs = paragraphs
        self._authors = frozenset(authors)
        self._author_surnames = frozenset(author.split()[-1] for author in self._authors if author.strip())
        self._all_text = "\n".join([headline, standfirst, *(p.text for p in paragraphs)])
        self._body = "\n".join(p.text for p in paragraphs)
        self._entities: dict[str, Entity] = {}
        self._aliases: dict[str, str] = {}  # alias -> entity name; ambiguous aliases map to ""
        self._organisations: dict[str, Entity] = {}  # introduced with an abbreviation, not yet quoted
        self.last_person: Entity | str | None = None  # str: a name not yet known to be a person
        self.last_organisation: Entity | None = None
        self._name_words: Counter[str] = Counter()  # words of the capitalised names, for _surname_used
        self._lowercase_words: frozenset[str] | None = None  # these two are built only for long documents
        self._capitalised_words: Counter[str] | None = None
        self._paragraph_starts = list(accumulate((len(p.text) + 1 for p in paragraphs), initial=0))
        self._find_people(headline, standfirst)
        self._find_organisations()

    # Reading the names -------------------------------------------------------------------

    def _texts(self, headline: str, standfirst: str) -> Iterable[tuple[str, str]]:
        yield headline, headline
        yield standfirst, standfirst
        for paragraph in self._paragraphs:
            yield paragraph.text, paragraph.masked

    def _find_people(self, headline: str, standfirst: str) -> None:
        occurrences: dict[str, list[tuple[str, str, int, int, str]]] = {}
        for text, masked in self._texts(headline, standfirst):
            for match in PERSON_NAME_RE.finditer(text):
                if not starts_word(text, match.start()):
                    continue
                found = self._person_name(text, match)
                if found is not None:
                    name, start, titled = found
                    occurrences.setdefault(name, []).append((text, masked, start, match.end(), titled))
        for name, places in occurrences.items():
            titles = [title for *_, title in places if title]
            evidence = bool(titles)
            description = ""
            for text, masked, start, end, _ in places:
                apposition = _apposition(text, masked, start, end)
                if apposition is None:
                    continue
                if apposition.organisation:
                    break  # "Nemunas Transmission, the Lithuanian network operator": not a person
                evidence = True
                description = description or apposition.description
            else:
                # A surname that is also a country ("Jordan") used alone proves nothing.
                if evidence or (name.split()[-1] not in country_words() and self._surname_used(name)):
                    if not description and titles and set(titles[0].split()) <= DESCRIBING_TITLES:
                        description = titles[0].lower()  # "Prime Minister Rishi Sunak"
                    self._add(Entity(name=name, description=description))

    def _person_name(self, text: str, match: re.Match[str]) -> tuple[str, int, str] | None:
        """The person's name in a capitalised run, its start, and the title before it ("" if none)."""
        words = match.group().split()
        title: list[str] = []
        stripped = 0
        while words and _not_a_name(words[0]):
            title = [*title, words[0]] if words[0] in TITLES else []
            words.pop(0)
            stripped += 1
        if not stripped and words and self._sentence_opener(text, match.start(), words[0]):
            words.pop(0)
        if len(words) > 1:
            self._name_words.update(set(words))  # for _surname_used; "But Shraibman" is not a name
        if not _looks_like_person(words, country_surname=True):
            return None
        name = " ".join(words)
        if name in self._authors:
            return None
        return name, text.find(words[0], match.start()), " ".join(title)

    def _sentence_opener(self, text: str, start: int, word: str) -> bool:
        """An ordinary word capitalised because it starts a sentence ("Speaking at …")."""
        before = char_before(text, start)
        if before and before not in '.!?“":':
            return False
        return self._used_in_lower_case(word.lower()) or word.endswith(("ing", "ed", "ly"))

    def _used_in_lower_case(self, word: str) -> bool:
        if len(self._all_text) < _LONG_DOCUMENT:
            return f" {word} " in self._all_text
        if self._lowercase_words is None:  # one pass instead of one scan per name
            self._lowercase_words = frozenset(self._all_text.split())
        return word in self._lowercase_words

    def _surname_used(self, name: str) -> bool:
        """Whether the last word of ``name`` occurs on its own: "Shraibman said"."""
        surname = name.split()[-1]
        return self._count(surname) > self._name_words[surname]

    def _count(self, word: str) -> int:
        """How often a capitalised word occurs in the document."""
        if len(self._all_text) < _LONG_DOCUMENT:
            return self._all_text.count(word)
        if self._capitalised_words is None:  # one pass instead of one scan per name
            self._capitalised_words = Counter(_CAPITALISED_RE.findall(self._all_text))
        return self._capitalised_words[word]

    def _find_organisations(self) -> None:
        for paragraph in self._paragraphs:
            if "(" not in paragraph.masked:
                continue
            for match in _ABBREVIATED_RE.finditer(paragraph.masked):
                words = match["name"].split()
                while words and words[0] in STOPWORDS:
                    words.pop(0)
                if not words:
                    continue
                after = _AFTER_NAME_RE.match(paragraph.masked, match.end())
                apposition = (
                    _clean_description(paragraph.text[after.start(1) : after.end(1)]) if after else None
                )
                organisation = Entity(
                    name=" ".join(words),
                    kind=ORGANISATION,
                    description=apposition.description if apposition else "",
                    aliases=[match["abbreviation"]],
                )
                self._organisations.setdefault(organisation.name, organisation)
                self._organisations.setdefault(match["abbreviation"], organisation)

    def _add(self, entity: Entity) -> Entity:
        self._entities[entity.name] = entity
        if entity.kind == PERSON and " " in entity.name and self._surname_used(entity.name):
            entity.aliases = [entity.name.split()[-1]]
        for alias in entity.aliases:
            self._aliases[alias] = "" if self._aliases.get(alias, entity.name) != entity.name else entity.name
        return entity

    # Resolving speakers ------------------------------------------------------------------

    def resolve(
        self,
        phrase: str,
        *,
        create: str = PERSON,
        abbreviation: str = "",
        appositive: str = "",
        definite: bool = False,
    ) -> Entity | None:
        """The entity a subject phrase names, or None.

        ``create`` says what may be added when the phrase names no one known yet:
        "person", "any" (a person or an organisation: quoted speakers) or "" (nothing).
        ``definite`` says the phrase followed "the" ("the Kremlin said").
        """
        if phrase in PRONOUNS:
            if isinstance(self.last_person, str):
                self.last_person = self.resolve(self.last_person)  # the name "she" refers to is a person
            return self.last_person
        if phrase in ORGANISATION_PRONOUNS:
            return self.last_organisation
        words = phrase.split()
        while words and (words[0] in STOPWORDS or words[0] in TITLES):
            definite = definite or words[0] == "The"
            words.pop(0)
        if not words:
            return None
        name = " ".join(words)
        known = self._known(name, organisations=create == "any")
        if known is None and " " in name:
            # "Putin of Russia", "Zelenskiy on Monday": the name before a connector.
            head = re.split(r"\s(?:of|for|on|the)\s", name, maxsplit=1)[0]
            if head != name:
                known = self._known(head, organisations=create == "any")
        if known is not None or not create:
            return known
        if (
            name in self._authors
            or name in self._author_surnames
            or country_of(name)
            or CALENDAR & set(words)
        ):
            return None  # a journalist; "Washington said"; "Monday"
        if abbreviation or definite or ABBREVIATION_RE.fullmatch(name) or _has_organisation_word(words):
            if create != "any":
                return None
            entity = Entity(name=name, kind=ORGANISATION, aliases=[abbreviation] if abbreviation else [])
        elif _looks_like_person(words) or (
            len(words) == 1 and words[0] not in PLACE_WORDS and self._used_mid_sentence(name)
        ):
            entity = Entity(name=name)
        else:
            return None
        cleaned = _clean_description(appositive) if _DESCRIPTION_START_RE.match(appositive) else None
        if cleaned is not None:
            entity.description = cleaned.description
        return self._add(entity)

    def _known(self, name: str, *, organisations: bool) -> Entity | None:
        entity = self._entities.get(name)
        if entity is None and self._aliases.get(name):
            entity = self._entities[self._aliases[name]]
        if entity is None and organisations:
            organisation = self._organisations.get(name)
            if organisation is not None:
                entity = self._add(organisation)
        return entity

    def _used_mid_sentence(self, word: str) -> bool:
        """A lone capitalised word that occurs after a lower-case word: a surname, not "Experts"."""
        if not _NAME_WORD_RE.fullmatch(word) or word in country_words():
            return False
        position = self._body.find(word)
        while position > 0:
            before = self._body[max(0, position - 30) : position]
            previous = before.split()[-1] if before.strip() and before[-1] == " " else ""
            if previous and (
                (previous[0].islower() and previous[-1].isalpha()) or previous.endswith((",", ",”", ',"'))
            ):
                return True  # "… and Okafor", "…,” Okafor said" (not "Maria Okafor", not "Experts")
            position = self._body.find(word, position + 1)
        return False

    def note_name(self, name: str) -> None:
        """Remember a sentence's subject that is not known as a person: "Maria Okafor runs …"."""
        self.last_person = name

    def note(self, entity: Entity | None) -> None:
        """Remember the latest subject, for a following "he said" or "it said"."""
        if entity is None:
            return
        if entity.kind == PERSON:
            self.last_person = entity
        else:
            self.last_organisation = entity

    # The result --------------------------------------------------------------------------

    def mentions(self) -> tuple[Mention, ...]:
        """People named in the body and organisations quoted there, in order of first appearance."""
        placed = []
        for entity in self._entities.values():
            if entity.kind == ORGANISATION and not entity.speaker:
                continue
            first = self._first_appearance(entity)
            if first is not None:
                placed.append((first, entity.mention()))
        placed.sort(key=lambda item: item[0])
        return tuple(mention for _, mention in placed)

    def _first_appearance(self, entity: Entity) -> tuple[int, int] | None:
        """(paragraph index, offset) of the first use of the name or an alias in the body."""
        found = [
            position for form in (entity.name, *entity.aliases) if (position := self._body.find(form)) != -1
        ]
        if not found:
            return None
        position = min(found)
        index = bisect_right(self._paragraph_starts, position) - 1
        return index, position - self._paragraph_starts[index]


def _not_a_name(word: str) -> bool:
    return word in STOPWORDS or word in TITLES or word in PLACE_WORDS or word in country_words()


def _looks_like_person(words: list[str], *, country_surname: bool = False) -> bool:
    """Two to four name words, none of them a function, place, calendar or organisation word.

    With ``country_surname`` the last word may be a country form ("Michael Jordan").
    """
    named = [word for word in words if word not in PARTICLES]
    if not 2 <= len(named) <= 4 or words[0] in PARTICLES or words[-1] in PARTICLES:
        return False
    if not all(_NAME_WORD_RE.fullmatch(word) for word in named):
        return False
    if country_surname and named[-1] in country_words():
        named, words = named[:-1], words[:-1]
    if named[0] in TITLES or any(
        (_not_a_name(word) and word not in TITLES) or word in CALENDAR or word in ORGANISATION_WORDS
        for word in named
    ):
        return False  # a title is allowed after the first name: "John Major", "Stephen King"
    return not find_countries(" ".join(words))  # "Costa Rica", "San José"


def _has_organisation_word(words: list[str]) -> bool:
    return any(word in ORGANISATION_WORDS for word in words)


def _apposition(text: str, masked: str, start: int, end: int) -> _Apposition | None:
    """The description an apposition gives the name at text[start:end], if any."""
    after = _AFTER_NAME_RE.match(masked, end)
    if after is not None:
        cleaned = _clean_description(text[after.start("description") : after.end("description")])
        if cleaned is not None:
            return cleaned
    if _AFTER_APPOSITION_RE.match(masked, end) is None:
        return None  # "After meeting the troops, Vladimir Putin said": not an apposition
    before = _BEFORE_NAME_RE.search(masked, max(0, start - 120), start)
    if before is None:
        return None
    words = text[before.start("description") : before.end("description")].split()
    # The nearest determiner starts it: "the meeting with the British prime minister" -> "the British …".
    first = max(
        (
            index
            for index, word in enumerate(words)
            if word in _DETERMINER_WORDS or word.endswith(("’s", "'s"))
        ),
        default=0,
    )
    words = words[first:]
    if len(words) > 7 or not words[-1][:1].islower():
        return None
    return _clean_description(" ".join(words))


def _clean_description(description: str) -> _Apposition | None:
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
        return _Apposition(description=description, organisation=True)
    if relative and head_noun in RELATIONAL_WORDS:
        return _Apposition(description="", organisation=False)
    return _Apposition(description=description, organisation=False)
