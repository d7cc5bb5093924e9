"""Authors and people are compared by a stored name key (newsroom.names), the same on every database.

The key is filled from each name. Two rows whose names differ only in ways the
key ignores (case SQLite's lower() did not fold, quote marks, dashes) were two
rows before; the later one keeps its articles and gets a key of its own,
suffixed with its id, so that nothing is lost and new imports find the first.
"""

from django.db import migrations, models

from newstext import normalise_name

BATCH = 1000


def fill_name_keys(apps, schema_editor):
    for name in ("Author", "Person"):
        model = apps.get_model("people", name)
        seen: set[str] = set()
        rows = []
        for row in model.objects.only("pk", "name").order_by("pk").iterator(chunk_size=BATCH):
            key = normalise_name(row.name)
            row.name_key = key if key not in seen else f"{key} #{row.pk}"
            seen.add(row.name_key)
            rows.append(row)
        model.objects.bulk_update(rows, ["name_key"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("people", "0003_quote_moved_to_articles")]

    operations = [
        migrations.RemoveConstraint(model_name="author", name="author_name_ci_unique"),
        migrations.RemoveConstraint(model_name="person", name="person_name_ci_unique"),
        *(
            migrations.AddField(
                model_name=model,
                name="name_key",
                field=models.CharField(
                    default="", editable=False, help_text="The name as compared: see newsroom.names.", max_length=600
                ),
                preserve_default=False,
            )
            for model in ("author", "person")
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="author",
            constraint=models.UniqueConstraint(fields=("name_key",), name="author_name_key_unique"),
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(fields=("name_key",), name="person_name_key_unique"),
        ),
    ]
