"""Imported articles' fingerprints again, of the body's blocks' text now that the body is blocks.

The fingerprints of migration 0023 were taken of the one text field; the same
content read from the blocks may differ in its spacing, and every imported
article would then look changed since its import. Taken again here, of what
is stored at this point (as 0023 did: this release brings both).
"""

from django.db import migrations

from articles.importing.fingerprint import content_fingerprint


def fingerprint_again(apps, schema_editor):
    models_ = tuple(apps.get_model("articles", name) for name in ("Article", "Byline", "RelatedLink", "Quote"))
    article_model = models_[0]
    imported = article_model.objects.exclude(import_fingerprint="").values_list("pk", flat=True)
    for pk in imported.iterator():
        fingerprint = content_fingerprint(pk, models=models_)
        article_model.objects.filter(pk=pk).update(import_fingerprint=fingerprint)


class Migration(migrations.Migration):
    dependencies = [("articles", "0026_body_blocks")]

    operations = [migrations.RunPython(fingerprint_again, migrations.RunPython.noop)]
