"""Issue 14's import defects: roles on every path, conflicts with editors' work, revisions of every step."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from reversion.models import Version

from articles import publishing
from articles.models import Article, RelatedLink
from editorial import history
from editorial.models import ImportedDocument
from tests.editorial.helpers import article_form, form_data
from tests.importing.test_load import edited_text

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:articles_article_import"


def run(*args) -> tuple[list[dict], int]:
    out = io.StringIO()
    try:
        call_command("import_document", *map(str, args), "--json", stdout=out, stderr=io.StringIO())
        status = 0
    except CommandError as error:
        status = error.returncode
    return [json.loads(line) for line in out.getvalue().splitlines()], status


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/plain")


def versions(article):
    return list(history.versions_of(article.pk))


@pytest.fixture
def edited_copy(tmp_path, archive_document):
    """The archive document as its author later edited it, under the same file name."""
    path = tmp_path / archive_document.path.name
    path.write_text(edited_text(archive_document), encoding="utf-8")
    return path


@pytest.fixture
def live_article(archive_document):
    """The document imported and published, then given a related link and a standfirst by an editor."""
    (line,), _ = run(archive_document.path, "--published-at", "2026-03-01T09:00")
    article = Article.objects.get(slug=line["slug"])
    return article


def editors_change(article: Article, **fields) -> Article:
    """What an editor's save in the admin does: fields changed, a revision kept."""
    Article.objects.filter(pk=article.pk).update(**fields)
    return Article.objects.get(pk=article.pk)


# 1. The roles hold on every path -----------------------------------------------------------


def test_a_writer_cannot_publish_by_uploading_with_publish_ticked(writer, archive_document):
    data = archive_document.path.read_bytes()
    response = writer.post(
        reverse(IMPORT_URL), {"documents": [upload(archive_document.path.name, data)], "publish": "on"}
    )
    assert response.status_code == 403
    assert not Article.objects.exists()
    page = writer.get(reverse(IMPORT_URL)).content.decode()
    assert 'name="publish"' not in page and 'name="overwrite"' not in page


def test_a_writer_reimporting_an_edited_copy_does_not_touch_a_live_article(writer, live_article, edited_copy):
    link = RelatedLink.objects.create(article=live_article, position=99, title="An editor's link")
    standfirst = live_article.standfirst
    writer.post(reverse(IMPORT_URL), {"documents": [upload(edited_copy.name, edited_copy.read_bytes())]})

    document = ImportedDocument.objects.get()
    assert document.status == "error"
    assert "only an editor can change it" in document.error
    live_article.refresh_from_db()
    assert live_article.standfirst == standfirst
    assert live_article.is_live
    assert RelatedLink.objects.filter(pk=link.pk).exists()


def test_a_writer_may_update_a_draft_by_import(writer, archive_document, edited_copy):
    run(archive_document.path)
    writer.post(reverse(IMPORT_URL), {"documents": [upload(edited_copy.name, edited_copy.read_bytes())]})
    assert ImportedDocument.objects.get().status == "updated"


def test_the_command_run_as_a_writer_is_held_to_the_writers_role(
    make_user, live_article, edited_copy, tmp_path
):
    make_user("Writer", username="wendy")
    (line,), status = run(edited_copy, "--user", "wendy")
    assert (line["status"], status) == ("error", 1)
    assert "only an editor" in line["error"]

    other = tmp_path / "other.txt"
    other.write_text(edited_copy.read_text().replace("\n", " (new)\n", 1), encoding="utf-8")
    (line,), status = run(other, "--user", "wendy", "--publish")
    assert line["status"] == "error"
    assert "only an editor can publish" in line["error"]
    assert Article.objects.count() == 1


def test_the_command_refuses_an_unknown_user(archive_document):
    assert run(archive_document.path, "--user", "nobody-here")[1] == 2


def test_the_command_run_as_an_editor_may_change_a_live_article(make_user, live_article, edited_copy):
    make_user("Editor", username="eddie")
    (line,), status = run(edited_copy, "--user", "eddie")
    assert (line["status"], status) == ("updated", 0)
    assert versions(live_article)[0].revision.user.username == "eddie"


# 2. A re-import does not silently replace editors' work ---------------------------------


def test_reimport_of_an_article_editors_changed_is_a_conflict_and_keeps_their_version(
    live_article, edited_copy
):
    editors_change(live_article, standfirst="The editor's standfirst.")
    (line,), status = run(edited_copy)

    assert line["status"] == "conflict"
    assert status == 1
    assert any("editors' version is kept" in note for note in line["notes"])
    assert Article.objects.get(pk=live_article.pk).standfirst == "The editor's standfirst."


