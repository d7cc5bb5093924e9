from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("newsroom", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):


    dependencies = [("newsroom", "0001_task_worker_heartbeats")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("counter", models.BigIntegerField(default=0)),
                (
                    "changed_at",
                    models.BigIntegerField(default=0, help_text="When the counter last moved (µs since the epoch)."),
                ),
                (
                    "valid_until",
                    models.BigIntegerField(
                        blank=True,
                        help_text="When pages change without a write: the next scheduled publication.",
                        null=True,
                    ),
                ),
            ],
            options={"verbose_name": "content version"},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
