"""Two editors on one article, in two browsers: presence, the unsaved-changes warning, the local draft,
and applying one's changes on top of the other's newer version (issue 14)."""

import pytest
import reversion
from django.urls import reverse

from articles.models import Article
from editorial import history
from tests.factories import ArticleFactory

from .admin_helpers import (  # noqa: F401  (the *_fixture imports are fixtures)
    check_accessibility,
    roles_fixture,
    sign_in,
    staff_fixture,
)
from .conftest import BROWSER_TIMEOUT_MS, SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)


def desk(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    return context, page


def test_two_editors_see_each_other_and_lose_nothing(live_server, browser, staff):
    staff("Editor", "alice")
    staff("Editor", "bob")
    article = ArticleFactory(draft=True, headline="Grid holds in cold snap", standfirst="Old standfirst.")
    with reversion.create_revision():  # the version both open is in the history, as after any save
        article.save()
    url = live_server.url + reverse("admin:articles_article_change", args=[article.pk])
    (alice_context, alice), (bob_context, bob) = desk(browser), desk(browser)
    try:
        sign_in(alice, live_server, "alice")
        sign_in(bob, live_server, "bob")
        alice.goto(url)
        bob.goto(url)

        # Presence: Bob sees Alice at once; Alice sees Bob at her form's next beat.
        assert "Also editing now: alice" in bob.locator("#editorial-presence").inner_text()
        alice.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
        alice.locator("#editorial-presence").get_by_text("bob").wait_for()
        check_accessibility(bob, "admin-article-presence")

        # Bob types; leaving asks first; his text is kept in this browser.
        bob.locator("#id_standfirst").fill("")
        bob.locator("#id_standfirst").press_sequentially("Bob's standfirst.", delay=10)
        bob.wait_for_timeout(700)  # the local draft is written half a second after typing stops
        dialogs = []
        bob.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
        bob.close(run_before_unload=True)
        bob.wait_for_timeout(300)
        assert dialogs == ["beforeunload"]
        assert not bob.is_closed()

        # Reopened (after a crash, say): the draft is offered and restored.
        again = bob_context.new_page()
        again.set_default_timeout(BROWSER_TIMEOUT_MS)
        bob.close()
        again.goto(url)
        again.get_by_role("button", name="Restore them").click()
        assert again.locator("#id_standfirst").input_value() == "Bob's standfirst."
        again.screenshot(path=str(SCREENSHOTS / "admin-article-local-draft-desktop.png"), full_page=False)

        # Alice saves first; Bob's save is refused, and he applies his standfirst on top of hers.
        alice.locator("#id_headline").fill("Grid holds as cold snap deepens")
        alice.on("dialog", lambda dialog: dialog.accept())
        alice.get_by_role("button", name="Save", exact=True).click()
        alice.wait_for_selector(".messagelist")
        # A browser posts CR LF line endings: the body Alice did not touch is not "changed".
        latest = history.versions_of(article.pk)[0]
        assert latest.revision.get_comment() == "Changed Headline."
        again.on("dialog", lambda dialog: dialog.accept())
        again.get_by_role("button", name="Save", exact=True).click()
        again.get_by_text("Saved by someone else while you were editing").wait_for()
        assert again.locator("#keep-mine-standfirst").is_checked()
        again.screenshot(path=str(SCREENSHOTS / "admin-article-apply-mine-desktop.png"), full_page=True)
        again.get_by_role("button", name="Apply my changes on top of the newer version").click()
        again.wait_for_selector(".messagelist")
        stored = Article.objects.get(pk=article.pk)
        assert (stored.headline, stored.standfirst) == (
            "Grid holds as cold snap deepens",
            "Bob's standfirst.",
        )
    finally:
        alice_context.close()
        bob_context.close()
