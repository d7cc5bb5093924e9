"""Quotations in the body and who said them.

A quotation is *full* when it stands as a sentence of its own (it opens the
sentence, or follows a colon: ``Okafor said: “…”``) and *partial* when it is
embedded in a sentence (``Lukashenko called Russia “his closest ally …”``).

Full quotations take their speaker from, in order:

1. an attribution right after them: ``“…,” Putin said.``, ``“…,” he said``,
   ``“…,” said Maria Okafor, the agency’s director.``, ``“…,” the Institute
   for the Study of War (ISW), a US-based thinktank, said``, ``“…,” ISW’s
   report said``, ``“…,” union leader Tadeusz Grabowski told reporters``, ``“…,”
   the CEO said``, ``“…,” said another resident, a 63-year-old man named Gareth
   Lloyd``, or later in the sentence: ``“…” of millions of people, Donnelly said``;
2. the nearest speech verb before them in the same paragraph whose subject is
   named: ``Okafor said: “…”``, ``But Shraibman warned that … . “For now …”``;
3. a previous paragraph that ends in a colon after a speech verb;
4. the speaker of the quotation in the paragraph before, when the paragraph
   holds nothing but the quotation.

Subjects are names, pronouns or role phrases ("the foreign ministry's
spokeswoman", "the commission"), resolved by ``resolution.py``; a passive
subject ("have been told") and a name inside a relative clause ("Maisie, who
reads with her grandmother, Jean, said") are not the speaker.

A quotation split by its attribution (``“…there,” Shraibman said. “And …”``)
is one quotation: the second part has no attribution of its own and only the
first part's attribution stands between them. The pieces are joined with a
single space. A quotation that goes on in the next paragraph (the paragraph
opens with “ and has no closing mark, and the next one opens with “) is one
quotation too, its paragraphs joined by a blank line. The comma a writer puts
before the closing mark to hand over to the attribution becomes a full stop
when the quoted sentence ends there ("…our constant priority. We are …"), and
stays when the quoted sentence goes on after the attribution.

The scare-quote rule: a partial quotation is recorded only when its own
sentence has a speech verb (said, called, urged, warned, saying, …) before it
whose subject is a named person or organisation (or a pronoun for one). So
Putin's “absorb” and “enemies” are his partial quotes (``Putin on Monday
said he did not want to “absorb” anyone and accused unspecified
“enemies”``), while “kamikaze drones”, “key infrastructure” (only "according
to" the mayor) and “combat readiness” (the defence ministry is not named)
are scare quotes. A partial quotation with no speech verb is the speaker's
too when the sentence opens with a named person doing something ("Oduya
praised nurses for “going above and beyond”", "has accepted the system will be
“under severe pressure”"), but not after "is"/"was" ("is known to fans as
“the Lighthouse”"). Quotations whose speaker cannot be found are not recorded.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .attributions import (
    ACCORDING_RE,
    AFTER_RE,
    INVERTED_RE,
    LATER_RE,
    ROLE_NOUN_SET,
    SPACE_RE,
    VERBS_BEFORE,
)
from .paragraphs import MASK, Paragraph, Span, char_before
from .people import PERSON, Cast, Entity
from .records import QuoteData
from .subjects import SubjectReading, _trailing_name

__all__ = ["find_quotes"]


# How the pieces of one quotation join.
_NEW_PARAGRAPH, _NEW_SENTENCE, _SAME_SENTENCE = "paragraph", "sentence", "clause"


@dataclass
class _Unit:
    """A full quotation being assembled from one or more pieces."""

    paragraph: Paragraph
    pieces: list[tuple[Paragraph, Span]]
    speaker: Entity | None = None
    attributed_after: Span | None = None  # the piece whose following attribution named the speaker
    fallback: Entity | None = None  # speaker found before the quotation, used when none follows
    joiners: list[str] = field(default_factory=list)  # how each later piece joins the one before

    @property
    def last(self) -> tuple[Paragraph, Span]:
        return self.pieces[-1]


class _Reader(SubjectReading):
    def __init__(self, paragraphs: Sequence[Paragraph], cast: Cast) -> None:
        self.paragraphs = paragraphs
        self.cast = cast
        self.found: list[tuple[tuple[int, int], QuoteData]] = []
        # The speaker of the last quotation of the previous paragraph.
        self.previous_speaker: Entity | None = None
        self._roles: dict[tuple[int, int], list[re.Match[str]]] = {}  # role phrases by sentence

    def read(self) -> list[QuoteData]:
        carried: _Unit | None = None
        for paragraph in self.paragraphs:
            carried = self._read_paragraph(paragraph, carried)
        if carried is not None:
            self._finish(carried)
        self.found.sort(key=lambda item: item[0])
        return [quote for _, quote in self.found]

    def _read_paragraph(self, paragraph: Paragraph, carried: _Unit | None) -> _Unit | None:
        spans = paragraph.spans
        if carried is not None and not (spans and not char_before(paragraph.text, spans[0].open)):
            self._finish(carried)  # the quotation did not go on in this paragraph
            carried = None
        current: _Unit | None = None
        speaker_here: Entity | None = None
        for start, end in paragraph.sentences:
            for span in paragraph.spans_between(start, end):
                if carried is not None:  # goes on from the previous paragraph
                    current, carried = carried, None
                    current.pieces.append((paragraph, span))
                    current.joiners.append(_NEW_PARAGRAPH)
                elif not self._is_full(paragraph, span, start):
                    self._partial(paragraph, span, start)
                    continue
                elif current is not None and self._continues(current, paragraph, span):
                    previous = current.last[1]
                    current.pieces.append((paragraph, span))
                    new_sentence = paragraph.sentence_at(span.open) != paragraph.sentence_at(previous.open)
                    current.joiners.append(_NEW_SENTENCE if new_sentence else _SAME_SENTENCE)
                else:
                    if current is not None:
                        speaker_here = self._finish(current) or speaker_here
                    current = _Unit(paragraph=paragraph, pieces=[(paragraph, span)])
                    current.fallback = self._speaker_before(paragraph, span)
                if current.speaker is None:
                    current.speaker = self._speaker_after(paragraph, span)
                    if current.speaker is not None:
                        current.attributed_after = span
                        self.cast.note(current.speaker)  # “…,” said Michael Osei. He expected …
            self._note_subjects(paragraph, start, end)
        if current is not None and current.last[1].close is None:
            return current  # may go on in the next paragraph
        if current is not None:
            speaker_here = self._finish(current) or speaker_here
        self.previous_speaker = speaker_here
        return None

    # Full quotations ---------------------------------------------------------------------

    def _is_full(self, paragraph: Paragraph, span: Span, sentence_start: int) -> bool:
        before = char_before(paragraph.masked, span.open, sentence_start)
        if before in ("", ":"):
            return True
        if before == ",":
            opens_sentence = paragraph.masked[sentence_start : sentence_start + 1] in ("“", '"')
            return paragraph.words(span)[:1].isupper() or opens_sentence  # “…,” he said, “…”
        return False

    def _continues(self, unit: _Unit, paragraph: Paragraph, span: Span) -> bool:
        """Whether ``span`` is the second part of a quotation split by its attribution."""
        last_paragraph, last = unit.last
        if last_paragraph is not paragraph or last.close is None or unit.attributed_after is not last:
            return False
        between = paragraph.masked[last.close + 1 : span.open]
        if MASK in between or between.count(". ") + between.count("! ") + between.count("? ") > 1:
            return False
        return self._attribution_after(paragraph, span) is None

    def _finish(self, unit: _Unit) -> Entity | None:
        speaker = unit.speaker or unit.fallback or self._colon_before(unit.paragraph)
        if speaker is None and not unit.paragraph.narrative:
            speaker = self.previous_speaker
        if speaker is None:
            return None
        texts = [paragraph.words(span) for paragraph, span in unit.pieces]
        text = texts[0]
        for joiner, piece in zip(unit.joiners, texts[1:], strict=True):
            if text.endswith(",") and joiner == _NEW_SENTENCE:
                text = text[:-1] + "."  # “…there,” Shraibman said. “And …” -> "…there. And …"
            text += ("\n\n" if joiner == _NEW_PARAGRAPH else " ") + piece
        if text.endswith(","):
            text = text[:-1] + "."  # “…activities,” Putin said. -> "…activities."
        self._emit(unit.paragraph, unit.pieces[0][1], speaker, text, partial=False)
        return speaker

    def _speaker_after(self, paragraph: Paragraph, span: Span) -> Entity | None:
        match = self._attribution_after(paragraph, span)
        if match is None:
            return None
        return self._resolve_match(paragraph, match, create="any")

    def _resolve_match(self, paragraph: Paragraph, match: re.Match[str], *, create: str) -> Entity | None:
        """The speaker an attribution's subject names: a name, a pronoun or a role phrase."""
        groups = match.groupdict()
        appositive = (
            paragraph.text[match.start("appositive") : match.end("appositive")]
            if groups.get("appositive")
            else ""
        )
        if groups.get("role"):
            # "the children's minister, Patrick Doyle, said": the name in apposition is the speaker.
            for name in (groups.get("named"), _trailing_name(appositive)):
                if name:
                    entity = self.cast.resolve(name, create=create if create == "" else PERSON)
                    if entity is not None:
                        return entity
            return self._resolve_role(paragraph, match["role"], groups.get("thing"), match.start("role"))
        if match["subject"].lower() in ROLE_NOUN_SET:  # “…,” the CEO said
            return self.cast.resolve_role(
                f"the {match['subject']}", position=(paragraph.index, match.start())
            )
        return self.cast.resolve(
            match["subject"],
            create=create,
            abbreviation=groups.get("abbreviation") or "",
            appositive=appositive,
            definite=bool(groups.get("the")),
        )

    def _attribution_after(self, paragraph: Paragraph, span: Span) -> re.Match[str] | None:
        if span.close is None:
            return None
        start = span.close + 1
        if start >= len(paragraph.text):
            return None
        # “Why now?” Okafor asked: the attribution may follow a sentence end inside the quotation.
        space = SPACE_RE.match(paragraph.text, start)
        first_word = space.end() if space else start
        end = paragraph.sentences[paragraph.sentence_at(first_word)][1]
        end = min(end, paragraph.next_open(start))
        for pattern in (AFTER_RE, INVERTED_RE, ACCORDING_RE):
            match = pattern.match(paragraph.masked, start, end)
            if match is not None:
                return match
        sentence_start = paragraph.sentences[paragraph.sentence_at(span.open)][0]
        if char_before(paragraph.masked, span.open, sentence_start) == "":
            return LATER_RE.match(paragraph.masked, start, end)  # “…” of millions of people, Donnelly said
        return None

    def _speaker_before(self, paragraph: Paragraph, span: Span) -> Entity | None:
        """The subject of the nearest speech verb before the quotation in its paragraph."""
        for verb in paragraph.verbs_before(span.open, VERBS_BEFORE):
            sentence_start = paragraph.sentences[paragraph.sentence_at(verb.start())][0]
            speaker = self._subject_of(paragraph, verb, sentence_start, create="any")
            if speaker is not None:
                return speaker
        return None

    def _colon_before(self, paragraph: Paragraph) -> Entity | None:
        """The speaker of a previous paragraph that ends "Okafor said:"."""
        if paragraph.index == 0 or paragraph.text[:1] not in '“"':
            return None
        previous = self.paragraphs[paragraph.index - 1]
        if char_before(previous.masked, len(previous.masked)) != ":":
            return None
        return self._speaker_before(previous, Span(len(previous.text), None))

    # Partial quotations ------------------------------------------------------------------

    def _partial(self, paragraph: Paragraph, span: Span, sentence_start: int) -> None:
        for verb in reversed(paragraph.verbs_between(sentence_start, span.open)):
            speaker = self._subject_of(paragraph, verb, sentence_start, create="any")
            if speaker is not None:
                self._emit(paragraph, span, speaker, paragraph.words(span), partial=True)
                return
        # "Oduya praised nurses for “going above and beyond”": no speech verb, but a named person acts.
        speaker = self._acting_person(paragraph, sentence_start)
        if speaker is not None:
            self._emit(paragraph, span, speaker, paragraph.words(span), partial=True)

    # Subjects ----------------------------------------------------------------------------

    def _emit(self, paragraph: Paragraph, span: Span, speaker: Entity, text: str, *, partial: bool) -> None:
        if not text:
            return
        speaker.speaker = True
        self.cast.note_speaker(speaker)
        self.found.append(
            (
                (paragraph.index, span.open),
                QuoteData(speaker=speaker.name, text=text, paragraph=paragraph.index, partial=partial),
            )
        )


def find_quotes(paragraphs: Sequence[Paragraph], cast: Cast) -> list[QuoteData]:
    """The quotations of the body in order, with their speakers resolved through ``cast``."""
    return _Reader(paragraphs, cast).read()
