"""Reordering bylines, related links and quotes saves, whatever the order (issue 14, defect 4)."""

import pytest
from django.urls import reverse

from articles.models import Article, Quote, RelatedLink
from people.models import Person
from tests.editorial.helpers import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = Article.objects.create(headline="Floods in the south", slug="floods")
    speaker = Person.objects.create(name="Ana Souza", slug="ana-souza")
    for n in range(3):
        RelatedLink.objects.create(article=article, position=n, title=f"Link {n}")
        Quote.objects.create(article=article, speaker=speaker, text=f"Words {n}", position=n)
    return article


def post(client, article, data):
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


def titles(article):
    return list(article.related_links.order_by("position").values_list("title", flat=True))


def test_the_form_offers_drag_and_drop_and_keyboard_reordering(editor, article):
    html = editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    # Three links, three quotes, and the empty row of each of the three inlines: a hidden position.
    assert html.count('class="_reorder_"') == 9
    assert "adminsortable2" in html
    assert "editorial/reorder.js" in html


def test_swapping_two_related_links_saves(editor, article):
    data = article_form(editor, article)
    data["related_links-0-position"], data["related_links-1-position"] = "2", "1"
    data["related_links-2-position"] = "3"
    response = post(editor, article, data)
    assert response.status_code == 302
    assert titles(article) == ["Link 1", "Link 0", "Link 2"]


def test_reversing_quotes_saves(editor, article):
    data = article_form(editor, article)
    for n in range(3):
        data[f"quotes-{n}-position"] = str(3 - n)
    assert post(editor, article, data).status_code == 302
    assert list(article.quotes.order_by("position").values_list("text", flat=True)) == [
        "Words 2",
        "Words 1",
        "Words 0",
    ]


def test_a_moved_row_that_is_also_edited_and_a_deleted_one_save_together(editor, article):
    data = article_form(editor, article)
    data["related_links-0-DELETE"] = "on"
    data["related_links-1-position"], data["related_links-2-position"] = "2", "1"
    data["related_links-1-title"] = "Link 1, retitled"
    assert post(editor, article, data).status_code == 302
    assert titles(article) == ["Link 2", "Link 1, retitled"]


def test_a_new_link_goes_last_not_to_position_zero(editor, article):
    data = article_form(editor, article)
    data.update(
        {
            "related_links-TOTAL_FORMS": "4",
            "related_links-3-title": "A new link",
            "related_links-3-position": "",
            "related_links-3-article": str(article.pk),
        }
    )
    assert post(editor, article, data).status_code == 302
    assert titles(article)[-1] == "A new link"


def test_duplicate_posted_positions_are_numbered_in_page_order(editor, article):
    data = article_form(editor, article)
    for n in range(3):
        data[f"related_links-{n}-position"] = "1"
    assert post(editor, article, data).status_code == 302
    assert list(article.related_links.order_by("position").values_list("position", flat=True)) == [0, 1, 2]
