"""The index pages' lists: topics, authors and people A to Z, countries by region.

Only names that carry at least one published article are listed, with the
number of those articles: a name that appears only in unpublished work is not
on any index. Long lists are served a letter at a time.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from newstext.folding import fold
from people.models import Author, Person

from .models import Article, Country, TaggedTopic, Topic

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


def _published_count(path: str) -> Count:
    return Count(path, filter=Q(**{f"{path}__in": Article.objects.published()}), distinct=True)


def topics_with_articles() -> list[dict]:
    """Topics with their published articles, from the stored counts less the few scheduled articles.

    Two queries whatever the archive's size (``articles.counts``): no count of the tag table.
    """
    scheduled = dict(
        TaggedTopic.objects.filter(content_object__in=Article.objects.scheduled())
        .order_by()
        .values("tag")
        .annotate(n=Count("pk"))
        .values_list("tag", "n")
    )
    rows = Topic.objects.filter(released_articles__gt=0).values("pk", "name", "slug", "released_articles")
    counted = ({**row, "count": row["released_articles"] - scheduled.get(row["pk"], 0)} for row in rows)
    return [row for row in counted if row["count"] > 0]


def authors_with_articles() -> QuerySet:
    return Author.objects.annotate(count=_published_count("bylines__article")).filter(count__gt=0)


def people_with_articles() -> QuerySet:
    return Person.objects.annotate(count=_published_count("articles")).filter(count__gt=0)


def letter_index(names: QuerySet | list[dict], *, url_name: str, letter: str | None) -> LetterIndex:
    """The entries of one letter of ``names`` (annotated with ``count``, or rows with a name, slug
    and count), and which letters have any.

    ``letter`` not given, or without entries, is the first letter that has some. One query.
    """
    if isinstance(names, QuerySet):
        names = names.order_by().values("name", "slug", "count")
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
    """Countries that carry published articles, grouped by continent, A to Z within each."""
    countries = Country.objects.annotate(count=_published_count("tagged_articles__content_object")).filter(
        count__gt=0
    )
    regions: dict[str, list[Entry]] = {}
    for country in sorted(countries, key=lambda c: fold(c.name)):
        entry = Entry(name=country.name, url=country.get_absolute_url(), count=country.count)
        regions.setdefault(country.region or "Other", []).append(entry)
    return [Region(name=name, entries=regions[name]) for name in sorted(regions)]
