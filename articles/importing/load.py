"""Import one document: parse its bytes, find the article it updates, store it in one transaction.

``import_document`` is the entry point for one document (``batch.import_batch``
for many). A document is imported whole or not at all.

A document is recognised again by its file name (the archive names each
document after its id, e.g. ``000_5db3053b1fc29a68.txt``), or, for a file of
another name, by its headline. Its SHA-256 is kept on the article: the same
bytes imported again with the same publishing options change nothing, and the
same bytes under a second file name are recognised as the article they made
first: reported ``unchanged``, naming that article and its file, and left as
they are (import the first file to change it).

A dry run stores the document and reads back its report inside a transaction
that is then rolled back, so what it reports is exactly what an import would
store, built by the one report builder (``articles.reports``).
"""

import hashlib
from datetime import datetime
from pathlib import PurePath

from django.conf import settings
from django.db import DatabaseError, IntegrityError

from articles.models import Article, Section
from articles.publishing import publishing_problems
from articles.reports import article_data
from newsroom.dates import range_error
from newstext import Document, ParseError, normalise_title

from .checks import check_document
from .fingerprint import changed_since_import, record_fingerprint
from .formats import format_for
from .jsonarticle import is_json_article, read_json_article
from .lookups import Lookups
from .results import ImportResult, Prepared, Status
from .revisions import import_revision, keep_editors_version, record
from .rights import FULL_RIGHTS, ImportRights
from .store import store

# A document whose rows clash with a concurrent import's is tried once more.
ATTEMPTS = 2
UNDATED = (
    "no publication date: the document carries none, so the article is dated by this import "
    "and kept out of the news sitemap; give --published-at (or set the time in the admin) to date it"
)
CONFLICT = (
    "changed in the CMS since it was imported: the editors' version is kept; "
    "import with --overwrite (“Replace articles changed in the CMS” on the import page) to replace it"
)
OVERWRITTEN = (
    "changed in the CMS since it was imported: replaced; the editors' version is kept in its history"
)


class _DryRunRollback(Exception):
    """Rolls a dry run's transaction back, carrying the report made inside it."""

    def __init__(self, report: dict):
        super().__init__("dry run")
        self.report = report


def import_document(
    data: bytes,
    *,
    path: str,
    publish: bool = False,
    published_at: datetime | None = None,
    dry_run: bool = False,
    max_bytes: int | None = None,
    lookups: Lookups | None = None,
    section: Section | None = None,
    overwrite: bool = False,
    rights: ImportRights = FULL_RIGHTS,
) -> ImportResult:
    """Import one document's bytes; never raises for bad input, reports it instead.

    ``published_at`` implies ``publish``. Without either, a new article is a draft
    and an existing article keeps its status. A batch passes the same ``lookups``
    to each of its documents. ``max_bytes`` defaults to ``NEWSROOM_IMPORT_MAX_BYTES``.
    An article editors changed since its import is a ``conflict`` and kept as it is,
    unless ``overwrite``. ``rights`` are those of whoever imports (the admin's roles).
    An article that may not go live yet (``publishing.publishing_problems``: a picture
    without alt text) is stored without the publishing, with a note saying why.
    """
    if published_at is not None and (error := range_error(published_at, what="the publication time")):
        return ImportResult(path=path, status=Status.ERROR, error=f"{path}: {error}")
    lookups = Lookups() if lookups is None else lookups
    max_bytes = settings.NEWSROOM_IMPORT_MAX_BYTES if max_bytes is None else max_bytes
    read = read_json_article if is_json_article(path) else read_text_document
    prepared = read(data, path=path, max_bytes=max_bytes, section=section)
    if isinstance(prepared, ImportResult):
        return prepared
    return import_prepared(
        prepared, path=path, publish=publish, published_at=published_at, dry_run=dry_run,
        lookups=lookups, overwrite=overwrite, rights=rights,
    )  # fmt: skip


