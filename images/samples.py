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


def flooded_delta(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _sky(draw, SIZE, (120, 130, 140), (190, 195, 200))
    draw.rectangle((0, 760, SIZE[0], SIZE[1]), fill=(128, 102, 70))  # brown floodwater
    for y in range(780, SIZE[1], 22):
        for x in range(rng.randint(-80, 0), SIZE[0], 140):
            draw.arc((x, y, x + 110, y + 18), 200, 340, fill=(160, 134, 98), width=3)
    for x in (260, 700, 1150, 1700, 2100):  # roofs above the water
        w = rng.randint(180, 260)
        draw.polygon([(x, 800), (x + w, 800), (x + w // 2, 680)], fill=(150, 50, 40))
        draw.rectangle((x + 10, 800, x + w - 10, 860), fill=(200, 190, 170))
    for x in range(80, SIZE[0], 330):  # drowned trees
        draw.rectangle((x, 600, x + 24, 820), fill=(70, 55, 40))
        draw.ellipse((x - 90, 470, x + 114, 660), fill=(60, 96, 58))
    return _texture(picture, rng)


def power_lines_in_snow(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _sky(draw, SIZE, (150, 160, 175), (215, 220, 228))
    _ridge(draw, rng, SIZE, 0.7, 8, (240, 244, 248))
    tops = []
    for i, x in enumerate((300, 1050, 1800)):
        scale = 1 - 0.18 * i
        top, foot = 1000 - round(620 * scale), 1000 + round(120 * scale)
        half = round(120 * scale)
        draw.line((x - half, foot, x, top), fill=(60, 64, 72), width=14)
        draw.line((x + half, foot, x, top), fill=(60, 64, 72), width=14)
        for arm in (top + round(60 * scale), top + round(160 * scale)):
            draw.line((x - 2 * half, arm, x + 2 * half, arm), fill=(60, 64, 72), width=12)
        tops.append((x, top + round(60 * scale), half))
    for (x1, y1, h1), (x2, y2, h2) in zip(tops, tops[1:], strict=False):
        for side in (-2, 2):
            draw.line(
                (x1 + side * h1, y1, (x1 + x2) // 2, max(y1, y2) + 90, x2 + side * h2, y2),
                fill=(40, 40, 48),
                width=4,
            )
    for _flake in range(900):
        x, y = rng.randint(0, SIZE[0]), rng.randint(0, SIZE[1])
        draw.ellipse((x, y, x + 6, y + 6), fill=(255, 255, 255))
    return _texture(picture, rng)


def football_pitch(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _sky(draw, SIZE, (20, 24, 40), (60, 66, 90))
    draw.rectangle((0, 300, SIZE[0], 560), fill=(90, 30, 40))  # the stand
    for y in range(320, 560, 36):
        for x in range(rng.randint(0, 20), SIZE[0], 28):
            shade = rng.choice(((230, 210, 190), (200, 40, 50), (250, 250, 250), (40, 40, 60)))
            draw.ellipse((x, y, x + 16, y + 16), fill=shade)
    for i, y in enumerate(range(560, SIZE[1], 104)):
        draw.rectangle((0, y, SIZE[0], y + 104), fill=(46, 139, 60) if i % 2 else (58, 156, 70))
    white = (245, 245, 245)
    draw.line((0, 620, SIZE[0], 620), fill=white, width=10)
    draw.line((1200, 620, 1200, SIZE[1]), fill=white, width=10)
    draw.ellipse((950, 900, 1450, 1400), outline=white, width=10)
    draw.rectangle((1900, 640, 2380, 780), outline=white, width=10)  # goal
    draw.ellipse((1170, 1130, 1230, 1190), fill=white)  # the ball on the centre spot
    return _texture(picture, rng)


def night_sky(rng: random.Random) -> Image.Image:
    picture = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    _sky(draw, SIZE, (4, 6, 24), (28, 34, 70))
    for _star in range(1400):
        x, y, r = rng.randint(0, SIZE[0]), rng.randint(0, 1250), rng.choice((1, 1, 2, 3))
        level = rng.randint(150, 255)
        draw.ellipse((x, y, x + r, y + r), fill=(level, level, min(255, level + 20)))
    draw.line((520, 900, 1720, 260), fill=(255, 236, 180), width=6)  # the satellite's trail
    draw.ellipse((1700, 240, 1744, 284), fill=(255, 250, 220))
    _ridge(draw, rng, SIZE, 0.82, 18, (10, 12, 20))
    draw.rectangle((1500, 1150, 1540, 1300), fill=(10, 12, 20))  # a dish antenna on the ridge
    draw.pieslice((1420, 1050, 1620, 1250), 150, 330, fill=(24, 28, 40))
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
    Sample(
        "flooded-delta.jpg",
        flooded_delta,
        "Red roofs of houses and the crowns of trees stand above wide brown floodwater under a grey sky.",
        "Floodwater around houses on the river islands.",
        (0.45, 0.5),
    ),
    Sample(
        "power-lines-in-snow.jpg",
        power_lines_in_snow,
        "Three electricity pylons carry power lines across a snow-covered field as snow falls.",
        "Transmission lines across frozen farmland.",
        (0.3, 0.45),
    ),
    Sample(
        "football-pitch.jpg",
        football_pitch,
        "A striped green football pitch under floodlights, the ball on the centre spot, a full stand behind.",
        "A floodlit stadium before kick-off.",
        (0.5, 0.6),
    ),
    Sample(
        "night-sky.jpg",
        night_sky,
        "A starry night sky over a dark ridge with a dish antenna; a bright satellite trail crosses the sky.",
        "A satellite crosses the night sky above a ground station.",
        (0.7, 0.3),
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
