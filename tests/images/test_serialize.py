"""The JSON API's image object and the share crops for structured data."""

import pytest
from django.test import RequestFactory

from images.renditions import renditions
from images.serialize import image_data, share_crops, structured_data_urls

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_host(settings):
    settings.ALLOWED_HOSTS = ["news.example.com"]


def test_image_data_has_the_api_shape_with_absolute_urls(make_image):
    image = make_image(1000, 500, alt_text="Boats", caption="Boats return.", credit="Photograph: A. Lima")
    request = RequestFactory().get("/", HTTP_HOST="news.example.com", secure=True)
    data = image_data(image, request=request)
    assert list(data) == ["alt", "caption", "credit", "width", "height", "src", "renditions"]
    assert (data["alt"], data["caption"], data["credit"], data["width"], data["height"]) == (
        "Boats",
        "Boats return.",
        "Photograph: A. Lima",
        1000,
        500,
    )
    found = renditions(image)
    assert data["renditions"] == [
        {"url": f"https://news.example.com{r.url}", "width": r.width, "format": r.format} for r in found
    ]
    assert [(r["width"], r["format"]) for r in data["renditions"]][:4] == [
        (160, "jpeg"),
        (160, "webp"),
        (240, "jpeg"),
        (240, "webp"),
    ]
    src = next(r for r in found if r.width == 960 and r.format == "jpeg")
    assert data["src"] == f"https://news.example.com{src.url}"


def test_image_data_without_a_request_has_site_relative_urls(make_image):
    data = image_data(make_image(400, 300))
    assert data["src"].startswith("/media/__processed__/")
    # Below the default width, src is the widest fallback: the picture's own 400 pixels.
    assert data["src"] == next(
        r["url"] for r in data["renditions"] if r["width"] == 400 and r["format"] == "jpeg"
    )


def test_image_data_points_at_the_stored_picture_until_renditions_exist(make_image):
    image = make_image(400, 300, renditions=False)
    data = image_data(image)
    assert data["src"] == image.file.url
    assert data["renditions"] == []


def test_share_crops_are_1200_pixel_jpegs_in_the_three_ratios(make_image):
    image = make_image(2400, 1600)
    crops = share_crops(image)
    assert {shape: (c.width, c.height, c.mime_type) for shape, c in crops.items()} == {
        "16:9": (1200, 675, "image/jpeg"),
        "4:3": (1200, 900, "image/jpeg"),
        "1:1": (1200, 1200, "image/jpeg"),
    }
    request = RequestFactory().get("/", HTTP_HOST="news.example.com")
    assert structured_data_urls(image, request=request) == [
        f"http://news.example.com{crops[shape].url}" for shape in ("16:9", "4:3", "1:1")
    ]
