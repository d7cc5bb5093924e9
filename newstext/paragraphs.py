"""The shape of a body paragraph: where its quotations and its sentences are.

Quotation marks may be curly (“ ”) or straight ("): a straight mark opens a
quotation at the start of the paragraph or after a space or an opening
bracket, and closes one anywhere else. A quotation without a closing mark
runs to the end of its paragraph (the convention for a quotation that goes on
in the next paragraph). Single marks (‘ ’) are apostrophes or quotations
inside quotations and are left alone.

``masked`` is the paragraph with every quotation's words replaced by
``MASK`` (the marks stay), so that narrative-only searches (speech verbs,
subjects, descriptions) never see quoted words, and indices still line up.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .names import LOOK_BEHIND, PROPER_PHRASE, SPEECH_VERB_RE, starts_word, words
from .text import UPPER

MASK = "\x1f"
# Scanned without the look-behind, which would stop re from skipping to capitals; starts_word checks it.
_PHRASE_RE = re.compile(PROPER_PHRASE.removeprefix(LOOK_BEHIND))
_MARK_RE = re.compile(r"[“”\"]")
_WORD_RE = re.compile(r"\w")
_OPENS_AFTER = frozenset(" \t\n\u00a0([{‘—–-/")
# A sentence ends at . ! or ? (optionally followed by a closing mark) before a space and
# a capital, a digit or an opening mark.
_BOUNDARY_RE = re.compile(rf"[.!?][”\"’)]?\s+(?=[“\"‘(0-9{UPPER}])")
_ABBREVIATIONS = words(
    "Mr Mrs Ms Dr St Sr Jr Gen Lt Col Capt Sgt Prof Rev Sen Rep Gov No Nos vs Co Corp Inc Ltd"
)


@dataclass(frozen=True)
class Span:
    """One quotation: the index of its opening mark and of its closing mark (None: runs to the end)."""

    open: int
    close: int | None

    @property
    def start(self) -> int:
        return self.open + 1


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph with its quotations, sentences, speech verbs and capitalised phrases.

    Everything is in text order, so lookups by position bisect: a very long
    paragraph costs time in proportion to its length, not to its length squared.
    """

    index: int
    text: str
    masked: str
    spans: tuple[Span, ...]
    sentences: tuple[tuple[int, int], ...]  # (start, end) of each sentence
    verbs: tuple[re.Match[str], ...]  # speech verbs outside quotations
    phrases: tuple[re.Match[str], ...]  # capitalised phrases outside quotations: possible subjects
    narrative: bool  # whether any word stands outside the quotations
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)
    _verb_starts: list[int] = field(init=False, repr=False, compare=False)
    _phrase_starts: list[int] = field(init=False, repr=False, compare=False)
    _span_opens: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sentence_starts", [start for start, _ in self.sentences])
        object.__setattr__(self, "_verb_starts", [verb.start() for verb in self.verbs])
        object.__setattr__(self, "_phrase_starts", [phrase.start() for phrase in self.phrases])
        object.__setattr__(self, "_span_opens", [span.open for span in self.spans])

    def verbs_between(self, start: int, end: int) -> list[re.Match[str]]:
        return _between(self.verbs, self._verb_starts, start, end)

    def verbs_before(self, position: int, count: int) -> tuple[re.Match[str], ...]:
        """The last ``count`` speech verbs that end before ``position``, nearest first."""
        last = bisect_left(self._verb_starts, position)
        verbs = [verb for verb in self.verbs[max(0, last - count - 1) : last] if verb.end() <= position]
        return tuple(reversed(verbs[-count:]))

    def phrases_between(self, start: int, end: int) -> list[re.Match[str]]:
        return _between(self.phrases, self._phrase_starts, start, end)

    def spans_between(self, start: int, end: int) -> tuple[Span, ...]:
        """The quotations whose opening mark is in text[start:end]."""
        return self.spans[bisect_left(self._span_opens, start) : bisect_left(self._span_opens, end)]

    def next_open(self, position: int) -> int:
        """The opening mark of the first quotation at or after ``position``, or the paragraph's end."""
        number = bisect_left(self._span_opens, position)
        return self._span_opens[number] if number < len(self._span_opens) else len(self.text)

    def end_of(self, span: Span) -> int:
        """Index just past the quotation's words (its closing mark, or the paragraph's end)."""
        return len(self.text) if span.close is None else span.close

    def words(self, span: Span) -> str:
        return self.text[span.start : self.end_of(span)].strip()

    def sentence_at(self, position: int) -> int:
        return max(0, bisect_right(self._sentence_starts, position) - 1)


def _between(
    matches: tuple[re.Match[str], ...], starts: list[int], start: int, end: int
) -> list[re.Match[str]]:
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    return [match for match in matches[first:last] if match.end() <= end]


def analyse(index: int, text: str) -> Paragraph:
    spans = _find_spans(text)
    masked = _mask(text, spans)
    return Paragraph(
        index=index,
        text=text,
        masked=masked,
        spans=spans,
        sentences=_sentences(text, spans),
        verbs=tuple(SPEECH_VERB_RE.finditer(masked)),
        phrases=tuple(match for match in _PHRASE_RE.finditer(masked) if starts_word(masked, match.start())),
        narrative=_WORD_RE.search(masked) is not None,  # quoted words are masked
    )


def _opens(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] in _OPENS_AFTER


def _find_spans(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    opened: int | None = None
    for mark in _MARK_RE.finditer(text):
        position, char = mark.start(), mark.group()
        if opened is None:
            if char == "“" or (char == '"' and _opens(text, position)):
                opened = position
        elif char == "”" or (char == '"' and not _opens(text, position)):
            spans.append(Span(opened, position))
            opened = None
    if opened is not None:
        spans.append(Span(opened, None))
    return tuple(spans)


def _mask(text: str, spans: tuple[Span, ...]) -> str:
    if not spans:
        return text
    parts, last = [], 0
    for span in spans:
        end = len(text) if span.close is None else span.close
        parts.append(text[last : span.start])
        parts.append(MASK * (end - span.start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _sentences(text: str, spans: tuple[Span, ...]) -> tuple[tuple[int, int], ...]:
    opens = [span.open for span in spans]
    bounds, start = [], 0
    for boundary in _BOUNDARY_RE.finditer(text):
        stop = boundary.start()
        if _inside(stop + len(boundary.group().rstrip()), spans, opens):
            continue  # a full stop inside a quotation
        word = (text[max(0, stop - 6) : stop].rsplit(None, 1) or [""])[-1]
        if text[stop] == "." and (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            continue  # "Mr. Smith", "J. K. Rowling"
        bounds.append((start, boundary.end()))
        start = boundary.end()
    bounds.append((start, len(text)))
    return tuple(bounds)


def _inside(position: int, spans: tuple[Span, ...], opens: list[int]) -> bool:
    """Whether ``position`` is within a quotation's words."""
    number = bisect_left(opens, position) - 1
    if number < 0:
        return False
    close = spans[number].close
    return close is None or position < close


def char_before(text: str, position: int, floor: int = 0) -> str:
    """The nearest character before ``position`` (and not before ``floor``) that is not a space."""
    while position > floor and text[position - 1].isspace():
        position -= 1
    return text[position - 1] if position > floor else ""
