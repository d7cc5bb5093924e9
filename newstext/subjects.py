"""Who a sentence is about: the acting person, role phrases, sentence subjects (for quotes.py's reader)."""

import re

from .attributions import (
    BE,
    ENDS_WITH_CONJUNCTION_RE,
    GAP_RE,
    IT_AFTER_RE,
    NAMED_BEFORE_RE,
    NOT_ACTING,
    PRONOUN_RE,
    PRONOUN_REACH,
    RELATIVE_BEFORE_RE,
    ROLE_NOUN_SET,
    ROLE_PHRASE_RE,
    SENTENCE_SUBJECT_RE,
    TRAILING_NAME_RE,
    VERB_AFTER_SUBJECT_RE,
    VERB_LIKE_RE,
)
from .names import (
    SPEECH_PARTICIPLES,
)
from .paragraphs import Paragraph, char_before
from .people import PERSON, Cast, Entity

_WORDS_RE = re.compile(r"[A-Za-z]+")  # a sentence's words, to test for a role noun before ROLE_PHRASE_RE


def _trailing_name(appositive: str) -> str:
    """The name an appositive ends with: "former Ghanaian president Kwame Asante" -> "Kwame Asante"."""
    match = TRAILING_NAME_RE.search(appositive)
    return match.group() if match else ""


