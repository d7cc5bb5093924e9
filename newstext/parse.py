"""Read an archive document's layout into a ``Document``; the package docstring has the rules."""

from collections.abc import Sequence

from .analysis import analyse_text
from .bylines import parse_byline
from .dates import parse_related_date
from .publication import MASTHEAD_WORDS, clean_publication
from .records import Document, Lines, ParseError, RelatedItem
from .text import normalise_newlines

__all__ = ["parse_document"]

RELATED_HEADING = "related content"
IMAGE_PLACEHOLDER = "article image"
_MAX_LINE = 200  # a byline or publication line is one short line
_NEEDS = "a headline, standfirst, body, byline and publication line"


def parse_document(text: str) -> Document:
    """The document in ``text``; raises ParseError, with a line number, when it is not one."""
    lines = normalise_newlines(text.removeprefix("\ufeff")).split("\n")
    if not text:
        raise ParseError("document is empty", line=1)
    if not text.strip():
        raise ParseError("document contains only whitespace", line=1)

    related_at = next(
        (number for number, line in enumerate(lines) if line.strip().lower() == RELATED_HEADING), len(lines)
    )
    main = [(number + 1, line.strip()) for number, line in enumerate(lines[:related_at]) if line.strip()]
    if not main:
        raise ParseError(f"document has no headline before “Related Content”: it needs {_NEEDS}", line=1)
    _require_parts(main)

    (_, headline), (_, standfirst) = main[0], main[1]
    (byline_line, byline), (publication_line, publication) = main[-2], main[-1]
    _check_closing_lines(byline, publication, byline_line=byline_line, publication_line=publication_line)
    authors = parse_byline(byline)
    first_body_line = main[2][0]
    body_lines = lines[first_body_line - 1 : byline_line - 1]
    paragraphs = _paragraphs(body_lines)
    related = _related(lines, start=related_at + 1) if related_at < len(lines) else ()

    analysis = analyse_text(
        headline=headline, standfirst=standfirst, paragraphs=paragraphs, authors=[a.name for a in authors]
    )
    return Document(
        headline=headline,
        standfirst=standfirst,
        paragraphs=tuple(paragraphs),
        authors=authors,
        publication=clean_publication(publication),
        related=related,
        people=analysis.people,
        quotes=analysis.quotes,
        countries=analysis.countries,
        topics=analysis.topics,
        lines=Lines(
            headline=main[0][0],
            standfirst=main[1][0],
            byline=byline_line,
            publication=publication_line,
            paragraphs=_paragraph_starts(body_lines, first=first_body_line),
        ),
    )


def _require_parts(main: Sequence[tuple[int, str]]) -> None:
    last_line = main[-1][0]
    if len(main) == 1:
        message = "document has a headline but no standfirst, body, byline or publication line"
    elif len(main) == 2:
        message = "document has a headline and standfirst but no body, byline or publication line"
    elif len(main) < 5:
        message = f"document has only {len(main)} lines of text: it needs {_NEEDS}"
    else:
        return
    raise ParseError(message, line=last_line)


def _check_closing_lines(byline: str, publication: str, *, byline_line: int, publication_line: int) -> None:
    """Raise when the last two lines of text are not a byline and a publication line."""
    if _is_paragraph(publication) and _is_paragraph(byline):
        found = _shorten(publication)
        raise ParseError(
            f"document ends without a byline and publication line: found a paragraph “{found}”",
            line=publication_line,
        )
    if _is_paragraph(publication):
        found = _shorten(publication)
        raise ParseError(
            f"expected the publication line (e.g. “The Guardian”) after the byline, found: “{found}”",
            line=publication_line,
        )
    if _is_paragraph(byline) and not _is_publication(publication):
        raise ParseError(
            f"document has no publication line after the byline “{publication}”", line=publication_line
        )
    if _is_paragraph(byline):
        raise ParseError(
            f"expected the byline before the publication line, found a paragraph: “{_shorten(byline)}”",
            line=byline_line,
        )


def _is_paragraph(line: str) -> bool:
    """Too long, or ending like a sentence, for a byline or publication line."""
    return len(line) > _MAX_LINE or line.endswith((".", "”", '"', "?", "!", ":", ";"))


def _is_publication(line: str) -> bool:
    """A masthead rather than a person: "The Guardian", "Financial TimesTramp"."""
    name = clean_publication(line)
    return name != line or line.startswith("The ") or bool(set(name.split()) & MASTHEAD_WORDS)


def _paragraphs(lines: Sequence[str]) -> list[str]:
    """Body lines cut at blank lines; a paragraph broken over lines keeps its line breaks."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
        elif block:
            paragraphs.append("\n".join(block))
            block = []
    return paragraphs


def _paragraph_starts(lines: Sequence[str], *, first: int) -> tuple[int, ...]:
    """The line number of each paragraph's first line, as ``_paragraphs`` cuts them; ``first`` is line 1's."""
    starts, previous_blank = [], True
    for number, line in enumerate(lines, start=first):
        if line.strip() and previous_blank:
            starts.append(number)
        previous_blank = not line.strip()
    return tuple(starts)


def _related(lines: Sequence[str], *, start: int) -> tuple[RelatedItem, ...]:
    """The "Related Content" items; ``start`` is the 0-based index of the line after the heading."""
    items: list[RelatedItem] = []
    cursor = _skip_blank(lines, start)
    while cursor < len(lines):
        if lines[cursor].strip().lower() == IMAGE_PLACEHOLDER:
            cursor = _skip_blank(lines, cursor + 1)
        if cursor >= len(lines):
            raise ParseError("related item has an image but no title", line=len(lines))
        title_index = cursor
        title = lines[cursor].strip()
        cursor += 1
        standfirst_lines = []
        while cursor < len(lines) and lines[cursor].strip():
            standfirst_lines.append(lines[cursor].strip())
            cursor += 1
        cursor = _skip_blank(lines, cursor)
        byline = _related_line(lines, cursor, title=title, what="byline")
        if _looks_like_date(byline):
            raise ParseError(
                f"related item “{title}” has no byline line: found the date “{byline}”", line=cursor + 1
            )
        cursor = _skip_blank(lines, cursor + 1)
        date = _related_line(lines, cursor, title=title, what="date")
        items.append(
            RelatedItem(
                title=title,
                standfirst=" ".join(standfirst_lines),
                authors=parse_byline(byline),
                published_at=parse_related_date(date, line=cursor + 1),
                line=title_index + 1,
            )
        )
        cursor = _skip_blank(lines, cursor + 1)
    return tuple(items)


def _related_line(lines: Sequence[str], index: int, *, title: str, what: str) -> str:
    """The line at ``index`` where a related item's byline or date must be."""
    example = "a date like “26, Mar, 2023 @5:44 PM”" if what == "date" else "a byline"
    if index >= len(lines):
        raise ParseError(
            f"related item “{title}” has no {what} line: expected {example}, found the end of the document",
            line=len(lines),
        )
    line = lines[index].strip()
    # A title with its standfirst under it where the date should be: the date is missing.
    next_line = lines[index + 1].strip() if index + 1 < len(lines) else ""
    starts_next_item = what == "date" and bool(next_line) and not _looks_like_date(line)
    if line.lower() == IMAGE_PLACEHOLDER or starts_next_item:
        raise ParseError(
            f"related item “{title}” has no {what} line: expected {example}, found “{line}”", line=index + 1
        )
    return line


def _looks_like_date(line: str) -> bool:
    return line[:1].isdigit() and "@" in line


def _skip_blank(lines: Sequence[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
