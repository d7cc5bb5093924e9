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
from dataclasses import dataclass

from .names import SPEECH_VERB_RE
from .text import UPPER

MASK = "\x1f"
_MARK_RE = re.compile(r"[“”\"]")
_OPENS_AFTER = frozenset(" \t\n\u00a0([{‘—–-/")
# A sentence ends at . ! or ? (optionally followed by a closing mark) before a space and
# a capital, a digit or an opening mark.
_BOUNDARY_RE = re.compile(rf"[.!?][”\"’)]?\s+(?=[“\"‘(0-9{UPPER}])")
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr St Sr Jr Gen Lt Col Capt Sgt Prof Rev Sen Rep Gov No Nos vs Co Corp Inc Ltd".split()
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
    index: int
    text: str
    masked: str
    spans: tuple[Span, ...]
    sentences: tuple[tuple[int, int], ...]  # (start, end) of each sentence
    verbs: tuple[re.Match[str], ...]  # speech verbs outside quotations

    def verbs_between(self, start: int, end: int) -> list[re.Match[str]]:
        return [verb for verb in self.verbs if start <= verb.start() and verb.end() <= end]

    def end_of(self, span: Span) -> int:
        """Index just past the quotation's words (its closing mark, or the paragraph's end)."""
        return len(self.text) if span.close is None else span.close

    def words(self, span: Span) -> str:
        return self.text[span.start : self.end_of(span)].strip()

    def sentence_at(self, position: int) -> int:
        for number, (start, end) in enumerate(self.sentences):
            if start <= position < end:
                return number
        return len(self.sentences) - 1


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


def _inside(position: int, spans: tuple[Span, ...]) -> bool:
    return any(span.open < position < (span.close if span.close is not None else 1 << 60) for span in spans)


def _sentences(text: str, spans: tuple[Span, ...]) -> tuple[tuple[int, int], ...]:
    bounds, start = [], 0
    for boundary in _BOUNDARY_RE.finditer(text):
        stop = boundary.start()
        if _inside(stop + len(boundary.group().rstrip()), spans):
            continue  # a full stop inside a quotation
        word = (text[max(0, stop - 6) : stop].rsplit(None, 1) or [""])[-1]
        if text[stop] == "." and (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            continue  # "Mr. Smith", "J. K. Rowling"
        bounds.append((start, boundary.end()))
        start = boundary.end()
    bounds.append((start, len(text)))
    return tuple(bounds)
