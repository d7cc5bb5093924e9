"""Upload checks: only real, still pictures within the limits; upright; nothing identifying kept."""

import io

import pytest
from PIL import Image, PngImagePlugin

from images.uploads import InvalidImage, prepare_image

from .pictures import photo, png_header_only, with_exif


def refusal(content: bytes, name: str) -> InvalidImage:
    with pytest.raises(InvalidImage) as caught:
        prepare_image(content, name=name)
    return caught.value


def test_a_text_file_named_jpg_is_refused():
    error = refusal(b"Minutes of the editorial meeting\n" * 20, "notes.jpg")
    assert error.messages == [
        "“notes.jpg” is not a picture we can read: upload a JPEG, PNG, WebP or GIF file."
    ]
    assert error.code == "not_an_image"


def test_an_svg_is_refused_whatever_its_name():
    error = refusal(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "logo.png")
    assert error.code == "not_an_image"


def test_a_decompression_bomb_is_refused_from_its_header():
    # 100,000 x 100,000 pixels claimed in 60 bytes: 30 GB if decoded.
    bomb = png_header_only(100_000, 100_000)
    assert len(bomb) < 100
    error = refusal(bomb, "bomb.png")
    assert error.messages == ["“bomb.png” has too many pixels; a picture may have at most 50 megapixels."]
    assert error.code == "too_many_pixels"


def test_a_picture_over_the_pixel_limit_is_refused_with_its_size(settings):
    settings.NEWSROOM_IMAGE_MAX_PIXELS = 1_000_000
    error = refusal(png_header_only(1500, 1000), "panorama.png")
    assert error.messages == [
        "“panorama.png” is 1,500 × 1,000 pixels (2 megapixels); a picture may have at most 1 megapixels."
    ]


def test_a_huge_file_is_refused_before_it_is_decoded(settings):
    settings.NEWSROOM_IMAGE_MAX_BYTES = 100_000
    content = photo(1600, 1200, quality=98)
    assert len(content) > 100_000
    error = refusal(content, "huge.jpg")
    assert error.messages[0].startswith("“huge.jpg” is ")
    assert error.messages[0].endswith("; a picture may be at most 97.7\xa0KB.")
    assert error.code == "too_large"


def test_an_empty_file_is_refused():
    assert refusal(b"", "empty.jpg").messages == ["“empty.jpg” is empty."]


def test_a_truncated_picture_is_refused_as_damaged():
    content = photo(800, 600)
    error = refusal(content[: len(content) // 2], "cut.jpg")
    assert error.code == "damaged"
    assert error.messages[0].startswith("“cut.jpg” is damaged or incomplete and cannot be read")


def test_an_animated_gif_is_refused():
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100)
    assert refusal(buffer.getvalue(), "spinner.gif").messages == [
        "“spinner.gif” is animated; upload a still picture (JPEG, PNG, WebP or GIF)."
    ]


def test_exif_orientation_is_applied_to_the_stored_pixels():
    # A landscape 400 x 200 photo whose camera says "rotate 90° clockwise to view" (orientation 6).
    content = with_exif(photo(400, 200), orientation=6)
    prepared = prepare_image(content, name="phone.jpg")
    stored = Image.open(io.BytesIO(prepared.content))
    assert (prepared.width, prepared.height) == (200, 400) == stored.size
    assert prepared.rotated is True
    assert stored.getexif().get(0x0112) is None
    # The red square, at the top left of the landscape, is at the top right once upright.
    red, _green, blue = stored.convert("RGB").getpixel((200 - 200 // 8 - 10, 400 // 8 + 10))
    assert red > 200 and blue < 60


def test_gps_and_camera_details_are_stripped():
    content = with_exif(photo(300, 200), gps=True, serial="SN-0042")
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(0x8825)  # the upload has a position
    prepared = prepare_image(content, name="scene.jpg")
    assert prepared.stripped == ("EXIF", "GPS")
    stored = Image.open(io.BytesIO(prepared.content))
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info
    assert b"SN-0042" not in prepared.content
    assert b"Examplecam" not in prepared.content


def test_xmp_iptc_and_comments_are_stripped():
    picture = Image.open(io.BytesIO(photo(300, 200)))
    buffer = io.BytesIO()
    picture.save(
        buffer, "JPEG", comment=b"Shot by J. Doe, +44 7700 900123", xmp=b"<x:xmpmeta>Jane Doe</x:xmpmeta>"
    )
    prepared = prepare_image(buffer.getvalue(), name="scene.jpg")
    assert prepared.stripped == ("XMP", "comment")
    assert b"Doe" not in prepared.content


def test_png_text_chunks_are_stripped_and_transparency_kept():
    picture = Image.new("RGBA", (120, 80), (255, 0, 0, 0))
    picture.paste((0, 0, 255, 255), (20, 20, 60, 60))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Jane Doe")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", pnginfo=text)
    prepared = prepare_image(buffer.getvalue(), name="Logo Final.PNG")
    assert prepared.stripped == ("Author",)
    assert prepared.has_alpha is True
    assert prepared.name == "logo-final.png"
    assert b"Jane Doe" not in prepared.content
    assert Image.open(io.BytesIO(prepared.content)).getpixel((0, 0))[3] == 0


def test_a_clean_picture_is_kept_byte_for_byte():
    content = photo(640, 480)
    prepared = prepare_image(content, name="clean.jpg")
    assert prepared.content == content
    assert (prepared.format, prepared.width, prepared.height) == ("JPEG", 640, 480)
    assert prepared.stripped == ()
    assert prepared.rotated is False
    assert prepared.has_alpha is False


def test_the_real_format_names_the_file_not_the_extension():
    prepared = prepare_image(photo(200, 100, fmt="PNG"), name="holiday.jpg")
    assert prepared.format == "PNG"
    assert prepared.name == "holiday.png"


def test_an_opaque_rgba_picture_has_no_transparency():
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 50), (10, 20, 30, 255)).save(buffer, "PNG")
    assert prepare_image(buffer.getvalue(), name="flat.png").has_alpha is False
