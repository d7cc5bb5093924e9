"""What the importer refuses, the same on both databases: dates out of range, values too long, too many
related items, and files too large; and what it recognises: the same document under a second name.

Each refusal names the path, the line and the field, and writes nothing.
"""

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.importing import Source, Status, import_batch, import_document
from articles.importing.checks import check_document
from articles.models import MAX_RELATED_LINKS, Article, RelatedLink
from newstext import Byline, Mention, ParseError, parse_document
from tests.importing.builder import Item, document, line_of

pytestmark = pytest.mark.django_db

RANGE = "times from 1 January 1600 to 31 December 2200 are accepted"


def run(*args) -> tuple[list[dict], int]:
    out = io.StringIO()
    try:
        call_command("import_document", *map(str, args), "--json", stdout=out, stderr=io.StringIO())
        status = 0
    except CommandError as error:
        status = error.returncode
    return [json.loads(line) for line in out.getvalue().splitlines()], status


def counts() -> dict[str, int]:
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"articles", "people"}
    }


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# Dates.


@pytest.mark.parametrize(
    "when", ["0001-01-01T00:00+14:00", "1599-12-31T23:59", "2201-01-01T00:00", "9999-12-31T23:59"]
)
def test_a_publication_time_out_of_range_is_bad_usage(tmp_path, when):
    path = write(tmp_path, "a.txt", document())

    with pytest.raises(CommandError) as raised:
        call_command("import_document", str(path), "--published-at", when, stdout=io.StringIO())

    assert raised.value.returncode == 2
    written = datetime.fromisoformat(when)
    written = written if timezone.is_aware(written) else timezone.make_aware(written)
    assert str(raised.value) == f"--published-at {when}: {written.isoformat()} is out of range: {RANGE}"
    assert Article.objects.count() == 0


@pytest.mark.parametrize("when", ["1600-01-01T00:00", "2200-12-31T23:59"])
def test_the_ends_of_the_range_are_accepted(tmp_path, when):
    path = write(tmp_path, "a.txt", document())

    (line,), status = run(path, "--published-at", when)

    assert (status, line["status"]) == (0, "created")
    assert Article.objects.get().published_at == timezone.make_aware(datetime.fromisoformat(when))


def test_import_document_refuses_a_publication_time_out_of_range():
    when = datetime(1, 1, 1, tzinfo=UTC)

    result = import_document(document().encode(), path="a.txt", published_at=when)

    assert result.status == Status.ERROR
    assert result.error == f"a.txt: the publication time 0001-01-01T00:00:00+00:00 is out of range: {RANGE}"
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("zone", "date"),
    [("Asia/Tokyo", "1, Jan, 0001 @12:00 AM"), ("America/New_York", "31, Dec, 9999 @11:59 PM")],
)
def test_a_related_date_out_of_range_is_refused_naming_its_line(settings, tmp_path, zone, date):
    settings.TIME_ZONE = zone
    text = document(related=(Item(), Item(title="Older floods", date=date)))
    path = write(tmp_path, "a.txt", text)
    before = counts()

    (line,), status = run(path)

    assert status == 1
    assert line["error"] == (
        f"{path}: line {line_of(text, date)}: date “{date}” is out of range: "
        "dates from 1 January 1600 to 31 December 2200 are accepted"
    )
    assert counts() == before


# Field lengths: both databases accept and refuse the same documents.


def test_a_headline_at_the_limit_is_stored_on_every_database(tmp_path):
    (line,), status = run(write(tmp_path, "a.txt", document(headline="H" * 300)))

    assert (status, line["status"]) == (0, "created")
    assert Article.objects.get().headline == "H" * 300


@pytest.mark.parametrize(
    ("make", "needle", "message"),
    [
        (
            lambda: document(headline="H" * 301),
            "H" * 301,
            f"headline “{'H' * 39}…” is 301 characters long; at most 300 are stored",
        ),
        (
            lambda: document(related=(Item(title="T" * 301),)),
            "T" * 301,
            f"related item's title “{'T' * 39}…” is 301 characters long; at most 300 are stored",
        ),
        (
            lambda: document(related=(Item(byline=" and ".join(["Ines Okafor in Porto Alegre"] * 11)),)),
            "Earlier floods in the delta",
            "related item's byline “Ines Okafor in Porto Alegre, Ines Okafo…” is 320 characters long; "
            "at most 300 are stored",
        ),
    ],
)
def test_a_value_too_long_for_its_column_is_refused_naming_line_and_field(tmp_path, make, needle, message):
    text = make()
    path = write(tmp_path, "a.txt", text)
    before = counts()

    (line,), status = run(path)

    assert status == 1
    assert line["error"] == f"{path}: line {line_of(text, needle)}: {message}"
    assert counts() == before


def test_the_related_items_of_an_article_are_capped(tmp_path):
    items = tuple(Item(title=f"Earlier floods, part {n}") for n in range(MAX_RELATED_LINKS + 1))
    text = document(related=items)
    path = write(tmp_path, "a.txt", text)

    (line,), status = run(path)

    assert status == 1
    assert line["error"] == (
        f"{path}: line {line_of(text, f'part {MAX_RELATED_LINKS}')}: "
        f"{MAX_RELATED_LINKS + 1} related items: an article keeps at most {MAX_RELATED_LINKS}"
    )
    assert RelatedLink.objects.count() == 0


