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

A title or a descriptor before the name is evidence too, and is stripped
from it wherever it stands ("Councillor Joan Tilley", "Transport Secretary
Alison Dunne", "analyst Joris de Wit", "a 63-year-old man named Gareth
Lloyd"), and so are an age in apposition ("Margaret Doyle, 82,") and being
joined by "and" to a person ("written by Cecil Brand and Dorothy Kemp").
Names inside organisations' names ("Kuura Nova Grace Lindqvist edition" aside)
and places introduced as such ("Llanfair Waterside, a town") are not people.

Each person has a gender when the text gives one: a title (Mr, Dame), a
gendered descriptor ("spokeswoman", "a 58-year-old man") or the pronoun that
first refers back to them. "he" and "she" resolve to the latest person the
pronoun fits.

Role nouns stand for the person or organisation named in that role
(``resolve_role``): "the CEO said" is the person introduced as CEO, "the
foreign ministry's spokeswoman" the spokeswoman, "the commission said" the
latest organisation whose name or introduction says commission, "the
statement said" the latest speaker.

The byline's journalists are never people of the story.
"""

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from .countries import country_of, country_words, find_countries
from .descriptions import (
    AFTER_NAME_RE,
    DESCRIPTION_START_RE,
    PLACE,
    SINGLE_NAME_RE,
    age_after,
    clean_description,
    descriptor_before,
)
from .descriptions import apposition as _apposition
from .names import (
    ABBREVIATION_RE,
    CALENDAR,
    CAP_WORD,
    DEMONYM_NOUNS,
    DESCRIBING_TITLES,
    DOCUMENT_ROLES,
    GENDERED_WORDS,
    GENERIC_ORGANISATION_ROLES,
    NAME_WORD,
    ORGANISATION_PRONOUNS,
    ORGANISATION_ROLES,
    ORGANISATION_WORDS,
    PARTICLES,
    PERSON_NAME_RE,
    PERSON_ROLES,
    PLACE_WORDS,
    PRONOUN_GENDER,
    PRONOUNS,
    RELATIONAL_WORDS,
    STOPWORDS,
    TITLES,
    starts_word,
)
from .organisations import find_organisations
from .paragraphs import Paragraph, char_before
from .records import Mention

__all__ = ["ORGANISATION", "PERSON", "Cast", "Entity"]

PERSON, ORGANISATION = "person", "organisation"
_LONG_DOCUMENT = 50_000  # characters; longer documents index their words instead of scanning per name

_NAME_WORD_RE = re.compile(NAME_WORD)
_CAPITALISED_RE = re.compile(CAP_WORD)
_PRONOUN_WORD_RE = re.compile(r"\b(?:he|his|him|she|her|hers|He|His|Him|She|Her)\b")
_WHICH_AFTER_RE = re.compile(r",\s+which\b")
_AND_BEFORE_RE = re.compile(r"\s+and\s+$")
_AND_AFTER_RE = re.compile(r"\s+and\s+")
_AND_I_RE = re.compile(r"\s+and\s+I\b")
_TITLE_ALTERNATION = "|".join(sorted(TITLES))
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_ROLE_CONNECTORS = frozenset({"of", "for", "at", "in", "from", "with", "on"})
# Person nouns that introduce somebody new rather than refer back: "her neighbour", "a resident".
_NOT_REFERRING_BACK = RELATIONAL_WORDS | {
    "neighbour",
    "resident",
    "man",
    "woman",
    "boy",
    "girl",
    "victim",
    "witness",
    "supporter",
    "fan",
    "worker",
    "farmer",
    "student",
    "passenger",
    "pensioner",
    "volunteer",
    "teenager",
    "grandmother",
    "grandfather",
    "granddaughter",
    "grandson",
    "niece",
    "nephew",
    "cousin",
}
_DEMONYM_ROLES = frozenset(word.lower() for word in DEMONYM_NOUNS)
_ALL_ROLES = PERSON_ROLES | ORGANISATION_ROLES | DOCUMENT_ROLES | _DEMONYM_ROLES | {"ceo", "executive"}
_ROLE_TITLES = frozenset(word.capitalize() for word in PERSON_ROLES) | {"CEO", "MP", "MEP"}


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


@dataclass
class _Occurrence:
    text: str
    masked: str
    start: int
    end: int
    title: str
    paragraph: int  # -1 for the headline and standfirst


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
                if name not in self._entities and name not in self._aliases and _not_a_name(name) is False:
                    gender = _gender_of(single["pronoun"] or "") if single["pronoun"] else ""
                    self._add(Entity(name=name, gender=gender))

    def _read_person(self, name: str, places: list[_Occurrence]) -> bool:
        """Add ``name`` as a person when the text treats it as one; False when it did not prove one."""
        titles = [place.title for place in places if place.title]
        evidence = bool(titles)
        description = ""
        gender = ""
        roles: set[str] = set()
        for title in titles:
            gender = gender or _gender_of(title)
            roles.update(word.lower() for word in title.split())
        for place in places:
            descriptor = descriptor_before(place.text, place.start)
            if descriptor is not None:
                evidence = True
                description = description or descriptor
                context = descriptor or place.text[max(0, place.start - 40) : place.start]
                gender = gender or _gender_of(context)
                roles.update(descriptor.lower().replace("’s", " ").replace("'s", " ").split())
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
            gender = gender or _gender_of(found.description or found.head)
            roles.update(found.description.lower().replace("’s", " ").replace("'s", " ").split())
        # A surname that is also a country ("Jordan") used alone proves nothing.
        if not (evidence or (name.split()[-1] not in country_words() and self._surname_used(name))):
            return False
        if titles and not description and set(titles[0].split()) <= DESCRIBING_TITLES | _ROLE_TITLES:
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
        while words and not first_is_place and _not_a_name(words[0]):
            title = [*title, words[0]] if words[0] in TITLES else []
            words.pop(0)
            stripped += 1
        cut, words = _cut_titles(words)
        if cut:
            title, stripped = cut, stripped + 1
        if not stripped and words and self._sentence_opener(text, match.start(), words[0]):
            words.pop(0)
        if len(words) > 1:
            self._name_words.update(set(words))  # for _surname_used; "But Shraibman" is not a name
        if not _looks_like_person(words, country_surname=True, country_first=first_is_place):
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
        for found in find_organisations(self._paragraphs):
            self._organisation_spans.setdefault(found.paragraph, []).append(
                (found.start, found.start + len(found.name))
            )
            organisation = self._add_organisation(
                found.name, abbreviation=found.abbreviation, role=found.role
            )
            if found.abbreviation and not organisation.description:
                paragraph = self._paragraphs[found.paragraph]
                closing = paragraph.masked.find(")", found.start + len(found.name))
                after = AFTER_NAME_RE.match(paragraph.masked, closing + 1) if closing != -1 else None
                if after is not None:
                    cleaned = clean_description(paragraph.text[after.start(1) : after.end(1)])
                    if cleaned is not None:
                        organisation.description = cleaned.description

    def _add_organisation(
        self, name: str, *, abbreviation: str = "", description: str = "", role: str = ""
    ) -> Entity:
        organisation = self._organisations.get(name) or self._entities.get(name)
        if organisation is None or organisation.kind != ORGANISATION:
            organisation = Entity(name=name, kind=ORGANISATION, description=description)
            self._organisations[name] = organisation
        organisation.description = organisation.description or description
        if abbreviation and abbreviation not in organisation.aliases:
            organisation.aliases.append(abbreviation)
            self._organisations.setdefault(abbreviation, organisation)
        organisation.roles.update(word.lower() for word in name.split())
        if role:
            organisation.roles.add(role)
        return organisation

    def _find_genders(self) -> None:
        """Each person's gender from the first pronouns that refer back to them, when no title gave one."""
        people = {name: entity for name, entity in self._entities.items() if entity.kind == PERSON}
        forms = {form: entity for entity in people.values() for form in (entity.name, *entity.aliases)}
        if not forms:
            return
        votes: dict[str, Counter[str]] = {}
        for paragraph in self._paragraphs:
            masked = paragraph.masked
            found: list[tuple[int, int, Entity | None, str]] = [
                (match.start(), match.end(), None, match.group())
                for match in _PRONOUN_WORD_RE.finditer(masked)
            ]
            if not found:
                continue
            for form, entity in forms.items():
                position = masked.find(form)
                while position != -1:  # str.find per name: no pattern compiled per document
                    if starts_word(masked, position):
                        found.append((position, position + len(form), entity, form))
                    position = masked.find(form, position + 1)
            found.sort(key=lambda item: (item[0], -item[1]))
            last: Entity | None = None
            apposition_end = covered = -1
            for start, end, entity, word in found:
                if start < covered:
                    continue  # "Putin" inside "Vladimir Putin"
                covered = end
                if entity is not None:
                    last = entity
                    if masked.startswith(",", end):
                        apposition_end = masked.find(",", end + 1)
                elif start < apposition_end:
                    continue  # "Eleanor Vance, his rival,": the pronoun is somebody else's
                elif last is not None:
                    votes.setdefault(last.name, Counter())[PRONOUN_GENDER[word.lower()]] += 1
                    last = None  # only the first pronoun after a name speaks for it
        for name, counted in votes.items():
            entity = people[name]
            if not entity.gender:
                (gender, times), *rest = counted.most_common()
                if not rest or rest[0][1] < times:
                    entity.gender = gender

    def _add(self, entity: Entity) -> Entity:
        self._entities[entity.name] = entity
        if entity.kind == PERSON and " " in entity.name and self._surname_used(entity.name):
            entity.aliases = [entity.name.split()[-1]]
        for alias in entity.aliases:
            # A surname two people share ("Mehta") stands for the one the story introduced first.
            self._aliases.setdefault(alias, entity.name)
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
        organisation: bool = False,
    ) -> Entity | None:
        """The entity a subject phrase names, or None.

        ``create`` says what may be added when the phrase names no one known yet:
        "person", "any" (a person or an organisation: quoted speakers) or "" (nothing).
        ``organisation`` says the text treats it as one ("Andes Cobre said it would appeal").
        ``definite`` says the phrase followed "the" ("the Kremlin said").
        """
        if phrase in PRONOUNS:
            return self.latest_person(PRONOUN_GENDER[phrase.lower()])
        if phrase in ORGANISATION_PRONOUNS:
            return self.last_organisation
        words = phrase.split()
        while words and (words[0] in STOPWORDS or words[0] in TITLES or words[0] in _ROLE_TITLES):
            definite = definite or words[0] == "The"
            words.pop(0)
        cut, words = _cut_titles(words)
        if not words:
            return None
        name = " ".join(words).rstrip("’'")
        known = self._known(name, organisations=True)
        if known is None and " " in name:
            # "Putin of Russia", "Zelenskiy on Monday": the name before a connector.
            head = re.split(r"\s(?:of|for|on|the)\s", name, maxsplit=1)[0]
            if head != name:
                known = self._known(head, organisations=True)
        for start in range(1, len(words) - 1) if known is None else ():
            known = self._known(
                " ".join(words[start:]), organisations=False
            )  # "Mother-of-three Joanne Bright"
            if known is not None:
                break
        if known is None:
            known = self._organisation_ending(name)  # "Maritime … Workers' Union" of "Rail and Maritime …"
        if known is not None or not create:
            return known
        if len(words) == 1 and definite and words[0] in DEMONYM_NOUNS:
            return self.latest_person("")  # "the Spaniard said"
        if (
            name in self._authors
            or name in self._author_surnames
            or country_of(name)
            or CALENDAR & set(words)
            or name in DEMONYM_NOUNS
        ):
            return None  # a journalist; "Washington said"; "Monday"
        if (
            abbreviation
            or definite
            or organisation
            or ABBREVIATION_RE.fullmatch(name)
            or _has_organisation_word(words)
        ):
            if create != "any" or name.lower() in PERSON_ROLES:
                return None
            entity = self._add_organisation(name, abbreviation=abbreviation)
        elif _looks_like_person(words) or (
            len(words) == 1 and words[0] not in PLACE_WORDS and self._titled_alone(name)
        ):
            entity = Entity(name=name)
        else:
            return None
        cleaned = clean_description(appositive) if DESCRIPTION_START_RE.match(appositive) else None
        if cleaned is not None:
            entity.description = entity.description or cleaned.description
        return self._add(entity)

    def resolve_role(self, phrase: str, *, position: tuple[int, int]) -> Entity | None:
        """The entity a role phrase stands for: "the CEO", "the club's chairman", "the union".

        The role is the last role noun before a connector ("the head of the mission" is a head);
        "a spokesman for the developer" speaks for the developer.
        """
        words = phrase.replace("’s", " ").replace("'s", " ").split()
        lowered = [word.lower() for word in words]
        for index, word in enumerate(lowered[:-2]):
            if word in _SPOKESPEOPLE and lowered[index + 1] in ("for", "of"):
                rest = " ".join(words[index + 2 :])
                return self.resolve(rest, create="") or self.resolve_role(rest, position=position)
        noun = ""
        for word in lowered:
            if word in _ROLE_CONNECTORS and noun:
                break
            if word in _ALL_ROLES:
                noun = word
        if not noun:
            return None
        if noun in DOCUMENT_ROLES:
            return self.last_subject  # "said in a statement … “…,” the statement said"
        if noun in _DEMONYM_ROLES:
            return self.latest_person("")
        qualifiers = set(lowered) - {"the", "its", "his", "her", "their", "a", "an", noun}
        if noun in ORGANISATION_ROLES and noun not in PERSON_ROLES:
            found = self._latest_with_role(noun, qualifiers, ORGANISATION, position)
            if found is None and noun in GENERIC_ORGANISATION_ROLES:
                found = self._latest_organisation(position)  # "the company", "the developer"
            return found
        gender = GENDERED_WORDS.get(noun, "")
        found = self._latest_with_role(noun, qualifiers, PERSON, position)
        if found is None and noun not in _NOT_REFERRING_BACK:
            found = self.latest_person(gender)  # "the actor said": the story's latest subject
        return found

    def _offset(self, position: tuple[int, int]) -> int:
        return self._paragraph_starts[min(position[0], len(self._paragraphs))] + position[1]

    def _latest_organisation(self, position: tuple[int, int]) -> Entity | None:
        """The organisation named last before ``position``: "Greyfield Homes … the developer said"."""
        offset = self._offset(position)
        best: tuple[int, Entity] | None = None
        for key, organisation in self._organisations.items():
            if key != organisation.name:
                continue
            last = max(
                (self._body.rfind(form, 0, offset) for form in (key, *organisation.aliases)), default=-1
            )
            if last != -1 and (best is None or last > best[0]):
                best = (last, organisation)
        return None if best is None else self._known(best[1].name, organisations=True)

    def _latest_with_role(
        self, noun: str, qualifiers: set[str], kind: str, position: tuple[int, int]
    ) -> Entity | None:
        """Of the entities introduced with ``noun``, the one named last before ``position``."""
        offset = self._offset(position)
        best: tuple[int, int, Entity] | None = None
        pool = list(self._entities.values())
        if kind == ORGANISATION:
            pool += [org for key, org in self._organisations.items() if key == org.name]
        for entity in pool:
            if entity.kind != kind or noun not in entity.roles:
                continue
            last = max(
                (self._body.rfind(form, 0, offset) for form in (entity.name, *entity.aliases)), default=-1
            )
            if last == -1:
                continue
            score = (len(qualifiers & entity.roles), last)
            if best is None or score > best[:2]:
                best = (*score, entity)
        if best is None:
            return None
        entity = best[2]
        if entity.kind == ORGANISATION and entity.name not in self._entities:
            self._add(entity)
        return entity

    def latest_person(self, gender: str) -> Entity | None:
        """The person latest noted as a subject whom a pronoun of ``gender`` ("m", "f", "") fits.

        A person of unknown gender fits either pronoun: the story's latest subject is the likelier
        referent than an earlier one whose gender is known.
        """
        for index in range(len(self._recent) - 1, -1, -1):
            candidate = self._recent[index]
            if isinstance(candidate, str):
                resolved = self.resolve(candidate)  # the name "she" refers to is a person
                if resolved is None:
                    continue
                self._recent[index] = candidate = resolved
                if gender and not resolved.gender:
                    resolved.gender = gender
            if not gender or not candidate.gender or candidate.gender == gender:
                return candidate
        return None

    def _known(self, name: str, *, organisations: bool) -> Entity | None:
        entity = self._entities.get(name)
        if entity is None and self._aliases.get(name):
            entity = self._entities[self._aliases[name]]
        if entity is None and organisations:
            organisation = self._organisations.get(name)
            if organisation is not None:
                entity = self._add(organisation)
        return entity

    def _organisation_ending(self, name: str) -> Entity | None:
        """The organisation ``name`` is the end or the start of: "the Union", "Andes Cobre" (… Minerals)."""
        for organisation in self._organisations.values():
            full = organisation.name
            if full != name and (full.endswith(" " + name) or (" " in name and full.startswith(name + " "))):
                return self._add(organisation) if full not in self._entities else organisation
        return None

    def _titled_alone(self, word: str) -> bool:
        """A lone capitalised word after a title somewhere: "Mr Okafor", "Dr Diallo"."""
        if not _NAME_WORD_RE.fullmatch(word) or word in country_words():
            return False
        titled = re.compile(rf"\b(?:{_TITLE_ALTERNATION})\.?\s+{re.escape(word)}\b")
        return titled.search(self._body) is not None

    def note_name(self, name: str) -> None:
        """Remember a sentence's subject that is not known as a person: "Maria Okafor runs …"."""
        self._recent.append(name)

    def note(self, entity: Entity | None) -> None:
        """Remember the latest subject, for a following "he said" or "it said"."""
        if entity is None:
            return
        self.last_subject = entity
        if entity.kind == PERSON:
            if entity in self._recent:
                self._recent.remove(entity)
            self._recent.append(entity)
        else:
            self.last_organisation = entity

    def note_speaker(self, entity: Entity) -> None:
        self.note(entity)

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


