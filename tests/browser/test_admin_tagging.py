"""A tagger tags through autocomplete, a detected-country button and a bulk action; the body is refused."""

import pytest
from django.urls import reverse

from articles.models import Article, Topic
from tests.factories import ArticleFactory, country

from .admin_helpers import (  # noqa: F401  (the *_fixture and desktop_page imports are fixtures)
    check_accessibility,
    desktop_page,
    roles_fixture,
    sign_in,
    staff_fixture,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_tagger_tags_with_autocomplete_suggestions_and_a_bulk_action(live_server, page, screenshot, staff):
    staff("Tagger", "tess")
    ArticleFactory(headline="Earlier story").topics.add("Ukraine war")
    Topic.objects.create(name="Energy")
    article = ArticleFactory(
        headline="Minsk talks stall",
        standfirst="Belarus hosts a second round of talks.",
        body="Delegations met in Minsk on Monday.\n\nBelarus said the talks would go on.",
    )
    other = ArticleFactory(headline="Grid under strain")

    sign_in(page, live_server, "tess")
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    # Topics are tokens: typed in their own box, each one whole, existing ones suggested.
    topics = page.locator("#id_topics_typing")
    topics.press_sequentially("ukr", delay=50)
    option = page.get_by_role("option", name="Ukraine war")
    option.wait_for()
    assert topics.get_attribute("aria-expanded") == "true"
    check_accessibility(page, "admin-article-change-tagger")
    screenshot("admin-tagger-autocomplete")
    option.click()
    assert page.get_by_role("button", name="Remove topic Ukraine war").is_visible()
    assert page.locator("#id_topics").input_value() == "Ukraine war"
    # A new topic only deliberately: Enter alone does not make one, "Create new topic" does.
    topics.press_sequentially("Sahel coup", delay=30)
    create = page.get_by_role("option", name="Create new topic “Sahel coup”")
    create.wait_for()
    topics.press("Enter")
    assert page.get_by_role("button", name="Remove topic Sahel coup").count() == 0
    create.click()
    assert page.locator("#id_new_topics").input_value() == "Sahel coup"
    assert page.locator("#id_topics").input_value() == "Ukraine war, Sahel coup"
    screenshot("admin-tagger-topic-tokens")
    page.get_by_role("button", name="Add Belarus").click()
    assert page.get_by_role("button", name="Added Belarus").is_disabled()
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_selector(".messagelist")
    assert sorted(t.name for t in article.topics.all()) == ["Sahel coup", "Ukraine war"]
    assert [c.code for c in article.countries.all()] == ["BY"]

    # The list: headline, standfirst and tags, and a bulk action.
    page.goto(live_server.url + reverse("admin:articles_article_changelist") + "?needs_tagging=any")
    assert page.get_by_role("link", name="Grid under strain").is_visible()
    assert page.get_by_role("link", name="Minsk talks stall").count() == 0
    check_accessibility(page, "admin-article-list-tagger")
    page.locator(f"input[name='_selected_action'][value='{other.pk}']").check()
    page.locator("select[name='action']").select_option("add_country")
    page.get_by_role("button", name="Go").click()
    page.get_by_label("Country").select_option(label="Norway")
    check_accessibility(page, "admin-bulk-add-country")
    screenshot("admin-tagger-bulk-country")
    page.get_by_role("button", name="Add a country").click()
    assert "Added country “Norway”: 1 article(s) changed." in page.locator(".messagelist").inner_text()
    assert [c.code for c in other.countries.all()] == ["NO"]


def test_tagger_is_refused_when_changing_the_body(live_server, page, screenshot, staff):
    staff("Tagger", "tess")
    article = ArticleFactory(headline="Minsk talks stall", body="Original body.")
    sign_in(page, live_server, "tess")
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    assert page.locator("[name^='blocks-']").count() == 0
    assert page.locator(".field-body_text .readonly").inner_text() == "Original body."
    # Put the field back by hand, as a crafted request would, and submit.
    page.evaluate(
        """() => {
            const body = document.createElement('textarea');
            body.name = 'blocks-0-html';
            body.value = '<p>Rewritten by a tagger.</p>';
            document.getElementById('article_form').appendChild(body);
        }"""
    )
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Save", exact=True).click()
    assert answer.value.status == 403
    screenshot("admin-tagger-refused")
    assert Article.objects.get(pk=article.pk).body_text == "Original body."
    assert not country("BY").tagged_articles.exists()
