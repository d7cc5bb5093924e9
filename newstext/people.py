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

Organisations are recorded only when they are quoted ("…,” the Institute for
the Study of War (ISW), a US-based thinktank, said), with the abbreviation as
an alias, so that "ISW’s report said" finds them again.

Descriptions come from the apposition, without a leading article: "Belarusian
political analyst and non-resident scholar at the Carnegie Endowment for
International Peace", "mayor", "Ukraine’s president", "British prime
minister". An apposition that only relates the person to someone else ("his
Belarusian counterpart") gives no description.

A title or a descriptor before the name is evidence too, and is stripped
from it wherever it stands ("Councillor Joan Tilley", "Transport Secretary
Alison Dunne", "analyst Joris de Wit", "a 63-year-old man named Gareth
Lloyd"), and so are an age in apposition ("Margaret Doyle, 82,") and being
joined by "and" to a person ("written by Cecil Brand and Dorothy Kemp").
Names inside organisations' names ("Kuura Nova Grace Lindqvist edition" aside)
and places introduced as such ("Llanfair Waterside, a town") are not people.

Each person has a gender when the text gives one: a title (Mr, Dame), a
gendered descriptor ("spokeswoman", "a 58-year-old man") or the pronoun that
first refers back to them (not one inside their apposition: "Eleanor Vance,
his rival,"). How speakers, pronouns and role nouns are resolved is in
``resolution.py``.

The byline's journalists are never people of the story.
"""

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from .castscan import CastScan
from .countries import country_words
from .descriptions import (
    PLACE,
    SINGLE_NAME_RE,
    age_after,
    descriptor_before,
)
from .descriptions import apposition as _apposition
from .entities import (
    ORGANISATION,
    PERSON,
    ROLE_TITLES,
    Entity,
    cut_titles,
    gender_of,
    looks_like_person,
    not_a_name,
)
from .names import (
    CAP_WORD,
    DESCRIBING_TITLES,
    PERSON_NAME_RE,
    PLACE_NOUNS,
    TITLES,
    starts_word,
    words,
)
from .paragraphs import Paragraph, char_before
from .records import Mention
from .resolution import Resolution

_LONG_DOCUMENT = 50_000  # characters; longer documents index their words instead of scanning per name

_CAPITALISED_RE = re.compile(CAP_WORD)
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")
# Given names that end like agent nouns, so that "Peter Van Dijk" is not "a peter".
_GIVEN_NAMES_LIKE_AGENTS = words(
    """
    Alexander Amber Bernadette Brent Christopher Esther Grant Heather Hector Jennifer Jasper Kent Lavender
    Oliver Peter Roger Spencer Tudor Trevor Victor Vincent Walter Xander Amer Omer Taylor Connor Tyler
    Hunter Carter Parker Skyler Piper Schuyler Jupiter Florent Laurent Clement Ryan Brian Adrian Julian
    Damian Christian Cristian Fabian Florian Sebastian Vivian Lillian Jillian Marian Bryant Dante
    """
)
_PLACE_OF_RE = re.compile(rf"\b(?:{'|'.join(sorted(PLACE_NOUNS))})\s+of\s+$")
_WHICH_AFTER_RE = re.compile(r",\s+which\b")
_AND_BEFORE_RE = re.compile(r"\s+and\s+$")
_AND_AFTER_RE = re.compile(r"\s+and\s+")
_AND_I_RE = re.compile(r"\s+and\s+I\b")
# Person nouns that introduce somebody new rather than refer back: "her neighbour", "a resident".


@dataclass
class _Occurrence:
    text: str
    masked: str
    start: int
    end: int
    title: str
    paragraph: int  # -1 for the headline and standfirst


class Cast(CastScan, Resolution):
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
        self._aliases: dict[str, str] = {}  # alias -> entity name (the first introduced with it)
        self._organisations: dict[str, Entity] = {}  # named in the body, not yet quoted
        self._organisation_spans: dict[int, list[tuple[int, int]]] = {}  # paragraph -> name spans
        self._recent: list[Entity | str] = []  # people noted as subjects, latest last (str: not yet known)
        self.last_organisation: Entity | None = None
        self.last_subject: Entity | None = None  # person or organisation
        self._name_words: Counter[str] = Counter()  # words of the capitalised names, for _surname_used
        self._lowercase_words: frozenset[str] | None = None  # these two are built only for long documents
        self._capitalised_words: Counter[str] | None = None
        self._paragraph_starts = list(accumulate((len(p.text) + 1 for p in paragraphs), initial=0))
        self._find_organisations()
        self._find_people(headline, standfirst)
        self._find_genders()

    # Reading the names -------------------------------------------------------------------

    def _texts(self, headline: str, standfirst: str) -> Iterable[tuple[str, str, int]]:
        yield headline, headline, -1
        yield standfirst, standfirst, -1
        for paragraph in self._paragraphs:
            yield paragraph.text, paragraph.masked, paragraph.index

    def _inside_organisation(self, paragraph: int, start: int, end: int) -> bool:
        return any(a <= start < b or a < end <= b for a, b in self._organisation_spans.get(paragraph, ()))

    def _find_people(self, headline: str, standfirst: str) -> None:
        occurrences: dict[str, list[_Occurrence]] = {}
        for text, masked, index in self._texts(headline, standfirst):
            for match in PERSON_NAME_RE.finditer(text):
                if not starts_word(text, match.start()):
                    continue
                found = self._person_name(text, match)
                if found is None:
                    continue
                name, start, titled = found
                if (
                    name in self._organisations
                    or self._inside_organisation(index, start, match.end())
                    or self._organisation_ending(name) is not None
                ):
                    continue
                occurrences.setdefault(name, []).append(
                    _Occurrence(text, masked, start, match.end(), titled, index)
                )
        unproven: dict[str, list[_Occurrence]] = {}
        for name, places in occurrences.items():
            if not self._read_person(name, places):
                unproven[name] = places
        # "written by Cecil Brand and Dorothy Kemp": joined by "and" to a person.
        for name, places in unproven.items():
            if any(self._joined_to_person(place) for place in places):
                self._add(Entity(name=name))
        for paragraph in self._paragraphs:
            for single in SINGLE_NAME_RE.finditer(paragraph.text):
                name = single["name"]
                if name not in self._entities and name not in self._aliases and not_a_name(name) is False:
                    gender = gender_of(single["pronoun"] or "") if single["pronoun"] else ""
                    self._add(Entity(name=name, gender=gender))

    def _read_person(self, name: str, places: list[_Occurrence]) -> bool:
        """Add ``name`` as a person when the text treats it as one; False when it did not prove one."""
        titles = [place.title for place in places if place.title]
        evidence = bool(titles)
        description = ""
        gender = ""
        roles: set[str] = set()
        for title in titles:
            gender = gender or gender_of(title)
            roles.update(word.lower() for word in title.split())
        for place in places:
            descriptor = descriptor_before(place.text, place.start)
            if descriptor is not None:
                evidence = True
                description = description or descriptor
                context = descriptor or place.text[max(0, place.start - 40) : place.start]
                gender = gender or gender_of(context)
                roles.update(descriptor.lower().replace("’s", " ").replace("'s", " ").split())
            if _PLACE_OF_RE.search(place.masked, max(0, place.start - 30), place.start):
                return True  # "the Yorkshire village of Thornton Beck"
            if age_after(place.masked, place.end):
                evidence = True
            if _WHICH_AFTER_RE.match(place.masked, place.end):
                self._add_organisation(name)  # "Southmere Water, which faces the largest increase,"
                return True
            if place.paragraph >= 0 and _AND_I_RE.match(place.text, place.end):
                evidence = True  # “Margaret Hale and I disagreed”
            found = _apposition(place.text, place.masked, place.start, place.end)
            if found is None:
                continue
            if found.organisation:
                self._add_organisation(name, description=found.description, role=found.head)
                return True  # "Nemunas Transmission, the Lithuanian network operator": not a person
            if found.kind == PLACE:
                return True  # "Llanfair Waterside, a town on the Teme"
            evidence = True
            description = description or found.description
            gender = gender or gender_of(found.description or found.head)
            roles.update(found.description.lower().replace("’s", " ").replace("'s", " ").split())
        # A surname that is also a country ("Jordan") used alone proves nothing.
        if not (evidence or (name.split()[-1] not in country_words() and self._surname_used(name))):
            return False
        if titles and not description and set(titles[0].split()) <= DESCRIBING_TITLES | ROLE_TITLES:
            description = titles[0].lower()  # "Prime Minister Rishi Sunak"
        self._add(Entity(name=name, description=description, gender=gender, roles=roles))
        return True

    def _joined_to_person(self, place: _Occurrence) -> bool:
        before = _AND_BEFORE_RE.search(place.masked, max(0, place.start - 6), place.start)
        after = _AND_AFTER_RE.match(place.masked, place.end)
        for match, text in (
            (before, place.masked[max(0, place.start - 60) : before.start()] if before else ""),
            (after, place.masked[after.end() : after.end() + 60] if after else ""),
        ):
            if match is None:
                continue
            neighbour = PERSON_NAME_RE.search(text)
            if neighbour is None:
                continue
            words = neighbour.group().split()
            while words and words[0] in TITLES:
                words.pop(0)
            if " ".join(words) in self._entities:
                return True
        return False

    def _person_name(self, text: str, match: re.Match[str]) -> tuple[str, int, str] | None:
        """The person's name in a capitalised run, its start, and the title before it ("" if none)."""
        words = match.group().split()
        title: list[str] = []
        stripped = 0
        # "technology analyst Sofia Berg": a first name that is also a capital, after a descriptor.
        first_is_place = (
            len(words) in (2, 3)
            and words[0] in country_words()
            and words[1] not in country_words()
            and bool(descriptor_before(text, match.start()))
        )
        while words and not first_is_place and not_a_name(words[0]):
            title = [*title, words[0]] if words[0] in TITLES else []
            words.pop(0)
            stripped += 1
        cut, words = cut_titles(words)
        if cut:
            title, stripped = cut, stripped + 1
        if not stripped and len(words) == 3 and _occupation_opening(text, match.start(), words[0]):
            title, stripped = [words.pop(0)], 1  # "Butcher Ken Atherton, whose family …"
        if not stripped and words and self._sentence_opener(text, match.start(), words[0]):
            words.pop(0)
        if len(words) > 1:
            self._name_words.update(set(words))  # for _surname_used; "But Shraibman" is not a name
        if not looks_like_person(words, country_surname=True, country_first=first_is_place):
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

    def _add(self, entity: Entity) -> Entity:
        self._entities[entity.name] = entity
        if entity.kind == PERSON and " " in entity.name and self._surname_used(entity.name):
            entity.aliases = [entity.name.split()[-1]]
        for alias in entity.aliases:
            # A surname two people share ("Mehta") stands for the one the story introduced first.
            self._aliases.setdefault(alias, entity.name)
        return entity

    # Resolving speakers ------------------------------------------------------------------

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
        """(paragraph index, offset) of the first use of the name or an alias in the body.

        None when the full name is not in the body and the entity never speaks there: "Rare
        Sumatran" of a headline is no one because the body says "Sumatran tigers".
        """
        if entity.name not in self._body and not entity.speaker:
            return None
        found = [
            position for form in (entity.name, *entity.aliases) if (position := self._body.find(form)) != -1
        ]
        if not found:
            return None
        position = min(found)
        index = bisect_right(self._paragraph_starts, position) - 1
        return index, position - self._paragraph_starts[index]


def _occupation_opening(text: str, start: int, word: str) -> bool:
    """A capitalised occupation opening a sentence before a two-word name: "Florist Amira Haddad".

    An agent noun ("-er", "-or", "-ist", "-ian", "-ant", "-ent") that is not a common given name.
    """
    if char_before(text, start) not in ("", ".", "!", "?", "“", '"', ":"):
        return False
    return word.endswith(_AGENT_SUFFIXES) and word not in _GIVEN_NAMES_LIKE_AGENTS