def _cut_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """ "Transport Secretary Alison Dunne", "Local MP Rhodri Evans" -> the title words and the name's.

    The name starts after the last title or role word that two name words follow, so
    "John Major" keeps his.
    """
    for index in range(len(words) - 3, -1, -1):
        if words[index] in TITLES or words[index] in _ROLE_TITLES:
            return words[: index + 1], words[index + 1 :]
    return [], words


def _not_a_name(word: str) -> bool:
    return word in STOPWORDS or word in TITLES or word in PLACE_WORDS or word in country_words()


def _looks_like_person(
    words: list[str], *, country_surname: bool = False, country_first: bool = False
) -> bool:
    """Two to four name words, none of them a function, place, calendar or organisation word.

    With ``country_surname`` the last word may be a country form ("Michael Jordan"), with
    ``country_first`` the first ("Sofia Berg").
    """
    named = [word for word in words if word not in PARTICLES]
    if not 2 <= len(named) <= 4 or words[0] in PARTICLES or words[-1] in PARTICLES:
        return False
    if not all(_NAME_WORD_RE.fullmatch(word) for word in named):
        return False
    if country_surname and named[-1] in country_words():
        named, words = named[:-1], words[:-1]
    if country_first:
        named, words = named[1:], words[1:]
    if not named:
        return True
    if named[0] in TITLES or any(
        (_not_a_name(word) and word not in TITLES) or word in CALENDAR or word in ORGANISATION_WORDS
        for word in named
    ):
        return False  # a title is allowed after the first name: "John Major", "Stephen King"
    return not find_countries(" ".join(words))  # "Costa Rica", "San José"


def _has_organisation_word(words: list[str]) -> bool:
    return any(word in ORGANISATION_WORDS for word in words)


def _gender_of(words: str) -> str:
    """ "m" or "f" when a word of ``words`` is gendered ("spokeswoman", "Mr"), else ""."""
    for word in re.findall(r"[\w-]+", words.lower()):
        for part in word.split("-"):
            if part in GENDERED_WORDS:
                return GENDERED_WORDS[part]
    return ""
