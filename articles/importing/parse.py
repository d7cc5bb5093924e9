"""Read an archive document into frozen dataclasses. Pure Python: no Django.

This is the entry point of the parser; the work is split over small modules:

========================  ==========================================================
``records.py``            ``ParseError`` and the frozen dataclasses
``text.py``               bytes to text (``decode_document``), title keys
``dates.py``              related-item dates (``parse_related_date``)
``bylines.py``            byline lines (``parse_byline``)
``publication.py``        the publication line and the mirror suffix
``paragraphs.py``         quotation marks and sentences inside a paragraph
``names.py``              the closed word lists and regex pieces for names
``people.py``             people and organisations named in the body
``quotes.py``             quotations and their speakers
``countries.py``          the countries a story is about
========================  ==========================================================

Each module's docstring states its rules. The layout (see the reference
document in DESIGN.md)::

    headline
    <blank>
    standfirst
    <blank>
    body paragraphs, separated by blank lines
    <one or more blank lines>
    byline
    <blank>
    publication
    [Related Content
     items: "Article image", title, standfirst, <blank>, byline, <blank>, date]

The byline and the publication are the last two non-blank lines before
"Related Content" (or before the end of the file), whatever blank lines
surround them; everything between the standfirst and the byline is body, cut
into paragraphs at blank lines. Both lines are checked (a single short line,
not a sentence) so that a document that lacks them is reported rather than
read with its last paragraphs taken for a byline. Text is kept verbatim:
``<script>`` stays ``<script>``; escaping is the templates' job.

The judgement calls, in short (the modules have the detail):

* Scare quotes: a quotation inside a sentence is somebody's partial quote only
  when that sentence has a speech verb before it whose subject is named
  (``Putin … said he did not want to “absorb” anyone``); otherwise it is a
  scare quote and not recorded (“kamikaze drones”, “combat readiness”).
* Split quotes: ``“…there,” Shraibman said. “And …”`` is one quote, its pieces
  joined by a space; a quote running over paragraphs is one quote, joined by a
  blank line.
* People: full names that look like a person's and that the text treats as
  one (apposition, title, surname reused, speech verb); organisations only
  when quoted.
* Countries: named in the headline or standfirst, or twice in the body, by
  name, demonym or capital; hyphenated compounds ("US-based") do not count.
* Publication: a glued tail ("The GuardianTramp") is cut when it is a known
  mirror or what is left ends like a masthead; "BuzzFeed News" stays.
"""

from collections.abc import Sequence

from .bylines import parse_byline
from .countries import tag_countries
from .dates import parse_related_date
from .paragraphs import analyse
from .people import PERSON, Cast
from .publication import MASTHEAD_WORDS, clean_publication
from .quotes import find_quotes
from .records import Byline, Document, Mention, ParseError, QuoteData, RelatedItem
from .text import decode_document, normalise_newlines, normalise_title

__all__ = [
    "Byline",
    "Document",
    "Mention",
    "ParseError",
    "QuoteData",
    "RelatedItem",
    "decode_document",
    "normalise_title",
    "parse_byline",
    "parse_document",
    "parse_related_date",
]

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
    paragraphs = _paragraphs(lines[first_body_line - 1 : byline_line - 1])
    related = _related(lines, start=related_at + 1) if related_at < len(lines) else ()

    analysed = [analyse(index, paragraph) for index, paragraph in enumerate(paragraphs)]
    cast = Cast(
        headline=headline, standfirst=standfirst, paragraphs=analysed, authors=[a.name for a in authors]
    )
    quotes = find_quotes(analysed, cast)
    people = cast.mentions()
    return Document(
        headline=headline,
        standfirst=standfirst,
        paragraphs=tuple(paragraphs),
        authors=authors,
        publication=clean_publication(publication),
        related=related,
        people=people,
        quotes=tuple(quotes),
        countries=tag_countries(
            headline=headline,
            standfirst=standfirst,
            paragraphs=paragraphs,
            people=[
                name for person in people if person.kind == PERSON for name in (person.name, *person.aliases)
            ],
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
