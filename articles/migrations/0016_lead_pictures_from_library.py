"""The lead picture of an article (and a related link's picture) comes from the image library.

Each article's own uploaded file, alt text and credit become one library picture (the same file
on several articles becomes one picture, with the alt text and credit of the first article by
id), and the article points at it. The library keeps its own checked copy (upright, without
location metadata); the old files are left where they were, for whoever runs the site to remove. A file that is missing or is not a picture is reported in
the log and left behind: the article then has no lead picture.

Renditions are not made here: ``manage.py make_renditions`` (or the task worker) makes them;
until then pages show the stored picture.

Backwards, each article gets its picture's file name, alt text and credit back; the library
keeps its pictures (other articles may use them). A per-article caption has no column to go
back to and is dropped.
"""

import logging
import posixpath

import django.db.models.deletion
from django.core.files.base import ContentFile
from django.db import migrations, models

from images.uploads import InvalidImage, prepare_image

logger = logging.getLogger(__name__)

MIGRATED_SOURCE = "Moved into the library from “{name}” when lead pictures joined the image library."


class _Library:
    """Finds or adds the library picture of an old stored file, once per file."""

    def __init__(self, apps):
        self.Image = apps.get_model("images", "Image")
        self.found: dict[str, int | None] = {}

    def picture_id(self, fieldfile, *, alt: str = "", credit: str = "") -> int | None:
        name = fieldfile.name
        if name not in self.found:
            self.found[name] = self._add(fieldfile, alt=alt, credit=credit)
        return self.found[name]

    def _add(self, fieldfile, *, alt: str, credit: str) -> int | None:
        try:
            with fieldfile.storage.open(fieldfile.name, "rb") as handle:
                content = handle.read()
            prepared = prepare_image(content, name=posixpath.basename(fieldfile.name))
        except (OSError, InvalidImage) as error:
            logger.warning("Picture %s not moved into the library: %s", fieldfile.name, error)
            return None
        existing = self.Image.objects.filter(sha256=prepared.sha256).values_list("pk", flat=True).first()
        if existing is not None:
            return existing
        image = self.Image(
            alt_text=alt[:300],
            credit=credit[:200],
            source=MIGRATED_SOURCE.format(name=fieldfile.name)[:500],
            sha256=prepared.sha256,
            has_alpha=prepared.has_alpha,
        )
        image.file.save(prepared.name, ContentFile(prepared.content), save=False)
        # What the checks learnt (the stored copy is upright), not what the field may read again.
        image.width, image.height = prepared.width, prepared.height
        image.save()
        return image.pk


def _settle_constraints(schema_editor) -> None:
    # PostgreSQL checks the new foreign keys at commit; the columns dropped after this step
    # cannot be altered with those checks pending, so run them now.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def into_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    RelatedLink = apps.get_model("articles", "RelatedLink")
    library = _Library(apps)
    for article in (
        Article.objects.exclude(image="").only("pk", "image", "image_alt", "image_credit").order_by("pk")
    ):
        picture = library.picture_id(article.image, alt=article.image_alt, credit=article.image_credit)
        if picture is not None:
            # update(): no save() side effects (timestamps, signals) for a change of storage only.
            Article.objects.filter(pk=article.pk).update(lead_image_id=picture)
    for link in RelatedLink.objects.exclude(legacy_image="").only("pk", "legacy_image").order_by("pk"):
        picture = library.picture_id(link.legacy_image)
        if picture is not None:
            RelatedLink.objects.filter(pk=link.pk).update(image_id=picture)
    _settle_constraints(schema_editor)


def out_of_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    RelatedLink = apps.get_model("articles", "RelatedLink")
    for article in Article.objects.filter(lead_image__isnull=False).select_related("lead_image"):
        picture = article.lead_image
        Article.objects.filter(pk=article.pk).update(
            image=picture.file.name, image_alt=picture.alt_text, image_credit=picture.credit
        )
    for link in RelatedLink.objects.filter(image__isnull=False).select_related("image"):
        RelatedLink.objects.filter(pk=link.pk).update(legacy_image=link.image.file.name)
    _settle_constraints(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_topic_name_key"),
        ("images", "0001_image_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="lead_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown at the top of the article, on teasers and cards, in feeds and when shared. "
                "Pick one from the library or upload a new one; it needs alt text before it is published.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="lead_of",
                to="images.image",
                verbose_name="lead picture",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="lead_image_caption",
            field=models.CharField(
                blank=True,
                help_text="Leave empty to show the library's caption; write one to say more for this story only.",
                max_length=1000,
                verbose_name="caption for this article",
            ),
        ),
        migrations.RenameField(model_name="relatedlink", old_name="image", new_name="legacy_image"),
        migrations.AddField(
            model_name="relatedlink",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text="For a piece outside this site. A link to an article here shows that article's "
                "lead picture.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="related_links",
                to="images.image",
                verbose_name="picture",
            ),
        ),
        migrations.RunPython(into_library, out_of_library, elidable=False),
        migrations.RemoveField(model_name="article", name="image"),
        migrations.RemoveField(model_name="article", name="image_alt"),
        migrations.RemoveField(model_name="article", name="image_credit"),
        migrations.RemoveField(model_name="relatedlink", name="legacy_image"),
    ]
