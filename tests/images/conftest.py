import pytest

from images.library import add_image
from images.renditions import make_renditions

from .pictures import photo


@pytest.fixture
def make_image(db):
    """Add a picture to the library (renditions made unless ``renditions=False``)."""

    def make(width=640, height=480, *, renditions=True, fmt="JPEG", name=None, **details):
        details.setdefault("alt_text", "A test picture")
        content = photo(width, height, fmt=fmt)
        name = name or f"test-{width}x{height}.{fmt.lower()}"
        image = add_image(content=content, name=name, **details).image
        if renditions:
            make_renditions(image)
        return image

    return make
