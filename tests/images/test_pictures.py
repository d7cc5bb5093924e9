"""The picture as HTML: <picture> with WebP and fallback srcsets, sizes, width/height, loading."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from PIL import Image as PILImage

from images.models import Image
from images.pictures import ARTICLE_SIZES, picture_html

pytestmark = pytest.mark.django_db

URL = re.compile(
    r"/media/__processed__/[0-9a-f]{3}/[0-9a-f]{3}/test-2400x1600-[0-9a-f]{8}-[0-9a-f]{12}\.(webp|jpg)"
)


def placeholders(html: str) -> str:
    return URL.sub(lambda m: f"[{m.group(1)}]", html)


class Elements(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def srcset(value: str) -> list[tuple[str, int]]:
    return [(url, int(width.removesuffix("w"))) for url, width in (c.split() for c in value.split(", "))]


WEBP_SET = ", ".join(f"[webp] {w}w" for w in (160, 240, 320, 480, 640, 720, 800, 960, 1280, 1600, 1920))
JPEG_SET = ", ".join(f"[jpg] {w}w" for w in (160, 240, 320, 480, 640, 720, 800, 960, 1280, 1600, 1920))


def test_picture_html_is_exactly_a_webp_source_and_a_lazy_fallback_img(make_image):
    image = make_image(2400, 1600, alt_text="Boats in the harbour")
    html = picture_html(image, sizes="(min-width: 42rem) 40rem, 100vw")
    assert placeholders(html) == (
        f'<picture><source type="image/webp" srcset="{WEBP_SET}" sizes="(min-width: 42rem) 40rem, 100vw">'
        f'<img src="[jpg]" srcset="{JPEG_SET}" sizes="(min-width: 42rem) 40rem, 100vw" '
        'width="1920" height="1280" alt="Boats in the harbour" loading="lazy" decoding="async"></picture>'
    )


def test_every_srcset_candidate_is_a_stored_file_of_that_width(make_image):
    image = make_image(2400, 1600)
    elements = dict(Elements(picture_html(image)).found)
    candidates = srcset(elements["source"]["srcset"]) + srcset(elements["img"]["srcset"])
    for url, width in candidates:
        with image.file.storage.open(url.removeprefix("/media/")) as stored:
            assert PILImage.open(io.BytesIO(stored.read())).size == (width, round(width * 1600 / 2400))
    # The plain src (browsers without srcset) is the 960-pixel JPEG.
    assert (elements["img"]["src"], 960) in srcset(elements["img"]["srcset"])


def test_lead_pictures_are_eager_with_high_fetch_priority(make_image):
    html = picture_html(make_image(2400, 1600), lead=True)
    img = dict(Elements(html).found)["img"]
    assert img["loading"] == "eager"
    assert img["fetchpriority"] == "high"
    assert "decoding" not in img
    assert html.endswith(' loading="eager" fetchpriority="high"></picture>')


def test_the_default_sizes_are_the_article_column(make_image):
    elements = dict(Elements(picture_html(make_image(2400, 1600))).found)
    assert elements["source"]["sizes"] == elements["img"]["sizes"] == ARTICLE_SIZES
    assert ARTICLE_SIZES == "(min-width: 42rem) 40rem, calc(100vw - 2rem)"


def test_a_crop_has_the_crop_s_widths_and_proportions(make_image):
    html = picture_html(make_image(2400, 1600), crop="16:9", sizes="20rem", css_class="teaser-picture")
    elements = dict(Elements(html).found)
    assert [w for _url, w in srcset(elements["source"]["srcset"])] == [
        160,
        240,
        320,
        480,
        640,
        800,
        960,
        1200,
        1600,
    ]
    img = elements["img"]
    assert (img["width"], img["height"], img["class"], img["sizes"]) == (
        "1600",
        "900",
        "teaser-picture",
        "20rem",
    )


def test_alt_text_is_escaped_and_may_be_overridden(make_image):
    image = make_image(800, 600, alt_text='A sign reading "<closed>"')
    assert 'alt="A sign reading &quot;&lt;closed&gt;&quot;"' in picture_html(image)
    assert 'alt=""' in picture_html(image, alt="")


def test_before_its_renditions_exist_the_stored_picture_is_shown(make_image):
    image = make_image(800, 600, renditions=False, alt_text="Fresh upload")
    assert picture_html(image) == (
        f'<img src="{image.file.url}" width="800" height="600" alt="Fresh upload" '
        'loading="lazy" decoding="async">'
    )


def test_no_image_renders_nothing():
    assert picture_html(None) == ""


def test_the_template_tags_render_the_picture_and_the_figure(make_image):
    image = make_image(1200, 800, caption="Boats return.", credit="Photograph: Ana Lima/Reuters")
    template = Template(
        "{% load images %}{% picture image sizes='50vw' lead=True %}|"
        "{% figure image sizes='50vw' %}|{% figure image caption='Our caption' credit='' %}|{% figure None %}"
    )
    tag, figure, override, empty = template.render(Context({"image": image})).split("|")
    assert tag == picture_html(image, sizes="50vw", lead=True)
    assert figure == (
        f'<figure class="picture">{picture_html(image, sizes="50vw")}<figcaption>'
        '<span class="caption">Boats return.</span> <span class="credit">Photograph: Ana Lima/Reuters</span>'
        "</figcaption></figure>\n"
    )
    assert override.endswith('<figcaption><span class="caption">Our caption</span></figcaption></figure>\n')
    assert empty == "\n"


@pytest.mark.parametrize("count", [1, 20])
def test_rendering_pictures_costs_one_query_whatever_their_number(
    make_image, django_assert_num_queries, count
):
    for n in range(count):
        make_image(320 + n, 240, name=f"p{n}.jpg")
    template = Template(
        "{% load images %}{% for image in images %}{% picture image sizes='10rem' %}{% endfor %}"
    )
    with django_assert_num_queries(1):
        html = template.render(Context({"images": Image.objects.all()}))
    assert html.count("<picture>") == count


# Standard viewports (CSS pixels) and screen densities; the slot is the article column.
VIEWPORTS = [320, 360, 375, 390, 412, 768, 1024, 1280, 1440, 1920]
DENSITIES = [1, 1.5, 2, 2.625, 3]


def article_slot(viewport: int) -> float:
    return 640 if viewport >= 672 else viewport - 32  # ARTICLE_SIZES at 16 px to the rem


def test_no_viewport_gets_a_picture_more_than_twice_its_displayed_size(make_image):
    """What a browser picks from srcset: the narrowest candidate at least slot x density wide."""
    image = make_image(2400, 1600)
    available = [w for _url, w in srcset(dict(Elements(picture_html(image)).found)["source"]["srcset"])]
    for viewport in VIEWPORTS:
        for density in DENSITIES:
            needed = article_slot(viewport) * density
            chosen = next((w for w in available if w >= needed), available[-1])
            assert chosen <= 2 * needed, (viewport, density, chosen)
            # And never more than 1.5x: the ladder's widest step.
            assert chosen <= 1.5 * needed or chosen == available[0], (viewport, density, chosen)
