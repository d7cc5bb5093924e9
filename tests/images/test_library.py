"""Adding pictures from code (the importer's way in), and the sample pictures."""

import pytest
from django.core.management import call_command

from images.library import add_image
from images.models import Image
from images.samples import SAMPLES, load_sample_images
from images.uploads import InvalidImage

from .pictures import photo, with_exif

pytestmark = pytest.mark.django_db


def test_a_picture_is_added_from_a_file_beside_a_document(tmp_path):
    path = tmp_path / "pictures" / "Harbour at Dawn.JPG"
    path.parent.mkdir()
    path.write_bytes(photo(640, 480))
    added = add_image(path=path, alt_text="Boats", caption="Boats return.", credit="Photograph: A. Lima")
    image = added.image
    assert added.created is True
    assert (image.alt_text, image.caption, image.credit, image.width, image.height) == (
        "Boats",
        "Boats return.",
        "Photograph: A. Lima",
        640,
        480,
    )
    assert image.file.name.startswith("images/")
    assert image.file.name.endswith(f"/harbour-at-dawn-{image.sha256[:8]}.jpg")
    assert image.file.read() == path.read_bytes()


def test_the_same_picture_is_found_again_by_its_content(tmp_path):
    content = with_exif(photo(640, 480), gps=True)
    first = add_image(content=content, name="a.jpg", caption="First")
    again = add_image(content=content, name="b.jpg", caption="Second")
    assert (first.created, again.created) == (True, False)
    assert again.image.pk == first.image.pk
    assert again.image.caption == "First"
    # The stored copy (GPS stripped) is found too: an exported picture imported into its own site.
    exported = tmp_path / "exported.jpg"
    exported.write_bytes(first.image.file.read())
    assert add_image(path=exported).image.pk == first.image.pk
    assert Image.objects.count() == 1


def test_a_bad_file_is_refused_and_nothing_is_stored(tmp_path):
    with pytest.raises(InvalidImage, match="“notes.jpg” is not a picture we can read"):
        add_image(content=b"not a picture", name="notes.jpg")
    assert Image.objects.count() == 0
    assert not list((tmp_path.parent).glob("**/notes*"))


def test_add_image_takes_a_path_or_content_not_both():
    with pytest.raises(TypeError):
        add_image()
    with pytest.raises(TypeError):
        add_image(path="x.jpg", content=b"")


def test_the_sample_pictures_load_once_with_their_words():
    first = load_sample_images()
    assert [created for _image, created in first] == [True] * len(SAMPLES)
    again = load_sample_images()
    assert [created for _image, created in again] == [False] * len(SAMPLES)
    assert Image.objects.count() == len(SAMPLES) == 8
    for (image, _created), sample in zip(first, SAMPLES, strict=True):
        assert image.alt_text == sample.alt_text
        assert image.credit == "Illustration: Newsroom sample pictures"
        assert (image.width, image.height) == (2400, 1600)
        assert image.focal_point == sample.focal_point
        assert 50_000 < image.file.size < 400_000


def test_the_sample_command_reports_what_it_did(capsys):
    call_command("load_sample_images")
    call_command("load_sample_images")
    out = capsys.readouterr().out
    assert out.count("created: ") == 8
    assert out.count("unchanged: ") == 8
    assert "8 sample pictures are in the library." in out
