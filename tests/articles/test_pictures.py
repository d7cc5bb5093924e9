"""Lead pictures wherever an article appears: its page, teasers, related cards, feeds, API, sharing."""

import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from PIL import Image as PILImage

from articles.models import Article
from images.renditions import SHARE_WIDTH
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PersonFactory,
    RelatedLinkFactory,
    country,
)
from tests.pagecache import NAV_QUERY, VERSION_QUERY

from .test_article_page import BODY_QUERY

pytestmark = pytest.mark.django_db

MEDIA_RSS = "{http://search.yahoo.com/mrss/}"
ATOM = "{http://www.w3.org/2005/Atom}"


class Elements(HTMLParser):
    """Start tags of a page, as (tag, attributes), in order."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def all(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.found if t == tag and all(a.get(k) == v for k, v in attrs.items())]


@pytest.fixture
def pictured(make_image):
    """A live article with a lead picture (renditions made), its own caption, a byline, tags."""
    image = make_image(
        1600,
        1000,
        alt_text="Boats moored in a grey harbour",
        caption="The harbour at dawn.",
        credit="Photograph: Ana Lima",
    )
    article = ArticleFactory(headline="Harbour strike ends", lead_image=image, lead_image_caption="")
    BylineFactory(article=article, author=AuthorFactory(name="Rui Costa"))
    article.topics.add("Strikes")
    article.countries.add(country("PT"))
    person = PersonFactory(name="Marta Silva")
    article.people.add(person)
    return article


def test_article_page_shows_the_lead_picture_first_with_caption_and_credit(client, pictured):
    html = client.get(pictured.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="picture main-image">.*?</figure>', html, re.S).group(0)
    elements = Elements(figure)

    (source,) = elements.all("source")
    (img,) = elements.all("img")
    assert source["type"] == "image/webp"
    assert source["sizes"] == img["sizes"] == "(min-width: 42rem) 40rem, calc(100vw - 2rem)"
    assert [c.split()[1] for c in source["srcset"].split(", ")] == [
        "160w",
        "240w",
        "320w",
        "480w",
        "640w",
        "720w",
        "800w",
        "960w",
        "1280w",
        "1600w",
    ]
    assert all(c.split()[0].endswith(".jpg") for c in img["srcset"].split(", "))
    assert (img["width"], img["height"]) == ("1600", "1000")
    assert img["alt"] == "Boats moored in a grey harbour"
    assert img["fetchpriority"] == "high"
    assert img["loading"] == "eager"
    assert (
        '<figcaption><span class="caption">The harbour at dawn.</span> '
        '<span class="credit">Photograph: Ana Lima</span></figcaption>' in figure
    )
    # Before the body: the first picture of the page is the lead.
    assert html.index("main-image") < html.index('class="article-body"')


def test_an_articles_own_caption_replaces_the_librarys(client, pictured):
    Article.objects.filter(pk=pictured.pk).update(lead_image_caption="Dockers walk back to work on Monday.")
    html = client.get(pictured.get_absolute_url()).content.decode()
    assert '<span class="caption">Dockers walk back to work on Monday.</span>' in html
    assert "The harbour at dawn." not in html


def test_a_picture_whose_renditions_are_not_made_yet_shows_the_stored_file_and_makes_none(
    client,
    make_image,
    monkeypatch,
):
    image = make_image(800, 600, renditions=False, alt_text="A fresh upload")
    article = ArticleFactory(lead_image=image)
    made = []
    monkeypatch.setattr("images.renditions.make_renditions", lambda *a, **k: made.append(a))

    html = client.get(article.get_absolute_url()).content.decode()

    (img,) = Elements(re.search(r'<figure class="picture main-image">.*?</figure>', html, re.S).group(0)).all(
        "img"
    )
    assert img["src"] == image.file.url
    assert (img["width"], img["height"]) == ("800", "600")
    assert made == []
    image.refresh_from_db()
    assert not image.renditions_ready


def teaser_pictures(html: str) -> list[dict]:
    return [a for t, a in Elements(html).found if t == "img" and "teaser" not in a.get("class", "")]


@pytest.mark.parametrize("page", ["home", "topic", "country", "author", "person", "search"])
def test_every_listing_shows_the_teaser_picture_lazily_in_16_by_9(client, pictured, page):
    author = pictured.bylines.get().author
    if page == "home":
        ArticleFactory(headline="A newer lead story")  # the picture is then a top story's teaser
    urls = {
        "home": reverse("articles:home"),
        "topic": reverse("articles:topic", kwargs={"slug": "strikes"}),
        "country": reverse("articles:country", kwargs={"slug": "portugal"}),
        "author": author.get_absolute_url(),
        "person": pictured.people.get().get_absolute_url(),
        "search": reverse("articles:search") + "?q=harbour",
    }
    html = client.get(urls[page]).content.decode()
    teaser = re.search(r'<article class="teaser has-picture">.*?</article>', html, re.S).group(0)
    elements = Elements(teaser)
    (img,) = elements.all("img")
    (source,) = elements.all("source")

    assert img["loading"] == "lazy"
    assert "fetchpriority" not in img
    assert img["alt"] == "Boats moored in a grey harbour"
    assert source["sizes"] == "(min-width: 40rem) 12rem, 7.5rem"
    # The 16:9 crop: width and height in that ratio.
    assert round(int(img["width"]) / int(img["height"]), 2) == round(16 / 9, 2)


def test_a_teaser_without_a_picture_has_none(client):
    ArticleFactory(headline="No picture here").topics.add("Energy")
    html = client.get(reverse("articles:topic", kwargs={"slug": "energy"})).content.decode()
    assert '<article class="teaser">' in html
    assert "<picture>" not in html


def test_a_related_card_shows_the_target_articles_lead_picture(client, pictured):
    linking = ArticleFactory(headline="Ports reopen")
    RelatedLinkFactory(article=linking, title="Harbour strike ends")
    html = client.get(linking.get_absolute_url()).content.decode()
    card = re.search(r'<li class="related-item">.*?</li>', html, re.S).group(0)
    (img,) = Elements(card).all("img")
    assert img["alt"] == "Boats moored in a grey harbour"
    assert img["class"] == "thumb"
    assert img["loading"] == "lazy"


def test_a_related_card_to_a_piece_elsewhere_shows_the_links_own_picture(client, make_image):
    image = make_image(900, 600, alt_text="A crowd outside a court")
    linking = ArticleFactory()
    RelatedLinkFactory(article=linking, title="Elsewhere", url="https://example.org/story", image=image)
    html = client.get(linking.get_absolute_url()).content.decode()
    card = re.search(r'<li class="related-item">.*?</li>', html, re.S).group(0)
    (img,) = Elements(card).all("img")
    assert img["alt"] == "A crowd outside a court"


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_a_related_card_never_shows_the_picture_of_an_article_readers_cannot_see(client, make_image, state):
    image = make_image(900, 600, alt_text="Secret picture of the unannounced story")
    hidden = ArticleFactory(headline="Unannounced story", lead_image=image, **{state: True})
    linking = ArticleFactory()
    RelatedLinkFactory(article=linking, title="Unannounced story", target=hidden)
    html = client.get(linking.get_absolute_url()).content.decode()
    assert "Secret picture" not in html
    assert '<div class="thumb" aria-hidden="true"></div>' in html
    related = client.get(reverse("api:article", kwargs={"slug": linking.slug})).json()["related"]
    assert related[0]["image"] is None


def test_rss_items_carry_the_picture_as_media_content_and_an_enclosure(client, pictured):
    response = client.get(reverse("articles:feed"))
    item = ElementTree.fromstring(response.content).find("channel/item")
    media = item.find(f"{MEDIA_RSS}content")
    enclosure = item.find("enclosure")

    assert media.get("medium") == "image"
    assert media.get("type") == "image/jpeg"
    assert (media.get("width"), media.get("height")) == ("960", "600")
    assert media.find(f"{MEDIA_RSS}description").text == "Boats moored in a grey harbour"
    assert media.find(f"{MEDIA_RSS}credit").text == "Photograph: Ana Lima"
    assert enclosure.get("url") == media.get("url")
    assert enclosure.get("url").startswith("http://testserver/media/")
    stored = pictured.lead_image.file.storage
    assert int(enclosure.get("length")) == stored.size(
        media.get("url").removeprefix("http://testserver/media/")
    )


def test_atom_entries_carry_the_picture_as_an_enclosure_link(client, pictured):
    response = client.get(reverse("articles:feed-atom"))
    entry = ElementTree.fromstring(response.content).find(f"{ATOM}entry")
    (link,) = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert link.get("type") == "image/jpeg"
    assert link.get("href").startswith("http://testserver/media/")
    assert int(link.get("length")) > 0


def test_the_api_gives_the_lead_picture_with_its_renditions(client, pictured):
    Article.objects.filter(pk=pictured.pk).update(lead_image_caption="Dockers return.")
    data = client.get(reverse("api:article", kwargs={"slug": pictured.slug})).json()
    picture = data["lead_image"]
    listed = client.get(reverse("api:articles")).json()["results"][0]["lead_image"]

    assert {k: picture[k] for k in ("alt", "caption", "credit", "width", "height")} == {
        "alt": "Boats moored in a grey harbour",
        "caption": "Dockers return.",
        "credit": "Photograph: Ana Lima",
        "width": 1600,
        "height": 1000,
    }
    assert picture["src"].startswith("http://testserver/media/") and picture["src"].endswith(".jpg")
    assert {r["format"] for r in picture["renditions"]} == {"webp", "jpeg"}
    assert [r["width"] for r in picture["renditions"] if r["format"] == "webp"] == [
        160,
        240,
        320,
        480,
        640,
        720,
        800,
        960,
        1280,
        1600,
    ]
    assert listed == picture


def test_sharing_uses_the_16_by_9_focal_crop_and_json_ld_all_three(client, pictured):
    html = client.get(pictured.get_absolute_url()).content.decode()
    metas = {
        a.get("property") or a.get("name"): a["content"] for a in Elements(html).all("meta") if "content" in a
    }
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])

    assert metas["og:image"] == metas["twitter:image"]
    assert metas["og:image"].startswith("http://testserver/media/") and metas["og:image"].endswith(".jpg")
    assert (metas["og:image:width"], metas["og:image:height"]) == (str(SHARE_WIDTH), "675")
    assert metas["og:image:type"] == "image/jpeg"
    assert metas["og:image:alt"] == metas["twitter:image:alt"] == "Boats moored in a grey harbour"
    assert data["image"][0] == metas["og:image"]
    assert len(data["image"]) == 3
    stored = pictured.lead_image.file.storage
    sizes = []
    for url in data["image"]:
        with stored.open(url.removeprefix("http://testserver/media/")) as handle:
            sizes.append(PILImage.open(handle).size)
    assert [round(w / h, 2) for w, h in sizes] == [round(16 / 9, 2), round(4 / 3, 2), 1.0]


def test_an_article_without_a_picture_shares_the_sites_default(client):
    article = ArticleFactory()
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<meta property="og:image" content="http://testserver/static/img/share.png">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert "og:image:alt" not in html
    assert '<figure class="picture' not in html


def pictures_article(make, n: int) -> Article:
    """A live article with a lead picture and ``n`` related cards, each with a picture of its own or
    its target's."""
    article = ArticleFactory(lead_image=make(300, 200, alt_text="Lead"))
    article.topics.add("Ports")  # as the page without pictures has: "More on this story" is asked
    for i in range(n):
        if i % 2:
            target = ArticleFactory(
                headline=f"Target {i}", lead_image=make(301 + i, 200, alt_text=f"Target {i}")
            )
            RelatedLinkFactory(article=article, position=i, title=target.headline, target=target)
        else:
            RelatedLinkFactory(
                article=article,
                position=i,
                url="https://example.org/",
                image=make(301 + i, 200, alt_text=f"Own {i}"),
            )
    return article


