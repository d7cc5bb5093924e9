"""Write a parsed document into the database: the article, its bylines, people, quotes, links and tags.

The caller (``load.import_document``) holds the transaction: a document is
stored whole or not at all.
"""

from datetime import datetime
from functools import partial
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from articles import body, publishing
from articles.bodytext import set_body_text
from articles.counts import recount_articles
from articles.models import Article, BodyBlock, Byline, Quote, RelatedLink, Section, Topic
from articles.reports import byline_data
from articles.search import new_article_vector, update_search_vectors, vectors_written_by_caller
from articles.tagkinds import COUNTRIES, TOPICS, TagKind
from newsroom.slugs import plain_slug
from newstext import Byline as ParsedByline
from newstext import Document, normalise_name, normalise_title
from people.models import Author, Person

from .lookups import Lookups, get_or_create_by_name


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
    section: Section | None = None,
) -> Article:
    """Write the document; the caller holds the transaction.

    The archive names no section: an article is put in one only when the importer is given
    ``section``; otherwise a new article has none and an existing one keeps the editors' choice.
    """
    article = article or Article(status=Article.Status.DRAFT)
    article.headline = document.headline
    article.standfirst = document.standfirst
    # The document's paragraphs are one text block: plain text, escaped, so byte for byte the same.
    blocks = [BodyBlock(kind=BodyBlock.Kind.TEXT, html=body.paragraph_html(document.paragraphs))]
    set_body_text(article, blocks if document.paragraphs else [])
    article.publication = document.publication
    article.source_name = source_name
    article.source_hash = digest
    if section is not None:
        article.section = section
    if publish or published_at is not None:
        publishing.publish_at(article, at=published_at)
    is_new = article.pk is None
    if is_new and first_attempt:
        # The headline's plain slug is nearly always free, so it is not looked up first. When
        # it is taken, the INSERT fails and the retry lets Article.save() find a free one.
        article.slug = plain_slug(article.headline)
    tags: dict[TagKind, list[Any]] = {
        COUNTRIES: lookups.countries(document.countries),
        TOPICS: list(get_or_create_by_name(Topic, list(document.topics), known=lookups.of(Topic)).values()),
    }
    # Authors and people are found (or created) first: their names are part of the search vector.
    authors = find_authors(document.authors, lookups=lookups)
    people = find_people(document, lookups=lookups)
    if is_new:
        # A new article has no tags or names but these: its search vector is written with the row.
        names = [a.name for a in authors.values()] + [p.name for p in people.values()]
        article.search_vector = new_article_vector(article, tags=tags, names=names)
    # The receivers would write the row again for each part; the vector is written once, here.
    with vectors_written_by_caller(), body.text_refreshed_by_caller():
        article.save()
        article.__dict__.pop("search_vector", None)  # an SQL expression until read back
        if not is_new:
            # What the document says is replaced; what editors added (topics, countries) is kept.
            article.blocks.all().delete()
            article.bylines.all().delete()
            article.related_links.all().delete()
            article.quotes.all().delete()
            article.people.clear()
        if document.paragraphs:
            blocks[0].article = article
            BodyBlock.objects.bulk_create(blocks)
        store_bylines(article, document.authors, authors=authors)
        Through = Article.people.through
        Through.objects.bulk_create([Through(article=article, person=person) for person in people.values()])
        store_quotes(article, people=people, quotes=document.quotes)
        store_related(article, document)
        store_tags(article, tags=tags)
        if article.state in {Article.State.PUBLISHED, Article.State.SCHEDULED}:  # released()
            # bulk_create sends no signals: the stored counts of what the article links to follow here
            # (a draft's links count for nothing; what it linked to before went by signalled deletes).
            recount_articles([article.pk])
            # An import beside this one (--jobs) may count the same names in a transaction this one
            # cannot see: whichever commits last counts again and sees both.
            transaction.on_commit(partial(recount_articles, [article.pk]), robust=True)
    if not is_new:
        # Editors' tags count too; the tags went in with bulk_create, which sends no signals.
        update_search_vectors([article.pk])
    return article


def find_authors(authors: tuple[ParsedByline, ...], *, lookups: Lookups) -> dict[str, Author]:
    """The byline's authors by lower-cased name, found or created; a newly seen role or location is kept."""
    rows = get_or_create_by_name(
        Author,
        [a.name for a in authors],
        defaults={normalise_name(a.name): {"role": a.role, "location": a.location} for a in authors},
        known=lookups.of(Author),
    )
    for parsed in authors:
        author = rows[normalise_name(parsed.name)]
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
    return rows


def store_bylines(article: Article, parsed: tuple[ParsedByline, ...], *, authors: dict[str, Author]) -> None:
    Byline.objects.bulk_create(
        Byline(
            article=article,
            author=authors[normalise_name(a.name)],
            position=position,
            location=a.location,
            role=a.role,
        )
        for position, a in enumerate(parsed)
    )


def find_people(document: Document, *, lookups: Lookups) -> dict[str, Person]:
    """The people and organisations named in the document, by lower-cased name, found or created.

    A speaker the parser quotes but did not list is recorded too. What is known
    of a person already (a description an editor wrote) is kept; new aliases
    are added.
    """
    mentions = {normalise_name(m.name): m for m in document.people}
    names = [m.name for m in document.people] + sorted(
        {q.speaker for q in document.quotes if normalise_name(q.speaker) not in mentions}
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
        changed: dict[str, Any] = {}
        if mention.description and not person.description:
            changed["description"] = mention.description
        if aliases != sorted(person.aliases):
            changed["aliases"] = aliases
        if changed:
            for name, value in changed.items():
                setattr(person, name, value)
            person.save(update_fields=[*changed, "updated_at"])
    return rows


def store_quotes(article: Article, *, people: dict[str, Person], quotes) -> None:
    Quote.objects.bulk_create(
        Quote(
            article=article,
            speaker=people[normalise_name(quote.speaker)],
            text=quote.text,
            position=position,
            paragraph=quote.paragraph + 1,
            partial=quote.partial,
            presented=quote.presented,  # bulk_create skips save(), which sets it
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


def store_tags(article: Article, *, tags: dict[TagKind, list]) -> None:
    """Add the document's tags of each kind; tags editors added stay."""
    for kind, rows in tags.items():
        kind.through.objects.bulk_create(
            [kind.through(content_object=article, tag=tag) for tag in rows],
            ignore_conflicts=True,  # a tag an editor added already
        )
