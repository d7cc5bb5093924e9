"""Drafts, articles in review, scheduled and unpublished articles never reach a reader, on any surface.

One matrix: article state × public surface. Each surface is requested as an
anonymous reader and must not mention the hidden article's headline or slug.
Add every new public surface to SURFACES.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, Section
from tests.factories import ArticleFactory, BylineFactory, PersonFactory, QuoteFactory, country

pytestmark = pytest.mark.django_db

HEADLINE = "Zanzibar hidden story"

SURFACES = {
    "article page": lambda ctx: reverse("articles:detail", kwargs={"slug": ctx["slug"]}),
    "home": lambda ctx: reverse("articles:home"),
    "topic page": lambda ctx: reverse("articles:topic", kwargs={"slug": "secrets"}),
    "country page": lambda ctx: reverse("articles:country", kwargs={"slug": "norway"}),
    "author page": lambda ctx: reverse("articles:author", kwargs={"slug": ctx["author"]}),
    "person page": lambda ctx: reverse("articles:person", kwargs={"slug": ctx["person"]}),
    "quotes page": lambda ctx: reverse("articles:quotes") + "?q=Zanzibar",
    "corrections page": lambda ctx: reverse("articles:corrections"),
    "corrections feed": lambda ctx: reverse("articles:corrections-feed"),
    "corrections atom feed": lambda ctx: reverse("articles:corrections-feed-atom"),
    "latest feed": lambda ctx: reverse("articles:feed"),
    "latest atom feed": lambda ctx: reverse("articles:feed-atom"),
    "topic feed": lambda ctx: reverse("articles:topic-feed", kwargs={"slug": "secrets"}),
    "country feed": lambda ctx: reverse("articles:country-feed-atom", kwargs={"slug": "norway"}),
    "author feed": lambda ctx: reverse("articles:author-feed", kwargs={"slug": ctx["author"]}),
    "topic index": lambda ctx: reverse("articles:topics") + "?letter=S",
    "country index": lambda ctx: reverse("articles:countries"),
    "author index": lambda ctx: reverse("articles:authors") + f"?letter={ctx['author'][0]}",
    "people index": lambda ctx: reverse("articles:people") + "?letter=H",
    "sitemap": lambda ctx: reverse("django.contrib.sitemaps.views.sitemap"),
    "news sitemap": lambda ctx: reverse("news-sitemap"),
    "related link on a live article": lambda ctx: reverse("articles:detail", kwargs={"slug": ctx["linking"]}),
    "more on this story": lambda ctx: reverse("articles:detail", kwargs={"slug": ctx["sibling"]}),
    "search": lambda ctx: reverse("articles:search") + "?q=Zanzibar",
    "search for the topic": lambda ctx: reverse("articles:search") + "?q=secrets",
    "API article": lambda ctx: reverse("api:article", kwargs={"slug": ctx["slug"]}),
    "API articles": lambda ctx: reverse("api:articles"),
    "API articles search": lambda ctx: reverse("api:articles") + "?q=Zanzibar",
    "API articles by topic": lambda ctx: reverse("api:articles") + "?topic=secrets",
    "API articles by country": lambda ctx: reverse("api:articles") + "?country=NO",
    "API articles by author": lambda ctx: reverse("api:articles") + f"?author={ctx['author']}",
    "API related link": lambda ctx: reverse("api:article", kwargs={"slug": ctx["linking"]}),
    "API topics": lambda ctx: reverse("api:topics"),
    "API countries": lambda ctx: reverse("api:countries"),
    "API people": lambda ctx: reverse("api:people"),
    "API quotes": lambda ctx: reverse("api:quotes"),
    "API quotes search": lambda ctx: reverse("api:quotes") + "?q=Zanzibar",
    "API quotes by speaker": lambda ctx: reverse("api:quotes") + f"?speaker={ctx['person']}",
    # Names known only to the hidden article: an author, a topic (and its person, above).
    "draft-only author page": lambda ctx: reverse("articles:author", kwargs={"slug": ctx["hidden_author"]}),
    "draft-only author feed": lambda ctx: reverse(
        "articles:author-feed", kwargs={"slug": ctx["hidden_author"]}
    ),
    "draft-only author atom feed": lambda ctx: reverse(
        "articles:author-feed-atom", kwargs={"slug": ctx["hidden_author"]}
    ),
    "draft-only topic page": lambda ctx: reverse("articles:topic", kwargs={"slug": "hidden-topic"}),
    "draft-only topic feed": lambda ctx: reverse("articles:topic-feed", kwargs={"slug": "hidden-topic"}),
    "draft-only topic atom feed": lambda ctx: reverse(
        "articles:topic-feed-atom", kwargs={"slug": "hidden-topic"}
    ),
    "API articles by draft-only author": lambda ctx: (
        reverse("api:articles") + f"?author={ctx['hidden_author']}"
    ),
    "API articles by draft-only topic": lambda ctx: reverse("api:articles") + "?topic=hidden-topic",
    "API topics (draft-only topic)": lambda ctx: reverse("api:topics") + "?page-size=50",
    "sitemap of authors": lambda ctx: reverse("django.contrib.sitemaps.views.sitemap"),
    "section front": lambda ctx: reverse("articles:section", kwargs={"slug": "europe"}),
    "parent section front": lambda ctx: reverse("articles:section", kwargs={"slug": "world"}),
    "section feed": lambda ctx: reverse("articles:section-feed", kwargs={"slug": "europe"}),
    "parent section atom feed": lambda ctx: reverse("articles:section-feed-atom", kwargs={"slug": "world"}),
    "API articles by section": lambda ctx: reverse("api:articles") + "?section=europe",
    "about page": lambda ctx: reverse("articles:page", kwargs={"slug": "about"}),
}
# Pages that answer 404 for the hidden article itself, or for a name only it knows.
NOT_FOUND = {
    "article page",
    "API article",
    "person page",
    "draft-only author page",
    "draft-only author feed",
    "draft-only author atom feed",
    "draft-only topic page",
    "draft-only topic feed",
    "draft-only topic atom feed",
}
# What a name known only to the hidden article is asked for by, with the same request for a name
# nobody ever used: the two answers must be the same.
UNKNOWN_TWINS = {
    "person page": lambda ctx: reverse("articles:person", kwargs={"slug": "nobody-at-all"}),
    "draft-only author page": lambda ctx: reverse("articles:author", kwargs={"slug": "nobody-at-all"}),
    "draft-only author feed": lambda ctx: reverse("articles:author-feed", kwargs={"slug": "nobody-at-all"}),
    "draft-only topic page": lambda ctx: reverse("articles:topic", kwargs={"slug": "nobody-at-all"}),
    "draft-only topic feed": lambda ctx: reverse("articles:topic-feed", kwargs={"slug": "nobody-at-all"}),
    "API articles by draft-only author": lambda ctx: reverse("api:articles") + "?author=nobody-at-all",
    "API articles by draft-only topic": lambda ctx: reverse("api:articles") + "?topic=nobody-at-all",
    "API quotes by speaker": lambda ctx: reverse("api:quotes") + "?speaker=nobody-at-all",
}


def make_sections() -> Section:
    """World › Europe; the hidden article and a live neighbour are in Europe."""
    world = Section.objects.create(name="World", slug="world")
    return Section.objects.create(name="Europe", slug="europe", parent=world)


def make_hidden(state: str, client) -> Article:
    if state == "draft":
        return ArticleFactory(headline=HEADLINE, draft=True)
    if state == "in review":
        return ArticleFactory(headline=HEADLINE, in_review=True)
    if state == "scheduled":
        return ArticleFactory(headline=HEADLINE, scheduled=True)
    if state == "draft with a past time":
        return ArticleFactory(headline=HEADLINE, status=Article.Status.DRAFT,
                              published_at=timezone.now() - timedelta(days=1))  # fmt: skip
    # Unpublished: it was live and every surface (and its cache) saw it first.
    article = ArticleFactory(headline=HEADLINE)
    return article


def surround(article: Article, *, section=None) -> dict:
    """Give ``article`` the matrix's names (bylines, tags, a person quoted, a correction) and live
    neighbours (a sibling in ``section`` sharing them, an article linking to it); their slugs."""
    byline = BylineFactory(article=article)
    hidden_author = BylineFactory(article=article, author__name="Hidden Author").author
    article.topics.add("Secrets", "Hidden topic")
    article.countries.add(country("NO"))
    person = PersonFactory(name="Hidden Speaker")
    article.people.add(person)
    QuoteFactory(article=article, speaker=person, text="Zanzibar words nobody may read")
    article.corrections.create(text="Zanzibar correction nobody may read")
    # Live neighbours, so every list and feed has something to show.
    sibling = ArticleFactory(headline="A live story about Norway", section=section)
    sibling.countries.add(country("NO"))
    sibling.topics.add("Secrets")
    BylineFactory(article=sibling, author=byline.author)
    linking = ArticleFactory(headline="A live story that links")
    linking.related_links.create(position=0, title=HEADLINE)
    return {
        "slug": article.slug,
        "author": byline.author.slug,
        "person": person.slug,
        "sibling": sibling.slug,
        "linking": linking.slug,
        "hidden_author": hidden_author.slug,
    }


@pytest.fixture(params=["draft", "in review", "scheduled", "draft with a past time", "unpublished"])
def hidden(request, client, django_capture_on_commit_callbacks, make_image):
    article = make_hidden(request.param, client)
    europe = make_sections()
    Article.objects.filter(pk=article.pk).update(section=europe)
    # Its lead picture is its own words too: no teaser, card, feed or API answer may show it.
    picture = make_image(64, 48, renditions=False, alt_text="Hidden picture of a harbour", name="secret.jpg")
    Article.objects.filter(pk=article.pk).update(lead_image=picture, lead_image_caption="Hidden caption")
    ctx = surround(article, section=europe)
    if request.param == "unpublished":
        for surface in SURFACES.values():
            client.get(surface(ctx))  # warm every cache while it is live
        with django_capture_on_commit_callbacks(execute=True):
            publishing.unpublish([article])
    return ctx


@pytest.mark.parametrize("surface", list(SURFACES))
def test_hidden_article_never_reaches_a_reader(client, hidden, surface):
    response = client.get(SURFACES[surface](hidden))
    body = response.content.decode()

    if surface in NOT_FOUND:
        assert response.status_code == 404
    else:
        assert response.status_code == 200
    if surface == "API related link":
        (link,) = response.json()["related"]
        assert link["article"] is None
    elif surface == "related link on a live article":
        # The curated title is the linking article's own text; it must not lead to the hidden one.
        assert f"<h3>{HEADLINE}</h3>" in body
    else:
        assert HEADLINE not in body
    assert f"/{hidden['slug']}/" not in body
    assert "Zanzibar words" not in body
    assert "Zanzibar correction" not in body
    for name in ("Hidden Speaker", "Hidden Author", "Hidden topic", "Hidden picture", "Hidden caption"):
        assert name not in body
    assert "hidden-author" not in body
    assert "hidden-topic" not in body


@pytest.mark.parametrize("surface", list(UNKNOWN_TWINS))
def test_a_name_known_only_to_the_hidden_article_is_answered_as_an_unknown_one(client, hidden, surface):
    hidden_answer = client.get(SURFACES[surface](hidden))
    unknown_answer = client.get(UNKNOWN_TWINS[surface](hidden))

    assert hidden_answer.status_code == unknown_answer.status_code
    assert hidden_answer["Content-Type"] == unknown_answer["Content-Type"]
    assert hidden_answer.content == unknown_answer.content


def test_counts_leave_the_hidden_article_out(client, hidden):
    def total(name: str) -> int:
        return client.get(reverse(f"api:{name}")).json()["total"]

    assert total("articles") == 2  # the live sibling and the live article that links
    countries = client.get(reverse("api:countries")).json()["results"]
    assert [(c["code"], c["article_count"]) for c in countries] == [("NO", 1)]
    topics = client.get(reverse("api:topics")).json()["results"]
    assert [(t["name"], t["article_count"]) for t in topics] == [("Secrets", 1)]
    assert total("people") == 0
    assert total("quotes") == 0
