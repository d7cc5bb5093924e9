"""The one home of ``Article.body``: everything that reads or writes it goes through here.

Today the body is plain text, paragraphs separated by a blank line. The page,
the paragraph count, the search text, history snapshots, the editorial
suggestions and the importer all use these functions, so that a change of the
body's representation is a change to this module.
"""

from collections.abc import Iterable

PARAGRAPH_BREAK = "\n\n"
# The column the search vector reads the body's words from (see articles.search).
SEARCH_COLUMN = "body"


def paragraphs(body: str) -> list[str]:
    """The body's paragraphs as plain text, in order, without surrounding space."""
    return [p.strip() for p in body.replace("\r\n", "\n").split(PARAGRAPH_BREAK) if p.strip()]


def from_paragraphs(texts: Iterable[str]) -> str:
    """The stored body for these paragraphs of plain text (the importer's input)."""
    return PARAGRAPH_BREAK.join(texts)


def paragraph_count(body: str) -> int:
    return len(paragraphs(body))


def plain_text(body: str) -> str:
    """The body's words as plain text, paragraphs separated by blank lines (search, history, suggestions)."""
    return PARAGRAPH_BREAK.join(paragraphs(body))
