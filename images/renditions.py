"""The rendition set: the widths, formats and focal-point crops every picture is served in.

The set is data (``SPECS``): a width ladder of the whole picture, a 16:9 ladder for teasers,
and one 1200-pixel crop in each of 16:9, 4:3 and 1:1 for OpenGraph, the Twitter card and
JSON-LD. Each rendition is made in WebP and in a fallback (JPEG, or PNG when the picture has
transparency), except the share crops, which social sites and search engines want as JPEG/PNG.

django-imagefield does the bookkeeping: a rendition's file name is a hash of the picture's
name, the processing spec and the focal point, so its URL is computed without touching the
storage or the database, and ``process()`` writes it to the storage. The spec's arguments
include the encoder settings, so changing the set or the quality gives new names, never a
stale file under an old name: rendition URLs can be cached for ever.

``make_renditions(image)`` makes whatever of the set is missing. It is what the task
``images.tasks.make_renditions`` runs after an image is saved (``receivers.py``).
"""

import hashlib
import io
import logging
import math
import posixpath
import re
from dataclasses import dataclass

from imagefield.processing_pillow import register_pillow
from PIL import Image as PILImage
from PIL import ImageCms

logger = logging.getLogger(__name__)

WEBP = "webp"
FALLBACK = "fallback"  # JPEG, or PNG for a picture with transparency
ORIGINAL = "original"  # the whole picture, in its own proportions

WEBP_QUALITY = 80
JPEG_QUALITY = 82
# Widths of the whole picture. Neighbours differ by at most 1.5x, so whatever slot and pixel
# density the browser fills, the file it picks is at most 1.5x the pixels it needs.
# 720 because a 380-px phone column at Lighthouse's 1.75 density needs 665 pixels: 800 would be
# more than twice the column's CSS width.
WIDTHS = (160, 240, 320, 480, 640, 720, 800, 960, 1280, 1600, 1920)
# Widths of 16:9 crops, for teasers and cards that want one shape whatever the picture's; 160
# and 240 for teasers' 7.5rem thumbnails on phones (210 pixels at 1.75 density).
WIDE_WIDTHS = (160, 240, 320, 480, 640, 800, 960, 1200, 1600)
# Crops for structured data: Google asks for 16:9, 4:3 and 1:1, at least 1200 pixels wide
# where the picture allows.
SHARE_WIDTH = 1200
SHARE_CROPS = ("16:9", "4:3", "1:1")
RATIOS = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}
# The <img src> for browsers without srcset, and the API's "src": the fallback nearest this.
DEFAULT_SRC_WIDTH = 960

MIME_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
EXTENSIONS = {"webp": ".webp", "jpeg": ".jpg", "png": ".png"}


@dataclass(frozen=True)
class Spec:
    """One rendition of the set: a shape (``ORIGINAL`` or a ratio), a nominal width and a format."""

    shape: str
    width: int
    format: str  # WEBP or FALLBACK

    @property
    def key(self) -> str:
        """The django-imagefield format name."""
        return f"{self.shape.replace(':', 'x')}-{self.width}-{self.format}"

    @property
    def ladder(self) -> tuple[int, ...]:
        if self.shape == ORIGINAL:
            return WIDTHS
        if self.shape == "16:9" and self.width in WIDE_WIDTHS:
            return WIDE_WIDTHS
        return (SHARE_WIDTH,)


def _build_specs() -> tuple[Spec, ...]:
    specs = [Spec(ORIGINAL, w, f) for w in WIDTHS for f in (WEBP, FALLBACK)]
    specs += [Spec("16:9", w, f) for w in WIDE_WIDTHS for f in (WEBP, FALLBACK)]
    specs += [Spec(shape, SHARE_WIDTH, FALLBACK) for shape in SHARE_CROPS if shape != "16:9"]
    return tuple(specs)


SPECS = _build_specs()


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.format]


def shape_size(width: int, height: int, shape: str) -> tuple[int, int]:
    """The largest region of ``shape`` a ``width`` x ``height`` picture holds."""
    if shape == ORIGINAL:
        return width, height
    a, b = RATIOS[shape]
    if width * b >= height * a:
        return max(1, round(height * a / b)), height
    return width, max(1, round(width * b / a))


