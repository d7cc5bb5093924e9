"""The demo's pictures: original scenes drawn with Pillow when they are loaded (no binaries in the
repository), with alt text, captions, credits and focal points, added through ``add_image``.

Drawing is deterministic (seeded), so loading again finds the same pictures by their hash.
"""

import io
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

from .library import add_image
from .models import Image as LibraryImage

SIZE = (2400, 1600)  # a typical agency picture's width: what the renditions are for
CREDIT = "Illustration: Newsroom sample pictures"
SOURCE = "Drawn by images.samples for the Newsroom demo; free to use with the software."


def _sky(draw: ImageDraw.ImageDraw, size, top, bottom) -> None:
    width, height = size
    for y in range(height):
        t = y / height
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line((0, y, width, y), fill=colour)


def _ridge(draw, rng, size, base: float, roughness: float, colour) -> None:
    width, height = size
    points, y = [(0, height)], base * height
    for x in range(0, width + 40, 40):
        y = min(max(y + rng.uniform(-roughness, roughness), height * 0.2), height * 0.95)
        points.append((x, y))
    points.append((width, height))
    draw.polygon(points, fill=colour)


def _texture(picture: Image.Image, rng: random.Random, amount: int = 14) -> Image.Image:
    """Fine grain, as a photograph has, so file sizes are those of real pictures."""
    grain = Image.frombytes("L", picture.size, rng.randbytes(picture.width * picture.height))
    grain = grain.point(lambda v: 128 + (v - 128) * amount // 128).filter(ImageFilter.SMOOTH)
    return Image.blend(picture.filter(ImageFilter.SMOOTH), Image.merge("RGB", (grain, grain, grain)), 0.1)


def hills_at_dawn(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _sky(draw, SIZE, (38, 52, 110), (250, 170, 110))
    draw.ellipse((1660, 380, 1900, 620), fill=(255, 224, 150))
    for base, colour in ((0.55, (96, 80, 120)), (0.65, (70, 62, 98)), (0.78, (44, 46, 70))):
        _ridge(draw, rng, SIZE, base, 28, colour)
    return _texture(picture, rng)


def city_at_night(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _sky(draw, SIZE, (8, 12, 40), (40, 48, 90))
    draw.ellipse((300, 180, 460, 340), fill=(235, 235, 215))
    x = 0
    while x < SIZE[0]:
        w, h = rng.randint(90, 220), rng.randint(400, 1250)
        draw.rectangle((x, SIZE[1] - h, x + w, SIZE[1]), fill=(22, 24, 36))
        for wy in range(SIZE[1] - h + 30, SIZE[1] - 20, 46):
            for wx in range(x + 14, x + w - 20, 32):
                if rng.random() < 0.45:
                    draw.rectangle((wx, wy, wx + 14, wy + 22), fill=(250, 214, 120))
        x += w + rng.randint(6, 30)
    return _texture(picture, rng)


def harbour(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _sky(draw, SIZE, (150, 196, 230), (225, 236, 240))
    draw.rectangle((0, 980, SIZE[0], SIZE[1]), fill=(40, 92, 130))
    for y in range(1000, SIZE[1], 18):
        for x in range(rng.randint(-60, 0), SIZE[0], 120):
            draw.arc((x, y, x + 90, y + 16), 200, 340, fill=(120, 170, 200), width=3)
    draw.rectangle((1880, 420, 1960, 980), fill=(235, 235, 235))  # lighthouse
    for y in range(470, 980, 120):
        draw.rectangle((1880, y, 1960, y + 50), fill=(200, 40, 40))
    draw.polygon([(1860, 420), (1980, 420), (1920, 350)], fill=(60, 60, 60))
    for x in (300, 760, 1200):
        draw.polygon([(x, 1080), (x + 300, 1080), (x + 250, 1140), (x + 40, 1140)], fill=(120, 60, 40))
        draw.polygon([(x + 140, 760), (x + 140, 1070), (x + 280, 1070)], fill=(245, 240, 230))
    return _texture(picture, rng)


def fields_in_summer(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _sky(draw, SIZE, (90, 150, 220), (200, 225, 245))
    for _cloud in range(7):
        cx, cy = rng.randint(0, SIZE[0]), rng.randint(80, 520)
        for _puff in range(6):
            dx, dy, r = rng.randint(-160, 160), rng.randint(-40, 40), rng.randint(60, 120)
            draw.ellipse((cx + dx - r, cy + dy - r, cx + dx + r, cy + dy + r), fill=(250, 250, 250))
    for base, colour in ((0.62, (150, 180, 80)), (0.72, (190, 170, 60)), (0.84, (120, 160, 60))):
        _ridge(draw, rng, SIZE, base, 10, colour)
    draw.rectangle((520, 820, 556, 1100), fill=(90, 60, 40))  # a tree
    draw.ellipse((400, 600, 680, 880), fill=(50, 100, 50))
    return _texture(picture, rng)


@dataclass(frozen=True)
class Sample:
    name: str
    draw: Callable[[random.Random], Image.Image]
    alt_text: str
    caption: str
    focal_point: tuple[float, float]


SAMPLES = (
    Sample(
        "hills-at-dawn.jpg",
        hills_at_dawn,
        "Three ridges of purple hills under an orange dawn sky, the sun just above them.",
        "Dawn over the hills east of the capital, where the new rail line is to run.",
        (0.74, 0.31),
    ),
    Sample(
        "city-at-night.jpg",
        city_at_night,
        "Tower blocks with lit windows against a dark blue night sky and a full moon.",
        "The city's business district at night, as the budget talks went on.",
        (0.5, 0.6),
    ),
    Sample(
        "harbour.jpg",
        harbour,
        "Three sailing boats on a choppy blue sea, a red and white lighthouse on the right.",
        "Fishing boats return to the harbour ahead of the storm.",
        (0.8, 0.45),
    ),
    Sample(
        "fields-in-summer.jpg",
        fields_in_summer,
        "Green and yellow fields rolling under a blue sky with white clouds, one tree on the left.",
        "Farmland in the south, where the drought has cut this year's harvest.",
        (0.2, 0.5),
    ),
)


def render(sample: Sample) -> bytes:
    picture = sample.draw(random.Random(sample.name))  # noqa: S311  (pictures, not secrets)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88, optimize=True)
    return buffer.getvalue()


def load_sample_images() -> list[tuple[LibraryImage, bool]]:
    """Add the sample pictures (``(image, created)`` each); already loaded ones are found again."""
    loaded = []
    for sample in SAMPLES:
        added = add_image(
            content=render(sample),
            name=sample.name,
            alt_text=sample.alt_text,
            caption=sample.caption,
            credit=CREDIT,
            source=SOURCE,
            focal_point=sample.focal_point,
        )
        loaded.append((added.image, added.created))
    return loaded
