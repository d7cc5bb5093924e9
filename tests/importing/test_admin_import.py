"""Editors import documents from the admin and see the same report as the command."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/plain")


def test_changelist_links_to_the_import_page(admin_client):
    html = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert f'<a href="{reverse("admin:articles_article_import")}">Import documents</a>' in html


def test_editor_uploads_documents_and_sees_the_report(admin_client, archive_document):
    response = admin_client.post(
        reverse("admin:articles_article_import"),
        {
            "documents": [
                upload(archive_document.path.name, archive_document.path.read_bytes()),
                upload("broken.txt", b"Just a headline\n"),
            ]
        },
    )
    html = response.content.decode()
    article = Article.objects.get()

    assert response.status_code == 200
    assert article.status == Article.Status.DRAFT
    assert '<tr class="import-created">' in html
    assert '<tr class="import-error">' in html
    assert "broken.txt: line " in html
    assert f'href="{reverse("admin:articles_article_change", args=[article.pk])}"' in html
    assert (
        f"{archive_document.paragraphs} paragraphs, 1 author(s), {archive_document.related} related links"
        in html
    )
    assert f"?id__in={article.pk}" in html
    assert "1 imported, 1 failed." in html


def test_the_imported_articles_link_lists_them(admin_client, archive_document):
    admin_client.post(
        reverse("admin:articles_article_import"),
        {"documents": [upload("story.txt", archive_document.path.read_bytes())]},
    )
    article = Article.objects.get()
    response = admin_client.get(reverse("admin:articles_article_changelist"), {"id__in": str(article.pk)})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [article]


def test_check_only_imports_nothing(admin_client, archive_document):
    response = admin_client.post(
        reverse("admin:articles_article_import"),
        {"documents": [upload("story.txt", archive_document.path.read_bytes())], "dry_run": "on"},
    )
    assert "would be created" in response.content.decode()
    assert Article.objects.count() == 0


def test_publish_now_publishes_the_uploads(admin_client, archive_document):
    admin_client.post(
        reverse("admin:articles_article_import"),
        {"documents": [upload("story.txt", archive_document.path.read_bytes())], "publish": "on"},
    )
    assert Article.objects.get().is_live


def test_staff_without_add_permission_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:articles_article_import")).status_code == 403