class SubjectReading:
    """Methods of ``quotes._Reader`` kept here to keep that module small."""

    cast: Cast
    _roles: dict[tuple[int, int], list[re.Match[str]]]

    def _acting_person(self, paragraph: Paragraph, sentence_start: int) -> Entity | None:
        """The named person (or "he"/"she") who is the subject of an active verb opening the sentence."""
        match = SENTENCE_SUBJECT_RE.match(paragraph.masked, sentence_start)
        if match is None or match["role"] and not match["appositive_name"]:
            return None
        if match["role"]:
            entity = self.cast.resolve(match["appositive_name"], create="")
        else:
            entity = self.cast.resolve(match["subject"], create="")
        if entity is None or entity.kind != PERSON:
            return None
        verb = VERB_AFTER_SUBJECT_RE.match(paragraph.masked, match.end())
        if verb is None or verb["word"] in BE or verb["word"] in NOT_ACTING:
            return None  # "is known to fans as “the Lighthouse”": not the person's words
        return entity

    def _subject_of(
        self, paragraph: Paragraph, verb: re.Match[str], sentence_start: int, *, create: str
    ) -> Entity | None:
        """Who does the speaking of ``verb``: the nearest subject before it, or the sentence's."""
        masked = paragraph.masked
        pronouns = PRONOUN_RE.finditer(
            masked, max(sentence_start, verb.start() - PRONOUN_REACH), verb.start()
        )
        roles = [
            match for match in self._role_phrases(paragraph, sentence_start) if match.end() <= verb.start()
        ]
        candidates = sorted(
            [*paragraph.phrases_between(sentence_start, verb.start()), *pronouns, *roles],
            key=lambda match: match.end(),
        )
        for candidate in reversed(candidates):
            gap = GAP_RE.fullmatch(masked, candidate.end(), verb.start())
            if gap is None:
                continue
            between = masked[candidate.end() : verb.start()].split()
            if between and between[-1] in BE:
                continue  # "People in Llanfair Waterside have been told": passive, not the speaker
            if (
                gap["trailing"]
                and not gap["appositive"]
                and char_before(masked, candidate.start(), sentence_start) != ","
                and not NAMED_BEFORE_RE.search(masked, max(0, candidate.start() - 8), candidate.start())
            ) or RELATIVE_BEFORE_RE.search(masked, sentence_start, candidate.start()):
                continue  # "in São Paulo, said": a lone comma only closes "the mayor, Vitali Klitschko,"
            if candidate.re is ROLE_PHRASE_RE:
                entity = self._resolve_role_candidate(paragraph, candidate, gap, create=create)
                if entity is not None:
                    return entity
                continue
            it_follows = IT_AFTER_RE.match(masked, verb.end()) is not None  # "Andes Cobre said it would"
            entity = self.cast.resolve(
                candidate.group(),
                create="any" if create and it_follows else create,
                organisation=it_follows,
                abbreviation=gap["abbreviation"] or "",
                appositive=paragraph.text[gap.start("appositive") : gap.end("appositive")]
                if gap["appositive"]
                else "",
                definite=masked[max(0, candidate.start() - 4) : candidate.start()] == "the ",
            )
            if entity is not None:
                return entity
        before = masked[sentence_start : verb.start()]
        if verb.group() in SPEECH_PARTICIPLES or ENDS_WITH_CONJUNCTION_RE.search(before):
            return self._sentence_subject(paragraph, sentence_start)  # "…, saying", "… and said"
        return None

    def _role_phrases(self, paragraph: Paragraph, sentence_start: int) -> list[re.Match[str]]:
        """The role phrases of a sentence, found once however many speech verbs it has."""
        key = (paragraph.index, sentence_start)
        if key not in self._roles:
            end = paragraph.sentences[paragraph.sentence_at(sentence_start)][1]
            masked = paragraph.masked
            self._roles[key] = (
                [
                    match
                    for match in ROLE_PHRASE_RE.finditer(masked, sentence_start, end)
                    if not match["role"][:1].isupper()
                    or match.start() == sentence_start
                    or masked[match.start() - 1] == " "
                ]
                if ROLE_NOUN_SET.intersection(
                    w.lower() for w in _WORDS_RE.findall(masked, sentence_start, end)
                )
                else []
            )
        return self._roles[key]

    def _resolve_role_candidate(
        self, paragraph: Paragraph, candidate: re.Match[str], gap: re.Match[str], *, create: str
    ) -> Entity | None:
        """A role phrase before a speech verb: the name after it or beside it, else whom the role names."""
        appositive = (
            paragraph.text[gap.start("appositive") : gap.end("appositive")] if gap["appositive"] else ""
        )
        for name in (candidate["named"], _trailing_name(appositive)):
            if name:
                entity = self.cast.resolve(name, create=PERSON if create else "")
                if entity is not None:
                    return entity
        return self._resolve_role(paragraph, candidate["role"], gap["thing"], candidate.start())

    def _resolve_role(self, paragraph: Paragraph, role: str, thing: str | None, start: int) -> Entity | None:
        """ "the foreign ministry's spokeswoman": the spokeswoman if one is known, else the ministry."""
        position = (paragraph.index, start)
        if thing:
            entity = self.cast.resolve_role(role + thing, position=position)
            if entity is not None:
                return entity
        return self.cast.resolve_role(role, position=position)

    def _sentence_subject(self, paragraph: Paragraph, sentence_start: int) -> Entity | None:
        match = SENTENCE_SUBJECT_RE.match(paragraph.masked, sentence_start)
        if match is None:
            return None
        if match["role"]:
            if match["appositive_name"]:
                return self.cast.resolve(match["appositive_name"], create="")
            return self.cast.resolve_role(match["role"], position=(paragraph.index, match.start("role")))
        return self.cast.resolve(match["subject"], create="")

    def _note_subjects(self, paragraph: Paragraph, start: int, end: int) -> None:
        """Remember who this sentence is about, for a "he said" to come."""
        match = SENTENCE_SUBJECT_RE.match(paragraph.masked, start)
        if match is not None:
            subject = self._sentence_subject(paragraph, start)
            if subject is not None:
                self.cast.note(subject)
            elif (
                match["subject"]
                and " " in match["subject"]
                and match["next"]
                and VERB_LIKE_RE.fullmatch(match["next"])
            ):
                self.cast.note_name(match["subject"])  # "Maria Okafor runs …": a person if "she" follows
        for verb in paragraph.verbs_between(start, end):
            self.cast.note(self._subject_of(paragraph, verb, start, create="person"))
