"""The front page's running order is the editors' to set; writers and taggers may see it."""

from django.db import migrations

GRANTS = {
    "Editor": ["view", "add", "change", "delete"],
    "Writer": ["view"],
    "Tagger": ["view"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="articles", model="frontitem")
    for role, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_frontitem",
                defaults={"name": f"Can {action} front page story"},
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="articles", content_type__model="frontitem")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0006_import_job_section"),
        ("articles", "0018_front_page"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
