"""Editors import documents from the admin: an upload becomes a job; its page shows progress, then the report.

These tests run tasks at once (the immediate backend): the job has ended by the
time its page is shown. tests/importing/test_import_jobs.py runs them with the
database queue and a worker.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from editorial.imports import CHECK_NOW_LIMIT, Upload
from editorial.models import ImportedDocument, ImportJob
from editorial.tasks import start_import
from tests.documents import sample_uploads

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:articles_article_import"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/plain")


def job_url(job: ImportJob) -> str:
    return reverse("admin:articles_article_import_job", args=[job.pk])


def test_changelist_links_to_the_import_page(admin_client):
    html = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert f'<a href="{reverse(IMPORT_URL)}">Import documents</a>' in html


def test_an_upload_becomes_a_job_and_its_page_shows_the_report(admin_client, archive_document):
    response = admin_client.post(
        reverse(IMPORT_URL),
        {
            "documents": [
                upload(archive_document.path.name, archive_document.path.read_bytes()),
                upload("broken.txt", b"Just a headline\n"),
            ]
        },
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job_url(job)

    html = admin_client.get(job_url(job)).content.decode()
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert '<tr class="import-created">' in html
    assert '<tr class="import-error">' in html
    assert "broken.txt: line " in html
    assert (
        f'href="{reverse("admin:articles_article_change", args=[article.pk])}">{article.headline}</a>' in html
    )
    assert (
        f"{archive_document.paragraphs} paragraphs, 1 author(s), {archive_document.related} related links"
        in html
    )
    assert f"?id__in={article.pk}" in html
    assert '<li class="warning">1 imported, 1 failed.</li>' in html
    assert "<progress" not in html


def test_the_uploads_are_emptied_once_imported(admin_client):
    (name, data), *_ = sample_uploads(1)
    admin_client.post(reverse(IMPORT_URL), {"documents": [upload(name, data)]})
    document = ImportedDocument.objects.get()
    assert (document.status, bytes(document.data)) == ("created", b"")


def test_the_imported_articles_link_lists_them(admin_client):
    admin_client.post(reverse(IMPORT_URL), {"documents": [upload(n, d) for n, d in sample_uploads(2)]})
    articles = list(Article.objects.order_by("pk"))
    html = admin_client.get(job_url(ImportJob.objects.get())).content.decode()
    assert f"?id__in={articles[0].pk},{articles[1].pk}" in html
    response = admin_client.get(
        reverse("admin:articles_article_changelist"), {"id__in": f"{articles[0].pk},{articles[1].pk}"}
    )
    assert sorted(response.context["cl"].result_list, key=lambda a: a.pk) == articles


def test_a_small_check_is_answered_at_once_and_imports_nothing(admin_client, archive_document):
    response = admin_client.post(
        reverse(IMPORT_URL),
        {"documents": [upload("ref.txt", archive_document.path.read_bytes())], "dry_run": "on"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<td>would be created</td>" in html
    assert '<li class="success">1 checked, 0 failed.</li>' in html
    assert (Article.objects.count(), ImportJob.objects.count()) == (0, 0)


def test_a_large_check_is_a_job_and_imports_nothing(admin_client):
    uploads = [upload(n, d) for n, d in sample_uploads(CHECK_NOW_LIMIT + 1)]
    response = admin_client.post(reverse(IMPORT_URL), {"documents": uploads, "dry_run": "on"})
    job = ImportJob.objects.get()
    html = admin_client.get(response["Location"]).content.decode()
    assert job.dry_run
    assert html.count("<td>would be created</td>") == CHECK_NOW_LIMIT + 1
    assert f'<li class="success">{CHECK_NOW_LIMIT + 1} checked, 0 failed.</li>' in html
    assert Article.objects.count() == 0


def test_publish_now_publishes_the_uploads(admin_client, archive_document):
    admin_client.post(
        reverse(IMPORT_URL),
        {"documents": [upload("ref.txt", archive_document.path.read_bytes())], "publish": "on"},
    )
    assert Article.objects.get().is_live


def test_a_writer_imports_drafts_but_cannot_publish_them(writer):
    (name, data), *_ = sample_uploads(1)
    refused = writer.post(reverse(IMPORT_URL), {"documents": [upload(name, data)], "publish": "on"})
    assert refused.status_code == 403
    assert ImportJob.objects.count() == 0
    writer.post(reverse(IMPORT_URL), {"documents": [upload(name, data)]})
    assert Article.objects.get().status == Article.Status.DRAFT


def test_every_imported_document_has_its_own_revision_by_the_uploader(admin_client, admin_user):
    admin_client.post(reverse(IMPORT_URL), {"documents": [upload(n, d) for n, d in sample_uploads(2)]})
    versions = Version.objects.get_for_model(Article).select_related("revision")
    assert sorted(v.object_id for v in versions) == sorted(
        str(pk) for pk in Article.objects.values_list("pk", flat=True)
    )
    assert {v.revision.user for v in versions} == {admin_user}
    assert len({v.revision_id for v in versions}) == 2


def test_staff_without_add_permission_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse(IMPORT_URL)).status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [("uploader", 200), ("another writer", 403), ("Editor", 200), ("superuser", 200), ("Tagger", 403)],
)
def test_a_job_is_seen_by_its_uploader_and_by_editors(who, status, make_user, client_as):
    uploader = make_user("Writer", username="uploader")
    job = start_import(
        [Upload(name=n, data=d) for n, d in sample_uploads(1)], user=uploader, publish=False, dry_run=False
    )
    if who == "uploader":
        client = Client()
        client.force_login(uploader)
    else:
        client = client_as("Writer" if who == "another writer" else who)
    for view in ("import_job", "import_progress"):
        assert client.get(reverse(f"admin:articles_article_{view}", args=[job.pk])).status_code == status


def test_job_pages_send_the_signed_out_to_sign_in(client, admin_user):
    job = start_import(
        [Upload(name=n, data=d) for n, d in sample_uploads(1)], user=admin_user, publish=False, dry_run=False
    )
    for view in ("import_job", "import_progress"):
        response = client.get(reverse(f"admin:articles_article_{view}", args=[job.pk]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_an_unknown_job_is_not_found(admin_client):
    assert admin_client.get(reverse("admin:articles_article_import_job", args=[999])).status_code == 404
