"""Renditions: the set each picture gets, made once and reused, crops around the focal point."""

import io
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from PIL import Image

from images.library import add_image
from images.renditions import ORIGINAL, SPECS, make_renditions, rendition_names, renditions
from images.serialize import share_crops

pytestmark = pytest.mark.django_db


def open_rendition(image, rendition) -> Image.Image:
    name = rendition.url.removeprefix("/media/")
    with image.file.storage.open(name) as stored:
        return Image.open(io.BytesIO(stored.read()))


def widths(found, fmt):
    return [r.width for r in found if r.format == fmt]


def test_a_large_picture_gets_the_whole_ladder_in_webp_and_jpeg(make_image):
    image = make_image(2400, 1600)
    found = renditions(image)
    ladder = [160, 240, 320, 480, 640, 720, 800, 960, 1280, 1600, 1920]
    assert widths(found, "webp") == ladder
    assert widths(found, "jpeg") == ladder
    for rendition in found:
        assert rendition.height == round(rendition.width * 1600 / 2400)
        stored = open_rendition(image, rendition)
        assert stored.format == {"webp": "WEBP", "jpeg": "JPEG"}[rendition.format]
        assert stored.size == (rendition.width, rendition.height)


def test_a_picture_narrower_than_the_ladder_stops_at_its_own_width(make_image):
    image = make_image(1000, 500)
    assert widths(renditions(image), "webp") == [160, 240, 320, 480, 640, 720, 800, 960, 1000]
    assert widths(renditions(image, "16:9"), "webp") == [160, 240, 320, 480, 640, 800, 889]
    assert [(c.width, c.height) for c in share_crops(image).values()] == [(889, 500), (667, 500), (500, 500)]


def test_renditions_are_made_once_and_reused(make_image, django_capture_on_commit_callbacks):
    with mock.patch.object(
        FileSystemStorage, "_save", autospec=True, side_effect=FileSystemStorage._save
    ) as save:
        with django_capture_on_commit_callbacks(execute=True):
            image = make_image(1200, 800, renditions=False)
        # The picture itself, then every rendition of the set, once: for 1200 x 800, the whole
        # picture at 160-960 and 1200 (9) and the 16:9 crop at 160-960 and 1200 (8), each in WebP
        # and JPEG, and the 4:3 and 1:1 share crops.
        made = save.call_count - 1
        names = {call.args[1] for call in save.call_args_list[1:]}
        assert made == len(names) == 9 * 2 + 8 * 2 + 2
        # Saving the record again (a new caption), or asking again, writes nothing.
        image.refresh_from_db()
        image.caption = "A new caption"
        with django_capture_on_commit_callbacks(execute=True):
            image.save()
        result = make_renditions(image)
        assert result.skipped is True
        assert save.call_count == made + 1


def test_renditions_missing_from_the_storage_are_made_again(make_image):
    image = make_image(800, 600)
    first = renditions(image)[0]
    image.file.storage.delete(first.url.removeprefix("/media/"))
    image.renditions_fingerprint = ""
    result = make_renditions(image)
    assert (result.made, result.skipped) == (1, False)
    assert result.existing == len(image_files(image)) - 1


def image_files(image):
    return rendition_names(image)


def test_every_spec_of_the_set_has_a_distinct_name(make_image):
    image = make_image(2400, 1600)
    names = list(image_files(image).values())
    assert len(names) == len(set(names)) == len(SPECS)


def test_force_remakes_every_file(make_image):
    image = make_image(640, 480)
    result = make_renditions(image, force=True)
    assert result.made == len(image_files(image))
    assert result.existing == 0


def red_centre(picture: Image.Image) -> tuple[float, float]:
    """Where the red square is in ``picture``, as fractions of its width and height."""
    rgb = picture.convert("RGB")
    points = [
        (x, y)
        for x in range(0, rgb.width, 2)
        for y in range(0, rgb.height, 2)
        if (p := rgb.getpixel((x, y)))[0] > 200 and p[1] < 80 and p[2] < 80
    ]
    assert points, "the red square is not in the crop"
    return (
        sum(x for x, _ in points) / len(points) / rgb.width,
        sum(y for _, y in points) / len(points) / rgb.height,
    )


@pytest.mark.parametrize("shape", ["16:9", "4:3", "1:1"])
def test_crops_keep_the_focal_point_in_view(make_image, shape):
    # The red square of the test photo is at 12.5%-25% across and down: put the focal point on it.
    image = make_image(1600, 1200, focal_point=(0.19, 0.19))
    crop = share_crops(image)[shape]
    picture = open_rendition(image, crop)
    assert (picture.width, picture.height) == (crop.width, crop.height)
    assert picture.width / picture.height == pytest.approx(
        {"16:9": 16 / 9, "4:3": 4 / 3, "1:1": 1.0}[shape], abs=0.01
    )
    x, y = red_centre(picture)
    # A centred crop of a 4:3 picture to 1:1 would cut the square off entirely; this one holds it.
    assert 0 <= x < 0.5 and 0 <= y < 0.5


def test_a_centred_focal_point_crops_the_middle(make_image):
    image = make_image(1600, 900, focal_point=(0.5, 0.5))
    crop = open_rendition(image, share_crops(image)["1:1"])
    # The square crop of a 16:9 picture about its centre starts at 350 of 1600: the red square
    # (200-400 across) is cut to its last 50 pixels, at the crop's left edge.
    x, _y = red_centre(crop)
    assert x < 0.06


def test_moving_the_focal_point_renames_and_remakes_only_the_crops(make_image):
    image = make_image(1600, 1200, focal_point=(0.5, 0.5))
    before_whole = renditions(image, ORIGINAL)
    before_crops = share_crops(image)
    image.focal_x, image.focal_y = 0.1, 0.9
    image.save()
    assert not image.renditions_ready
    result = make_renditions(image)
    crop_files = sum(1 for spec in image_files(image) if spec.shape != ORIGINAL)
    assert result.made == crop_files
    assert result.removed == crop_files  # the crops around the old point are gone
    assert renditions(image, ORIGINAL) == before_whole
    assert all(share_crops(image)[shape].url != before_crops[shape].url for shape in before_crops)


def test_renditions_carry_no_metadata_and_no_colour_profile(make_image):
    image = make_image(800, 600)
    for rendition in renditions(image)[:4] + list(share_crops(image).values()):
        stored = open_rendition(image, rendition)
        assert "exif" not in stored.info and "xmp" not in stored.info and "icc_profile" not in stored.info


def test_a_transparent_picture_falls_back_to_png(db):
    picture = Image.new("RGBA", (640, 400), (0, 0, 0, 0))
    picture.paste((200, 30, 30, 255), (100, 100, 300, 300))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = add_image(content=buffer.getvalue(), name="logo.png").image
    make_renditions(image)
    found = renditions(image)
    assert {r.format for r in found} == {"webp", "png"}
    webp = open_rendition(image, found[-1] if found[-1].format == "webp" else found[-2])
    assert webp.mode == "RGBA" and webp.getpixel((0, 0))[3] == 0


def test_no_renditions_are_listed_until_they_are_made(make_image):
    image = make_image(800, 600, renditions=False)
    assert image.renditions_ready is False
    assert renditions(image) == []
