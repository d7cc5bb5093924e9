"""Editors append corrections on the article form; a change to one is kept in the article's history."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from editorial import history
from tests.factories import ArticleFactory

from .helpers import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticleFactory(headline="Vote held in May", published_at=timezone.now() - timedelta(days=2))


def test_an_editor_appends_a_correction_on_the_form_and_its_change_is_in_history(client_as, article):
    editor = client_as("Editor")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = article_form(editor, article) | {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-kind": "correction",
        "corrections-0-text": "The vote was on 3 May.",
        "corrections-0-at_0": timezone.localtime().strftime("%Y-%m-%d"),
        "corrections-0-at_1": timezone.localtime().strftime("%H:%M:%S"),
        "corrections-0-article": str(article.pk),
    }
    assert editor.post(url, data).status_code == 302
    correction = article.corrections.get()

    data = article_form(editor, article)
    data["corrections-0-text"] = "The vote was on 3 May, in the morning."
    assert editor.post(url, data).status_code == 302
    new, old = list(history.versions_of(article.pk))[:2]
    changes = history.compare(history.snapshot_of_version(old), history.snapshot_of_version(new))
    assert [c.label for c in changes] == ["Corrections"]
    assert "in the morning" in changes[0].new
    assert 'name="corrections-0-DELETE"' not in editor.get(url).content.decode()
    assert Correction.objects.get(pk=correction.pk).text.endswith("in the morning.")


def test_a_writer_cannot_add_a_correction(client_as):
    writer = client_as("Writer")
    article = ArticleFactory(status=Article.Status.DRAFT)  # unpublished: the writer may edit it
    data = article_form(writer, article) | {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-kind": "correction",
        "corrections-0-text": "A writer's correction.",
        "corrections-0-at_0": timezone.localtime().strftime("%Y-%m-%d"),
        "corrections-0-at_1": "10:00:00",
        "corrections-0-article": str(article.pk),
    }
    writer.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert not Correction.objects.exists()
