"""Searching published articles.

On PostgreSQL: full-text search over ``Article.search_vector`` (headline
weighted A; standfirst, the body's subheadings, tags and the names of the article's
authors and people B; body C), queries in web-search syntax (``"a phrase"``, ``or``, ``-word``),
results ranked with ``ts_rank`` and snippets highlighted with ``ts_headline``.
The text search configuration ``newsroom`` is English with accents ignored
(``unaccent``; migration 0009 creates it).

Elsewhere (SQLite in development): ``articles.search_fallback``, which
understands the same syntax and matches the same way.

Snippets are HTML: the text is escaped and only the ``<mark>`` elements this
module adds survive.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections, router
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Left, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from people.models import Author, Person

from . import body
from .models import Article, Byline
from .search_fallback import SNIPPET_WORDS, fallback_search, fallback_snippet, parse_query
from .tagkinds import TAG_KINDS, TagKind

# The text search configuration: English, accents ignored (made by migration 0009).
CONFIG = "newsroom"
# How many matches are ranked: the latest ones. Ten pages of results; what lies beyond
# them a reader finds with more words, or through the topic and date filters of the API.
RANKED = 200
# How much of an article's text a snippet is looked for in (standfirst, then the body's start).
SNIPPET_SOURCE = 2000
# Longer queries are cut: nobody types more, and a search must stay cheap.
MAX_QUERY_LENGTH = 200
# ts_headline marks matches with these private-use characters, which are
# removed from the text first, so that they cannot come from an article;
# they become <mark> tags once the snippet is escaped.
START, STOP = "\ue000", "\ue001"


def search_articles(query: str) -> QuerySet:
    """Published articles matching ``query``, best first; none for an empty query.

    On PostgreSQL each article carries ``rank``; only the ``RANKED`` latest
    matches are ranked and listed (``results`` also tells whether there were
    more). Use ``with_snippets`` and ``snippet`` to show where the words were found.
    """
    text = clean_query(query)
    articles = Article.objects.published()
    if not text:
        return articles.none()
    if not is_postgresql():
        return fallback_search(articles, parse_query(text))
    search_query = SearchQuery(text, search_type="websearch", config=CONFIG)
    return _ranked(_latest_matches(articles, search_query).values("pk")[:RANKED], search_query)


def _latest_matches(articles: QuerySet, search_query: SearchQuery) -> QuerySet:
    return articles.filter(search_vector=search_query).order_by("-published_at", "-pk")


def _ranked(candidates, search_query: SearchQuery) -> QuerySet:
    # Ranking reads each match's whole vector: only the latest RANKED matches are ranked,
    # so a common word costs what a rare one does.
    return (
        Article.objects.filter(pk__in=candidates)
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", "-published_at", "-pk")
    )


@dataclass(frozen=True)
class Results:
    articles: QuerySet  # best first
    count: int  # how many matched, up to a bound
    more: bool  # whether more than ``count`` matched


def results(query: str) -> Results:
    """The articles matching ``query`` and how many, counting at most ``RANKED`` (on PostgreSQL
    the matches it ranks; the fallback lists every match, counted to the same bound)."""
    text = clean_query(query)
    articles = Article.objects.published()
    if not text:
        return Results(articles.none(), 0, False)
    if not is_postgresql():
        matches = fallback_search(articles, parse_query(text))
        count = matches.order_by().values("pk")[: RANKED + 1].count()
        return Results(matches, min(count, RANKED), count > RANKED)
    search_query = SearchQuery(text, search_type="websearch", config=CONFIG)
    # The candidates read once, and one more: it tells whether there were others.
    ids = list(_latest_matches(articles, search_query).values_list("pk", flat=True)[: RANKED + 1])
    return Results(_ranked(ids[:RANKED], search_query), min(len(ids), RANKED), len(ids) > RANKED)


def with_snippets(articles: QuerySet, query: str) -> QuerySet:
    """Annotate ``raw_snippet`` (PostgreSQL only); only the rows fetched pay for it."""
    text = clean_query(query)
    if not text or not is_postgresql():
        return articles
    # The passage is looked for in the text's first SNIPPET_SOURCE characters: ts_headline's
    # cost grows with the text it reads, and a story's words are mostly near its top.
    words = Left(F(body.SEARCH_COLUMN), SNIPPET_SOURCE)
    source = Concat(F("standfirst"), Value("\n"), words, output_field=TextField())
    source = Replace(Replace(source, Value(START), Value("")), Value(STOP), Value(""))
    return articles.annotate(
        raw_snippet=SearchHeadline(
            source,
            SearchQuery(text, search_type="websearch", config=CONFIG),
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=SNIPPET_WORDS,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )


def snippet(article: Article, query: str) -> SafeString:
    """A short passage of ``article`` with the matched words in ``<mark>``, as safe HTML."""
    raw = getattr(article, "raw_snippet", None)
    if raw is not None:
        return mark_safe(escape(raw).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308
    return fallback_snippet(
        f"{article.standfirst}\n{body.plain_text(article.body_text)}", parse_query(clean_query(query))
    )


def update_search_vectors(article_ids) -> int:
    """Recompute the stored search vector of the given articles (ids or a queryset).

    Call it after changing articles or their tags in ways that send no
    signals: ``bulk_create``, ``QuerySet.update``, raw SQL. Does nothing
    (and returns 0) on databases without full-text search.
    """
    connection = connections[router.db_for_write(Article)]
    if connection.vendor != "postgresql":
        return 0
    if isinstance(article_ids, QuerySet):
        # A queryset of articles, or of rows' article ids such as .values("content_object").
        article_ids = article_ids.values_list(*(article_ids.query.values_select or ("pk",)), flat=True)
    ids = [int(pk) for pk in article_ids]
    if not ids:
        return 0
    # One constant statement: building the same update with ORM expressions costs
    # several milliseconds of Python on every save and every imported document.
    with connection.cursor() as cursor:
        cursor.execute(UPDATE_VECTORS_SQL, [ids])
        return cursor.rowcount


# What an article is found by, and with what weight: headline A; standfirst and
# the names of its tags (each kind of TAG_KINDS) and the body's subheadings B; body C. Migration 0004 wrote
# the first version of it for the backfill.
WEIGHTS = {
    "headline": "A",
    "standfirst": "B",
    **{kind.name: "B" for kind in TAG_KINDS},
    "names": "B",  # of the authors and the people named: "Łucja" finds her articles
    "headings": "B",  # the body's subheadings (also in its text): above its paragraphs
    "body": "C",
}
VECTOR_PARTS = tuple(WEIGHTS)
VECTOR_SQL = "\n    || ".join(
    f"setweight(to_tsvector('{CONFIG}', coalesce({{{part}}}, '')), '{weight}')"
    for part, weight in WEIGHTS.items()
)


def _tag_names_sql(kind: TagKind) -> str:
    """The names of an article's tags of one kind, joined by spaces in name order."""
    through, tags = kind.through._meta.db_table, kind.model._meta.db_table
    words = f"concat_ws(' ', {', '.join(f't.{field}' for field in kind.searched)})"
    return (
        f"(SELECT string_agg({words}, ' ' ORDER BY t.name) FROM {through} x "  # noqa: S608  (model tables)
        f"JOIN {tags} t ON t.id = x.tag_id WHERE x.content_object_id = a.id)"
    )


