"""Store a parsed document: one article with its bylines, people, quotes, links and tags.

``import_document`` is the one entry point. It decodes and parses the bytes,
then writes everything inside one transaction, so a document is imported
whole or not at all.

A document is recognised again by its file name (the archive names each
document after its id, e.g. ``000_5db3053b1fc29a68.txt``), or, for a file of
another name, by its headline. Its SHA-256 is kept on the article: the same
bytes imported again with the same publishing options change nothing.

A batch passes one ``Lookups`` to every document: the authors, people, topics
and countries found or created by one document are then known to the next
without asking the database again. That is what keeps a large import fast.
"""

import hashlib
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import PurePath

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from articles.models import Article, Byline, Country, RelatedLink, TaggedCountry, TaggedTopic, Topic
from articles.reports import article_data, byline_data
from articles.search import new_article_vector, update_search_vectors
from newsroom.slugs import plain_slug, unique_slugs
from newstext import Byline as ParsedByline
from newstext import Document, ParseError, decode_document, normalise_title, parse_document
from people.models import Author, Person, Quote

CREATED, UPDATED, UNCHANGED, ERROR = "created", "updated", "unchanged", "error"
# A document whose rows clash with a concurrent import's is tried once more.
ATTEMPTS = 2


# The tables an import writes to.
IMPORTED_MODELS = (
    *(Article, Article.people.through, Byline, RelatedLink, TaggedCountry, TaggedTopic, Topic),
    *(Author, Person, Quote),
)


class Lookups:
    """Rows a batch of imports has found or created, by lower-cased name (countries by code).

    One import's rows are known to the next one in the same batch, which then
    need not look them up again. Each model keeps the ``size`` rows used most
    recently, so that memory stays flat however many names a batch meets. A
    row that was created by an import that rolled back must not be reused, so
    after any failure everything is forgotten (``clear``). A row changed
    meanwhile by someone else (an author's role edited in the admin) is still
    written only when the document says something new; a row deleted meanwhile
    makes the import fail with an IntegrityError, after which it is retried
    with a fresh lookup.
    """

    def __init__(self, size: int = 5000):
        self.size = size
        self.clear()

    def clear(self) -> None:
        self.rows: dict[type, Recent] = {}
        self._countries: dict[str, Country] | None = None

    @contextmanager
    def atomic(self):
        """A transaction; when it fails, what was found or created in it is forgotten."""
        try:
            with transaction.atomic():
                yield
        except BaseException:
            self.clear()
            raise

    def of(self, model) -> "Recent":
        return self.rows.setdefault(model, Recent(self.size))

    def countries(self, codes) -> list[Country]:
        """The countries of the given ISO codes; the whole (small, controlled) table is read once."""
        if self._countries is None:
            self._countries = {country.code: country for country in Country.objects.only("code", "name")}
        return [self._countries[code] for code in codes if code in self._countries]


