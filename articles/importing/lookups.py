"""What a batch of imports remembers: the authors, people, topics and countries it has found or created.

A batch passes one ``Lookups`` to every document: the rows one document found or
created are then known to the next without asking the database again. That is
what keeps a large import fast.
"""

from collections import OrderedDict
from collections.abc import MutableMapping
from contextlib import contextmanager
from typing import TypeVar

from django.db import transaction

from articles.models import Country, Section, Topic
from newsroom.slugs import unique_slugs
from newstext import normalise_name
from people.models import Author, Person

# The models looked up by name.
M = TypeVar("M", Author, Person, Topic)

# Rows each model keeps, most recently used first: memory stays flat however many names a batch meets.
LOOKUPS_SIZE = 5000


class Lookups:
    """Rows a batch of imports has found or created, by name key (countries by code).

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

    def __init__(self, size: int = LOOKUPS_SIZE):
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
            self._countries = {
                country.code: country for country in Country.objects.only("code", "name", "iso_name")
            }
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


def get_or_create_by_name(
    model: type[M], names: list[str], *, defaults: dict | None = None, known: MutableMapping | None = None
) -> dict[str, M]:
    """Rows of ``model`` keyed by ``normalise_name(name)``, matched by that key; missing ones are created.

    The key is stored on each row (``newsroom.names``), so the match is the same
    on every database. Rows in ``known`` (a batch's ``Lookups``, by key) are
    taken from there; one query finds the others, and ``known`` learns them.
    ``defaults`` maps a key to the fields of a new row.
    """
    known = {} if known is None else known
    wanted = {normalise_name(name): name for name in names}
    rows = {key: known[key] for key in wanted if key in known}
    missing = [key for key in wanted if key not in rows]
    if missing:
        rows |= {obj.name_key: obj for obj in model.objects.filter(name_key__in=missing)}
        new = [
            model(name=wanted[key], name_key=key, **(defaults or {}).get(key, {}))
            for key in missing
            if key not in rows
        ]
        create_rows(model, new)
        rows |= {obj.name_key: obj for obj in new}
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


class UnknownSection(ValueError):
    """No section has the slug; the message names it and the sections there are."""


def section_named(slug: str) -> Section:
    """The section of ``slug``, for the import's ``--section`` and a JSON article's own section."""
    section = Section.objects.filter(slug=slug).first()
    if section is None:
        known = ", ".join(Section.objects.order_by("slug").values_list("slug", flat=True)) or "none yet"
        raise UnknownSection(f"no section has the slug {slug!r} (sections: {known})")
    return section
