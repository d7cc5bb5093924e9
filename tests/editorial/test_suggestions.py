"""The form suggests the countries and people the importer's rules find in the text."""

import pytest
from django.urls import reverse

from editorial.suggestions import suggest_for
from tests.factories import ArticleFactory, PersonFactory, country

pytestmark = pytest.mark.django_db

TEXT = {
    "headline": "Putin’s mission to Minsk raises fears in Ukraine",
    "standfirst": "Kyiv warns of a potential new invasion from Belarus",
    "body": (
        "Vladimir Putin met Alexander Lukashenko in Minsk on Monday.\n\n"
        "“This is a signal,” said Artyom Shraibman, a Belarusian political analyst. "
        "Shraibman said Belarus would not join the war."
    ),
}


@pytest.fixture
def article():
    return ArticleFactory(draft=True, **TEXT)


def test_suggests_detected_countries_and_people_not_yet_tagged(article):
    putin = PersonFactory(name="Vladimir Putin")
    article.countries.add(country("UA"))
    suggestions = suggest_for(article)
    assert [c.code for c in suggestions.countries] == ["BY"]
    assert suggestions.people == [putin]
    assert [(m.name, m.description) for m in suggestions.new_people] == [
        ("Artyom Shraibman", "Belarusian political analyst")
    ]


def test_nothing_is_suggested_once_everything_is_tagged(article):
    article.countries.add(country("UA"), country("BY"))
    article.people.add(PersonFactory(name="Vladimir Putin"), PersonFactory(name="Artyom Shraibman"))
    assert not suggest_for(article)


def test_change_form_offers_one_click_buttons(editor, article):
    putin = PersonFactory(name="Vladimir Putin")
    html = editor.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    belarus = country("BY")
    assert (
        f'<button type="button" class="button suggestion" data-suggest-country="{belarus.pk}" '
        'data-label="Belarus">Add Belarus</button>'
    ) in html
    assert f'data-suggest-person="{putin.pk}" data-label="Vladimir Putin">Add Vladimir Putin</button>' in html
    create = (
        reverse("admin:people_person_add") + "?name=Artyom%20Shraibman&amp;description=Belarusian%20political"
    )
    assert create in html
    assert "editorial/suggestions.js" in html


def test_tagger_gets_the_suggestions_too(tagger, article):
    html = tagger.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Detected in the text" in html


def test_text_the_detector_cannot_read_gives_no_suggestions(article, monkeypatch, caplog):
    import editorial.suggestions

    def broken(**kwargs):
        raise ValueError("unreadable")

    monkeypatch.setattr(editorial.suggestions, "detect", broken)
    assert not suggest_for(article)
    assert "Could not detect countries and people in article" in caplog.text
