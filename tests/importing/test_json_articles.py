"""JSON articles in the API's shape: export, validation with JSON paths, and the round trip."""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, BodyBlock, RelatedLink
from images.models import Image
from images.renditions import make_renditions
from people.models import Author, Person
from tests.articles.body_helpers import picture, rich_article
from tests.factories import BylineFactory, QuoteFactory, RelatedLinkFactory, country

from .test_load import run_import

pytestmark = pytest.mark.django_db

# An import is a change of the article: its update time is the import's. Everything else is the same.
UPDATE_TIMES = [
    re.compile(r'<meta property="article:modified_time" content="[^"]*">'),
    re.compile(r'"dateModified": "[^"]*"'),
    re.compile(r'<span class="updated">.*?</span></span>|<span class="updated">.*?</time></span>'),
]


def page(client, slug: str) -> str:
    cache.clear()  # the page itself, not a copy cached before the import (no commit in a test)
    html = client.get(Article.objects.get(slug=slug).get_absolute_url()).content.decode()
    for pattern in UPDATE_TIMES:
        html = pattern.sub("", html)
    return html


def story():
    article = rich_article(
        paragraphs=6, images=2, quotes=1, embeds=2, headline="Delta floods reach the city",
        published_at=timezone.now().replace(microsecond=0) - timedelta(days=2),
    )  # fmt: skip
    BylineFactory(article=article, author__name="Ana Souza", location="Porto Alegre", position=0)
    speaker = Person.objects.get(pk=BodyBlock.objects.get(article=article, kind="quote").person_id)
    article.people.add(speaker)
    QuoteFactory(article=article, speaker=speaker, text="We were ready.", position=0)
    RelatedLinkFactory(
        article=article,
        title="Earlier floods",
        position=0,
        byline="Andrew Roth in Moscow",
        authors=[{"name": "Andrew Roth", "location": "Moscow", "role": ""}],
        published_at=timezone.now().replace(second=0, microsecond=0) - timedelta(days=30),
        image=picture(10),
    )
    article.topics.add("Floods")
    article.countries.add(country("BR"))
    lead = {"lead_image": picture(9), "lead_image_caption": "The river at dawn"}
    Article.objects.filter(pk=article.pk).update(**lead)
    return article


def empty_the_site(settings, tmp_path):
    for model in (Article, Image, Person, Author, RelatedLink):
        model.objects.all().delete()
    settings.MEDIA_ROOT = tmp_path / "second-site-media"


def test_export_then_import_into_an_empty_site_gives_the_same_page(client, settings, tmp_path):
    article = story()
    before = page(client, article.slug)
    call_command("export_articles", str(tmp_path / "export"))
    exported = json.loads((tmp_path / "export" / f"{article.slug}.json").read_text(encoding="utf-8"))
    assert [block["type"] for block in exported["body"]].count("image") == 2
    assert exported["body"][1]["image"]["src"].startswith("images/")

    empty_the_site(settings, tmp_path)
    (line,), status = run_import(tmp_path / "export", "--publish")
    for image in Image.objects.all():
        make_renditions(image)

    assert (status, line["status"]) == (0, "created")
    assert page(client, article.slug) == before
    assert before.count('class="picture block-image') == 2 and "Who said what" in before
    assert before.count("<picture>") == 4  # the lead, two in the body, the related link's


def test_what_the_api_gives_is_what_the_import_takes(client, settings, tmp_path):
    article = story()
    call_command("export_articles", str(tmp_path))
    api = client.get(f"/api/articles/{article.slug}/").json()
    exported = json.loads((tmp_path / f"{article.slug}.json").read_text(encoding="utf-8"))
    assert set(api) == set(exported)
    assert [b["type"] for b in api["body"]] == [b["type"] for b in exported["body"]]


def write(tmp_path, data: dict, name: str = "story.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def minimal(**fields) -> dict:
    return {"slug": "a-story", "headline": "A story", "standfirst": "", "body": [], **fields}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            [{"type": "video", "url": "x"}],
            "$.body[0].type: 'video' is not one of ['text', 'image', 'quote', 'embed', 'aside']",
        ),
        ([{"type": "text"}], "$.body[0]: 'html' is a required property"),
        ([{"type": "quote", "speaker": "A", "text": "B"}], "$.body[0]: 'person' is a required property"),
        (
            [{"type": "embed", "url": "https://evil.example/v/1", "provider": "youtube"}],
            "$.body[0].url: not an address of YouTube",
        ),
        (
            [
                {
                    "type": "image",
                    "size": "wide",
                    "image": {
                        "alt": "",
                        "caption": "",
                        "credit": "",
                        "width": 1,
                        "height": 1,
                        "src": "images/missing.jpg",
                        "renditions": [],
                    },
                }
            ],
            "$.body[0].image.src: no file “images/missing.jpg” beside the JSON file",
        ),
        (
            [
                {
                    "type": "image",
                    "size": "wide",
                    "image": {
                        "alt": "",
                        "caption": "",
                        "credit": "",
                        "width": 1,
                        "height": 1,
                        "src": "../../secret.jpg",
                        "renditions": [],
                    },
                }
            ],
            "$.body[0].image.src: “../../secret.jpg” must be a file beside the JSON file",
        ),
    ],
    ids=[
        "unknown-type",
        "missing-field",
        "missing-person",
        "unsupported-embed",
        "missing-image",
        "outside-image",
    ],
)
def test_a_bad_json_article_is_reported_with_its_json_path_and_nothing_is_written(tmp_path, body, message):
    path = write(tmp_path, minimal(body=[{"type": "text", "html": "<p>Fine.</p>"}, *body]).copy())
    data = json.loads(path.read_text())
    data["body"] = body
    write(tmp_path, data)
    (line,), status = run_import(path)
    assert (status, line["status"]) == (1, "error")
    assert message in line["error"]
    assert line["error"].startswith(f"{path}: ")
    assert not Article.objects.exists() and not BodyBlock.objects.exists()


def test_unsafe_html_is_sanitised_and_reported_as_changed(tmp_path):
    body = [
        {
            "type": "text",
            "html": '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:x()">a</a></p>',
        },
        {"type": "aside", "title": "Facts", "html": "<p style='color:red'>One</p>"},
    ]
    (line,), status = run_import(write(tmp_path, minimal(body=body)))
    assert (status, line["status"]) == (0, "created")
    assert list(BodyBlock.objects.values_list("html", flat=True)) == ["<p>Hi <a>a</a></p>", "<p>One</p>"]
    assert line["notes"] == [
        "$.body[0].html: changed by the sanitiser (unsafe or unknown markup removed)",
        "$.body[1].html: changed by the sanitiser (unsafe or unknown markup removed)",
    ]


def test_a_file_that_is_not_json_is_reported(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    (line,), status = run_import(path)
    assert status == 1 and "$: not a JSON document" in line["error"]
