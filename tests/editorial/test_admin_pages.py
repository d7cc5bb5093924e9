"""Every model's admin pages open for a superuser, and the publishing actions work."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.models import Article, FrontItem, Section
from people.models import PersonRedirect
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    RelatedLinkFactory,
    country,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    world = Section.objects.create(name="World", slug="world")
    article = ArticleFactory(section=Section.objects.create(name="Europe", slug="europe", parent=world))
    BylineFactory(article=article)
    RelatedLinkFactory(article=article)
    person = PersonFactory()
    QuoteFactory(article=article, speaker=person)
    PersonRedirect.objects.create(old_slug="merged-away", old_name="Merged away", person=person)
    article.topics.add("Energy")
    article.countries.add(country("NO"))
    FrontItem.objects.create(article=article)
    return article


def registered_models():
    return sorted(
        (model._meta.app_label, model._meta.model_name)
        for model in admin.site._registry
        if model._meta.app_label in {"articles", "people"}
    )


def test_every_newsroom_model_is_registered():
    assert registered_models() == [
        ("articles", "article"),
        ("articles", "country"),
        ("articles", "frontitem"),
        ("articles", "page"),
        ("articles", "quote"),
        ("articles", "relatedlink"),
        ("articles", "section"),
        ("articles", "topic"),
        ("people", "author"),
        ("people", "person"),
        ("people", "personredirect"),
    ]


@pytest.mark.parametrize(("app", "model"), registered_models())
def test_changelist_and_change_form_answer_200(admin_client, content, app, model):
    model_class = next(m for m in admin.site._registry if m._meta.model_name == model)
    obj = model_class.objects.first()

    assert admin_client.get(reverse(f"admin:{app}_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk])).status_code == 200


@pytest.mark.parametrize(
    "query", [{"q": "Headline"}, {"status__exact": "draft"}, {"topic": "energy"}, {"country": "norway"}]
)
def test_article_changelist_search_and_filters_answer_200(admin_client, content, query):
    response = admin_client.get(reverse("admin:articles_article_changelist"), query)
    assert response.status_code == 200


def test_article_add_form_has_prepopulated_slug_and_autocomplete(admin_client):
    html = admin_client.get(reverse("admin:articles_article_add")).content.decode()
    assert "prepopulated_fields" in html or "data-prepopulated-field" in html or "prepopulate" in html
    assert 'class="admin-autocomplete' in html
    assert 'name="bylines-TOTAL_FORMS"' in html
    assert 'name="related_links-TOTAL_FORMS"' in html
    assert 'name="quotes-TOTAL_FORMS"' in html


def test_country_vocabulary_cannot_be_added_to_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:articles_country_add")).status_code == 403


def test_publish_action_publishes_selected_drafts(admin_client):
    drafts = [ArticleFactory(draft=True), ArticleFactory(draft=True)]
    response = admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [a.pk for a in drafts]},
        follow=True,
    )
    assert response.status_code == 200
    assert Article.objects.published().count() == 2
    assert "Published 2 article(s)" in response.content.decode()


def test_unpublish_action_takes_articles_down(admin_client):
    live = ArticleFactory()
    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [live.pk]},
    )
    assert not Article.objects.published().exists()


def test_editor_creates_an_article_with_countries_and_topics_through_the_form(admin_client):
    belarus, ukraine = country("BY"), country("UA")
    data = {
        "headline": "A new story",
        "slug": "a-new-story",
        "standfirst": "Summary",
        "blocks-TOTAL_FORMS": 1,
        "blocks-INITIAL_FORMS": 0,
        "blocks-0-position": 0,
        "blocks-0-kind": "text",
        "blocks-0-html": "<p>Para one.</p><p>Para two.</p>",
        "blocks-0-size": "inline",
        "status": "draft",
        "publication": "The Northern Ledger",
        "topics": "Energy, Ukraine war",
        "new_topics": "Energy, Ukraine war",  # created deliberately
        "countries": [belarus.pk, ukraine.pk],
        "lead_image": "",
        "lead_image_caption": "",
    }
    for prefix in ("bylines", "related_links", "quotes"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    response = admin_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article = Article.objects.get(slug="a-new-story")
    assert sorted(c.code for c in article.countries.all()) == ["BY", "UA"]
    assert sorted(t.name for t in article.topics.all()) == ["Energy", "Ukraine war"]
    assert article.status == Article.Status.DRAFT
    assert article.body_text == "Para one.\n\nPara two."


def test_view_on_site_link_is_offered(admin_client, content):
    html = admin_client.get(reverse("admin:articles_article_change", args=[content.pk])).content.decode()
    assert "View on site" in html
