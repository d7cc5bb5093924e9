"""A picture as HTML: ``<picture>`` with a WebP ``srcset``, a JPEG/PNG fallback ``<img>`` with its
``width`` and ``height`` (no layout shift), alt text, and lazy loading unless it is the lead.

``sizes`` tells the browser how wide the picture is shown, so that it fetches the narrowest
rendition that fills the slot at the screen's pixel density; the default is the article column.
Rendering reads only the image's fields: no query, no storage call.
"""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .models import Image
from .renditions import ORIGINAL, WEBP, renditions
from .serialize import default_fallback

# The article column (site.css: 40rem wide from a 42rem viewport, else the viewport less 2rem).
ARTICLE_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"


def _srcset(found) -> str:
    return ", ".join(f"{r.url} {r.width}w" for r in found)


def picture_html(
    image: Image | None,
    *,
    sizes: str = ARTICLE_SIZES,
    crop: str | None = None,
    lead: bool = False,
    css_class: str = "",
    alt: str | None = None,
) -> SafeString:
    """The HTML for ``image`` (empty for None). ``crop`` is "16:9", "4:3" or "1:1"; ``lead`` makes
    it load first (``fetchpriority="high"``, not lazy); ``alt`` overrides the library's alt text."""
    if image is None or not image.file:
        return mark_safe("")  # noqa: S308  (an empty string)
    alt = image.alt_text if alt is None else alt
    loading = (
        mark_safe(' loading="eager" fetchpriority="high"')  # noqa: S308  (a constant)
        if lead
        else mark_safe(' loading="lazy" decoding="async"')  # noqa: S308  (a constant)
    )
    class_attr = format_html(' class="{}"', css_class) if css_class else ""
    found = renditions(image, crop or ORIGINAL)
    src = default_fallback(found)
    if src is None:
        # Renditions are still being made: the stored picture, at its own size.
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}"{}{}>',
            image.file.url,
            image.width,
            image.height,
            alt,
            class_attr,
            loading,
        )
    webp = [r for r in found if r.format == WEBP]
    fallback = [r for r in found if r.format != WEBP]
    widest = fallback[-1]
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{}></picture>',
        _srcset(webp),
        sizes,
        src.url,
        _srcset(fallback),
        sizes,
        widest.width,
        widest.height,
        alt,
        class_attr,
        loading,
    )
