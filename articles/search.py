"""Searching published articles.

On PostgreSQL: full-text search over ``Article.search_vector`` (headline
weighted A, standfirst and tags B, body C), queries in web-search syntax
(``"a phrase"``, ``or``, ``-word``), results ranked with ``ts_rank`` and
snippets highlighted with ``ts_headline``.

Elsewhere (SQLite in development): a fallback that understands the same
syntax. Every word or phrase must appear in the headline, standfirst or body,
as a whole word with an optional plural ending, in any case; headline matches
come first, then the most recent.

Snippets are HTML: the text is escaped and only the ``<mark>`` elements this
module adds survive.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections, router
from django.db.models import Case, F, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import body
from .models import Article
from .tagkinds import TAG_KINDS, TagKind

# The text search configuration: the newsroom writes in English.
CONFIG = "english"
# Longer queries are cut: nobody types more, and a search must stay cheap.
MAX_QUERY_LENGTH = 200
# ts_headline marks matches with these private-use characters, which are
# removed from the text first, so that they cannot come from an article;
# they become <mark> tags once the snippet is escaped.
START, STOP = "\ue000", "\ue001"
SNIPPET_WORDS = 35


def search_articles(query: str) -> QuerySet:
    """Published articles matching ``query``, best first; none for an empty query.

    On PostgreSQL each article carries ``rank``. Use ``with_snippets`` and
    ``snippet`` to show where the words were found.
    """
    text = clean_query(query)
    articles = Article.objects.published()
    if not text:
        return articles.none()
    if is_postgresql():
        search_query = SearchQuery(text, search_type="websearch", config=CONFIG)
        return (
            articles.filter(search_vector=search_query)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "-published_at", "-pk")
        )
    return fallback_search(articles, parse_query(text))


def with_snippets(articles: QuerySet, query: str) -> QuerySet:
    """Annotate ``raw_snippet`` (PostgreSQL only); only the rows fetched pay for it."""
    text = clean_query(query)
    if not text or not is_postgresql():
        return articles
    source = Concat(F("standfirst"), Value("\n"), F(body.SEARCH_COLUMN), output_field=TextField())
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
        f"{article.standfirst}\n{body.plain_text(article.body)}", parse_query(clean_query(query))
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
# the names of its tags (each kind of TAG_KINDS) B; body C. Migration 0004 wrote
# the first version of it for the backfill.
WEIGHTS = {"headline": "A", "standfirst": "B", **{kind.name: "B" for kind in TAG_KINDS}, "body": "C"}
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


UPDATE_VECTORS_SQL = (
    "UPDATE articles_article AS a SET search_vector = "  # noqa: S608  (constants of this module, not input)
    + VECTOR_SQL.format(
        headline="a.headline",
        standfirst="a.standfirst",
        **{kind.name: _tag_names_sql(kind) for kind in TAG_KINDS},
        body=f"a.{body.SEARCH_COLUMN}",
    )
    + " WHERE a.id = ANY(%s)"
)


def new_article_vector(article: Article, *, tags: dict[TagKind, list]) -> RawSQL | None:
    """The search vector of an article about to be inserted with these tags, for ``Article.search_vector``.

    ``tags`` maps a tag kind to the article's tags of that kind. Written with
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
        "body": getattr(article, body.SEARCH_COLUMN),
    }
    sql = VECTOR_SQL.format(**dict.fromkeys(VECTOR_PARTS, "%s::text"))
    return RawSQL(sql, [values[name] for name in VECTOR_PARTS])  # noqa: S611  (the text goes as parameters)


def is_postgresql() -> bool:
    return connections[router.db_for_read(Article)].vendor == "postgresql"


# Which saves change an article's words. The receivers that call
# update_search_vectors() are in articles/receivers.py.
SEARCHED_FIELDS = frozenset({"headline", "standfirst", "body"})

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


# The fallback.


@dataclass(frozen=True)
class ParsedQuery:
    """A query in web-search syntax: every group must match (by any of its terms), no exclusion may."""

    groups: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()
    terms: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "terms", tuple(term for group in self.groups for term in group))

    def __bool__(self) -> bool:
        return bool(self.groups or self.excluded)


TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(text: str) -> ParsedQuery:
    """Read ``text`` as PostgreSQL's ``websearch_to_tsquery`` would: phrases, ``or``, ``-word``.

    Each term is kept as its words joined by single spaces; punctuation is dropped.
    """
    groups: list[tuple[str, ...]] = []
    excluded: list[str] = []
    join_next = False
    for match in TOKEN.finditer(text):
        minus, phrase, word = match.groups()
        if word is not None:
            if word.lower() == "or":
                join_next = bool(groups)
                continue
            minus, phrase = ("-", word[1:]) if word.startswith("-") else ("", word)
        term = " ".join(re.findall(r"\w+", phrase))
        if not term:
            continue
        if minus:
            excluded.append(term)
        elif join_next:
            groups[-1] = (*groups[-1], term)
        else:
            groups.append((term,))
        join_next = False
    return ParsedQuery(groups=tuple(groups), excluded=tuple(excluded))


def term_pattern(term: str) -> str:
    """A regular expression for ``term`` as whole words, the last with an optional plural ending."""
    words = r"\W+".join(re.escape(word) for word in term.split())
    return rf"(?<!\w){words}(?:'s|’s|es|s)?(?!\w)"


def matches_anywhere(term: str) -> Q:
    pattern = term_pattern(term)
    return (
        Q(headline__iregex=pattern)
        | Q(standfirst__iregex=pattern)
        | Q(**{f"{body.SEARCH_COLUMN}__iregex": pattern})
    )


def fallback_search(articles: QuerySet, query: ParsedQuery) -> QuerySet:
    if not query:
        return articles.none()
    for group in query.groups:
        condition = Q()
        for term in group:
            condition |= matches_anywhere(term)
        articles = articles.filter(condition)
    for term in query.excluded:
        articles = articles.exclude(matches_anywhere(term))
    if not query.terms:
        # Only words to leave out ("-putin"): every other article matches, newest first,
        # as PostgreSQL's websearch_to_tsquery reads it.
        return articles.annotate(rank=Value(0)).order_by("-published_at", "-pk")
    in_headline = Q()
    for term in query.terms:
        in_headline |= Q(headline__iregex=term_pattern(term))
    rank = Case(When(in_headline, then=Value(1)), default=Value(0), output_field=IntegerField())
    return articles.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")


def fallback_snippet(text: str, query: ParsedQuery, *, words: int = SNIPPET_WORDS) -> SafeString:
    """About ``words`` words of ``text`` around the first match, the matches marked."""
    text = " ".join(text.split())
    pattern = (
        re.compile("|".join(term_pattern(t) for t in query.terms), re.IGNORECASE) if query.terms else None
    )
    first = pattern.search(text) if pattern else None
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    if not spans:
        return mark_safe("")  # noqa: S308
    index = 0
    if first:
        index = next(i for i, (_, end) in enumerate(spans) if end > first.start())
    start_word = max(0, min(index - words // 3, len(spans) - words))
    end_word = min(len(spans), start_word + words)
    start, end = spans[start_word][0], spans[end_word - 1][1]
    passage = text[start:end]
    parts, position = [], 0
    for match in pattern.finditer(passage) if pattern else ():
        parts += [escape(passage[position : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        position = match.end()
    parts.append(escape(passage[position:]))
    before = "… " if start_word > 0 else ""
    after = " …" if end_word < len(spans) else ""
    return mark_safe(before + "".join(parts) + after)  # noqa: S308
