"""An editor merges two topics in the admin; the old topic page then redirects to the kept one."""

import pytest
from django.urls import reverse

from articles.models import Topic
from tests.factories import ArticleFactory

from .admin_helpers import (  # noqa: F401  (the *_fixture and desktop_page imports are fixtures)
    check_accessibility,
    desktop_page,
    roles_fixture,
    sign_in,
    staff_fixture,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_merging_two_topics_redirects_the_old_topic_page(live_server, page, screenshot, staff):
    staff("Editor", "eddie")
    keep, old = Topic.objects.create(name="Ukraine war"), Topic.objects.create(name="War in Ukraine")
    ArticleFactory(headline="Front line moves").topics.add(keep)
    ArticleFactory(headline="Drones over Kyiv").topics.add(old)

    sign_in(page, live_server, "eddie")
    page.goto(live_server.url + reverse("admin:articles_topic_changelist"))
    check_accessibility(page, "admin-topic-list")
    for topic in (keep, old):
        page.locator(f"input[name='_selected_action'][value='{topic.pk}']").check()
    page.locator("select[name='action']").select_option("merge_topics")
    page.get_by_role("button", name="Go").click()
    page.get_by_label("Ukraine war", exact=True).check()
    check_accessibility(page, "admin-topic-merge")
    screenshot("admin-topic-merge")
    page.get_by_role("button", name="Merge topics").click()
    assert "Merged “War in Ukraine” into “Ukraine war”" in page.locator(".messagelist").inner_text()

    response = page.goto(live_server.url + "/topics/war-in-ukraine/")
    assert response.request.redirected_from.url.endswith("/topics/war-in-ukraine/")
    assert page.url == live_server.url + keep.get_absolute_url()
    assert page.locator("h1").inner_text() == "Ukraine war"
    assert page.get_by_role("link", name="Drones over Kyiv").is_visible()
    screenshot("topic-after-merge")
