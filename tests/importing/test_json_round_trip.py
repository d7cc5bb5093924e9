"""JSON articles go through the text import's rules: section and corrections round-trip, the conflict
and --overwrite rule, the roles, revisions, and no publishing of a picture without alt text."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction, Section
from articles.pictures import ALT_TEXT_NEEDED
from editorial import history
from editorial.models import ImportJob
from images.models import Image
from images.renditions import make_renditions
from tests.articles.body_helpers import picture

from .test_json_articles import empty_the_site, minimal, story, write
from .test_load import edited_text, run_import

pytestmark = pytest.mark.django_db


def corrected_story():
    world = Section.objects.create(name="World", slug="world")
    europe = Section.objects.create(name="Europe", slug="europe", parent=world)
    article = story()
    Article.objects.filter(pk=article.pk).update(section=europe)
    at = timezone.now() - timedelta(days=1)
    article.corrections.create(text="The river rose four metres, not three.", at=at)
    clarification = {"kind": Correction.Kind.CLARIFICATION, "changes_story": True}
    article.corrections.create(
        text="The mayor spoke after the vote.", at=at + timedelta(hours=2), **clarification
    )
    return article


def exported(directory, slug: str) -> dict:
    call_command("export_articles", str(directory))
    data = json.loads((directory / f"{slug}.json").read_text(encoding="utf-8"))
    data.pop("updated_at")  # an import is a change of the article: its time is the import's
    return data


def test_export_import_export_gives_the_same_json(settings, tmp_path):
    article = corrected_story()
    first = exported(tmp_path / "first", article.slug)
    assert first["section"]["slug"] == "europe" and len(first["corrections"]) == 2

    empty_the_site(settings, tmp_path)
    (line,), status = run_import(tmp_path / "first", "--publish")
    for image in Image.objects.all():
        make_renditions(image)

    assert (status, line["status"]) == (0, "created")
    assert exported(tmp_path / "second", article.slug) == first


def test_reimporting_an_export_adds_no_correction_twice(tmp_path):
    article = corrected_story()
    exported(tmp_path, article.slug)
    Article.objects.filter(pk=article.pk).update(import_fingerprint="")  # made in the CMS, not imported
    (line,), status = run_import(tmp_path / f"{article.slug}.json")
    assert (status, line["status"]) == (0, "updated")
    assert article.corrections.count() == 2


def test_an_unknown_section_is_an_error_naming_it(tmp_path):
    Section.objects.create(name="World", slug="world")
    path = write(tmp_path, minimal(section={"name": "Sport", "slug": "sport", "url": "/s/", "parent": None}))
    (line,), status = run_import(path)
    assert (status, line["status"]) == (1, "error")
    assert line["error"] == f"{path}: $.section.slug: no section has the slug 'sport' (sections: world)"
    assert not Article.objects.exists()


def test_the_importers_section_wins_over_the_files(tmp_path):
    Section.objects.create(name="World", slug="world")
    Section.objects.create(name="Sport", slug="sport")
    path = write(tmp_path, minimal(section={"slug": "sport"}))
    run_import(path, "--section", "world")
    assert Article.objects.get().section.slug == "world"


def correction(text: str, at: str = "2026-03-01T10:00:00+00:00", **fields) -> dict:
    return {"kind": "correction", "text": text, "at": at, "shown_above": False, **fields}


def test_corrections_are_added_and_an_edited_one_is_kept_and_reported(tmp_path):
    path = write(tmp_path, minimal(corrections=[correction("The vote was on 3 May.")]))
    run_import(path)
    article = Article.objects.get()
    article.corrections.update(text="The vote was on 3 May, not 4 May.")  # an editor's wording
    Article.objects.filter(pk=article.pk).update(import_fingerprint="")
    later = correction("A second fix.", at="2026-03-02T10:00:00+00:00")
    write(tmp_path, minimal(standfirst="New.", corrections=[correction("The vote was on 3 May."), later]))

    (line,), status = run_import(path)

    assert (status, line["status"]) == (0, "updated")
    assert list(article.corrections.values_list("text", flat=True)) == [
        "The vote was on 3 May, not 4 May.",
        "A second fix.",
    ]
    assert line["notes"] == [
        "$.corrections[0]: the article's correction of 2026-03-01T10:00:00+00:00 reads differently in the "
        "CMS: kept as editors left it, the file's version not added"
    ]


def test_a_correction_outside_the_dates_the_site_takes_is_refused(tmp_path):
    path = write(tmp_path, minimal(corrections=[correction("Old.", at="1200-01-01T00:00:00+00:00")]))
    (line,), status = run_import(path)
    assert status == 1 and "$.corrections[0].at: " in line["error"]
    assert not Article.objects.exists()


def test_an_article_editors_changed_is_a_conflict_and_kept_unless_overwrite(tmp_path):
    path = write(tmp_path, minimal(standfirst="As filed."))
    run_import(path)
    Article.objects.update(standfirst="As the editors left it.")
    write(tmp_path, minimal(standfirst="As filed again."))

    (line,), status = run_import(path)
    assert (status, line["status"]) == (1, "conflict")
    assert Article.objects.get().standfirst == "As the editors left it."

    (line,), status = run_import(path, "--overwrite")
    assert (status, line["status"]) == (0, "updated")
    article = Article.objects.get()
    assert article.standfirst == "As filed again."
    assert [v.revision.get_comment() for v in history.versions_of(article.pk)] == [
        "Imported from story.json (updated); draft.",
        "The editors' version, before the re-import of story.json replaced it.",
        "Imported from story.json (created); draft.",
    ]
    editors = history.versions_of(article.pk)[1]
    assert editors.field_dict["standfirst"] == "As the editors left it."


def test_a_writer_cannot_publish_a_json_article_by_import(tmp_path, make_user):
    make_user("Writer", username="wanda")
    (line,), status = run_import(write(tmp_path, minimal()), "--publish", "--user", "wanda")
    assert (status, line["status"]) == (1, "error")
    assert line["error"].endswith("refused: only an editor can publish imported articles")
    assert not Article.objects.exists()


# Publishing by import obeys the form's rule: no picture without alt text on the site -------------


def json_with_lead_picture(tmp_path, *, alt: str) -> str:
    image = picture(3, alt=alt)
    (tmp_path / "images").mkdir()
    with image.file.open("rb") as file:
        (tmp_path / "images" / "lead.jpg").write_bytes(file.read())
    Image.objects.all().delete()
    lead = {"alt": alt, "caption": "", "credit": "", "width": 67, "height": 48, "src": "images/lead.jpg",
            "renditions": []}  # fmt: skip
    return write(tmp_path, minimal(lead_image=lead))


def test_a_json_article_whose_picture_lacks_alt_text_is_imported_as_a_draft(tmp_path):
    (line,), status = run_import(json_with_lead_picture(tmp_path, alt=""), "--publish")
    article = Article.objects.get()
    assert (status, line["status"]) == (0, "created")
    assert article.state == Article.State.DRAFT and article.lead_image is not None
    assert line["notes"] == [
        f"not published: {ALT_TEXT_NEEDED} The document is imported; the article is kept draft."
    ]
    assert history.versions_of(article.pk)[0].revision.get_comment() == (
        "Imported from story.json (created); draft."
    )


def test_a_json_article_whose_picture_has_alt_text_is_published(tmp_path):
    (line,), status = run_import(json_with_lead_picture(tmp_path, alt="A flooded street"), "--publish")
    assert status == 0 and not [note for note in line["notes"] if note.startswith("not published")]
    assert Article.objects.get().state == Article.State.PUBLISHED


@pytest.mark.parametrize("when", [["--publish"], ["--published-at", "2026-01-05T09:00"]])
def test_a_text_document_is_not_published_over_a_lead_picture_without_alt_text(archive_document, when):
    run_import(archive_document.path)
    Article.objects.update(lead_image=picture(4, alt=" "))  # an editor's choice, alt text to come
    (line,), status = run_import(archive_document.path, *when)
    article = Article.objects.get()
    assert (status, line["status"]) == (0, "updated")
    assert (article.state, article.published_at) == (Article.State.DRAFT, None)
    assert line["notes"][-1].startswith(f"not published: {ALT_TEXT_NEEDED}")
    assert not any(note.startswith("no publication date") for note in line["notes"])


def test_an_edited_document_of_a_live_article_keeps_it_live(archive_document, tmp_path):
    # The form keeps a live article live; the import neither takes it down nor re-dates it.
    path = tmp_path / archive_document.path.name
    path.write_text(archive_document.text(), encoding="utf-8")
    run_import(path, "--published-at", "2026-01-05T09:00")
    Article.objects.update(lead_image=picture(4, alt=""))
    before = Article.objects.get().published_at
    path.write_text(edited_text(archive_document), encoding="utf-8")
    (line,), status = run_import(path, "--publish")
    article = Article.objects.get()
    assert (status, line["status"]) == (0, "updated")
    assert (article.state, article.published_at) == (Article.State.PUBLISHED, before)
    assert archive_document.edited in article.body_text


@pytest.fixture
def draft_with_picture_without_alt(archive_document):
    run_import(archive_document.path)
    Article.objects.update(lead_image=picture(4, alt=""))
    return archive_document


def upload(archive_document, **fields):
    document = SimpleUploadedFile(archive_document.path.name, archive_document.path.read_bytes())
    return {"documents": [document], "publish": "on", **fields}


def test_the_import_pages_check_says_the_article_would_not_be_published(
    admin_client, draft_with_picture_without_alt
):
    response = admin_client.post(
        reverse("admin:articles_article_import"), upload(draft_with_picture_without_alt, dry_run="on")
    )
    assert f'<p class="import-note">not published: {ALT_TEXT_NEEDED}' in response.content.decode()
    assert Article.objects.get().state == Article.State.DRAFT


def test_the_import_pages_publish_now_imports_a_draft_and_says_why(
    work_off_queue, admin_client, draft_with_picture_without_alt
):
    admin_client.post(reverse("admin:articles_article_import"), upload(draft_with_picture_without_alt))
    work_off_queue()
    job = ImportJob.objects.get()
    html = admin_client.get(reverse("admin:articles_article_import_job", args=[job.pk])).content.decode()
    assert f'<p class="import-note">not published: {ALT_TEXT_NEEDED}' in html
    assert Article.objects.get().state == Article.State.DRAFT
    assert job.documents.get().status == "updated"


def test_a_section_editors_gave_the_article_stays_on_reimport(tmp_path):
    Section.objects.create(name="World", slug="world")
    sport = Section.objects.create(name="Sport", slug="sport")
    path = write(tmp_path, minimal(section={"slug": "world"}))
    run_import(path)
    assert Article.objects.get().section.slug == "world"
    Article.objects.update(section=sport)  # an editor moved it
    write(tmp_path, minimal(standfirst="Filed again.", section={"slug": "world"}))
    (line,), status = run_import(path)
    assert (status, line["status"]) == (0, "updated")
    assert Article.objects.get().section == sport
