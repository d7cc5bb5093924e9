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
from tests.documents import SAMPLES, ArchiveDocument

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


def replaced_once(text: str, old: str, new: str) -> str:
    """``text`` with its one ``old`` replaced, so that an edit meant for the document cannot miss."""
    assert text.count(old) == 1, f"{old!r} is in the document {text.count(old)} times"
    return text.replace(old, new)


def edited_text(document: ArchiveDocument) -> str:
    """The document as an editor changed it: one phrase of its body rewritten."""
    return replaced_once(document.text(), document.phrase, document.edited)


def located_in_riga(document: ArchiveDocument) -> str:
    """The document with its byline's author placed in Riga (not the bylines of its related items)."""
    story, related = document.text().split("\nRelated Content\n")
    byline = f"\n{document.author}\n"
    return replaced_once(story, byline, f"\n{document.author} in Riga\n") + "\nRelated Content\n" + related


def test_import_creates_a_draft_article_by_default(archive_document):
    (line,), status = run_import(archive_document.path)

    assert status == 0
    assert line["status"] == "created"
    article = Article.objects.get(slug=line["slug"])
    assert article.status == Article.Status.DRAFT
    assert not Article.objects.published().exists()


def test_publish_flag_publishes_now(archive_document):
    run_import(archive_document.path, "--publish")
    article = Article.objects.get()
    assert article.is_live


def test_published_at_schedules_in_the_configured_time_zone(archive_document):
    (line,), _ = run_import(archive_document.path, "--published-at", "2030-01-02T09:30")
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M") == "2030-01-02 09:30"
    assert not Article.objects.published().exists()


def test_bad_published_at_is_bad_usage(archive_document):
    _, status = run_import(archive_document.path, "--published-at", "next tuesday")
    assert status == 2
    assert Article.objects.count() == 0


def test_importing_the_same_document_again_changes_nothing(archive_document):
    run_import(archive_document.path)
    before = table_counts()
    with CaptureQueriesContext(connection) as queries:
        (line,), status = run_import(archive_document.path)

    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert (line["status"], status) == ("unchanged", 0)
    assert writes == []
    assert table_counts() == before


def test_an_edited_document_updates_its_article(archive_document, tmp_path):
    run_import(archive_document.path)
    article = Article.objects.get()
    edited = write(tmp_path, archive_document.path.name, edited_text(archive_document))
    (line,), _ = run_import(edited)

    assert line["status"] == "updated"
    assert Article.objects.count() == 1
    article.refresh_from_db()
    assert archive_document.edited in article.body_text
    assert line["slug"] == article.slug
    assert RelatedLink.objects.count() == archive_document.related
    assert Quote.objects.filter(article=article).count() == len(line["quotes"])


def test_reimport_with_publish_publishes_the_existing_draft(archive_document):
    run_import(archive_document.path)
    (line,), _ = run_import(archive_document.path, "--publish")
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


def test_a_bad_document_is_reported_and_the_rest_of_the_batch_imported(archive_document, tmp_path):
    bad = write(tmp_path, "bad.txt", "Only a headline\n")
    lines, status = run_import(bad, archive_document.path)

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


def test_oversized_document_is_refused(settings, archive_document):
    settings.NEWSROOM_IMPORT_MAX_BYTES = 1000
    (line,), status = run_import(archive_document.path)
    assert status == 1
    assert "over the limit of 1000 bytes" in line["error"]


def test_dry_run_reports_without_writing(archive_document):
    before = table_counts()
    (line,), status = run_import(archive_document.path, "--dry-run")

    assert status == 0
    assert line["status"] == "created"
    assert line["paragraph_count"] == archive_document.paragraphs
    assert len(line["related"]) == archive_document.related
    assert table_counts() == before


def test_a_failure_in_the_middle_leaves_the_database_as_it_was(archive_document, monkeypatch):
    before = table_counts()

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(storing, "store_related", fail)
    (line,), status = run_import(archive_document.path)

    assert status == 1
    assert line["status"] == "error"
    assert "could not be stored: disk full" in line["error"]
    assert table_counts() == before


