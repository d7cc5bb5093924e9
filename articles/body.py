"""The one home of the body's text: what the blocks say, as plain text, for every reader of it.

The body is an ordered list of blocks (``articles.models.BodyBlock``). Search, the reading
time, the editorial suggestions, quotes, JSON-LD and history read its words, not its markup:
``derive`` makes them from the blocks, and they are stored beside the article
(``Article.body_text``, ``Article.body_headings``) whenever the blocks change, so that a search
query or a list never has to read blocks. The words are those of the text blocks (paragraphs,
subheadings, list items, block quotes) and of fact boxes, in order; pull quotes repeat words of
the text and captions describe pictures, so they are left out.

The plain text keeps the old body's format, paragraphs separated by a blank line, so that
``paragraphs`` and ``plain_text`` read it as they read the old plain-text body.
"""

import math
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from html import escape
from html.parser import HTMLParser
from typing import Protocol

PARAGRAPH_BREAK = "\n\n"
# The columns the search vector reads the body's words from (see articles.search).
SEARCH_COLUMN = "body_text"
HEADINGS_COLUMN = "body_headings"
HEADINGS = frozenset({"h2", "h3"})
_BLOCK_ELEMENTS = frozenset({"p", "h2", "h3", "li", "blockquote"})
# Reading speed for the page's reading time: adults read news at about 230 words a minute.
WORDS_PER_MINUTE = 230


class Block(Protocol):
    kind: str
    html: str
    title: str


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a plain text, in order, without surrounding space."""
    return [p.strip() for p in text.replace("\r\n", "\n").split(PARAGRAPH_BREAK) if p.strip()]


def plain_text(text: str) -> str:
    """A plain text with its paragraphs separated by exactly one blank line."""
    return PARAGRAPH_BREAK.join(paragraphs(text))


def paragraph_html(texts: Iterable[str]) -> str:
    """Plain-text paragraphs as a text block's HTML: each a ``<p>``, escaped, line breaks kept."""
    return "\n".join(f"<p>{escape(text, quote=False).replace(chr(10), '<br>')}</p>" for text in texts)


class _Elements(HTMLParser):
    """The text of each block element of a fragment, as (outermost block tag, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._open: list[str] = []
        self._text: list[str] = []

    def _flush(self):
        text = "".join(self._text).strip()
        if text:
            self.found.append((self._open[0] if self._open else "p", text))
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self._text.append("\n")
        elif tag in _BLOCK_ELEMENTS:
            self._flush()
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in _BLOCK_ELEMENTS and tag in self._open:
            self._flush()
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data):
        self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def elements(html: str) -> list[tuple[str, str]]:
    """(tag, plain text) of each paragraph, heading, list item and block quote of ``html``."""
    parser = _Elements()
    parser.feed(html or "")
    parser.close()
    return parser.found


def html_paragraphs(html: str) -> list[str]:
    return [text for _, text in elements(html)]


def derive(blocks: Iterable[Block]) -> tuple[str, str]:
    """The body's words and its headings as plain text, from its blocks in order."""
    words: list[str] = []
    headings: list[str] = []
    for block in blocks:
        if block.kind == "aside":
            if block.title:
                words.append(block.title)
                headings.append(block.title)
        elif block.kind != "text":
            continue
        for tag, text in elements(block.html):
            words.append(text)
            if tag in HEADINGS:
                headings.append(text)
    return PARAGRAPH_BREAK.join(words), PARAGRAPH_BREAK.join(headings)


def paragraph_count(blocks: Iterable[Block]) -> int:
    """The text blocks' paragraphs, list items and block quotes (not their subheadings)."""
    return sum(
        1
        for block in blocks
        if block.kind == "text"
        for tag, _ in elements(block.html)
        if tag not in HEADINGS
    )


def reading_minutes(text: str) -> int:
    """Whole minutes to read ``text``, at least one (231 words are two minutes' reading)."""
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


_caller_refreshes: ContextVar[bool] = ContextVar("caller_refreshes_body_text", default=False)


@contextmanager
def text_refreshed_by_caller():
    """Inside this block, saving or deleting a body block does not refresh the article's text.

    For a writer that saves many blocks and then refreshes once (the admin's form, the importer).
    """
    token = _caller_refreshes.set(True)
    try:
        yield
    finally:
        _caller_refreshes.reset(token)


def refresh_deferred() -> bool:
    return _caller_refreshes.get()