def test_as_many_related_items_as_the_cap_are_kept(tmp_path):
    items = tuple(Item(title=f"Earlier floods, part {n}") for n in range(MAX_RELATED_LINKS))

    (line,), status = run(write(tmp_path, "a.txt", document(related=items)))

    assert (status, line["status"]) == (0, "created")
    assert RelatedLink.objects.count() == MAX_RELATED_LINKS


def parsed(**changes):
    """The default document, parsed, with some of its parts replaced."""
    base = parse_document(document())
    return type(base)(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, **changes})


@pytest.mark.parametrize(
    ("changes", "line", "message"),
    [
        (
            {"authors": (Byline(name="Ines Okafor", role="R" * 201),)},
            9,
            f"author's role “{'R' * 39}…” is 201 characters long; at most 200 are stored",
        ),
        (
            {"authors": (Byline(name="Ines Okafor", location="L" * 201),)},
            9,
            f"author's location “{'L' * 39}…” is 201 characters long; at most 200 are stored",
        ),
        (
            {"people": (Mention(name="Rescue", description="D" * 501),)},
            5,
            f"description of Rescue “{'D' * 39}…” is 501 characters long; at most 500 are stored",
        ),
        (
            {"topics": ("Floodwaters " + "x" * 90,)},
            1,
            f"topic “Floodwaters {'x' * 27}…” is 102 characters long; at most 100 are stored",
        ),
    ],
)
def test_every_value_the_importer_writes_is_measured_against_its_column(changes, line, message):
    with pytest.raises(ParseError) as raised:
        check_document(parsed(**changes), source_name="a.txt")

    assert str(raised.value) == f"line {line}: {message}"


def test_a_file_name_too_long_for_its_column_is_refused():
    with pytest.raises(ParseError) as raised:
        check_document(parsed(), source_name="n" * 256)

    assert str(raised.value) == f"file name “{'n' * 39}…” is 256 characters long; at most 255 are stored"


# The same document under two names.


def test_the_same_document_under_a_second_name_is_recognised_and_left_as_it_is(tmp_path):
    text = document()
    first, second = write(tmp_path, "first.txt", text), write(tmp_path, "second.txt", text)
    run(first)
    article = Article.objects.get()
    out = io.StringIO()

    call_command("import_document", str(second), stdout=out)

    assert Article.objects.count() == 1
    assert out.getvalue() == (
        f"unchanged: {second} (same content as first.txt, imported as “{article.slug}”; left as it is)\n"
    )
    article.refresh_from_db()
    assert article.source_name == "first.txt"


def test_the_json_report_of_a_second_name_describes_the_article_it_matches(tmp_path):
    text = document()
    run(write(tmp_path, "first.txt", text))

    (line,), status = run(write(tmp_path, "second.txt", text))

    assert (status, line["status"], line["error"]) == (0, "unchanged", None)
    assert line["slug"] == Article.objects.get().slug


def test_one_batch_with_the_same_document_twice_makes_one_article(tmp_path):
    text = document()
    paths = [write(tmp_path, "first.txt", text), write(tmp_path, "second.txt", text)]

    lines, status = run(*paths)

    assert [line["status"] for line in lines] == ["created", "unchanged"]
    assert Article.objects.count() == 1


def test_a_different_document_of_the_same_headline_is_still_its_own_article(tmp_path):
    run(write(tmp_path, "first.txt", document()))

    (line,), _ = run(write(tmp_path, "second.txt", document(publication="The Southern Ledger")))

    assert line["status"] == "created"
    assert Article.objects.count() == 2


# Size: a file is never read past the limit.


def test_a_file_larger_than_the_limit_is_refused_after_reading_one_byte_past_it(settings, tmp_path):
    settings.NEWSROOM_IMPORT_MAX_BYTES = 1000
    path = write(tmp_path, "big.txt", document() + "x" * 5000)

    (line,), status = run(path)

    assert status == 1
    assert line["error"] == f"{path}: document is 1001 bytes, over the limit of 1000 bytes"


def test_dev_zero_is_refused_without_reading_it_whole(settings):
    settings.NEWSROOM_IMPORT_MAX_BYTES = 1000

    (result,) = import_batch([Source.of_path(Path("/dev/zero"))])

    assert result.error == "/dev/zero: document is 1001 bytes, over the limit of 1000 bytes"


def test_a_huge_file_is_read_only_to_the_limit(settings, tmp_path):
    """A 600 MB file, mocked: the reader asks for the limit and one byte more, never the rest."""
    settings.NEWSROOM_IMPORT_MAX_BYTES = 5 * 1024 * 1024
    huge = mock.MagicMock()
    huge.__enter__.return_value.read.side_effect = lambda size=-1: (
        b"x" * (600 * 1024 * 1024 if size < 0 else size)
    )

    with mock.patch("builtins.open", return_value=huge) as opened:
        (result,) = import_batch([Source.of_path(tmp_path / "huge.txt")])

    opened.assert_called_once_with(tmp_path / "huge.txt", "rb")
    huge.__enter__.return_value.read.assert_called_once_with(5 * 1024 * 1024 + 1)
    assert (
        result.error == f"{tmp_path / 'huge.txt'}: document is 5242881 bytes, over the limit of 5242880 bytes"
    )