def test_an_update_that_fails_keeps_the_previous_version(archive_document, tmp_path, monkeypatch):
    run_import(archive_document.path)
    before = table_counts()
    body = Article.objects.get().body_text
    edited = write(tmp_path, archive_document.path.name, edited_text(archive_document))
    monkeypatch.setattr(storing, "store_tags", lambda *a, **k: (_ for _ in ()).throw(DatabaseError("boom")))

    (line,), _ = run_import(edited)

    assert line["status"] == "error"
    assert table_counts() == before
    assert Article.objects.get().body_text == body


def queried_tables(queries) -> set[str]:
    """The tables looked up by name or code; the revision's reads of one article's parts (joins) aside."""
    return {
        table
        for query in queries
        for table in ("people_author", "people_person", "articles_topic", "articles_country")
        if query["sql"].startswith("SELECT")
        and f'FROM "{table}"' in query["sql"]
        and "JOIN" not in query["sql"]
    }


def test_a_batch_looks_up_each_author_person_topic_and_country_once(archive_document):
    lookups = Lookups()
    data = archive_document.path.read_bytes()
    headline, other_headline = (part.encode() for part in archive_document.retitle)
    with CaptureQueriesContext(connection) as first:
        import_document(data, path="first.txt", lookups=lookups)
    with CaptureQueriesContext(connection) as second:
        other = data.replace(headline, other_headline, 1)
        result = import_document(other, path="2.txt", lookups=lookups)

    assert queried_tables(first.captured_queries) == {
        "people_author", "people_person", "articles_topic", "articles_country"
    }  # fmt: skip
    assert queried_tables(second.captured_queries) == set()
    article = Article.objects.get(pk=result.article_id)
    assert article.headline.startswith(archive_document.retitle[1])
    assert [b.author.name for b in article.bylines.all()] == [archive_document.author]
    assert sorted(article.countries.values_list("code", flat=True)) == archive_document.countries
    assert article.people.count() == Article.objects.get(source_name="first.txt").people.count()


def test_a_failed_import_leaves_nothing_behind_in_the_batch_lookups(archive_document, monkeypatch):
    lookups = Lookups()
    real_store_related = storing.store_related

    def fail(*args, **kwargs):
        raise DatabaseError("disk full")  # after the author and people were created

    monkeypatch.setattr(storing, "store_related", fail)
    data = archive_document.path.read_bytes()
    failed = import_document(data, path="a.txt", lookups=lookups)
    monkeypatch.setattr(storing, "store_related", real_store_related)
    retried = import_document(data, path="a.txt", lookups=lookups)

    assert (failed.status, retried.status) == ("error", "created")
    author = Author.objects.get(name=archive_document.author)
    assert author.bylines.get().article_id == retried.article_id


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


def test_new_authors_and_people_are_created_with_what_the_document_says(archive_document, tmp_path):
    text = located_in_riga(archive_document)
    with CaptureQueriesContext(connection) as queries:
        import_document(text.encode(), path="a.txt")

    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert not [sql for sql in updates if "people_" in sql]  # nothing written twice
    assert Author.objects.get().location == "Riga"
    assert Person.objects.get(name=archive_document.person).aliases == archive_document.aliases


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


def times_analysed() -> dict[str, int]:
    """How many times each imported table has been analysed (on SQLite: 1 when it has statistics).

    PostgreSQL keeps what ANALYZE writes when the test's transaction rolls back, so an earlier
    test on the same database may have left statistics: the count of ANALYZE runs is compared.
    """
    tables = [model._meta.db_table for model in batch.IMPORTED_MODELS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_stat_clear_snapshot()"
            )  # else the first reading holds for the transaction
            cursor.execute(
                "SELECT relname, analyze_count FROM pg_stat_user_tables WHERE relname = ANY(%s)", [tables]
            )
            return dict(cursor.fetchall())
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchall():
            return {}
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {table: 1 for (table,) in cursor.fetchall() if table in tables}


def test_analysing_gives_the_planner_statistics_of_the_imported_tables(archive_document):
    import_document(archive_document.path.read_bytes(), path="a.txt")
    before = times_analysed()

    batch.analyse_tables()

    after = times_analysed()
    analysed = {table for table, times in after.items() if times > before.get(table, 0)}
    assert {"articles_article", "articles_relatedlink", "people_person", "people_quote"} <= analysed


