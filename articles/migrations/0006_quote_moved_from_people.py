"""Quotes are article content: the model moves here from the people app, keeping its table.

The content type is renamed rather than replaced, so that the quotes already in
articles' history (django-reversion) and the roles' quote permissions stay attached.
"""

import django.db.models.deletion
from django.db import migrations, models


def rename_content_type(apps, schema_editor, *, old: str, new: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label=new, model="quote").exists():
        ContentType.objects.using(db).filter(app_label=old, model="quote").update(app_label=new)


def forwards(apps, schema_editor):
    rename_content_type(apps, schema_editor, old="people", new="articles")


def backwards(apps, schema_editor):
    rename_content_type(apps, schema_editor, old="articles", new="people")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_drop_redundant_indexes"),
        ("people", "0003_quote_moved_to_articles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Quote",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("text", models.TextField(help_text="The quoted words, without quotation marks.")),
                        ("position", models.PositiveIntegerField(default=0, help_text="Order of the quote in the article (0 is first).")),
                        ("paragraph", models.PositiveIntegerField(blank=True, help_text="Body paragraph (counting from 1) where the quote starts.", null=True)),
                        ("partial", models.BooleanField(default=False, help_text="A few words quoted inside a sentence, not a full statement.")),
                        ("article", models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="quotes", to="articles.article")),
                        ("speaker", models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name="quotes", to="people.person")),
                    ],
                    options={
                        "db_table": "people_quote",
                        "ordering": ["article", "position"],
                        "indexes": [models.Index(fields=["speaker", "article"], name="people_quot_speaker_ab5b0d_idx")],
                        "constraints": [models.UniqueConstraint(fields=("article", "position"), name="quote_position_unique")],
                    },
                ),
            ]
        ),
        migrations.RunPython(forwards, backwards),
    ]
