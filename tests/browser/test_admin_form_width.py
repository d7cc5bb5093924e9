"""The article form fits the screen at 1,280 px and on a phone (390 px): nothing runs off it (issue 14)."""

import pytest
from django.urls import reverse

from articles.models import Quote, RelatedLink
from people.models import Person
from tests.factories import ArticleFactory, BylineFactory

from .admin_helpers import roles_fixture, sign_in, staff_fixture  # noqa: F401  (fixtures)
from .conftest import BROWSER_TIMEOUT_MS, SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)

WIDE_ELEMENTS = """w => Array.from(document.querySelectorAll('*'))
    .filter(e => e.getBoundingClientRect().right > w + 1).slice(-8)
    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


@pytest.mark.parametrize(("width", "height", "profile"), [(1280, 900, "desktop"), (390, 844, "phone")])
def test_the_form_with_many_parts_fits_the_screen(live_server, browser, staff, width, height, profile):
    staff("Editor", "edna")
    article = ArticleFactory(headline="A long story with many parts")
    BylineFactory(article=article)
    for n in range(10):
        RelatedLink.objects.create(
            article=article, position=n, title=f"An earlier story about the floods, part {n}"
        )
    for n in range(15):
        speaker = Person.objects.create(name=f"Speaker number {n}", slug=f"speaker-{n}")
        Quote.objects.create(
            article=article,
            speaker=speaker,
            text="Words that run on for a while, as quotes do. " * 3,
            position=n,
        )
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    try:
        sign_in(page, live_server, "edna")
        page.goto(live_server.url + reverse("admin:articles_article_change", args=[article.pk]))
        page.screenshot(
            path=str(SCREENSHOTS / f"admin-article-form-many-parts-{profile}.png"), full_page=True
        )
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        # What sticks out, named in the failure.
        wide = page.evaluate(WIDE_ELEMENTS, width) if scroll_width > width else []
        assert scroll_width <= width, f"the form is {scroll_width} px wide at {width} px: {wide}"
    finally:
        context.close()