def planned_width(spec: Spec, width: int, height: int) -> int | None:
    """The width this spec's file has for a picture of this size, or None when it is not made.

    Widths above what the picture holds are not made, except that the first of them is made
    at the picture's own width, so the set always reaches the full resolution.
    """
    usable = shape_size(width, height, spec.shape)[0]
    if spec.width <= usable:
        return spec.width
    smaller = [w for w in spec.ladder if w < spec.width]
    if not smaller or max(smaller) < usable:
        return usable
    return None


def rendition_size(spec: Spec, width: int, height: int) -> tuple[int, int] | None:
    out_width = planned_width(spec, width, height)
    if out_width is None:
        return None
    region_w, region_h = shape_size(width, height, spec.shape)
    return out_width, max(1, round(out_width * region_h / region_w))


def output_format(spec: Spec, *, has_alpha: bool) -> str:
    if spec.format == WEBP:
        return "webp"
    return "png" if has_alpha else "jpeg"


def focal_box(width: float, height: float, shape: str, focal: tuple[float, float]) -> tuple[float, ...]:
    """The crop of ``shape`` centred as near the focal point as the picture's edges allow."""
    crop_w, crop_h = shape_size(round(width), round(height), shape)
    crop_w, crop_h = min(crop_w, width), min(crop_h, height)
    left = min(max(focal[0] * width - crop_w / 2, 0), width - crop_w)
    top = min(max(focal[1] * height - crop_h / 2, 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


_SRGB = ImageCms.createProfile("sRGB")


def _to_srgb(image: PILImage.Image, mode: str) -> PILImage.Image:
    """Pixels in sRGB without a profile: what browsers assume, and smaller than embedding one."""
    icc = image.info.get("icc_profile")
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if "srgb" not in ImageCms.getProfileDescription(profile).lower().replace(" ", ""):
                converted = ImageCms.profileToProfile(image, profile, _SRGB, outputMode=mode)
                if converted is not None:
                    return converted
        except (OSError, ImageCms.PyCMSError):
            pass  # a broken profile: convert the numbers as they are
    if image.mode == mode:
        return image
    if image.mode == "P" or image.mode == "CMYK":
        image = image.convert("RGBA" if mode == "RGBA" else "RGB")
    return image.convert(mode)


@register_pillow
def newsroom_rendition(get_image, shape, width, height, fmt, quality, has_alpha):
    """django-imagefield processor: crop to ``shape`` around the focal point, resize, encode."""

    def processor(image, context):
        image = get_image(image, context)
        if image.format == "JPEG":
            # Decode at the smallest power-of-two scale still larger than needed: much faster.
            region_w, region_h = shape_size(*image.size, shape)
            scale = width / region_w
            image.draft(None, (math.ceil(image.width * scale), math.ceil(image.height * scale)))
        image = _to_srgb(image, "RGBA" if has_alpha else "RGB")
        box = focal_box(image.width, image.height, shape, context.ppoi) if shape != ORIGINAL else None
        image = image.resize((width, height), PILImage.Resampling.LANCZOS, box=box, reducing_gap=2.0)
        image.info = {}  # nothing of the source's metadata goes into a rendition
        context.save_kwargs.update(
            {
                "webp": {"format": "WEBP", "quality": quality, "method": 4},
                "jpeg": {"format": "JPEG", "quality": quality, "optimize": True, "progressive": True},
                "png": {"format": "PNG", "optimize": True},
            }[fmt]
        )
        return image

    return processor


def _spec_function(spec: Spec):
    """A django-imagefield format spec: decides the processing from the image record's fields."""

    def build(fieldfile, context):
        image = fieldfile.instance
        size = rendition_size(spec, image.width, image.height) if image.width and image.height else None
        if size is None:
            context.name = ""
            context.processors = []
            return
        fmt = output_format(spec, has_alpha=image.has_alpha)
        context.extension = EXTENSIONS[fmt]
        # The focal point only names (and changes) the crops.
        context.ppoi = [0.5, 0.5] if spec.shape == ORIGINAL else [*image.focal_point]
        quality = {"webp": WEBP_QUALITY, "jpeg": JPEG_QUALITY, "png": 0}[fmt]
        context.processors = [("newsroom_rendition", spec.shape, *size, fmt, quality, image.has_alpha)]

    return build


# What the model's field is given: one imagefield format per spec.
FORMATS = {spec.key: _spec_function(spec) for spec in SPECS}
SPECS_BY_KEY = {spec.key: spec for spec in SPECS}


def _rendition_name(fieldfile, spec: Spec) -> str:
    # django-imagefield's naming, as its ``process()`` uses it: the one private call we make.
    return fieldfile._process_context(FORMATS[spec.key]).name


def rendition_names(image) -> dict[Spec, str]:
    """Storage names of the renditions this image should have."""
    if not image.file:
        return {}
    names = {spec: _rendition_name(image.file, spec) for spec in SPECS}
    return {spec: name for spec, name in names.items() if name}


def fingerprint(image) -> str:
    """Changes whenever any rendition's name does: a new file, focal point or rendition set."""
    joined = "\n".join(sorted(rendition_names(image).values()))
    return hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest()


def renditions(image, shape: str = ORIGINAL) -> list[Rendition]:
    """The image's renditions of one shape, narrowest first, WebP and fallback alike.

    Empty until ``make_renditions`` has made the current set (callers then show the stored
    picture itself). Reads only the image's own fields: no query, no storage access.
    """
    if not image.file or not image.renditions_ready:
        return []
    found = []
    for spec in SPECS:
        if spec.shape != shape:
            continue
        size = rendition_size(spec, image.width, image.height)
        if size is None:
            continue
        # Not ``getattr(image.file, spec.key)``: django-imagefield caches that on the file, and a
        # changed focal point would keep the old crop's URL.
        url = image.file.storage.url(_rendition_name(image.file, spec))
        found.append(Rendition(url, *size, output_format(spec, has_alpha=image.has_alpha)))
    return sorted(found, key=lambda r: (r.width, r.format))


@dataclass(frozen=True)
class RenditionsResult:
    made: int  # files written
    existing: int  # files already in the storage
    removed: int  # stale files of an earlier focal point or rendition set
    skipped: bool  # the image's renditions were already complete: nothing was checked


def make_renditions(image, *, force: bool = False) -> RenditionsResult:
    """Make every rendition of ``image`` that the storage lacks, then record that they exist.

    Safe to run again and from several workers at once. ``force`` remakes every file.
    """
    current = fingerprint(image)
    if not force and image.renditions_fingerprint == current:
        return RenditionsResult(made=0, existing=0, removed=0, skipped=True)
    storage = image.file.storage
    names = rendition_names(image)
    made = existing = 0
    for spec, name in names.items():
        if not force and storage.exists(name):
            existing += 1
            continue
        image.file.process(spec.key, force=True)
        made += 1
    removed = _remove_stale(image, keep=set(names.values()))
    type(image).objects.filter(pk=image.pk).update(renditions_fingerprint=current)
    image.renditions_fingerprint = current
    logger.info("Renditions of image %s: %s made, %s already there", image.pk, made, existing)
    return RenditionsResult(made=made, existing=existing, removed=removed, skipped=False)


def _remove_stale(image, *, keep: set[str]) -> int:
    """Delete this picture's renditions that are no longer in its set (an old focal point)."""
    if not keep:
        return 0
    storage = image.file.storage
    folder = posixpath.dirname(next(iter(keep)))
    stem = posixpath.splitext(posixpath.basename(image.file.name))[0]
    pattern = re.compile(rf"{re.escape(stem)}-[0-9a-f]{{12}}\.[a-z]+")
    try:
        _dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return 0
    stale = [
        posixpath.join(folder, f)
        for f in files
        if pattern.fullmatch(f) and posixpath.join(folder, f) not in keep
    ]
    for name in stale:
        storage.delete(name)
    return len(stale)


def delete_files(image) -> None:
    """Delete the stored picture and all its renditions (django-imagefield finds them by name)."""
    if image.file:
        image.file.delete(save=False)
