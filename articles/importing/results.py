"""What became of one imported document: its status, its error, and the report of what is stored."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cached_property

from articles.models import Article, Section
from articles.reports import article_data, empty_report
from newstext import Document


class Status(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    # Editors changed the article since its import: their version is kept (``overwrite`` replaces it).
    CONFLICT = "conflict"
    ERROR = "error"


@dataclass(frozen=True)
class ImportResult:
    """What became of one document.

    ``report`` describes what is stored, read back from the database after the
    import's transaction, and only when somebody asks for it: a batch that
    prints no report pays nothing for it. A dry run carries the report it made
    inside its rolled-back transaction.
    """

    path: str
    status: Status
    error: str = ""
    article_id: int | None = None
    # What the document holds, in a few words: small enough to pass between processes.
    summary: str = ""
    # The same, counted, for a report's table: headline, paragraph_count, authors, related,
    # quotes, people (numbers) and countries (codes). Empty for a document that did not parse.
    counts: dict = field(default_factory=dict)
    planned: dict | None = field(default=None, repr=False)  # --dry-run: what would be stored
    notes: tuple[str, ...] = ()  # what the importer decided that the operator should know

    @property
    def ok(self) -> bool:
        return self.status != Status.ERROR

    @cached_property
    def article(self) -> Article | None:
        if self.article_id is None:
            return None
        return Article.objects.for_page().get(pk=self.article_id)

    @cached_property
    def report(self) -> dict | None:
        if self.planned is not None:
            return self.planned
        return article_data(self.article, public=False) if self.article else None

    def as_json(self) -> dict:
        """One line of the ``--json`` report (DESIGN.md, "Import command")."""
        return (
            {"path": self.path, "status": str(self.status), "error": self.error or None}
            | (self.report or empty_report())
            | {"notes": list(self.notes)}
        )


@dataclass(frozen=True)
class Prepared:
    """A document read and checked, ready for the one import path (``load.import_prepared``).

    Each format (archive text, JSON article) reads its bytes into this; deciding what happens
    (unchanged, refused, conflict, overwrite, held back as a draft) and the revision are then the
    same for every format.
    """

    document: Document  # what ``store.store`` writes: words, byline, people, quotes, links, tags
    source_name: str  # the file's name, by which the article is recognised again
    digest: str  # SHA-256 of the bytes
    find: Callable[[], Article | None]  # the article this document updates, if any
    section: Section | None = None  # the importer's section (--section) for the article; None keeps it
    # The document's own section (a JSON article's): for a new article, or one that has none yet;
    # a section editors gave the article is theirs to change.
    own_section: Section | None = None
    paragraphs: int = 0  # for the report: the body's paragraphs
    published_at: datetime | None = None  # the document's own publication time, if it carries one
    # What the format stores beyond ``store`` (a JSON article's body, pictures, corrections), in the
    # same transaction; returns notes for the report.
    finish: Callable[[Article], list[str]] | None = None
    notes: tuple[str, ...] = ()  # what reading it changed (sanitised markup)

    def section_for(self, article: Article | None) -> Section | None:
        """The document's own section, for an article that has none yet."""
        return self.own_section if article is None or article.section_id is None else None