def test_a_conflict_is_reported_on_the_admin_import_page(admin_client, live_article, edited_copy):
    editors_change(live_article, standfirst="The editor's standfirst.")
    response = admin_client.post(
        reverse(IMPORT_URL), {"documents": [upload(edited_copy.name, edited_copy.read_bytes())]}, follow=True
    )
    html = response.content.decode()
    assert '<tr class="import-conflict">' in html
    assert "1 in conflict" in html
    assert Article.objects.get(pk=live_article.pk).standfirst == "The editor's standfirst."


def test_overwrite_replaces_the_editors_version_and_keeps_it_in_history(live_article, edited_copy):
    editors_change(live_article, standfirst="The editor's standfirst.")
    (line,), status = run(edited_copy, "--overwrite")

    assert (line["status"], status) == ("updated", 0)
    article = Article.objects.get(pk=live_article.pk)
    assert article.standfirst != "The editor's standfirst."
    kept = [v for v in versions(article) if v.field_dict["standfirst"] == "The editor's standfirst."]
    assert kept and "before the re-import" in kept[0].revision.get_comment()


def test_an_unedited_article_is_updated_without_conflict(live_article, edited_copy):
    (line,), _ = run(edited_copy)
    assert line["status"] == "updated"
    (line,), _ = run(edited_copy)
    assert line["status"] == "unchanged"


def test_a_tag_or_publishing_change_by_editors_is_no_conflict(live_article, edited_copy):
    live_article.topics.add("Elections")
    publishing.unpublish([live_article])
    (line,), _ = run(edited_copy)
    assert line["status"] == "updated"
    assert "Elections" in line["topics"]


# 3. Every import and transition is a revision; deleted articles come back ----------------


def test_every_import_makes_a_revision_with_a_comment(archive_document, edited_copy):
    (line,), _ = run(archive_document.path)
    article = Article.objects.get(slug=line["slug"])
    run(edited_copy)
    comments = [v.revision.get_comment() for v in versions(article)]
    name = archive_document.path.name
    assert comments == [f"Imported from {name} (updated); draft.", f"Imported from {name} (created); draft."]


def test_a_deleted_imported_article_can_be_recovered(editor, archive_document):
    (line,), _ = run(archive_document.path)
    article = Article.objects.get(slug=line["slug"])
    editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.exists()

    deleted = Version.objects.get_deleted(Article).get()
    page = editor.get(reverse("admin:articles_article_recover", args=[deleted.pk]))
    assert page.status_code == 200
    editor.post(reverse("admin:articles_article_recover", args=[deleted.pk]), article_form_of(page))
    restored = Article.objects.get(slug=line["slug"])
    assert restored.quotes.count() == len(line["quotes"])
    assert Version.objects.get_deleted(Article).count() == 0


def article_form_of(response) -> dict:
    return form_data(response.content.decode(), "article_form")


@pytest.mark.parametrize(
    ("button", "comment"),
    [("_publish", "Published."), ("_unpublish", "Unpublished: taken off the site.")],
)
def test_workflow_buttons_leave_a_revision_saying_what_was_done(editor, live_article, button, comment):
    if button == "_publish":
        publishing.unpublish([live_article])
    data = article_form(editor, live_article)
    editor.post(reverse("admin:articles_article_change", args=[live_article.pk]), {**data, button: "1"})
    assert versions(live_article)[0].revision.get_comment() == comment


def test_bulk_actions_leave_a_revision_saying_what_was_done(editor, live_article):
    editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [live_article.pk]},
    )
    assert versions(live_article)[0].revision.get_comment() == "Unpublished: taken off the site."


def test_the_first_save_of_an_imported_article_changes_no_field(editor, archive_document):
    (line,), _ = run(archive_document.path)
    article = Article.objects.get(slug=line["slug"])
    editor.post(reverse("admin:articles_article_change", args=[article.pk]), article_form(editor, article))
    new, old = versions(article)[:2]
    assert new.revision.get_comment() == "No fields changed."
    assert history.compare(history.snapshot_of_version(old), history.snapshot_of_version(new)) == []


def test_a_browsers_crlf_line_endings_are_no_change_to_the_body(editor, archive_document):
    (line,), _ = run(archive_document.path)
    article = Article.objects.get(slug=line["slug"])
    data = article_form(editor, article)
    crlf = {key: value.replace("\n", "\r\n") for key, value in data.items() if isinstance(value, str)}
    assert any("\r\n" in value for key, value in crlf.items() if key.endswith("-html"))  # the text block's
    editor.post(reverse("admin:articles_article_change", args=[article.pk]), data | crlf)
    assert versions(article)[0].revision.get_comment() == "No fields changed."
    stored = Article.objects.get(pk=article.pk)
    assert "\r" not in stored.body_text
    assert not any("\r" in block.html for block in stored.blocks.all())
