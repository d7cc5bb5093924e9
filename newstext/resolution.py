"""Who a subject phrase names: a name, a surname, an abbreviation, a pronoun or a role noun.

``Resolution`` is the half of ``Cast`` (``people.py``) that quotations ask.

"he" and "she" resolve to the latest person noted as a subject whom the pronoun
fits (a person of unknown gender fits either); "it" to the latest organisation.
Surnames and abbreviations resolve to the full name introduced anywhere in the
document; a surname two people share stands for the one introduced first.

Role nouns stand for the person or organisation named in that role
(``resolve_role``): "the CEO said" is the person introduced as CEO, "the
foreign ministry's spokeswoman" the spokeswoman, "the commission said" the
latest organisation whose name or introduction says commission, "a spokesman
for the developer" the developer, "the statement said" the latest subject. A
generic organisation noun ("the company", "the developer") falls back to the
organisation named last; a person's job ("the actor") to the latest subject;
nouns that introduce somebody new ("her neighbour", "a resident") to no one.

A lone capitalised word becomes a person of its own only as a speaker and only
after a title somewhere ("Mr Okafor"), so that "Experts said" and "Chisinau
said" name no one.
"""

import re
from collections.abc import Sequence

from .countries import country_of, country_words
from .descriptions import DESCRIPTION_START_RE, clean_description
from .entities import (
    NAME_WORD_RE,
    ORGANISATION,
    PERSON,
    ROLE_TITLES,
    Entity,
    cut_titles,
    has_organisation_word,
    looks_like_person,
)
from .names import (
    ABBREVIATION_RE,
    CALENDAR,
    DEMONYM_NOUNS,
    DOCUMENT_ROLES,
    GENDERED_WORDS,
    GENERIC_ORGANISATION_ROLES,
    ORGANISATION_PRONOUNS,
    ORGANISATION_ROLES,
    PERSON_ROLES,
    PLACE_WORDS,
    PRONOUN_GENDER,
    PRONOUNS,
    RELATIONAL_WORDS,
    STOPWORDS,
    TITLES,
)
from .paragraphs import Paragraph

__all__ = ["Resolution"]

_TITLE_ALTERNATION = "|".join(sorted(TITLES))
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_ROLE_CONNECTORS = frozenset({"of", "for", "at", "in", "from", "with", "on"})
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


class Resolution:
    """Resolving speakers against the entities a ``Cast`` has read (the attributes it sets)."""

    _entities: dict[str, Entity]
    _aliases: dict[str, str]
    _organisations: dict[str, Entity]
    _recent: list[Entity | str]
    _authors: frozenset[str]
    _author_surnames: frozenset[str]
    _body: str
    _paragraph_starts: list[int]
    _paragraphs: Sequence[Paragraph]
    last_organisation: Entity | None
    last_subject: Entity | None

    def _add(self, entity: Entity) -> Entity:
        raise NotImplementedError

    def _add_organisation(
        self, name: str, *, abbreviation: str = "", description: str = "", role: str = ""
    ) -> Entity:
        raise NotImplementedError

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
        while words and (words[0] in STOPWORDS or words[0] in TITLES or words[0] in ROLE_TITLES):
            definite = definite or words[0] == "The"
            words.pop(0)
        cut, words = cut_titles(words)
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
            or has_organisation_word(words)
        ):
            if create != "any" or name.lower() in PERSON_ROLES:
                return None
            entity = self._add_organisation(name, abbreviation=abbreviation)
        elif looks_like_person(words) or (
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
        if not NAME_WORD_RE.fullmatch(word) or word in country_words():
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
