"""A reader's path through the public site, in a real browser at phone and desktop widths."""

import pytest

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    RelatedLinkFactory,
    country,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_goes_from_home_to_article_to_author_to_topic_to_search_to_person(
    live_server, page, screenshot
):
    author = AuthorFactory(name="Pjotr Sauer", role="Moscow correspondent", bio="Covers Russia and Belarus.")
    article = ArticleFactory(
        headline="Putin’s mission to Minsk raises fears",
        standfirst="Kyiv warns of a potential new invasion from the north",
        body="Vladimir Putin has discussed closer military cooperation.\n\nThe meeting came after drones.",
    )
    BylineFactory(article=article, author=author)
    article.topics.add("Ukraine war")
    article.countries.add(country("BY"))
    RelatedLinkFactory(article=article, title="Belarus protesters defy crackdown")
    analyst = PersonFactory(name="Artyom Shraibman", description="Belarusian political analyst")
    article.people.add(analyst)
    QuoteFactory(
        article=article, speaker=analyst, text="Participation in this war would be extremely unpopular"
    )
    ArticleFactory(draft=True, headline="A draft nobody may see")

    page.goto(live_server.url)
    assert page.locator("h1").inner_text() == "Newsroom: the latest news"  # visually hidden above the lead
    assert page.get_by_text("A draft nobody may see").count() == 0
    screenshot("home")

    page.get_by_role("link", name="Putin’s mission to Minsk raises fears").click()
    assert page.locator("h1").inner_text() == "Putin’s mission to Minsk raises fears"
    assert page.locator("time.published").get_attribute("datetime").startswith(str(article.published_at.year))
    assert page.get_by_role("heading", name="Related content").is_visible()
    screenshot("article")

    page.get_by_role("link", name="Pjotr Sauer").first.click()
    assert page.locator("h1").inner_text() == "Pjotr Sauer"
    assert page.get_by_text("Covers Russia and Belarus.").is_visible()
    screenshot("author")

    page.get_by_role("link", name="Putin’s mission to Minsk raises fears").click()
    page.get_by_role("link", name="Ukraine war").click()
    assert page.locator("h1").inner_text() == "Ukraine war"
    screenshot("topic")

    page.get_by_label("Search articles").first.fill("Minsk")
    page.get_by_label("Search articles").first.press("Enter")
    assert "Minsk" in page.locator("h1").inner_text()
    results = page.locator("main").get_by_role("link", name="Putin’s mission to Minsk raises fears")
    assert results.count() == 1
    screenshot("search")

    results.click()
    page.get_by_role("link", name="Artyom Shraibman").first.click()
    assert page.locator("h1").inner_text() == "Artyom Shraibman"
    assert page.get_by_text("Participation in this war would be extremely unpopular").is_visible()
    screenshot("person")


def test_page_fits_the_viewport_without_horizontal_scrolling(live_server, page):
    article = ArticleFactory(headline="A headline long enough to wrap across several lines on a phone screen")
    page.goto(live_server.url + article.get_absolute_url())
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= page.viewport_size["width"]
