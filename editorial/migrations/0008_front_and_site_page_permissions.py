"""The front page's running order and the site's own pages are the editors' to write; others may see them."""

from django.db import migrations

# model name -> its verbose name (for the permissions' names)
MODELS = {"frontitem": "front page story", "page": "site page"}
GRANTS = {
    "Editor": ["view", "add", "change", "delete"],
    "Writer": ["view"],
    "Tagger": ["view"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for model, verbose_name in MODELS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="articles", model=model)
        for role, actions in GRANTS.items():
            group, _ = Group.objects.get_or_create(name=role)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {verbose_name}"},
                )
                group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    granted = Permission.objects.filter(content_type__app_label="articles", content_type__model__in=MODELS)
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*granted)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0007_import_job_section"),
        ("articles", "0022_footer_pages"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
