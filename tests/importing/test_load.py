"""The loader and the import command: storing documents, idempotence, atomicity, errors."""

import io
import json
import shutil

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.importing import ImportResult, Lookups, Source, Status, batch, import_document, load
from articles.importing import lookups as lookups_module
from articles.importing import store as storing
from articles.models import Article, Quote, RelatedLink
from newstext import normalise_title
from people.models import Author, Person
from tests.documents import SAMPLES

pytestmark = pytest.mark.django_db


def run_import(*args) -> tuple[list[dict], int]:
    """Run the command with --json; return its report lines and exit status."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("import_document", *map(str, args), "--json", stdout=out, stderr=StringIO())
        status = 0
    except CommandError as error:
        status = error.returncode
    return [json.loads(line) for line in out.getvalue().splitlines()], status


def table_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"articles", "people", "taggit"}
    }


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_import_creates_a_draft_article_by_default(reference_path):
    (line,), status = run_import(reference_path)

    assert status == 0
    assert line["status"] == "created"
    article = Article.objects.get(slug=line["slug"])
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_publish_flag_publishes_now(reference_path):
    run_import(reference_path, "--publish")
    article = Article.objects.get()
    assert article.is_live


def test_published_at_schedules_in_the_configured_time_zone(reference_path):
    (line,), _ = run_import(reference_path, "--published-at", "2030-01-02T09:30")
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M") == "2030-01-02 09:30"
    assert not Article.objects.published().exists()


def test_bad_published_at_is_bad_usage(reference_path):
    _, status = run_import(reference_path, "--published-at", "next tuesday")
    assert status == 2
    assert Article.objects.count() == 0


def test_importing_the_same_document_again_changes_nothing(reference_path):
    run_import(reference_path)
    before = table_counts()
    with CaptureQueriesContext(connection) as queries:
        (line,), status = run_import(reference_path)

    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert (line["status"], status) == ("unchanged", 0)
    assert writes == []
    assert table_counts() == before


def test_an_edited_document_updates_its_article(reference_path, tmp_path):
    run_import(reference_path)
    article = Article.objects.get()
    edited = write(
        tmp_path,
        reference_path.name,
        reference_path.read_text().replace("a rare visit", "a rare, short visit"),
    )
    (line,), _ = run_import(edited)

    assert line["status"] == "updated"
    assert Article.objects.count() == 1
    article.refresh_from_db()
    assert "a rare, short visit" in article.body
    assert line["slug"] == article.slug
    assert RelatedLink.objects.count() == 10
    assert Quote.objects.filter(article=article).count() == len(line["quotes"])


def test_reimport_with_publish_publishes_the_existing_draft(reference_path):
    run_import(reference_path)
    (line,), _ = run_import(reference_path, "--publish")
    assert line["status"] == "updated"
    assert Article.objects.get().is_live


def test_a_directory_imports_every_txt_file_in_it(tmp_path):
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "notes.md").write_text("not a document")

    lines, status = run_import(tmp_path)

    assert status == 0
    assert len(lines) == len(list(SAMPLES.glob("*.txt"))) >= 6
    assert {line["status"] for line in lines} == {"created"}


def test_sample_documents_link_to_each_other():
    run_import(SAMPLES, "--publish")
    resolved = RelatedLink.objects.filter(target__isnull=False)
    assert resolved.count() >= 8
    for link in resolved.select_related("target"):
        assert normalise_title(link.title) == normalise_title(link.target.headline)


def test_a_bad_document_is_reported_and_the_rest_of_the_batch_imported(reference_path, tmp_path):
    bad = write(tmp_path, "bad.txt", "Only a headline\n")
    lines, status = run_import(bad, reference_path)

    assert status == 1
    assert lines[0]["status"] == "error"
    assert lines[0]["error"].startswith(f"{bad}: line ")
    assert lines[1]["status"] == "created"
    assert Article.objects.count() == 1


def test_a_missing_file_is_reported_with_its_path(tmp_path):
    (line,), status = run_import(tmp_path / "nope.txt")
    assert status == 1
    assert line["error"] == f"{tmp_path / 'nope.txt'}: cannot be read: No such file or directory"


def test_non_utf8_document_is_refused_with_a_decode_error(tmp_path):
    bad = write(tmp_path, "cp1252.txt", "Headline\n\n“Quoted” standfirst\n", encoding="cp1252")
    (line,), status = run_import(bad)
    assert status == 1
    assert "UTF-8" in line["error"]
    assert Article.objects.count() == 0


def test_oversized_document_is_refused(settings, reference_path):
    settings.NEWSROOM_IMPORT_MAX_BYTES = 1000
    (line,), status = run_import(reference_path)
    assert status == 1
    assert "over the limit of 1000 bytes" in line["error"]


def test_dry_run_reports_without_writing(reference_path):
    before = table_counts()
    (line,), status = run_import(reference_path, "--dry-run")

    assert status == 0
    assert line["status"] == "created"
    assert line["paragraph_count"] == 24
    assert len(line["related"]) == 10
    assert table_counts() == before


def test_a_failure_in_the_middle_leaves_the_database_as_it_was(reference_path, monkeypatch):
    before = table_counts()

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(storing, "store_related", fail)
    (line,), status = run_import(reference_path)

    assert status == 1
    assert line["status"] == "error"
    assert "could not be stored: disk full" in line["error"]
    assert table_counts() == before


def test_an_update_that_fails_keeps_the_previous_version(reference_path, tmp_path, monkeypatch):
    run_import(reference_path)
    before = table_counts()
    body = Article.objects.get().body
    edited = write(
        tmp_path, reference_path.name, reference_path.read_text().replace("rare visit", "odd visit")
    )
    monkeypatch.setattr(storing, "store_tags", lambda *a, **k: (_ for _ in ()).throw(DatabaseError("boom")))

    (line,), _ = run_import(edited)

    assert line["status"] == "error"
    assert table_counts() == before
    assert Article.objects.get().body == body


def queried_tables(queries) -> set[str]:
    return {
        table
        for query in queries
        for table in ("people_author", "people_person", "articles_topic", "articles_country")
        if query["sql"].startswith("SELECT") and f'FROM "{table}"' in query["sql"]
    }


def test_a_batch_looks_up_each_author_person_topic_and_country_once(reference_path):
    lookups = Lookups()
    data = reference_path.read_bytes()
    with CaptureQueriesContext(connection) as first:
        import_document(data, path="first.txt", lookups=lookups)
    with CaptureQueriesContext(connection) as second:
        other = data.replace("Putin’s mission to Minsk".encode(), b"Putin visits Minsk")
        result = import_document(other, path="2.txt", lookups=lookups)

    assert queried_tables(first.captured_queries) == {
        "people_author", "people_person", "articles_topic", "articles_country"
    }  # fmt: skip
    assert queried_tables(second.captured_queries) == set()
    article = Article.objects.get(pk=result.article_id)
    assert [b.author.name for b in article.bylines.all()] == ["Pjotr Sauer"]
    assert sorted(article.countries.values_list("code", flat=True)) == ["BY", "RU", "UA"]
    assert article.people.count() == Article.objects.get(source_name="first.txt").people.count()


def test_a_failed_import_leaves_nothing_behind_in_the_batch_lookups(reference_path, monkeypatch):
    lookups = Lookups()
    real_store_related = storing.store_related

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")  # after the author and people were created

    monkeypatch.setattr(storing, "store_related", fail)
    failed = import_document(reference_path.read_bytes(), path="a.txt", lookups=lookups)
    monkeypatch.setattr(storing, "store_related", real_store_related)
    retried = import_document(reference_path.read_bytes(), path="a.txt", lookups=lookups)

    assert (failed.status, retried.status) == ("error", "created")
    assert Author.objects.get(name="Pjotr Sauer").bylines.get().article_id == retried.article_id


def test_batch_lookups_keep_only_the_rows_used_most_recently():
    recent = lookups_module.Recent(2)
    recent["a"], recent["b"] = 1, 2
    assert recent["a"] == 1  # read: now the most recent
    recent["c"] = 3

    assert list(recent) == ["a", "c"]


def test_names_found_in_bounded_lookups_survive_the_rows_created_beside_them():
    known = lookups_module.Recent(2)
    old = Person.objects.create(name="Old Name")
    lookups_module.get_or_create_by_name(Person, ["Old Name"], known=known)

    rows = lookups_module.get_or_create_by_name(Person, ["Old Name", "New One", "New Two"], known=known)

    assert rows["old name"] == old
    assert sorted(p.name for p in Person.objects.all()) == ["New One", "New Two", "Old Name"]
    assert len(known) == 2


def test_new_authors_and_people_are_created_with_what_the_document_says(reference_path, tmp_path):
    text = reference_path.read_text().replace("\nPjotr Sauer\n", "\nPjotr Sauer in Riga\n")
    with CaptureQueriesContext(connection) as queries:
        import_document(text.encode(), path="a.txt")

    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert not [sql for sql in updates if "people_" in sql]  # nothing written twice
    assert Author.objects.get().location == "Riga"
    assert Person.objects.get(name="Vladimir Putin").aliases == ["Putin"]


def test_the_tables_are_analysed_as_a_batch_grows(monkeypatch, tmp_path):
    def fake_imports(sources, **options):
        return (ImportResult(path=source.name, status=Status.CREATED) for source in sources)

    analysed = []
    monkeypatch.setattr(batch, "_imported", fake_imports)
    monkeypatch.setattr(batch, "analyse_tables", lambda: analysed.append(len(results)))
    results = []
    for result in batch.import_batch([Source.of_path(tmp_path / f"{n}.txt") for n in range(300)]):
        results.append(result)

    assert analysed == [64, 128, 256]


def analysed_tables() -> set[str]:
    """The imported tables the database holds planner statistics for."""
    tables = [model._meta.db_table for model in batch.IMPORTED_MODELS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # reltuples is -1 until a table is first analysed (PostgreSQL 14 and later).
            cursor.execute(
                "SELECT relname FROM pg_class WHERE relname = ANY(%s) AND reltuples >= 0", [tables]
            )
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchall():
                return set()
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {row[0] for row in cursor.fetchall()} & set(tables)


def test_analysing_gives_the_planner_statistics_of_the_imported_tables(reference_path):
    import_document(reference_path.read_bytes(), path="a.txt")
    before = analysed_tables()

    batch.analyse_tables()

    assert {"articles_article", "articles_relatedlink", "people_person", "people_quote"} <= (
        analysed_tables() - before
    )


@pytest.mark.django_db(transaction=True)  # the deleted row is noticed when the import commits
def test_a_row_deleted_during_a_batch_is_looked_up_again(reference_path, iso_countries):
    lookups = Lookups()
    import_document(reference_path.read_bytes(), path="a.txt", lookups=lookups)
    Article.objects.all().delete()
    Author.objects.all().delete()  # say, merged away by an editor meanwhile

    result = import_document(reference_path.read_bytes(), path="a.txt", lookups=lookups)

    assert result.status == "created"
    assert Author.objects.get(name="Pjotr Sauer").bylines.count() == 1


def test_two_files_of_one_headline_are_two_articles_with_their_own_slugs(reference_path, tmp_path):
    first = write(tmp_path, "first.txt", reference_path.read_bytes())
    # Other bytes (the same bytes are one article: tests/importing/test_limits.py).
    second = write(tmp_path, "second.txt", reference_path.read_bytes() + b"\n")

    lines, status = run_import(first, second)

    assert status == 0
    assert [line["status"] for line in lines] == ["created", "created"]
    plain = "putins-mission-to-minsk-raises-fears-he-will-drag-belarus-into-ukraine-war"
    assert [line["slug"] for line in lines] == [plain, f"{plain}-2"]
    assert RelatedLink.objects.count() == 20


def test_authors_are_matched_by_name_and_record_a_newly_seen_location(reference_path, tmp_path):
    Author.objects.create(name="Pjotr Sauer")
    edited = write(
        tmp_path,
        "other.txt",
        reference_path.read_text().replace("\nPjotr Sauer\n", "\nPjotr Sauer in Riga\n"),
    )
    run_import(edited)

    assert Author.objects.filter(name__iexact="pjotr sauer").count() == 1
    assert Author.objects.get(name="Pjotr Sauer").location == "Riga"


def test_html_in_a_document_is_stored_verbatim_and_shown_escaped(client, reference_path, tmp_path):
    text = reference_path.read_text().replace(
        "Speaking at a joint press conference",
        "Speaking <b>at</b> a <script>alert(1)</script> joint press conference",
    )
    run_import(write(tmp_path, "html.txt", text), "--publish")
    article = Article.objects.get()
    html = client.get(article.get_absolute_url()).content.decode()

    assert "<b>at</b> a <script>alert(1)</script>" in article.body
    assert "&lt;b&gt;at&lt;/b&gt; a &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_people_and_quotes_are_stored_and_linked(reference_path):
    (line,), _ = run_import(reference_path)
    article = Article.objects.get()

    assert Person.objects.filter(articles=article).count() >= len(line["people"])
    assert [q.speaker.name for q in article.quotes.all()] == [q["speaker"] for q in line["quotes"]]
    assert not Person.objects.filter(name="Pjotr Sauer").exists()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def copy_samples(tmp_path):
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_a_batch_shows_progress_on_a_terminal(tmp_path):
    err = Terminal()
    call_command("import_document", str(copy_samples(tmp_path)), stdout=io.StringIO(), stderr=err)
    count = len(list(tmp_path.glob("*.txt")))
    assert f"\r[1/{count}] " in err.getvalue()
    assert f"\r[{count}/{count}] " in err.getvalue()


@pytest.mark.parametrize("args", [[], ["--json"]])
def test_a_batch_is_quiet_when_not_on_a_terminal_or_with_json(tmp_path, args):
    err = Terminal() if args else io.StringIO()
    call_command("import_document", str(copy_samples(tmp_path)), *args, stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == ""


def test_the_summary_line_names_each_document_and_what_it_holds(reference_path):
    out = io.StringIO()
    call_command("import_document", str(reference_path), stdout=out, stderr=io.StringIO())
    assert out.getvalue() == (
        f"created: {reference_path} (24 paragraphs, 10 related, 15 quotes, 7 people, countries: BY, RU, UA)\n"
    )


def test_a_clash_with_a_concurrent_import_is_retried_once(reference_path, monkeypatch):
    from django.db import IntegrityError

    real_store, calls = load.store, []

    def clash_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            real_store(*args, **kwargs)  # writes, then the clash rolls all of it back
            raise IntegrityError("duplicate key value violates unique constraint")
        return real_store(*args, **kwargs)

    monkeypatch.setattr(load, "store", clash_once)
    (line,), status = run_import(reference_path)

    assert (line["status"], status, len(calls)) == ("created", 0, 2)
    assert Article.objects.count() == 1
    assert RelatedLink.objects.count() == 10


def test_a_second_clash_is_reported(reference_path, monkeypatch):
    from django.db import IntegrityError

    def always_clash(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(load, "store", always_clash)
    (line,), status = run_import(reference_path)

    assert status == 1
    assert (
        line["error"]
        == f"{reference_path}: could not be stored: duplicate key value violates unique constraint"
    )


def test_jobs_on_sqlite_imports_one_document_at_a_time(tmp_path):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the SQLite fallback")
    err = io.StringIO()
    call_command(
        "import_document", str(copy_samples(tmp_path)), "--jobs", "2", stdout=io.StringIO(), stderr=err
    )
    assert "SQLite takes one writer at a time" in err.getvalue()
    assert Article.objects.count() == len(list(tmp_path.glob("*.txt")))


@pytest.mark.django_db(transaction=True)
def test_jobs_import_in_parallel_workers_on_postgresql(tmp_path, reference_path, iso_countries):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("worker processes need a database server")
    copy_samples(tmp_path)
    shutil.copy(reference_path, tmp_path / reference_path.name)
    lines, status = run_import(tmp_path, "--jobs", "2")
    again, _ = run_import(tmp_path, "--jobs", "2")

    assert status == 0
    assert [line["path"] for line in lines] == [str(p) for p in sorted(tmp_path.glob("*.txt"))]
    assert {line["status"] for line in lines} == {"created"}
    assert {line["status"] for line in again} == {"unchanged"}
    assert Article.objects.count() == 7
    assert Author.objects.filter(name="Ines Okafor").count() == 1  # named in two documents
    # Documents imported side by side that name each other still link to each other.
    resolvable = RelatedLink.objects.filter(title_key__in=Article.objects.values("headline_key"))
    assert resolvable.count() >= 10
    assert not resolvable.filter(target__isnull=True).exists()
    assert sorted(
        Article.objects.get(source_name=reference_path.name).countries.values_list("code", flat=True)
    ) == [
        "BY",
        "RU",
        "UA",
    ]
