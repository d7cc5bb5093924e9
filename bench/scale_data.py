"""Grow a PostgreSQL database to N articles of a newsroom's shape, by COPY (bench/scale_bench.py).

The shape (defaults): ~2,000 topics, the 249 countries the migrations load,
~5,000 authors, ~20,000 people; each article 3–5 topics, 1–2 countries, 1–2
bylines, 4–6 people named, 5 quotes by them and 10 related links (a third
resolved to an earlier article). Who and what an article carries follows a Zipf
law, as in a real archive: a few topics ("Ukraine war"), countries and people
("Alexander Lukashenko") are on a large share of the articles, most on a handful.
About 4% of the articles name Lukashenko, the search term of the benchmark; 2%
are drafts and 0.5% scheduled, so that the published filter has work to do.

Every column the code does not fill here gets its model field's default, so a
field another change adds to a model does not break the load. Search vectors
are written afterwards with ``articles.search.update_search_vectors``, the same
SQL the site uses.
"""

import itertools
import json
import random
import time
from datetime import UTC, datetime, timedelta

from django.db import connection, models
from django.utils.text import slugify

from articles.counts import recount_all
from articles.models import (
    Article,
    BodyBlock,
    Byline,
    Country,
    Quote,
    RelatedLink,
    TaggedCountry,
    TaggedTopic,
    Topic,
)
from articles.search import update_search_vectors
from newstext import normalise_name, normalise_title
from people.models import Author, Person

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "to",
    "vi",
    "ber",
    "dan",
    "gor",
    "lin",
    "mar",
    "nov",
    "pol",
    "ret",
    "sin",
    "tur",
    "val",
    "zem",
]
COMMON = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "by",
    "at",
    "from",
    "it",
    "said",
    "his",
    "her",
    "their",
    "has",
    "have",
    "government",
    "minister",
    "election",
    "opposition",
    "protest",
    "sanctions",
    "war",
    "border",
    "president",
    "parliament",
    "police",
    "court",
    "economy",
    "energy",
    "gas",
    "oil",
    "talks",
    "ceasefire",
    "troops",
    "refugees",
    "capital",
    "regime",
    "vote",
    "campaign",
    "report",
    "official",
    "statement",
    "week",
    "year",
    "month",
    "people",
    "country",
    "city",
    "region",
    "state",
]
FIRST = [
    "Anna",
    "Pavel",
    "Olga",
    "Ivan",
    "Maria",
    "Sergei",
    "Elena",
    "Andrei",
    "Tatiana",
    "Dmitri",
    "Irina",
    "Viktor",
    "Natalia",
    "Oleg",
    "Svetlana",
]
LAST = [
    "Ivanova",
    "Petrov",
    "Sidorova",
    "Kuznetsov",
    "Popova",
    "Sokolov",
    "Lebedeva",
    "Kozlov",
    "Novikova",
    "Morozov",
    "Volkova",
]


def word(rng: random.Random, syllables: int = 3) -> str:
    return "".join(rng.choices(SYLLABLES, k=syllables))


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    """Cumulative weights of a Zipf law over n ranks, for random.choices(cum_weights=…)."""
    return list(itertools.accumulate(1 / (rank**s) for rank in range(1, n + 1)))


def pick(rng: random.Random, items: list, cum: list[float], k: int) -> list:
    """k distinct items drawn by the Zipf weights."""
    chosen: dict = {}
    while len(chosen) < k:
        for item in rng.choices(items, cum_weights=cum, k=k - len(chosen)):
            chosen[item] = None
    return list(chosen)


class Loader:
    """COPY rows into a model's table, filling every other column with the field's default."""

    def __init__(self, model: type[models.Model]):
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.columns = [f.column for f in self.fields]

    def value(self, field, row: dict):
        value = row[field.attname] if field.attname in row else field.get_default()
        if isinstance(field, models.JSONField):
            return json.dumps(value)
        if isinstance(field, models.FileField):
            return str(value or "")
        return value

    def copy(self, rows: list[dict]) -> None:
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        sql = f"COPY {table} ({columns}) FROM STDIN"  # noqa: S608  (model tables)
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([self.value(f, row) for f in self.fields])


def set_sequences(*models_: type[models.Model]) -> None:
    with connection.cursor() as cursor:
        for model in models_:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"COALESCE((SELECT max(id) FROM {table}), 1))"
            )