def read_text_document(data: bytes, *, path: str, max_bytes: int, section: Section | None):
    """An archive text document, read and checked; an error result when it is not one."""
    source_name = PurePath(path).name
    try:
        document = format_for(path).parse(data, max_bytes=max_bytes)
        check_document(document, source_name=source_name)
    except ParseError as error:
        return ImportResult(path=path, status=Status.ERROR, error=f"{path}: {error}")
    digest = hashlib.sha256(data).hexdigest()
    return Prepared(
        document=document,
        source_name=source_name,
        digest=digest,
        find=lambda: find_existing(source_name=source_name, document=document, digest=digest),
        section=section,
        paragraphs=len(document.paragraphs),
    )


def import_prepared(
    prepared: Prepared,
    *,
    path: str,
    publish: bool,
    published_at: datetime | None,
    dry_run: bool,
    lookups: Lookups,
    overwrite: bool,
    rights: ImportRights,
) -> ImportResult:
    """The one import path of every format: unchanged, refused, conflict or stored, with its revision."""
    document, source_name, digest, section = (
        prepared.document, prepared.source_name, prepared.digest, prepared.section
    )  # fmt: skip
    if publish and published_at is None:
        published_at = prepared.published_at
    publish = publish or published_at is not None
    existing = prepared.find()
    summary, counts = summarise(document, prepared.paragraphs), count(document, prepared.paragraphs)

    if existing is not None and same_content_elsewhere(existing, source_name=source_name, digest=digest):
        # The same document under a second name: one article, reported and left as it is.
        same = f"same content as {existing.source_name}, imported as “{existing.slug}”; left as it is"
        return ImportResult(path=path, status=Status.UNCHANGED, article_id=existing.pk, summary=same)
    unchanged = (
        existing is not None
        and existing.source_hash == digest
        and not publish_changes(existing, publish=publish, published_at=published_at)
        and (section is None or existing.section_id == section.pk)
    )
    if not unchanged and (refusal := rights.refusal(existing=existing, publish=publish)):
        return ImportResult(path=path, status=Status.ERROR, error=f"{path}: refused: {refusal}")
    if unchanged and existing is not None:
        return ImportResult(
            path=path, status=Status.UNCHANGED, article_id=existing.pk, summary=summary, counts=counts
        )

    status = Status.CREATED if existing is None else Status.UPDATED
    # The archive carries no date for the main article: publishing without one is dated by the import.
    undated = publish and published_at is None and not (existing and existing.published_at)
    notes = (*prepared.notes, *((UNDATED,) if undated else ()))
    conflict = existing is not None and changed_since_import(existing)
    if conflict and not overwrite:
        return ImportResult(
            path=path, status=Status.CONFLICT, article_id=existing.pk if existing else None,
            notes=(*prepared.notes, CONFLICT), summary=summary, counts=counts,
        )  # fmt: skip
    if conflict:
        notes = (*notes, OVERWRITTEN)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with lookups.atomic():
                if conflict and existing is not None and not dry_run:
                    keep_editors_version(existing, rights=rights, source_name=source_name)
                before = _state_of(existing)
                with import_revision(rights):
                    article = store(
                        document,
                        article=existing,
                        source_name=source_name,
                        digest=digest,
                        publish=publish,
                        published_at=published_at,
                        lookups=lookups,
                        first_attempt=attempt == 1,
                        section=section or prepared.section_for(existing),
                    )
                    stored_notes = prepared.finish(article) if prepared.finish else []
                    if publish and (held := hold_back(article, before=before)):
                        stored_notes = [n for n in (*notes, *stored_notes) if n != UNDATED] + [held]
                    else:
                        stored_notes = [*notes, *stored_notes]
                    record_fingerprint(article)
                    record(
                        article, comment=revision_comment(status, source_name=source_name, article=article)
                    )
                if dry_run:
                    raise _DryRunRollback(
                        article_data(Article.objects.for_page().get(pk=article.pk), public=False)
                    )
            notes = tuple(stored_notes)
            break
        except _DryRunRollback as rollback:
            return ImportResult(
                path=path,
                status=status,
                planned=rollback.report,
                notes=tuple(stored_notes),
                summary=summary,
                counts=counts,
            )
        except IntegrityError as error:
            # Another import running at the same time created the same author, person,
            # topic or article first, or the article's plain slug was taken. Everything
            # was rolled back: look again and retry.
            if attempt == ATTEMPTS:
                return ImportResult(
                    path=path, status=Status.ERROR, error=f"{path}: could not be stored: {error}"
                )
            existing = prepared.find()
            status = Status.CREATED if existing is None else Status.UPDATED
        except DatabaseError as error:
            return ImportResult(path=path, status=Status.ERROR, error=f"{path}: could not be stored: {error}")
    return ImportResult(
        path=path, status=status, article_id=article.pk, notes=notes, summary=summary, counts=counts
    )


