"""Search without PostgreSQL (SQLite in development): the same syntax, matched the same way.

A query is read as PostgreSQL's ``websearch_to_tsquery`` reads it: phrases in
quotes, ``or`` between alternatives, ``-word`` to leave a word out. Every word
or phrase must appear in the headline, standfirst, body, or the names of the
article's authors and people, as whole words with an optional plural ending,
ignoring case and accents ("jacui" finds "Jacuí"). English stop words are
dropped as PostgreSQL drops them, so "the" alone finds nothing on either
database. Headline matches come first, then the most recent.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newstext.folding import ENGLISH_STOP_WORDS, accent_insensitive, fold

from . import body
from .models import Article, Byline

SNIPPET_WORDS = 35


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

    Each term is kept as its words joined by single spaces; punctuation and stop words are dropped.
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
        words = [w for w in re.findall(r"\w+", phrase) if fold(w) not in ENGLISH_STOP_WORDS]
        term = " ".join(words)
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
    """A regular expression for ``term`` as whole words, with or without accents, the last word plural too."""
    words = r"\W+".join(accent_insensitive(word) for word in term.split())
    return rf"(?<!\w){words}(?:'s|’s|es|s)?(?!\w)"


def matches_anywhere(term: str) -> Q:
    """The term in the article's own text, or in the name of one of its authors or people."""
    pattern = term_pattern(term)
    by_author = Byline.objects.filter(article=OuterRef("pk"), author__name__iregex=pattern)
    about_person = Article.people.through.objects.filter(article=OuterRef("pk"), person__name__iregex=pattern)
    return (
        Q(headline__iregex=pattern)
        | Q(standfirst__iregex=pattern)
        | Q(**{f"{body.SEARCH_COLUMN}__iregex": pattern})
        | Q(Exists(by_author))
        | Q(Exists(about_person))
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
