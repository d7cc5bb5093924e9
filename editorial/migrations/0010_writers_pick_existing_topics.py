"""Writers pick existing topics; creating one is for editors and taggers, who keep the vocabulary."""

from django.db import migrations


def take_add_topic_from_writers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    writer = Group.objects.filter(name="Writer").first()
    if writer is not None:
        writer.permissions.remove(
            *Permission.objects.filter(content_type__app_label="articles", codename="add_topic")
        )


def give_it_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    writer = Group.objects.filter(name="Writer").first()
    if writer is not None:
        writer.permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename="add_topic")
        )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0009_import_job_overwrite_and_conflict")]

    operations = [migrations.RunPython(take_add_topic_from_writers, give_it_back)]
