"""Checking an uploaded picture and making the copy the library keeps.

Nothing is trusted from the file's name or declared type: the bytes are decoded by Pillow.
A picture is refused when it is too many bytes, too many pixels (checked from the header,
before any pixel is decoded: decompression bombs never reach memory), not a still JPEG,
PNG, WebP or GIF, or damaged.

What is kept is what may be served: the pixels turned upright by their EXIF orientation
and the colour profile, and nothing else: no EXIF (GPS position, camera serial number,
owner's name, time), no XMP, no IPTC, no comments, no text chunks. A file that carries none
of that is kept byte for byte, so importing an exported picture again finds the same one.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from PIL import Image, ImageOps, UnidentifiedImageError

# Formats accepted, with the extension the kept file gets.
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
FORMAT_NAMES = "JPEG, PNG, WebP or GIF"
# Quality of a JPEG that had to be encoded again (turned upright, or stripped of metadata):
# high, because every rendition is made from it.
MASTER_JPEG_QUALITY = 92
MASTER_WEBP_QUALITY = 92
# Pillow's info keys that say nothing about who, where or when: kept files may carry them.
HARMLESS_INFO = {
    "icc_profile",
    "dpi",
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "progressive",
    "progression",
    "adobe",
    "adobe_transform",
    "gamma",
    "srgb",
    "chromaticity",
    "transparency",
    "background",
    "aspect",
    "interlace",
    "version",
    "duration",
    "loop",
    "timestamp",
}
# JPEG segments allowed in a file kept as it is: JFIF (APP0), ICC profile (APP2), Adobe (APP14).
HARMLESS_JPEG_MARKERS = {"APP0", "APP2", "APP14"}
EXIF_ORIENTATION = 0x0112
EXIF_GPS_IFD = 0x8825


class InvalidImage(ValidationError):
    """The upload is not a picture the library can take; the message says why, for an editor."""


@dataclass(frozen=True)
class PreparedImage:
    content: bytes  # what is stored and served
    name: str  # a safe file name with the extension of the real format
    format: str  # Pillow's format name: "JPEG", "PNG", "WEBP", "GIF"
    width: int
    height: int
    has_alpha: bool  # some pixel is not fully opaque
    sha256: str  # of ``content``
    rotated: bool  # the EXIF orientation was applied
    stripped: tuple[str, ...]  # metadata removed, e.g. ("EXIF", "GPS", "XMP")


def max_bytes() -> int:
    return settings.NEWSROOM_IMAGE_MAX_BYTES


def max_pixels() -> int:
    return settings.NEWSROOM_IMAGE_MAX_PIXELS


def check_size(size: int, *, name: str) -> None:
    """Refuse a file too large before reading it."""
    if size > max_bytes():
        raise InvalidImage(
            f"“{name}” is {filesizeformat(size)}; a picture may be at most {filesizeformat(max_bytes())}.",
            code="too_large",
        )
    if size == 0:
        raise InvalidImage(f"“{name}” is empty.", code="empty")


def prepare_image(content: bytes, *, name: str) -> PreparedImage:
    """Check ``content`` and return what the library stores. Raises ``InvalidImage``."""
    display = PurePath(name).name or "The file"
    check_size(len(content), name=display)
    picture = _open(content, display)
    _check_pixels(picture.width, picture.height, display)
    if getattr(picture, "n_frames", 1) > 1:
        raise InvalidImage(
            f"“{display}” is animated; upload a still picture ({FORMAT_NAMES}).", code="animated"
        )
    try:
        picture.load()
        has_alpha = _has_alpha(picture)
    except (OSError, ValueError, SyntaxError) as exc:
        raise InvalidImage(
            f"“{display}” is damaged or incomplete and cannot be read ({exc}).", code="damaged"
        ) from exc

    exif = picture.getexif()
    orientation = exif.get(EXIF_ORIENTATION, 1)
    stripped = _identifying_metadata(picture, exif)
    if orientation in (None, 1) and not stripped:
        kept = content
        rotated = False
    else:
        kept = _encode_clean(picture)
        rotated = orientation not in (None, 1)
    width, height = (picture.height, picture.width) if orientation in (5, 6, 7, 8) else picture.size
    stem = slugify(PurePath(name).stem)[:80] or "picture"
    return PreparedImage(
        content=kept,
        name=stem + FORMATS[picture.format],
        format=picture.format,
        width=width,
        height=height,
        has_alpha=has_alpha,
        sha256=hashlib.sha256(kept).hexdigest(),
        rotated=rotated,
        stripped=stripped,
    )


def _open(content: bytes, display: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Pillow warns, then refuses, above its own pixel limit: refuse at once.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(content), formats=list(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InvalidImage(
            f"“{display}” has too many pixels; a picture may have at most "
            f"{max_pixels() / 1_000_000:g} megapixels.",
            code="too_many_pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise InvalidImage(
            f"“{display}” is not a picture we can read: upload a {FORMAT_NAMES} file.",
            code="not_an_image",
        ) from exc


def _check_pixels(width: int, height: int, display: str) -> None:
    if width * height > max_pixels():
        raise InvalidImage(
            f"“{display}” is {width:,} × {height:,} pixels ({width * height / 1_000_000:.0f} "
            f"megapixels); a picture may have at most {max_pixels() / 1_000_000:g} megapixels.",
            code="too_many_pixels",
        )


def _has_alpha(picture: Image.Image) -> bool:
    if picture.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        return picture.getchannel("A").getextrema()[0] < 255
    if picture.mode == "P" and "transparency" in picture.info:
        return picture.convert("RGBA").getchannel("A").getextrema()[0] < 255
    return False


def _identifying_metadata(picture: Image.Image, exif) -> tuple[str, ...]:
    found = []
    if exif:
        found.append("EXIF")
        if exif.get_ifd(EXIF_GPS_IFD):
            found.append("GPS")
    if "xmp" in picture.info or "XML:com.adobe.xmp" in picture.info:
        found.append("XMP")
    if "photoshop" in picture.info:
        found.append("IPTC")
    if "comment" in picture.info:
        found.append("comment")
    known = {"exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment"}
    others = sorted(k for k in picture.info if k not in HARMLESS_INFO and k not in known)
    found += others
    if picture.format == "JPEG":
        markers = {marker for marker, _data in getattr(picture, "applist", [])}
        if markers - HARMLESS_JPEG_MARKERS and not found:
            found.append("APP segments")
    return tuple(found)


def _encode_clean(picture: Image.Image) -> bytes:
    """The upright pixels and colour profile, encoded again with nothing else."""
    icc_profile = picture.info.get("icc_profile")
    transparency = picture.info.get("transparency")
    upright = ImageOps.exif_transpose(picture)
    upright.info = {}
    options: dict = {"format": picture.format}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if picture.format == "JPEG":
        options.update(quality=MASTER_JPEG_QUALITY, optimize=True)
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
    elif picture.format == "WEBP":
        options.update(quality=MASTER_WEBP_QUALITY)
    elif transparency is not None and upright.mode in ("P", "L", "RGB"):
        options["transparency"] = transparency
    buffer = io.BytesIO()
    upright.save(buffer, **options)
    return buffer.getvalue()
