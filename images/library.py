"""Adding pictures to the library from code: the importer, the sample content, scripts.

``add_image`` is the one way in besides the admin's upload form, and goes through the same
checks. It finds a picture already in the library by the hash of what would be stored, so
importing the same file twice (or an exported picture into the site it came from) adds one.
"""

from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from .models import Image
from .uploads import PreparedImage, check_size, prepare_image


@dataclass(frozen=True)
class AddedImage:
    image: Image
    created: bool  # False: the library already had this picture (its details are left as they were)
    prepared: PreparedImage


def add_image(
    *,
    path: Path | str | None = None,
    content: bytes | None = None,
    name: str = "",
    alt_text: str = "",
    caption: str = "",
    credit: str = "",
    source: str = "",
    focal_point: tuple[float, float] = (0.5, 0.5),
    uploaded_by=None,
) -> AddedImage:
    """Add a picture from a file ``path`` or from ``content`` bytes (then ``name`` names it).

    Raises ``images.uploads.InvalidImage`` with an editor's message when it is not acceptable;
    nothing is stored then.
    """
    if (path is None) == (content is None):
        raise TypeError("add_image() takes either path or content")
    if path is not None:
        path = Path(path)
        check_size(path.stat().st_size, name=path.name)
        content = path.read_bytes()
        name = name or path.name
    prepared = prepare_image(content, name=name or "picture")
    existing = Image.objects.filter(sha256=prepared.sha256).first()
    if existing is not None:
        return AddedImage(existing, created=False, prepared=prepared)
    image = Image(
        alt_text=alt_text,
        caption=caption,
        credit=credit,
        source=source,
        focal_x=focal_point[0],
        focal_y=focal_point[1],
        uploaded_by=uploaded_by,
    )
    apply_prepared(image, prepared)
    try:
        with transaction.atomic():
            image.save()
    except IntegrityError:
        # Another process added the same picture meanwhile: use theirs, drop our copy.
        image.file.delete(save=False)
        found = Image.objects.filter(sha256=prepared.sha256).first()
        if found is None:
            raise
        return AddedImage(found, created=False, prepared=prepared)
    return AddedImage(image, created=True, prepared=prepared)


def apply_prepared(image: Image, prepared: PreparedImage) -> None:
    """Give an unsaved image the checked file and what was learnt from it."""
    image.sha256 = prepared.sha256
    image.has_alpha = prepared.has_alpha
    image.file = ContentFile(prepared.content, name=prepared.name)
    image.width, image.height = prepared.width, prepared.height