class Recent(OrderedDict):
    """A mapping that keeps its ``size`` most recently read or written entries."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


@dataclass(frozen=True)
class ImportResult:
    """What became of one document.

    ``report`` describes what is stored, read back from the database after the
    import's transaction, and only when somebody asks for it: a batch that
    prints no report pays nothing for it.
    """

    path: str
    status: str
    error: str = ""
    article_id: int | None = None
    # What the document holds, in a few words: small enough to pass between processes.
    summary: str = ""
    planned: dict | None = field(default=None, repr=False)  # --dry-run: what would be stored

    @property
    def ok(self) -> bool:
        return self.status != ERROR

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
        empty = {
            "slug": None, "headline": None, "standfirst": None, "paragraph_count": 0, "authors": [],
            "publication": None, "related": [], "people": [], "quotes": [], "topics": [], "countries": [],
        }  # fmt: skip
        return {"path": self.path, "status": self.status, "error": self.error or None} | (
            self.report or empty
        )


def import_document(
    data: bytes,
    *,
    path: str,
    publish: bool = False,
    published_at: datetime | None = None,
    dry_run: bool = False,
    max_bytes: int = 5 * 1024 * 1024,
    lookups: Lookups | None = None,
) -> ImportResult:
    """Import one document's bytes; never raises for bad input, reports it instead.

    ``published_at`` implies ``publish``. Without either, a new article is a draft
    and an existing article keeps its status. A batch passes the same ``lookups``
    to each of its documents.
    """
    lookups = Lookups() if lookups is None else lookups
    try:
        document = parse_document(decode_document(data, max_bytes=max_bytes))
    except ParseError as error:
        return ImportResult(path=path, status=ERROR, error=f"{path}: {error}")

    source_name = PurePath(path).name
    digest = hashlib.sha256(data).hexdigest()
    publish = publish or published_at is not None
    existing = find_existing(source_name=source_name, document=document)

    if (
        existing is not None
        and existing.source_hash == digest
        and not publish_changes(existing, publish=publish, published_at=published_at)
    ):
        return ImportResult(path=path, status=UNCHANGED, article_id=existing.pk, summary=summarise(document))

    status = CREATED if existing is None else UPDATED
    if dry_run:
        planned = document_report(document, existing=existing)
        return ImportResult(path=path, status=status, summary=summarise(document), planned=planned)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with lookups.atomic():
                article = store(
                    document,
                    article=existing,
                    source_name=source_name,
                    digest=digest,
                    publish=publish,
                    published_at=published_at,
                    lookups=lookups,
                    first_attempt=attempt == 1,
                )
            break
        except IntegrityError as error:
            # Another import running at the same time created the same author, person,
            # topic or article first, or the article's plain slug was taken. Everything
            # was rolled back: look again and retry.
            if attempt == ATTEMPTS:
                return ImportResult(path=path, status=ERROR, error=f"{path}: could not be stored: {error}")
            existing = find_existing(source_name=source_name, document=document)
            status = CREATED if existing is None else UPDATED
        except DatabaseError as error:
            return ImportResult(path=path, status=ERROR, error=f"{path}: could not be stored: {error}")
    return ImportResult(path=path, status=status, article_id=article.pk, summary=summarise(document))


def summarise(document: Document) -> str:
    """E.g. "24 paragraphs, 10 related, 15 quotes, 7 people, countries: BY, RU, UA"."""
    return (
        f"{len(document.paragraphs)} paragraphs, {len(document.related)} related, "
        f"{len(document.quotes)} quotes, {len(document.people)} people, "
        f"countries: {', '.join(document.countries) or 'none'}"
    )


def analyse_tables() -> None:
    """Refresh the query planner's statistics of the tables an import fills.

    PostgreSQL plans a prepared statement once for all values after a few runs,
    from the statistics of the moment; SQLite has none until ANALYZE runs. A
    plan made while a table held a handful of rows reads the whole table, and
    an import soon fills it. Analysing samples a bounded number of rows per
    table, so it costs little however large the tables are.
    """
    tables = [connection.ops.quote_name(model._meta.db_table) for model in IMPORTED_MODELS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"ANALYZE {table}")


def find_existing(*, source_name: str, document: Document) -> Article | None:
    """The article imported from this file name before, else one of the same headline not imported."""
    found = Article.objects.raw(FIND_EXISTING_SQL, [source_name, normalise_title(document.headline)])
    return next(iter(found), None)


# Every document imported asks this: as one constant statement it costs a third
# of what the same query built with the ORM does. "NOT (source_name = '')"
# repeats the condition of the partial unique index on source_name, which lets
# SQLite and a prepared PostgreSQL statement search that index instead of
# reading the whole table.
FIND_EXISTING_SQL = """
SELECT * FROM articles_article
WHERE (source_name = %s AND NOT (source_name = '')) OR (source_name = '' AND headline_key = %s)
ORDER BY source_name = '', id
LIMIT 1
"""


def publish_changes(article: Article, *, publish: bool, published_at: datetime | None) -> bool:
    """Whether the publishing options would change a stored article."""
    if published_at is not None:
        return article.status != Article.Status.PUBLISHED or article.published_at != published_at
    return publish and article.status != Article.Status.PUBLISHED


def byline_text(authors) -> str:
    """A byline as the archive prints it, e.g. "Andrew Roth in Moscow and Peter Beaumont"."""
    parts = []
    for author in authors:
        part = author.name
        if author.location:
            part += f" in {author.location}"
        if author.role:
            part += f" {author.role}"
        parts.append(part)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def document_report(document: Document, *, existing: Article | None) -> dict:
    """What an import would store, for ``--dry-run``; nothing is written."""
    targets = dict(
        Article.objects.filter(
            headline_key__in=[normalise_title(i.title) for i in document.related]
        ).values_list("headline_key", "slug")
    )
    return {
        "slug": existing.slug if existing else None,
        "headline": document.headline,
        "standfirst": document.standfirst,
        "paragraph_count": len(document.paragraphs),
        "authors": [byline_data(a.name, a.location, a.role) for a in document.authors],
        "publication": document.publication,
        "related": [
            {
                "title": item.title,
                "standfirst": item.standfirst,
                "authors": [byline_data(a.name, a.location, a.role) for a in item.authors],
                "published_at": item.published_at.strftime("%Y-%m-%dT%H:%M"),
                "article": targets.get(normalise_title(item.title)),
            }
            for item in document.related
        ],
        "people": [{"name": p.name, "description": p.description} for p in document.people],
        "quotes": [{"speaker": q.speaker, "text": q.text} for q in document.quotes],
        "topics": sorted(document_topics(document)),
        "countries": list(document.countries),
    }


def document_topics(document: Document) -> list[str]:
    """Topics the importer adds: the people a story is about, named in its headline or standfirst."""
    top = f"{document.headline} {document.standfirst}"
    return [
        person.name
        for person in document.people
        if person.kind == "person" and any(name in top for name in (person.name, *person.aliases))
    ]


def store(
    document: Document,
    *,
    article: Article | None,
    source_name: str,
    digest: str,
    publish: bool,
    published_at: datetime | None,
    lookups: Lookups,
    first_attempt: bool = True,
) -> Article:
    """Write the document; the caller holds the transaction."""
    article = article or Article(status=Article.Status.DRAFT)
    article.headline = document.headline
    article.standfirst = document.standfirst
    article.body = "\n\n".join(document.paragraphs)
    article.publication = document.publication
    article.source_name = source_name
    article.source_hash = digest
    if published_at is not None:
        article.status, article.published_at = Article.Status.PUBLISHED, published_at
    elif publish and article.status != Article.Status.PUBLISHED:
        article.status = Article.Status.PUBLISHED
        article.published_at = article.published_at or timezone.now()
    is_new = article.pk is None
    if is_new and first_attempt:
        # The headline's plain slug is nearly always free, so it is not looked up first. When
        # it is taken, the INSERT fails and the retry lets Article.save() find a free one.
        article.slug = plain_slug(article.headline)
    countries = lookups.countries(document.countries)
    topics = list(get_or_create_by_name(Topic, document_topics(document), known=lookups.of(Topic)).values())
    if is_new:
        # A new article has no tags but these: its search vector is written with the row.
        article.search_vector = new_article_vector(
            article, topics=[t.name for t in topics], countries=[c.name for c in countries]
        )
    article.defer_search_update = True  # not by the post_save receiver: it would write the row again
    article.save()
    article.__dict__.pop("search_vector", None)  # an SQL expression until read back

    if not is_new:
        # What the document says is replaced; what editors added (topics, countries) is kept.
        article.bylines.all().delete()
        article.related_links.all().delete()
        article.quotes.all().delete()
        article.people.clear()

    store_bylines(article, document.authors, lookups=lookups)
    people = store_people(article, document, lookups=lookups)
    store_quotes(article, people=people, quotes=document.quotes)
    store_related(article, document)
    store_tags(article, countries=countries, topics=topics)
    if not is_new:
        # Editors' tags count too; the tags went in with bulk_create, which sends no signals.
        update_search_vectors([article.pk])
    return article


def get_or_create_by_name(
    model, names: list[str], *, defaults: dict | None = None, known: dict | None = None
) -> dict[str, object]:
    """Rows of ``model`` keyed by ``name.lower()``, matched without regard to case; missing ones are created.

    Rows in ``known`` (a batch's ``Lookups``, by lower-cased name) are taken
    from there; one query finds the others, and ``known`` learns them.
    ``defaults`` maps a key to the fields of a new row. (SQLite's ``lower()``
    folds ASCII letters only, so there a name that differs in the case of a
    non-ASCII letter counts as another name.)
    """
    known = {} if known is None else known
    wanted = {name.lower(): name for name in names}
    rows = {key: known[key] for key in wanted if key in known}
    missing = [key for key in wanted if key not in rows]
    if missing:
        rows |= {
            obj.name.lower(): obj
            for obj in model.objects.annotate(lower_name=Lower("name")).filter(lower_name__in=missing)
        }
        new = [model(name=wanted[key], **(defaults or {}).get(key, {})) for key in missing if key not in rows]
        create_rows(model, new)
        rows |= {obj.name.lower(): obj for obj in new}
        for key in missing:
            known[key] = rows[key]
    return {key: rows[key] for key in wanted}


def create_rows(model, rows: list) -> None:
    """Insert new authors or people in one statement, with the slugs their save() would give them.

    Other models (topics: taggit makes their slugs its own way) are saved one by one.
    """
    if model not in (Author, Person):
        for row in rows:
            row.save()
        return
    for row, slug in zip(rows, unique_slugs(model, [row.name for row in rows]), strict=True):
        row.slug = slug
    model.objects.bulk_create(rows)


def store_bylines(article: Article, authors: tuple[ParsedByline, ...], *, lookups: Lookups) -> None:
    rows = get_or_create_by_name(
        Author,
        [a.name for a in authors],
        defaults={a.name.lower(): {"role": a.role, "location": a.location} for a in authors},
        known=lookups.of(Author),
    )
    bylines = []
    for position, parsed in enumerate(authors):
        author = rows[parsed.name.lower()]
        changed = []
        # A newly seen role or location is recorded on the author.
        if parsed.role and author.role != parsed.role:
            author.role = parsed.role
            changed.append("role")
        if parsed.location and author.location != parsed.location:
            author.location = parsed.location
            changed.append("location")
        if changed:
            author.save(update_fields=[*changed, "updated_at"])
        bylines.append(
            Byline(
                article=article, author=author, position=position, location=parsed.location, role=parsed.role
            )
        )
    Byline.objects.bulk_create(bylines)


def store_people(article: Article, document: Document, *, lookups: Lookups) -> dict[str, Person]:
    """The people and organisations named in the document, linked to the article.

    A speaker the parser quotes but did not list is recorded too. What is known
    of a person already (a description an editor wrote) is kept; new aliases
    are added.
    """
    mentions = {m.name.lower(): m for m in document.people}
    names = [m.name for m in document.people] + sorted(
        {q.speaker for q in document.quotes if q.speaker.lower() not in mentions}
    )
    rows = get_or_create_by_name(
        Person,
        names,
        defaults={
            key: {"kind": m.kind, "description": m.description, "aliases": sorted(m.aliases)}
            for key, m in mentions.items()
        },
        known=lookups.of(Person),
    )
    for key, mention in mentions.items():
        person = rows[key]
        aliases = sorted(set(person.aliases) | set(mention.aliases))
        changed = {}
        if mention.description and not person.description:
            changed["description"] = mention.description
        if aliases != sorted(person.aliases):
            changed["aliases"] = aliases
        if changed:
            for name, value in changed.items():
                setattr(person, name, value)
            person.save(update_fields=[*changed, "updated_at"])
    Through = Article.people.through
    Through.objects.bulk_create([Through(article=article, person=person) for person in rows.values()])
    return rows


def store_quotes(article: Article, *, people: dict[str, Person], quotes) -> None:
    Quote.objects.bulk_create(
        Quote(
            article=article,
            speaker=people[quote.speaker.lower()],
            text=quote.text,
            position=position,
            paragraph=quote.paragraph + 1,
            partial=quote.partial,
        )
        for position, quote in enumerate(quotes)
    )


def store_related(article: Article, document: Document) -> None:
    keys = [normalise_title(item.title) for item in document.related]
    targets = link_targets(keys, exclude=article.pk)
    zone = timezone.get_current_timezone()
    RelatedLink.objects.bulk_create(
        RelatedLink(
            article=article,
            position=position,
            title=item.title,
            title_key=key,
            standfirst=item.standfirst,
            byline=byline_text(item.authors),
            authors=[byline_data(a.name, a.location, a.role) for a in item.authors],
            published_at=timezone.make_aware(item.published_at, zone),
            target_id=targets.get(key),
        )
        for position, (item, key) in enumerate(zip(document.related, keys, strict=True))
    )


def link_targets(keys: list[str], *, exclude: int) -> dict[str, int]:
    """The first article created with each headline key, by key; ``exclude`` is never one."""
    if not keys:
        return {}
    placeholders = ", ".join(["%s"] * len(keys))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT headline_key, MIN(id) FROM articles_article "  # noqa: S608  (placeholders only)
            f"WHERE headline_key IN ({placeholders}) AND id <> %s GROUP BY headline_key",
            [*keys, exclude],
        )
        return dict(cursor.fetchall())


def store_tags(article: Article, *, countries: list[Country], topics: list[Topic]) -> None:
    """Add the document's countries and topics; tags editors added stay."""
    TaggedCountry.objects.bulk_create(
        [TaggedCountry(content_object=article, tag=country) for country in countries],
        ignore_conflicts=True,  # a country an editor tagged already
    )
    TaggedTopic.objects.bulk_create(
        [TaggedTopic(content_object=article, tag=topic) for topic in topics],
        ignore_conflicts=True,
    )