def named_rows(rng: random.Random, n: int, make_name, extra=None, first: list[str] = ()) -> list[dict]:
    """n rows with distinct names (``first`` ones first), their keys and slugs."""
    now = datetime.now(UTC)
    rows, keys = [], set()
    names = iter(first)
    while len(rows) < n:
        name = next(names, None) or make_name()
        key = normalise_name(name)
        if key in keys:
            continue
        keys.add(key)
        i = len(rows) + 1
        rows.append(
            {
                "id": i,
                "name": name,
                "name_key": key,
                "slug": f"{slugify(name)}-{i}" if i > 1 else slugify(name),
                "created_at": now,
                "updated_at": now,
                **(extra(i) if extra else {}),
            }
        )
    return rows


def paragraph(rng: random.Random, vocab: list[str], words: int, extra: str = "") -> str:
    text = " ".join(rng.choices(vocab, k=words))
    return (extra + " " + text if extra else text).capitalize() + "."


def grow(n: int, *, topics: int = 2000, authors: int = 5000, people: int = 20000, seed: int = 11) -> dict:
    """Fill an empty (migrated) database with n articles; returns timings in seconds."""
    rng = random.Random(seed)
    timings = {}
    started = time.perf_counter()
    vocab = COMMON * 5 + [word(rng) for _ in range(3000)]
    topic_rows = named_rows(
        rng,
        topics,
        lambda: f"{word(rng, 2).capitalize()} {word(rng, 3)}",
        first=["Ukraine war", "Belarus politics"],
    )
    Loader(Topic).copy(topic_rows)
    author_rows = named_rows(
        rng,
        authors,
        lambda: f"{rng.choice(FIRST)} {word(rng, 2).capitalize()}{rng.choice(LAST).lower()}",
        extra=lambda i: {"role": "Correspondent", "location": "Moscow"},
    )
    Loader(Author).copy(author_rows)
    person_rows = named_rows(
        rng,
        people,
        lambda: f"{rng.choice(FIRST)} {word(rng, 3).capitalize()}",
        extra=lambda i: {"kind": "person", "description": "political analyst"},
        first=["Alexander Lukashenko", "Vladimir Putin", "Sviatlana Tsikhanouskaya"],
    )
    Loader(Person).copy(person_rows)
    set_sequences(Topic, Author, Person)
    country_ids = list(Country.objects.order_by("pk").values_list("pk", flat=True))
    # Belarus, Ukraine and Russia lead, as in the reference archive.
    lead = list(Country.objects.filter(code__in=["BY", "UA", "RU"]).values_list("pk", flat=True))
    country_ids = lead + [c for c in country_ids if c not in lead]
    topic_ids = [r["id"] for r in topic_rows]
    author_ids = [r["id"] for r in author_rows]
    person_ids = [r["id"] for r in person_rows]
    cum = {
        k: zipf_weights(len(v))
        for k, v in {"t": topic_ids, "c": country_ids, "a": author_ids, "p": person_ids}.items()
    }
    timings["vocabularies"] = time.perf_counter() - started

    filled = (Article, BodyBlock, Byline, Quote, RelatedLink, TaggedTopic, TaggedCountry)
    loaders = {m: Loader(m) for m in filled}
    mentions = Loader(Article.people.through)
    start = datetime(2010, 1, 1, tzinfo=UTC)
    step = (datetime.now(UTC) - timedelta(days=2) - start) / n
    headlines: list[str] = []
    link_id = quote_id = byline_id = tt_id = tc_id = mention_id = 0
    chunk = 5000
    for first in range(1, n + 1, chunk):
        rows = {m: [] for m in loaders}
        mention_rows = []
        for i in range(first, min(first + chunk, n + 1)):
            published = start + step * i
            status = "published"
            draw = rng.random()
            if draw < 0.02:
                status = "draft"
            elif draw < 0.025:
                published = datetime.now(UTC) + timedelta(days=rng.randint(1, 30))
            headline = paragraph(rng, vocab, rng.randint(6, 11))[:-1]
            headlines.append(headline)
            named = pick(rng, person_ids, cum["p"], rng.randint(4, 6))
            luka = rng.random() < 0.04
            if luka and 1 not in named:
                named[0] = 1
            paragraphs = [
                paragraph(rng, vocab, rng.randint(40, 70), "Lukashenko said" if luka and p == 2 else "")
                for p in range(8)
            ]
            body = "\n\n".join(paragraphs)  # the blocks' text, as articles.bodytext stores it
            # The body: one text block of eight paragraphs, as the importer makes of a document.
            html = "\n".join(f"<p>{text}</p>" for text in paragraphs)
            rows[BodyBlock].append({"id": i, "article_id": i, "position": 0, "kind": "text", "html": html})
            rows[Article].append(
                {
                    "id": i,
                    "headline": headline,
                    "slug": f"{slugify(headline)[:80]}-{i}",
                    "standfirst": paragraph(rng, vocab, rng.randint(18, 30)),
                    "body_text": body,
                    "status": status,
                    "published_at": published,
                    "created_at": published,
                    "updated_at": published,
                    "publication": "The Guardian",
                    "headline_key": normalise_title(headline),
                }
            )
            for pos, author in enumerate(pick(rng, author_ids, cum["a"], rng.choice((1, 1, 1, 2)))):
                byline_id += 1
                rows[Byline].append(
                    {
                        "id": byline_id,
                        "article_id": i,
                        "author_id": author,
                        "position": pos,
                        "location": "Kyiv" if pos == 0 else "",
                    }
                )
            for tag in pick(rng, topic_ids, cum["t"], rng.randint(3, 5)):
                tt_id += 1
                rows[TaggedTopic].append({"id": tt_id, "content_object_id": i, "tag_id": tag})
            for tag in pick(rng, country_ids, cum["c"], rng.choice((1, 1, 2))):
                tc_id += 1
                rows[TaggedCountry].append({"id": tc_id, "content_object_id": i, "tag_id": tag})
            for person in named:
                mention_id += 1
                mention_rows.append({"id": mention_id, "article_id": i, "person_id": person})
            for pos in range(5):
                quote_id += 1
                rows[Quote].append(
                    {
                        "id": quote_id,
                        "article_id": i,
                        "speaker_id": named[pos % len(named)],
                        "text": paragraph(rng, vocab, rng.randint(12, 30)),
                        "position": pos,
                        "paragraph": pos + 1,
                        "partial": False,
                        "presented": True,
                    }
                )
            for pos in range(10):
                link_id += 1
                target = rng.randrange(1, i) if i > 1 and rng.random() < 0.33 else None
                title = headlines[target - 1] if target else paragraph(rng, vocab, 8)[:-1]
                rows[RelatedLink].append(
                    {
                        "id": link_id,
                        "article_id": i,
                        "position": pos,
                        "title": title,
                        "title_key": normalise_title(title),
                        "standfirst": paragraph(rng, vocab, 20),
                        "byline": "Andrew Roth in Moscow",
                        "authors": [{"name": "Andrew Roth", "location": "Moscow"}],
                        "published_at": published - timedelta(days=rng.randint(1, 400)),
                        "url": "" if target else f"https://www.example.com/world/{i}/{pos}",
                        "target_id": target,
                    }
                )
        for model, loader in loaders.items():
            loader.copy(rows[model])
        mentions.copy(mention_rows)
    set_sequences(*filled, Article.people.through)
    timings["articles"] = time.perf_counter() - started - timings["vocabularies"]
    mark = time.perf_counter()
    # Building the GIN index once is far quicker than growing it a row at a time; and
    # without statistics of the new rows the vectors' subqueries are planned as scans.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles_article' "
            "AND indexdef LIKE '%%gin%%search_vector%%'"
        )
        gin = cursor.fetchall()
        for name, _ in gin:
            cursor.execute(f'DROP INDEX "{name}"')
    for first in range(1, n + 1, 10000):
        update_search_vectors(range(first, min(first + 10000, n + 1)))
    with connection.cursor() as cursor:
        for _, definition in gin:
            cursor.execute(definition)
    timings["search vectors"] = time.perf_counter() - mark
    mark = time.perf_counter()
    after_bulk_load()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    timings["counts and ANALYZE"] = time.perf_counter() - mark
    return timings


def after_bulk_load() -> None:
    """What the site needs recomputed after rows were written without signals (besides search vectors)."""
    recount_all()
