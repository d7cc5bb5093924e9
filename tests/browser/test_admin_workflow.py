"""A writer drafts an article in the admin and cannot publish it; an editor schedules, previews, publishes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, BodyBlock
from tests.factories import AuthorFactory, PersonFactory

from .admin_helpers import (  # noqa: F401  (the *_fixture and desktop_page imports are fixtures)
    check_accessibility,
    desktop_page,
    pick_autocomplete,
    roles_fixture,
    sign_in,
    sign_out,
    staff_fixture,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_writer_drafts_and_editor_schedules_previews_and_publishes(live_server, page, screenshot, staff):
    staff("Writer", "wendy")
    staff("Editor", "eddie")
    AuthorFactory(name="Ana Souza")
    AuthorFactory(name="Bruno Costa")
    PersonFactory(name="Rui Lima")

    # The writer drafts the article: two authors, a related link and a quote.
    sign_in(page, live_server, "wendy")
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    page.locator("#id_headline").fill("Delta floods reach the city")
    page.locator("#id_standfirst").fill("Water levels rose overnight in Porto Alegre.")
    page.get_by_role("button", name="Add text").click()
    page.get_by_role("textbox", name="Text of block 1 (Text)").click()
    page.keyboard.type("The river burst its banks.")
    page.keyboard.press("Enter")
    page.keyboard.type("“We were ready,” said Rui Lima.")
    page.get_by_text("Add another Author", exact=True).click()
    page.get_by_text("Add another Author", exact=True).click()
    rows = page.locator("#bylines-group tr.form-row:not(.empty-form)")
    # The position is hidden (drag and drop or Move up/down): rows are saved in page order.
    for index, name in enumerate(["Ana Souza", "Bruno Costa"]):
        pick_autocomplete(page, rows.nth(index), name)
    page.get_by_text("Add another Related link", exact=True).click()
    page.locator("input[name='related_links-0-title']").fill("Earlier floods in the delta")
    page.get_by_text("Add another Quote", exact=True).click()
    quote = page.locator("#quotes-group tr.form-row:not(.empty-form)").first
    pick_autocomplete(page, quote, "Rui Lima")
    quote.locator("textarea[name='quotes-0-text'], input[name='quotes-0-text']").fill("We were ready.")
    assert page.locator("select[name='status']").count() == 0  # read-only for writers
    assert page.locator("input[name='_publish']").count() == 0
    check_accessibility(page, "admin-article-add-writer")
    screenshot("admin-writer-add")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_selector(".messagelist")
    # A saved row's Move up/down buttons sit below the row's summary strip, not over its text.
    page.locator("#bylines-group .reorder-buttons").first.wait_for()
    for row in page.locator("#bylines-group tr.has_original").all():
        summary, buttons = (
            row.locator("td.original p").bounding_box(),
            row.locator(".reorder-buttons").bounding_box(),
        )
        assert buttons["y"] >= summary["y"] + summary["height"] - 1, (summary, buttons)

    article = Article.objects.get(headline="Delta floods reach the city")
    assert [b.author.name for b in article.bylines.all()] == ["Ana Souza", "Bruno Costa"]
    assert [link.title for link in article.related_links.all()] == ["Earlier floods in the delta"]
    assert [q.text for q in article.quotes.all()] == ["We were ready."]
    assert article.state == Article.State.DRAFT
    # No publishing for writers, not even from the list.
    page.goto(live_server.url + reverse("admin:articles_article_changelist"))
    options = page.locator("select[name='action'] option").all_inner_texts()
    assert "Publish selected articles now" not in options
    assert "Schedule selected articles…" not in options
    check_accessibility(page, "admin-article-list-writer")
    sign_out(page)

    # The editor schedules it for tomorrow morning.
    sign_in(page, live_server, "eddie")
    change_url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    page.goto(change_url)
    tomorrow = timezone.localtime(timezone.now() + timedelta(days=1))
    at = tomorrow.replace(hour=9, minute=0, second=0, microsecond=0)
    page.locator("input[name='published_at_0']").fill(at.strftime("%d/%m/%Y"))
    page.locator("input[name='published_at_1']").fill("09:00:00")
    check_accessibility(page, "admin-article-change-editor")
    page.get_by_role("button", name="Save and schedule").click()
    page.wait_for_selector(".messagelist")
    assert "is scheduled to go live on" in page.locator(".messagelist").inner_text()
    article.refresh_from_db()
    assert article.state == Article.State.SCHEDULED
    assert article.published_at == at

    page.goto(live_server.url + reverse("admin:articles_article_scheduled"))
    assert page.get_by_role("link", name="Delta floods reach the city", exact=True).is_visible()
    check_accessibility(page, "admin-scheduled")
    screenshot("admin-scheduled")

    # Preview: the real article page, marked as a preview, never cached.
    response = page.goto(live_server.url + article.get_absolute_url())
    assert "no-store" in response.headers["cache-control"]
    assert page.locator(".preview-banner").inner_text().startswith("Preview: this article is scheduled for")
    screenshot("admin-preview")

    page.goto(change_url)
    page.get_by_role("button", name="Save and publish now").click()
    page.wait_for_selector(".messagelist")
    article.refresh_from_db()
    assert article.is_live

    sign_out(page)
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator(".preview-banner").count() == 0
    assert page.locator("h1").inner_text() == "Delta floods reach the city"


def test_shared_preview_link_opens_for_someone_without_an_account(live_server, page, screenshot, staff):
    staff("Writer", "wendy")
    article = Article.objects.create(headline="Embargoed report")
    BodyBlock.objects.create(article=article, html="<p>Secret until Monday.</p>")
    sign_in(page, live_server, "wendy")
    page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
    page.get_by_role("link", name="Share preview link").click()
    page.get_by_label("Link works for").select_option("1d")
    page.get_by_role("button", name="Make a preview link").click()
    link = page.get_by_label("Preview link", exact=False).input_value()
    check_accessibility(page, "admin-share-preview")
    sign_out(page)

    page.goto(link)
    assert page.locator("h1").inner_text() == "Embargoed report"
    assert page.locator(".preview-banner").is_visible()
    screenshot("shared-preview")
