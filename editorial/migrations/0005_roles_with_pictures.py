"""Writers and editors work with the image library: they pick and upload lead pictures on the
article form, so writers may view, add and change pictures, and editors may also delete them
(the library still refuses to delete one a live or scheduled article shows)."""

from django.db import migrations

GRANTS = {
    "Writer": ["view", "add", "change"],
    "Editor": ["view", "add", "change", "delete"],
}


def grant(apps, schema_editor=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="images", model="image")
    for role, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_image", defaults={"name": f"Can {action} image"}
            )
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    pictures = Permission.objects.filter(content_type__app_label="images", content_type__model="image")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*pictures)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_import_jobs"),
        ("images", "0001_image_library"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
