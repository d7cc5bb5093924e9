"""Pictures made for the tests, in memory."""

import io
import struct
import zlib

from PIL import Image, ImageDraw


def photo(width=1200, height=800, *, fmt="JPEG", mode="RGB", **save) -> bytes:
    """A picture with detail (so encoders have work), a red square at the top left quarter."""
    picture = Image.new(mode, (width, height), (40, 90, 160) if mode != "L" else 100)
    draw = ImageDraw.Draw(picture)
    for x in range(0, width, 9):
        draw.line((x, 0, x + height // 2, height), fill=(x % 256, 140, 90) if mode != "L" else x % 256)
    draw.rectangle((width // 8, height // 8, width // 4, height // 4), fill=(255, 0, 0) if mode != "L" else 0)
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **save)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height``: a decompression bomb's first bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def with_exif(content: bytes, *, orientation: int = 1, gps: bool = False, **tags) -> bytes:
    """``content`` (a JPEG) saved again with an EXIF block: orientation, a GPS position, camera tags."""
    picture = Image.open(io.BytesIO(content))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = tags.get("make", "Examplecam")
    exif[0xA431] = tags.get("serial", "SN-0042")  # BodySerialNumber (lives in the Exif IFD; fine here)
    if gps:
        exif[0x8825] = {1: "N", 2: (53.0, 54.0, 0.0), 3: "E", 4: (27.0, 34.0, 0.0)}
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif, quality=95)
    return buffer.getvalue()
