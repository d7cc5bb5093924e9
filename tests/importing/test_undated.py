"""The archive carries no dates: publishing without one is reported, and is not today's news."""

import io
import json
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles import publishing
from articles.models import Article
from newsroom.cache import bump_content_version
from tests.documents import ORIGINAL

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_document", str(ORIGINAL), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_publishing_without_a_date_is_reported_and_marked():
    out, err = run("--publish")
    article = Article.objects.get()

    assert article.is_live and article.dated_by_import
    assert "note:" in err and "no publication date" in err


def test_the_json_report_carries_the_note():
    out, _ = run("--publish", "--json")
    (line,) = [json.loads(row) for row in out.splitlines()]
    assert line["notes"] and line["notes"][0].startswith("no publication date")


def test_an_explicit_date_is_no_note_and_no_mark():
    out, err = run("--published-at", "2026-11-30T08:00", "--json")
    (line,) = [json.loads(row) for row in out.splitlines()]
    assert line["notes"] == []
    assert not Article.objects.get().dated_by_import


def test_an_article_dated_by_its_import_stays_out_of_the_news_sitemap(
    client, django_capture_on_commit_callbacks
):
    run("--publish")
    article = Article.objects.get()
    assert article.slug not in client.get(reverse("news-sitemap")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=article.pk).update(dated_by_import=False)
        bump_content_version()  # QuerySet.update() sends no signal to the page cache
    assert article.slug in client.get(reverse("news-sitemap")).content.decode()


def test_scheduling_gives_the_article_a_real_date():
    run("--publish")
    article = Article.objects.get()
    publishing.unpublish([article])
    publishing.schedule([article], at=datetime(2199, 1, 1, tzinfo=UTC))
    assert not Article.objects.get().dated_by_import
