"""What the importer checks before it writes: every value fits its column, and the lists are bounded.

SQLite stores a string of any length in a ``CharField``; PostgreSQL refuses one
over ``max_length`` with a raw database error that names no line. So that both
databases accept and refuse the same documents, every value the importer
writes is measured here against its model field's ``max_length`` (read from
the models, never repeated), and a document with one that does not fit is
refused before anything is written, naming the line and the field.
"""

from newstext import Document, ParseError, normalise_name, normalise_title
from people.models import Author, Person

from ..models import MAX_RELATED_LINKS, Article, Byline, RelatedLink, Topic
from .store import byline_text

# How much of a value an error message quotes.
QUOTED = 40


def limit(model, field: str) -> int:
    return model._meta.get_field(field).max_length


def check_document(document: Document, *, source_name: str) -> None:
    """Raise ``ParseError`` naming the line and field of the first value the database cannot hold."""
    lines = document.lines
    fits(source_name, limit(Article, "source_name"), what="file name", line=None)
    headline_limit = min(limit(Article, "headline"), limit(Article, "headline_key"))
    fits(document.headline, headline_limit, what="headline", line=lines.headline)
    fits(normalise_title(document.headline), headline_limit, what="headline", line=lines.headline)
    fits(document.publication, limit(Article, "publication"), what="publication", line=lines.publication)
    for author in document.authors:
        name_fits(Author, author.name, what="author's name", line=lines.byline)
        location = min(limit(Author, "location"), limit(Byline, "location"))
        fits(author.location, location, what="author's location", line=lines.byline)
        fits(
            author.role,
            min(limit(Author, "role"), limit(Byline, "role")),
            what="author's role",
            line=lines.byline,
        )
    for person in document.people:
        line = paragraph_line(document, person.name)
        name_fits(Person, person.name, what="person's name", line=line)
        fits(
            person.description, limit(Person, "description"), what=f"description of {person.name}", line=line
        )
    for quote in document.quotes:
        line = lines.paragraphs[quote.paragraph] if quote.paragraph < len(lines.paragraphs) else None
        name_fits(Person, quote.speaker, what="speaker's name", line=line)
    for topic in document.topics:
        name_fits(Topic, topic, what="topic", line=lines.headline)
    check_related(document)


def check_related(document: Document) -> None:
    if len(document.related) > MAX_RELATED_LINKS:
        raise ParseError(
            f"{len(document.related)} related items: an article keeps at most {MAX_RELATED_LINKS}",
            line=document.related[MAX_RELATED_LINKS].line,
        )
    title_limit = min(limit(RelatedLink, "title"), limit(RelatedLink, "title_key"))
    for item in document.related:
        fits(item.title, title_limit, what="related item's title", line=item.line)
        fits(normalise_title(item.title), title_limit, what="related item's title", line=item.line)
        byline = byline_text(item.authors)
        fits(
            byline,
            limit(RelatedLink, "byline"),
            what="related item's byline",
            line=item.line,
        )


def paragraph_line(document: Document, name: str) -> int | None:
    """The line of the first paragraph that names ``name``."""
    for paragraph, line in zip(document.paragraphs, document.lines.paragraphs, strict=False):
        if name in paragraph:
            return line
    return None


def name_fits(model, name: str, *, what: str, line: int | None) -> None:
    """The name and the key it is compared by (``newsroom.names``) both fit their columns."""
    fits(name, limit(model, "name"), what=what, line=line)
    fits(normalise_name(name), limit(model, "name_key"), what=what, line=line)


def fits(value: str, maximum: int, *, what: str, line: int | None) -> None:
    if len(value) > maximum:
        raise ParseError(
            f"{what} “{short(value)}” is {len(value)} characters long; at most {maximum} are stored",
            line=line,
        )


def short(value: str) -> str:
    return value if len(value) <= QUOTED else value[: QUOTED - 1].rstrip() + "…"
