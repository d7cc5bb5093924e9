"""The image library: one record per picture, reused by any number of articles."""

import posixpath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import Truncator
from imagefield.fields import ImageField

from . import renditions, usage


def upload_to(image: "Image", filename: str) -> str:
    """``images/2026/11/harbour-at-dawn-3f2a9c1b.jpg``: the content hash makes every name unique
    for good, so a picture's URL (and its renditions') can be cached for ever."""
    stem, ext = posixpath.splitext(filename)
    return f"images/{timezone.now():%Y/%m}/{stem[:80]}-{image.sha256[:8]}{ext.lower()}"


class ImageQuerySet(models.QuerySet):
    def delete(self):
        # Refused before Django's delete starts its transaction, so a caller's own stays usable.
        usage.check_deletable(list(self.values_list("pk", flat=True)))
        return super().delete()

    def missing_alt_text(self):
        return self.filter(alt_text="")

    def landscape(self):
        return self.filter(width__gt=F("height"))

    def portrait(self):
        return self.filter(width__lt=F("height"))

    def square(self):
        return self.filter(width=F("height"))


class Image(models.Model):
    file = ImageField(
        "picture",
        upload_to=upload_to,
        width_field="width",
        height_field="height",
        formats=renditions.FORMATS,
        max_length=255,
    )
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it, in a sentence: "
        "“Police officers stand in front of the parliament building in Minsk.” "
        "Required before the picture appears in a published article.",
    )
    caption = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Shown under the picture: who, what, where, when. An article may say more.",
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown under the picture, as printed: “Photograph: Ana Lima/Reuters”, "
        "“Illustration: Newsroom”.",
    )
    source = models.CharField(
        max_length=500,
        blank=True,
        help_text="Where the picture came from and on what terms (agency, photographer, licence, "
        "address). For the newsroom only: readers do not see it.",
    )
    focal_x = models.FloatField(
        "focal point across",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="0 is the left edge, 1 the right edge.",
    )
    focal_y = models.FloatField(
        "focal point down",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="0 is the top edge, 1 the bottom edge.",
    )
    has_alpha = models.BooleanField("has transparency", default=False, editable=False)
    sha256 = models.CharField(
        "SHA-256", max_length=64, editable=False, help_text="Of the stored file: finds a picture again."
    )
    renditions_fingerprint = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="Of the rendition set last made; differs from the current one until it is made.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("uploaded", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["sha256"], name="image_sha256_unique"),
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            ),
        ]

    def __str__(self):
        text = self.alt_text or self.caption or posixpath.basename(self.file.name or "") or "Image"
        return Truncator(text).chars(80)

    def delete(self, *args, **kwargs):
        usage.check_deletable([self.pk])
        return super().delete(*args, **kwargs)

    @property
    def focal_point(self) -> tuple[float, float]:
        return (round(self.focal_x, 3), round(self.focal_y, 3))

    @property
    def renditions_ready(self) -> bool:
        """Whether the stored renditions are those of the current file, focal point and set."""
        return bool(self.renditions_fingerprint) and self.renditions_fingerprint == renditions.fingerprint(
            self
        )