def _names_sql() -> str:
    """The names of an article's authors and of the people it names, joined by spaces in name order."""
    bylines, authors = Byline._meta.db_table, Author._meta.db_table
    mentions, people = Article.people.through._meta.db_table, Person._meta.db_table
    return (
        "(SELECT string_agg(n.name, ' ' ORDER BY n.name) FROM ("  # noqa: S608  (model tables)
        f"SELECT au.name FROM {bylines} b JOIN {authors} au ON au.id = b.author_id WHERE b.article_id = a.id "
        f"UNION ALL SELECT p.name FROM {mentions} m JOIN {people} p ON p.id = m.person_id "
        "WHERE m.article_id = a.id) AS n)"
    )


UPDATE_VECTORS_SQL = (
    "UPDATE articles_article AS a SET search_vector = "  # noqa: S608  (constants of this module, not input)
    + VECTOR_SQL.format(
        headline="a.headline",
        standfirst="a.standfirst",
        **{kind.name: _tag_names_sql(kind) for kind in TAG_KINDS},
        names=_names_sql(),
        headings=f"a.{body.HEADINGS_COLUMN}",
        body=f"a.{body.SEARCH_COLUMN}",
    )
    + " WHERE a.id = ANY(%s)"
)


def new_article_vector(article: Article, *, tags: dict[TagKind, list], names: list[str]) -> RawSQL | None:
    """The search vector of an article about to be inserted with these tags, for ``Article.search_vector``.

    ``tags`` maps a tag kind to the article's tags of that kind; ``names`` are
    those of its authors and people. Written with
    the row itself, it spares the second write of the row that
    ``update_search_vectors`` would make (the importer's case). None where
    there is no full-text search.
    """
    if connections[router.db_for_write(Article)].vendor != "postgresql":
        return None
    values = {
        "headline": article.headline,
        "standfirst": article.standfirst,
        # As string_agg(... ORDER BY name) joins them; the order only moves word positions.
        **{
            kind.name: " ".join(kind.search_text(t) for t in sorted(tags.get(kind, []), key=lambda t: t.name))
            or None
            for kind in TAG_KINDS
        },
        "names": " ".join(sorted(names)) or None,
        "headings": getattr(article, body.HEADINGS_COLUMN),
        "body": getattr(article, body.SEARCH_COLUMN),
    }
    sql = VECTOR_SQL.format(**dict.fromkeys(VECTOR_PARTS, "%s::text"))
    return RawSQL(sql, [values[name] for name in VECTOR_PARTS])  # noqa: S611  (the text goes as parameters)


def is_postgresql() -> bool:
    return connections[router.db_for_read(Article)].vendor == "postgresql"


# Which saves change an article's words. The receivers that call
# update_search_vectors() are in articles/receivers.py.
SEARCHED_FIELDS = frozenset({"headline", "standfirst", body.SEARCH_COLUMN, body.HEADINGS_COLUMN})

_writer_updates_vectors: ContextVar[bool] = ContextVar("writer_updates_vectors", default=False)


@contextmanager
def vectors_written_by_caller():
    """Inside this block, saving an article does not update its search vector.

    For a writer that writes the vector itself once the article's tags are in
    (the importer), so that the row is not written twice.
    """
    token = _writer_updates_vectors.set(True)
    try:
        yield
    finally:
        _writer_updates_vectors.reset(token)


def vector_update_deferred() -> bool:
    return _writer_updates_vectors.get()


def clean_query(query: str) -> str:
    # PostgreSQL refuses NUL characters in text; nobody searches for them.
    return (query or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
