"""The index pages' lists: topics, authors and people A to Z, countries by region.

Only names that carry at least one published article are listed, with the
number of those articles: a name that appears only in unpublished work is not
on any index. Long lists are served a letter at a time.
"""

from dataclasses import dataclass

from django.urls import reverse

from newsroom.reversing import slug_url
from newstext.folding import fold

from . import counts

OTHER = "#"  # names that do not start with a letter A to Z
LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + (OTHER,)


def initial(name: str) -> str:
    """The A–Z heading a name is filed under: "Łódź" under L, "24 Hours" under #."""
    first = fold(name.strip()[:1]).upper()
    return first if first in LETTERS[:-1] else OTHER


@dataclass(frozen=True)
class Entry:
    name: str
    url: str
    count: int  # published articles


@dataclass(frozen=True)
class LetterIndex:
    letter: str  # the letter shown
    letters: tuple[str, ...]  # the letters that have entries, for the navigation
    entries: list[Entry]


def topics_with_articles() -> list[dict]:
    """Topics with their published articles: two queries whatever the archive's size (``articles.counts``)."""
    return counts.published_rows(counts.TOPIC_ARTICLES, "name", "slug")


def authors_with_articles() -> list[dict]:
    """Authors with a byline on published articles: two queries whatever the archive's size."""
    return counts.published_rows(counts.AUTHOR_ARTICLES, "name", "slug")


def people_with_articles() -> list[dict]:
    """People named in published articles: two queries whatever the archive's size."""
    return counts.published_rows(counts.PERSON_ARTICLES, "name", "slug")


def letter_index(names: list[dict], *, url_name: str, letter: str | None) -> LetterIndex:
    """The entries of one letter of ``names`` (rows with a name, slug and count), and which letters have any.

    ``letter`` not given, or without entries, is the first letter that has some.
    """
    rows = [(initial(row["name"]), row) for row in names]
    letters = tuple(sorted({first for first, _ in rows}, key=LETTERS.index))
    wanted = (letter or "").upper()
    chosen = wanted if wanted in letters else (letters[0] if letters else LETTERS[0])
    chosen_rows = sorted((row for first, row in rows if first == chosen), key=lambda row: fold(row["name"]))
    return LetterIndex(
        letter=chosen,
        letters=letters,
        entries=[
            Entry(name=row["name"], url=reverse(url_name, kwargs={"slug": row["slug"]}), count=row["count"])
            for row in chosen_rows
        ],
    )


@dataclass(frozen=True)
class Region:
    name: str
    entries: list[Entry]


def countries_by_region() -> list[Region]:
    """Countries that carry published articles, grouped by continent, A to Z within each. Two queries."""
    countries = counts.published_rows(counts.COUNTRY_ARTICLES, "name", "slug", "region")
    regions: dict[str, list[Entry]] = {}
    for country in sorted(countries, key=lambda c: fold(c["name"])):
        url = slug_url("articles:country", country["slug"])
        entry = Entry(name=country["name"], url=url, count=country["count"])
        regions.setdefault(country["region"] or "Other", []).append(entry)
    return [Region(name=name, entries=regions[name]) for name in sorted(regions)]
