"""An editor builds a story body in the admin: adds blocks of each kind, reorders them by keyboard
and by dragging, removes one, is refused an unsupported embed, saves and previews: axe-clean."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import BodyBlock
from tests.factories import ArticleFactory

from .admin_helpers import PASSWORD, check_accessibility, desktop_page, sign_in  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def editor(transactional_db):
    return User.objects.create_superuser("ella", "ella@example.com", PASSWORD)


def blocks(page):
    return page.locator("#blocks-group .inline-related:not(.empty-form)")


def labels(page) -> list[str]:
    return [text.strip() for text in page.locator("#blocks-group .block-label").all_inner_texts()]


def test_an_editor_adds_reorders_removes_saves_and_previews_blocks(live_server, page, screenshot, editor):
    article = ArticleFactory(draft=True, headline="Delta floods reach the city", body="The river rose.")
    sign_in(page, live_server, "ella")
    change_url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    page.goto(change_url)
    assert labels(page) == ["1. Text"]
    check_accessibility(page, "admin-body-blocks")

    # Add a fact box and write in its rich-text editor.
    page.get_by_role("button", name="Add fact box").click()
    aside = blocks(page).nth(1)
    aside.get_by_label("Title").fill("Key facts")
    aside.get_by_role("textbox", name="Text of block 2 (Fact box)").click()
    page.keyboard.type("Two bridges closed.")
    # An embed from a site not on the list is refused when saving; a supported one is kept.
    page.get_by_role("button", name="Add embed").click()
    embed = blocks(page).nth(2)
    embed.get_by_label("Address").fill("https://video.example.com/watch/1")
    # A pull quote, added and then removed again.
    page.get_by_role("button", name="Add pull quote").click()
    assert labels(page) == ["1. Text", "2. Fact box", "3. Embed", "4. Pull quote"]
    blocks(page).nth(3).locator(".inline-deletelink").click()
    assert labels(page) == ["1. Text", "2. Fact box", "3. Embed"]

    # Reorder from the keyboard: the embed moves up above the fact box, and it is announced.
    embed.get_by_role("button", name="Move up: block 3 (Embed)").focus()
    page.keyboard.press("Enter")
    assert labels(page) == ["1. Text", "2. Embed", "3. Fact box"]
    assert page.locator("#body-blocks-status").inner_text() == "Embed block moved to position 2 of 3."
    # ... and by dragging: the fact box goes to the top.
    headings = page.locator("#blocks-group .inline-related:not(.empty-form) > h3")
    headings.nth(2).drag_to(headings.nth(0), target_position={"x": 20, "y": 2})
    assert labels(page) == ["1. Fact box", "2. Text", "3. Embed"]
    check_accessibility(page, "admin-body-blocks-edited")
    screenshot("admin-body-blocks")

    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_selector(".errornote")
    assert "Newsroom cannot embed this address." in page.locator("#blocks-group").inner_text()
    assert not BodyBlock.objects.filter(article=article).exclude(kind="text").exists()
    # Sent back in the editor's order, the refused address marked.
    assert labels(page) == ["1. Fact box", "2. Text", "3. Embed"]
    page.get_by_role("textbox", name="Address:").fill(YOUTUBE)
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_selector(".messagelist .success")

    stored = list(BodyBlock.objects.filter(article=article).values_list("kind", "title", "html", "url"))
    assert stored == [
        ("aside", "Key facts", "<p>Two bridges closed.</p>", ""),
        ("text", "", "<p>The river rose.</p>", ""),
        ("embed", "", "", YOUTUBE),
    ]
    article.refresh_from_db()
    assert article.body_text == "Key facts\n\nTwo bridges closed.\n\nThe river rose."

    # Preview: the draft as readers will see it.
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator(".preview-banner").is_visible()
    assert page.locator("aside.fact-box h2").inner_text() == "Key facts"
    facade = page.locator("a.embed-facade")
    assert facade.inner_text().startswith("Play video on YouTube")
    assert page.locator("iframe").count() == 0
    screenshot("article-body-preview")
