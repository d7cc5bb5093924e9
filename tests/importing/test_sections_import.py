"""The archive names no section: the importer puts an article in one only when the editor chooses it."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.models import Article, Section
from tests.documents import ORIGINAL, sample_paths

pytestmark = pytest.mark.django_db


def run_import(*args) -> tuple[list[dict], int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_document", *map(str, args), "--json", stdout=out, stderr=err)
        status = 0
    except CommandError as error:
        status, err = error.returncode, StringIO(str(error))
    return [json.loads(line) for line in out.getvalue().splitlines()], status, err.getvalue()


@pytest.fixture
def europe():
    return Section.objects.create(name="Europe", slug="europe")


def test_an_import_puts_nothing_in_a_section_by_default(europe):
    run_import(ORIGINAL)
    assert Article.objects.get().section is None


def test_section_puts_every_imported_article_in_it(europe):
    paths = sample_paths()[:2]
    reports, status, _ = run_import(*paths, "--section", "europe")

    assert status == 0
    assert [r["status"] for r in reports] == ["created", "created"]
    assert set(Article.objects.values_list("section__slug", flat=True)) == {"europe"}


def test_an_unknown_section_is_bad_usage_and_names_the_sections(europe):
    reports, status, error = run_import(ORIGINAL, "--section", "nowhere")

    assert status == 2
    assert reports == []
    assert "no section has the slug 'nowhere' (sections: europe)" in error
    assert not Article.objects.exists()


def test_a_reimport_without_section_keeps_the_editors_choice(europe):
    run_import(ORIGINAL)
    Article.objects.update(section=europe)

    (report,), status, _ = run_import(ORIGINAL)

    assert report["status"] == "unchanged"
    assert Article.objects.get().section == europe


def test_a_reimport_into_another_section_moves_the_article(europe):
    sport = Section.objects.create(name="Sport", slug="sport")
    run_import(ORIGINAL, "--section", "europe")

    (report,), _, _ = run_import(ORIGINAL, "--section", "sport")

    assert report["status"] == "updated"
    assert Article.objects.get().section == sport


def test_the_import_page_offers_the_sections_and_uses_the_chosen_one(admin_client, europe):
    url = reverse("admin:articles_article_import")
    assert f'<option value="{europe.pk}">Europe</option>' in admin_client.get(url).content.decode()

    upload = SimpleUploadedFile(ORIGINAL.name, ORIGINAL.read_bytes(), content_type="text/plain")
    admin_client.post(url, {"documents": [upload], "section": europe.pk})

    assert Article.objects.get().section == europe


def test_the_import_page_without_a_section_puts_none(admin_client, europe):
    upload = SimpleUploadedFile(ORIGINAL.name, ORIGINAL.read_bytes(), content_type="text/plain")
    admin_client.post(reverse("admin:articles_article_import"), {"documents": [upload]})

    assert Article.objects.get().section is None


def test_sample_content_comes_in_sections():
    call_command("load_sample_content", stdout=StringIO())

    sections = dict(Article.objects.values_list("source_name", "section__slug"))
    assert sections["03-madeira-election.txt"] == "europe"
    assert Section.objects.get(slug="europe").parent.slug == "world"
    assert None not in sections.values()
    assert list(Section.objects.top_level().values_list("slug", flat=True)) == [
        "world",
        "business",
        "science",
        "sport",
    ]
