"""The cast's organisations and each person's gender, found in the text (for people.py's Cast)."""

import re
from collections import Counter
from collections.abc import Sequence

from .descriptions import (
    AFTER_NAME_RE,
    clean_description,
)
from .entities import (
    ORGANISATION,
    PERSON,
    Entity,
)
from .names import (
    PRONOUN_GENDER,
    starts_word,
)
from .organisations import find_organisations
from .paragraphs import Paragraph

_PRONOUN_WORD_RE = re.compile(r"\b(?:he|his|him|she|her|hers|He|His|Him|She|Her)\b")


class CastScan:
    """Methods of ``people.Cast`` kept here to keep that module small."""

    _paragraphs: Sequence[Paragraph]
    _entities: dict[str, Entity]
    _organisations: dict[str, Entity]  # named in the body, not yet quoted
    _organisation_spans: dict[int, list[tuple[int, int]]]  # paragraph -> name spans

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
            for form, named in forms.items():
                position = masked.find(form)
                while position != -1:  # str.find per name: no pattern compiled per document
                    if starts_word(masked, position):
                        found.append((position, position + len(form), named, form))
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
