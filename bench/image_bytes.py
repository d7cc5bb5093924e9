"""Bytes a reader's phone downloads for a picture, against the original file, and rendition time.

    .venv/bin/python bench/image_bytes.py

Loads the sample pictures into a fresh SQLite database and media folder (both temporary),
makes their renditions (timed), and prints, for each, the original's size and the rendition a
browser picks for the article column (``ARTICLE_SIZES``) on a 390-pixel-wide phone at 2x and 3x
density and on Lighthouse's mobile profile (412 pixels at 1.75x): the narrowest WebP at least
the slot's width in device pixels.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
work = Path(tempfile.mkdtemp(prefix="image-bench-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="newsroom.settings",
    DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
    MEDIA_ROOT=str(work / "media"),
    LOG_LEVEL="WARNING",
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from images.renditions import make_renditions, renditions  # noqa: E402
from images.samples import load_sample_images  # noqa: E402

PHONES = {"390 px @2x": (390, 2), "390 px @3x": (390, 3), "Lighthouse 412 px @1.75x": (412, 1.75)}


def slot(viewport: int) -> int:
    return 640 if viewport >= 672 else viewport - 32  # ARTICLE_SIZES at 16 px to the rem


def main() -> None:
    call_command("migrate", verbosity=0)
    loaded = load_sample_images()
    for image, _created in loaded:
        image.renditions_fingerprint = ""
        started = time.perf_counter()
        result = make_renditions(image, force=True)
        seconds = time.perf_counter() - started
        storage = image.file.storage
        webp = [r for r in renditions(image) if r.format == "webp"]
        original = storage.size(image.file.name)
        print(f"{image.file.name}: {image.width} x {image.height}, original {original:,} bytes")
        print(f"  {result.made} renditions in {seconds:.1f} s")
        for label, (viewport, density) in PHONES.items():
            needed = slot(viewport) * density
            chosen = next((r for r in webp if r.width >= needed), webp[-1])
            size = storage.size(chosen.url.removeprefix("/media/"))
            print(f"  {label}: slot {slot(viewport)} px -> {chosen.width} px WebP, {size:,} bytes")


if __name__ == "__main__":
    main()