@pytest.mark.django_db(transaction=True)  # the deleted row is noticed when the import commits
def test_a_row_deleted_during_a_batch_is_looked_up_again(archive_document, iso_countries):
    lookups = Lookups()
    import_document(archive_document.path.read_bytes(), path="a.txt", lookups=lookups)
    Article.objects.all().delete()
    Author.objects.all().delete()  # say, merged away by an editor meanwhile

    result = import_document(archive_document.path.read_bytes(), path="a.txt", lookups=lookups)

    assert result.status == "created"
    assert Author.objects.get(name=archive_document.author).bylines.count() == 1


def test_two_files_of_one_headline_are_two_articles_with_their_own_slugs(archive_document, tmp_path):
    first = write(tmp_path, "first.txt", archive_document.path.read_bytes())
    # Other bytes (the same bytes are one article: tests/importing/test_limits.py).
    second = write(tmp_path, "second.txt", archive_document.path.read_bytes() + b"\n")

    lines, status = run_import(first, second)

    assert status == 0
    assert [line["status"] for line in lines] == ["created", "created"]
    plain = archive_document.slug
    assert [line["slug"] for line in lines] == [plain, f"{plain}-2"]
    assert RelatedLink.objects.count() == 2 * archive_document.related


def test_authors_are_matched_by_name_and_record_a_newly_seen_location(archive_document, tmp_path):
    Author.objects.create(name=archive_document.author)
    edited = write(tmp_path, "other.txt", located_in_riga(archive_document))
    run_import(edited)

    assert Author.objects.filter(name__iexact=archive_document.author.lower()).count() == 1
    assert Author.objects.get(name=archive_document.author).location == "Riga"


def test_html_in_a_document_is_stored_verbatim_and_shown_escaped(client, archive_document, tmp_path):
    phrase = archive_document.phrase
    marked = f"<b>{phrase}</b> <script>alert(1)</script>"
    text = replaced_once(archive_document.text(), phrase, marked)
    run_import(write(tmp_path, "html.txt", text), "--publish")
    article = Article.objects.get()
    html = client.get(article.get_absolute_url()).content.decode()

    assert marked in article.body_text
    assert f"&lt;b&gt;{phrase}&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_people_and_quotes_are_stored_and_linked(archive_document):
    (line,), _ = run_import(archive_document.path)
    article = Article.objects.get()

    assert Person.objects.filter(articles=article).count() >= len(line["people"])
    assert [q.speaker.name for q in article.quotes.all()] == [q["speaker"] for q in line["quotes"]]
    assert not Person.objects.filter(name=archive_document.author).exists()


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


def test_the_summary_line_names_each_document_and_what_it_holds(archive_document):
    out = io.StringIO()
    call_command("import_document", str(archive_document.path), stdout=out, stderr=io.StringIO())
    assert out.getvalue() == f"created: {archive_document.path} {archive_document.summary}\n"


def test_a_clash_with_a_concurrent_import_is_retried_once(archive_document, monkeypatch):
    from django.db import IntegrityError

    real_store, calls = load.store, []

    def clash_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            real_store(*args, **kwargs)  # writes, then the clash rolls all of it back
            raise IntegrityError("duplicate key value violates unique constraint")
        return real_store(*args, **kwargs)

    monkeypatch.setattr(load, "store", clash_once)
    (line,), status = run_import(archive_document.path)

    assert (line["status"], status, len(calls)) == ("created", 0, 2)
    assert Article.objects.count() == 1
    assert RelatedLink.objects.count() == archive_document.related


def test_a_second_clash_is_reported(archive_document, monkeypatch):
    from django.db import IntegrityError

    def always_clash(*args, **kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(load, "store", always_clash)
    (line,), status = run_import(archive_document.path)

    assert status == 1
    assert (
        line["error"]
        == f"{archive_document.path}: could not be stored: duplicate key value violates unique constraint"
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
def test_jobs_import_in_parallel_workers_on_postgresql(tmp_path, archive_document, iso_countries):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("worker processes need a database server")
    copy_samples(tmp_path)
    shutil.copy(archive_document.path, tmp_path / archive_document.path.name)
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
    imported = Article.objects.get(source_name=archive_document.path.name)
    assert sorted(imported.countries.values_list("code", flat=True)) == archive_document.countries
