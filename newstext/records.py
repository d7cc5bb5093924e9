"""The parser's vocabulary: the error it raises and the frozen records it returns.

Kept apart from ``parse.py`` so that the helper modules (bylines, dates, quotes…)
can build these records without importing the entry point. Everything here is
re-exported by the package (``newstext``), which is where callers import from.
"""

import datetime
from dataclasses import dataclass, field


class ParseError(ValueError):
    """A document that cannot be read, with the 1-based line where the problem is.

    ``line`` is ``None`` only when the problem is not at a line (the size limit).
    """

    def __init__(self, message: str, *, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message if self.line is None else f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Byline:
    """One author from a byline line: "Peter Beaumont in Dnipro, Ukraine"."""

    name: str
    location: str = ""  # "Dnipro, Ukraine" (keeps the country)
    role: str = ""  # "Central and eastern Europe correspondent"


@dataclass(frozen=True)
class RelatedItem:
    """One entry of the "Related Content" list."""

    title: str
    standfirst: str
    authors: tuple[Byline, ...]
    published_at: datetime.datetime  # naive wall-clock time as written; the loader adds the time zone
    line: int  # 1-based line of the item's title


@dataclass(frozen=True)
class Mention:
    """A person, or an organisation quoted as a speaker, named in the body."""

    name: str  # full name: "Artyom Shraibman", "Institute for the Study of War"
    description: str = ""  # "Belarusian political analyst and non-resident scholar at …"
    kind: str = "person"  # "person" or "organisation"
    aliases: tuple[str, ...] = ()  # surname used on second reference, abbreviation


# A partial quote of fewer words than this ("absorb", "Russian aggression") is kept in the data
# but not presented to readers as the speaker's quote: out of its sentence it says nothing.
MIN_PRESENTED_PARTIAL_WORDS = 3


def presents_quote(*, text: str, partial: bool) -> bool:
    """Whether readers see this quote as its speaker's words (in "Who said what", quote and person pages).

    Full quotes always; partial quotes of at least ``MIN_PRESENTED_PARTIAL_WORDS`` words.
    The one rule for every surface: the Django side calls it with a stored quote's fields.
    """
    return not partial or len(text.split()) >= MIN_PRESENTED_PARTIAL_WORDS


@dataclass(frozen=True)
class QuoteData:
    """Words attributed to a speaker."""

    speaker: str  # the Mention.name of the speaker
    text: str  # the quoted words without the marks; paragraphs joined with a blank line
    paragraph: int  # 0-based index of the body paragraph where the quote starts
    partial: bool = False  # a fragment quoted inside a sentence

    @property
    def presented(self) -> bool:
        """Whether readers see it as the speaker's quote (``presents_quote``)."""
        return presents_quote(text=self.text, partial=self.partial)


@dataclass(frozen=True)
class Lines:
    """Where a document's parts are: 1-based line numbers, so that a caller can name them in an error."""

    headline: int = 1
    standfirst: int = 0
    byline: int = 0
    publication: int = 0
    paragraphs: tuple[int, ...] = ()  # the first line of each body paragraph


@dataclass(frozen=True)
class Document:
    """A parsed archive document."""

    headline: str
    standfirst: str
    paragraphs: tuple[str, ...]
    authors: tuple[Byline, ...]
    publication: str
    related: tuple[RelatedItem, ...]
    people: tuple[Mention, ...]  # in order of first appearance in the body; never the byline's authors
    quotes: tuple[QuoteData, ...]  # in body order
    countries: tuple[str, ...]  # ISO 3166-1 alpha-2 codes, sorted
    topics: tuple[str, ...] = ()  # subject topics, most central first; never the story's people
    lines: Lines = field(default=Lines(), compare=False)  # where the parts are; not part of the content
