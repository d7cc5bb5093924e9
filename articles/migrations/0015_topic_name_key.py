"""Topics are compared by a stored name key (newsroom.names), the same on every database.

As for authors and people (people/0004_name_keys): a topic whose name differs
from an earlier one's only in what the key ignores keeps its articles and a key
suffixed with its id; merge the two in the topic admin.
"""

from django.db import migrations, models

from newstext import normalise_name

BATCH = 1000


def fill_name_keys(apps, schema_editor):
    Topic = apps.get_model("articles", "Topic")
    seen: set[str] = set()
    rows = []
    for row in Topic.objects.only("pk", "name").order_by("pk").iterator(chunk_size=BATCH):
        key = normalise_name(row.name)
        row.name_key = key if key not in seen else f"{key} #{row.pk}"
        seen.add(row.name_key)
        rows.append(row)
    Topic.objects.bulk_update(rows, ["name_key"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_article_source_hash_index")]

    operations = [
        migrations.RemoveConstraint(model_name="topic", name="topic_name_ci_unique"),
        migrations.AddField(
            model_name="topic",
            name="name_key",
            field=models.CharField(
                default="", editable=False, help_text="The name as compared: see newsroom.names.", max_length=600
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(fields=("name_key",), name="topic_name_key_unique"),
        ),
    ]