@pytest.mark.parametrize("n", [1, 20])
def test_article_page_queries_stay_the_same_with_1_or_20_pictures(
    client, make_image, django_assert_num_queries, n
):
    article = pictures_article(make_image, n)
    # As an article page without pictures (tests/articles/test_article_page.py), corrections included.
    with django_assert_num_queries(9 + BODY_QUERY + VERSION_QUERY + NAV_QUERY):
        response = client.get(article.get_absolute_url())
    assert response.content.decode().count("<picture>") == 1 + n


@pytest.mark.parametrize("n", [1, 20])
def test_a_listing_of_teasers_with_pictures_costs_the_same_queries(
    client, make_image, django_assert_num_queries, n
):
    for i in range(n):
        BylineFactory(article=ArticleFactory(lead_image=make_image(300 + i, 200))).article.topics.add(
            "Energy"
        )
    # The same as a topic page without pictures: the topic, the page (and one more), the bylines.
    with django_assert_num_queries(3 + VERSION_QUERY + NAV_QUERY):
        response = client.get(reverse("articles:topic", kwargs={"slug": "energy"}))
    assert response.content.decode().count('class="teaser has-picture"') == n


def test_editing_a_caption_in_the_library_reaches_the_cached_page(
    client, pictured, django_capture_on_commit_callbacks
):
    url = pictured.get_absolute_url()
    assert "The harbour at dawn." in client.get(url).content.decode()
    image = pictured.lead_image
    image.caption = "The harbour at first light."
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert "The harbour at first light." in client.get(url).content.decode()
