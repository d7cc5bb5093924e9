"""People records that are the same human: merging two (or more) into one, and finding likely duplicates.

A merge moves the quotes, the articles' links and the aliases to the record kept
(the others' names become its aliases), records a permanent redirect from each
other's address, and deletes the others, in one transaction.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from django.db import transaction

from articles import counts
from articles.models import Article, Quote
from articles.search import update_search_vectors
from newsroom.cache import bump_content_version
from newstext import normalise_name
from people.models import Person, PersonRedirect


@dataclass(frozen=True)
class MergeResult:
    into: Person
    merged: list[str]
    quotes: int
    articles: int


@transaction.atomic
def merge_people(*, keep: Person, others: list[Person]) -> MergeResult:
    others = [p for p in others if p.pk != keep.pk]
    other_ids = [p.pk for p in others]
    through = Article.people.through
    article_ids = set(through.objects.filter(person_id__in=other_ids).values_list("article_id", flat=True))
    already = set(through.objects.filter(person=keep).values_list("article_id", flat=True))
    through.objects.bulk_create([through(article_id=pk, person=keep) for pk in sorted(article_ids - already)])
    through.objects.filter(person_id__in=other_ids).delete()
    quotes = Quote.objects.filter(speaker_id__in=other_ids).update(speaker=keep)
    aliases = list(keep.aliases)
    for other in others:
        for name in [other.name, *other.aliases]:
            if normalise_name(name) != keep.name_key and name.casefold() not in {
                a.casefold() for a in aliases
            }:
                aliases.append(name)
        if not keep.description and other.description:
            keep.description = other.description
    keep.aliases = aliases
    keep.save()
    PersonRedirect.objects.filter(person_id__in=other_ids).update(person=keep)
    PersonRedirect.objects.filter(old_slug=keep.slug).delete()
    PersonRedirect.objects.bulk_create(
        [PersonRedirect(old_slug=o.slug, old_name=o.name, person=keep) for o in others]
    )
    names = [o.name for o in others]
    Person.objects.filter(pk__in=other_ids).delete()
    update_search_vectors(sorted(article_ids | already))
    # The moves above went by bulk_create and QuerySet.update, which send no signals.
    counts.recount(counts.PERSON_ARTICLES, [keep.pk])
    counts.recount(counts.PERSON_QUOTES, [keep.pk])
    bump_content_version()  # the updates above send no signals
    return MergeResult(into=keep, merged=names, quotes=quotes, articles=len(article_ids))


@dataclass(frozen=True)
class LikelyDuplicate:
    first: Person
    second: Person
    reason: str


def _parts(name_key: str) -> tuple[str, str]:
    words = name_key.replace(".", " ").split()
    return (words[0][:1], words[-1]) if len(words) >= 2 else ("", "")


def likely_duplicates(limit: int = 200) -> list[LikelyDuplicate]:
    """Pairs of people records that may be one human: same surname and first initial, or an alias match."""
    people = list(
        Person.objects.filter(kind=Person.Kind.PERSON).only("pk", "name", "name_key", "slug", "aliases")
    )
    found: dict[tuple[int, int], str] = {}
    by_initial_and_surname = defaultdict(list)
    for person in people:
        initial, surname = _parts(person.name_key)
        if surname:
            by_initial_and_surname[(initial, surname)].append(person)
    for (initial, surname), group in by_initial_and_surname.items():
        for a, b in combinations(sorted(group, key=lambda p: p.pk), 2):
            found[(a.pk, b.pk)] = f"same surname and first initial ({initial.upper()}. {surname.title()})"
    by_name = {p.name_key: p for p in people}
    for person in people:
        for alias in person.aliases:
            other = by_name.get(normalise_name(alias))
            if other is not None and other.pk != person.pk:
                pair = tuple(sorted((person.pk, other.pk)))
                found.setdefault(pair, f"“{alias}” is an alias of {person.name}")  # type: ignore[arg-type]
    by_alias = defaultdict(list)
    for person in people:
        for alias in person.aliases:
            by_alias[normalise_name(alias)].append(person)
    for group in by_alias.values():
        for a, b in combinations(sorted(group, key=lambda p: p.pk), 2):
            found.setdefault((a.pk, b.pk), "they share an alias")
    by_pk = {p.pk: p for p in people}
    pairs = sorted(found.items(), key=lambda item: (by_pk[item[0][0]].name, by_pk[item[0][1]].name))
    return [LikelyDuplicate(by_pk[a], by_pk[b], reason) for (a, b), reason in pairs[:limit]]
