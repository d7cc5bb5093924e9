"""The home page as a front: lead and top stories (chosen, else the newest), section blocks, the latest."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import FRONT_SIZE, FrontItem, Section
from tests.factories import ArticleFactory, BylineFactory
from tests.pagecache import NAV_QUERY, VERSION_QUERY

pytestmark = pytest.mark.django_db


def hours_ago(n: float):
    return timezone.now() - timedelta(hours=n)


def stories(n: int) -> list:
    """``n`` live stories, the first the newest."""
    return [ArticleFactory(headline=f"Story {i}", published_at=hours_ago(i + 1)) for i in range(n)]


def home(client, **params):
    return client.get(reverse("articles:home"), params)


def test_with_no_choice_the_newest_story_leads_and_the_next_are_top_stories(client):
    articles = stories(8)

    context = home(client).context

    assert context["lead"] == articles[0]
    assert context["top_stories"] == articles[1:FRONT_SIZE]
    assert context["latest"] == articles[FRONT_SIZE:]


def test_the_editors_front_list_comes_first_in_its_order_and_the_newest_fill_the_rest(client):
    articles = stories(8)
    FrontItem.objects.create(article=articles[6], position=0)
    FrontItem.objects.create(article=articles[3], position=1)

    context = home(client).context

    assert context["lead"] == articles[6]
    assert context["top_stories"] == [articles[3], articles[0], articles[1], articles[2]]


def test_a_story_on_the_front_list_that_is_not_live_gives_its_place_to_the_newest(client):
    articles = stories(3)
    draft = ArticleFactory(draft=True, headline="Draft lead")
    scheduled = ArticleFactory(scheduled=True, headline="Scheduled lead")
    FrontItem.objects.create(article=draft, position=0)
    FrontItem.objects.create(article=scheduled, position=1)

    response = home(client)

    assert response.context["lead"] == articles[0]
    assert "Draft lead" not in response.content.decode()
    assert "Scheduled lead" not in response.content.decode()


def test_the_lead_story_shows_its_section_and_is_the_pages_first_story(client):
    world = Section.objects.create(name="World", slug="world")
    ArticleFactory(headline="Lead story", section=world, published_at=hours_ago(0.5))
    stories(2)

    html = home(client).content.decode()

    lead = html[html.index('class="teaser lead-story"') :]
    assert lead.index('<p class="kicker"><a href="/sections/world/">World</a></p>') < lead.index("Lead story")
    assert html.count("<h1") == 1


def test_each_top_level_section_has_a_block_of_its_newest_stories_not_shown_above(client, settings):
    world = Section.objects.create(name="World", slug="world", position=0)
    europe = Section.objects.create(name="Europe", slug="europe", parent=world)
    sport = Section.objects.create(name="Sport", slug="sport", position=1)
    Section.objects.create(name="Empty", slug="empty", position=2)
    stories(FRONT_SIZE)  # the lead and top stories, newer than every section story
    in_world = [
        ArticleFactory(
            headline=f"World {i}", section=europe if i % 2 else world, published_at=hours_ago(10 + i)
        )
        for i in range(5)
    ]
    ArticleFactory(headline="Sport 0", section=sport, published_at=hours_ago(20))

    blocks = home(client).context["blocks"]

    assert [block.section.slug for block in blocks] == ["world", "sport"]
    assert blocks[0].articles == in_world[:3]
    assert [a.headline for a in blocks[1].articles] == ["Sport 0"]


def test_a_section_story_on_the_front_is_not_repeated_in_its_block(client):
    world = Section.objects.create(name="World", slug="world")
    lead = ArticleFactory(headline="World lead", section=world, published_at=hours_ago(40))
    older = ArticleFactory(headline="World older", section=world, published_at=hours_ago(50))
    FrontItem.objects.create(article=lead)
    stories(FRONT_SIZE)  # newer than both: all but one of them are top stories

    (block,) = home(client).context["blocks"]

    assert block.articles == [older]


def test_later_pages_are_the_latest_list_alone(client, settings):
    settings.NEWSROOM_PAGE_SIZE = 3
    stories(7)

    response = home(client, page=2)
    html = response.content.decode()

    assert "lead" not in response.context
    assert '<h1 class="page-title">Latest news</h1>' in html
    assert "<title>Newsroom: latest news (page 2)</title>" in html
    assert 'class="lead-story"' not in html


@pytest.mark.parametrize("n", [1, 25])
def test_the_front_costs_the_same_queries_whatever_it_holds(client, django_assert_num_queries, n):
    sections = [
        Section.objects.create(name=f"Section {i}", slug=f"section-{i}", position=i) for i in range(4)
    ]
    for i in range(n):
        BylineFactory(article=ArticleFactory(section=sections[i % 4])).article.topics.add("Energy")
    FrontItem.objects.create(article=ArticleFactory())
    # The front's chosen and newest stories and their bylines; the sections and, in one query, each
    # one's newest for their blocks; the latest list (page and one more, bylines); popular topics.
    with django_assert_num_queries(8 + VERSION_QUERY + NAV_QUERY):
        home(client)


def test_the_front_is_cached_until_the_front_list_changes(client, django_capture_on_commit_callbacks):
    articles = stories(3)
    assert home(client)["X-Page-Cache"] == "miss"
    assert home(client)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        FrontItem.objects.create(article=articles[2])

    response = home(client)
    assert response["X-Page-Cache"] == "miss"
    assert response.context["lead"] == articles[2]


def test_editors_manage_the_front_list_in_the_admin(admin_client):
    article = ArticleFactory(headline="Chosen story")
    response = admin_client.post(
        reverse("admin:articles_frontitem_add"), {"article": article.pk, "position": 0}
    )

    assert response.status_code == 302
    assert FrontItem.objects.get().article == article
    listing = admin_client.get(reverse("admin:articles_frontitem_changelist")).content.decode()
    assert "Chosen story" in listing


def test_the_lead_story_shows_its_picture_first_and_eagerly(client, make_image):
    image = make_image(1600, 1000, alt_text="Boats moored in a grey harbour")
    ArticleFactory(headline="Harbour strike ends", lead_image=image)

    html = home(client).content.decode()
    lead = re.search(r'<article class="teaser lead-story">.*?</article>', html, re.S)[0]

    img = re.search(r"<img [^>]*>", lead)[0]
    assert lead.index("<picture") < lead.index("Harbour strike ends")
    assert 'class="lead-picture"' in img
    assert 'alt="Boats moored in a grey harbour"' in img
    assert 'fetchpriority="high"' in img
    assert 'loading="lazy"' not in img
