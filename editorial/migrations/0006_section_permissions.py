"""Sections are managed by editors; writers and taggers see them (to choose one on an article)."""

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
    content_type, _ = ContentType.objects.get_or_create(app_label="articles", model="section")
    for role, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_section", defaults={"name": f"Can {action} section"}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="articles", content_type__model="section")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_roles_with_pictures"),
        ("articles", "0019_sections"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
