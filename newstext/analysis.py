"""The text analysis shared by the parser and the editors' suggestions: people, quotes, countries, topics.

One function, so that what an import finds in a document and what the article
form suggests for the same text can never disagree.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .countries import tag_countries
from .paragraphs import analyse
from .people import PERSON, Cast
from .quotes import find_quotes
from .records import Mention, QuoteData
from .topics import subject_topics


@dataclass(frozen=True)
class Analysis:
    """What a story's text names."""

    people: tuple[Mention, ...]  # in order of first appearance; never the byline's authors
    quotes: tuple[QuoteData, ...]  # in body order
    countries: tuple[str, ...]  # ISO 3166-1 alpha-2 codes, sorted
    topics: tuple[str, ...] = ()  # subject topics, most central first; never the story's people


def analyse_text(
    *, headline: str, standfirst: str, paragraphs: Sequence[str], authors: Sequence[str] = ()
) -> Analysis:
    """People, organisations, quotes, countries and subject topics of a story, from its text.

    ``paragraphs`` are the body's paragraphs as plain text; ``authors`` the
    byline's names, which are never counted among the people named.
    """
    analysed = [analyse(index, paragraph) for index, paragraph in enumerate(paragraphs)]
    cast = Cast(headline=headline, standfirst=standfirst, paragraphs=analysed, authors=list(authors))
    quotes = find_quotes(analysed, cast)
    people = cast.mentions()
    countries = tag_countries(
        headline=headline,
        standfirst=standfirst,
        paragraphs=list(paragraphs),
        people=[
            name for person in people if person.kind == PERSON for name in (person.name, *person.aliases)
        ],
    )
    topics = subject_topics(
        headline=headline,
        standfirst=standfirst,
        paragraphs=paragraphs,
        people=[person.name for person in people],
    )
    return Analysis(people=tuple(people), quotes=tuple(quotes), countries=countries, topics=topics)