def _state_of(article: Article | None) -> tuple:
    if article is None:
        return (Article.Status.DRAFT, None, False)
    return (article.status, article.published_at, article.dated_by_import)


def hold_back(article: Article, *, before: tuple) -> str:
    """Undo the import's publishing of an article that may not go live yet, as the form would refuse it.

    The document is still stored (nothing is lost): the article keeps the state it had (a new
    one is a draft) until an editor puts it right and publishes it. Returns the note, or ''.
    """
    problems = publishing_problems(article)
    if not problems or _state_of(article) == before:
        return ""
    article.status, article.published_at, article.dated_by_import = before
    article.save(update_fields=["status", "published_at", "dated_by_import"])
    state = article.state.label.lower()
    return f"not published: {' '.join(problems)} The document is imported; the article is kept {state}."


def revision_comment(status: Status, *, source_name: str, article: Article) -> str:
    """E.g. "Imported from 000_5db3.txt (updated); published."."""
    state = article.state.label.lower()
    return f"Imported from {source_name} ({status}); {state}."


def summarise(document: Document, paragraphs: int) -> str:
    """E.g. "24 paragraphs, 10 related, 15 quotes, 7 people, countries: BY, RU, UA"."""
    return (
        f"{paragraphs} paragraphs, {len(document.related)} related, "
        f"{len(document.quotes)} quotes, {len(document.people)} people, "
        f"countries: {', '.join(document.countries) or 'none'}"
    )


def count(document: Document, paragraphs: int) -> dict:
    """What ``ImportResult.counts`` holds: the document's headline and the number of each of its parts."""
    return {
        "headline": document.headline,
        "paragraph_count": paragraphs,
        **{part: len(getattr(document, part)) for part in ("authors", "related", "quotes", "people")},
        "countries": list(document.countries),
    }


def find_existing(*, source_name: str, document: Document, digest: str) -> Article | None:
    """The article imported from this file name before; else one imported from the same bytes under
    another name; else one of the same headline that was not imported."""
    found = Article.objects.raw(
        FIND_EXISTING_SQL, [source_name, digest, normalise_title(document.headline), source_name, digest]
    )
    return next(iter(found), None)


# Every document imported asks this: as one constant statement it costs a third
# of what the same query built with the ORM does. "NOT (source_name = '')" and
# "NOT (source_hash = '')" repeat the conditions of the partial indexes on those
# columns, which lets SQLite and a prepared PostgreSQL statement search the
# indexes instead of reading the whole table.
FIND_EXISTING_SQL = """
SELECT * FROM articles_article
WHERE (source_name = %s AND NOT (source_name = ''))
   OR (source_hash = %s AND NOT (source_hash = ''))
   OR (source_name = '' AND headline_key = %s)
ORDER BY CASE WHEN source_name = %s THEN 0 WHEN source_hash = %s THEN 1 ELSE 2 END, id
LIMIT 1
"""


def same_content_elsewhere(article: Article | None, *, source_name: str, digest: str) -> bool:
    """Whether ``article`` was imported from these very bytes under another file name."""
    return (
        article is not None and article.source_hash == digest and article.source_name not in ("", source_name)
    )


def publish_changes(article: Article, *, publish: bool, published_at: datetime | None) -> bool:
    """Whether the publishing options would change a stored article."""
    if published_at is not None:
        return article.status != Article.Status.PUBLISHED or article.published_at != published_at
    return publish and article.status != Article.Status.PUBLISHED
