"""The newsroom's roles: the Writer, Editor and Tagger groups, with exactly the permissions each needs.

Two permissions are the newsroom's own, on the Article content type:

* ``articles.publish_article``: publish, schedule and unpublish (editors);
* ``articles.tag_article``: change an article's topics and countries, and nothing
  else of it (taggers; writers and editors change tags as part of editing).

What a permission cannot say alone (a writer edits only drafts and deletes only
drafts that never went out) is enforced in ``editorial/permissions.py``.

``sync_roles`` takes the models' places as they were then; migration 0003
calls it again with the quote in the articles app.
"""

from django.db import migrations

NEWSROOM_PERMISSIONS = {
    ("articles", "article"): [
        ("publish_article", "Can publish, schedule and unpublish articles"),
        ("tag_article", "Can change the topics and countries of any article"),
    ],
}

# (app_label, model, verbose_name): the default permissions' names need the verbose name.
MODELS = {
    "article": ("articles", "article", "article"),
    "byline": ("articles", "byline", "byline"),
    "relatedlink": ("articles", "relatedlink", "related link"),
    "topic": ("articles", "topic", "topic"),
    "country": ("articles", "country", "country"),
    "author": ("people", "author", "author"),
    "person": ("people", "person", "person"),
    "quote": ("people", "quote", "quote"),
}

WRITER = {
    "article": ["view", "add", "change", "delete"],
    "byline": ["view", "add", "change", "delete"],
    "relatedlink": ["view", "add", "change", "delete"],
    "topic": ["view", "add"],
    "country": ["view"],
    "author": ["view", "add", "change"],
    "person": ["view", "add", "change"],
    "quote": ["view", "add", "change", "delete"],
}
EDITOR = {
    **WRITER,
    "article": ["view", "add", "change", "delete", "publish"],
    "topic": ["view", "add", "change", "delete"],
    "author": ["view", "add", "change", "delete"],
    "person": ["view", "add", "change", "delete"],
}
TAGGER = {
    "article": ["view", "tag"],
    "topic": ["view", "add"],
    "country": ["view"],
}
ROLES = {"Writer": WRITER, "Editor": EDITOR, "Tagger": TAGGER}


def sync_roles(apps, schema_editor=None, *, models=None):
    models = MODELS if models is None else models
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    def permission(key: str, action: str):
        app_label, model, verbose_name = models[key]
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        own = dict(NEWSROOM_PERMISSIONS.get((app_label, model), []))
        codename = f"{action}_{model}"
        name = own.get(codename) or f"Can {action} {verbose_name}"
        found, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        return found

    for role, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set([permission(key, action) for key, actions in grants.items() for action in actions])


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="articles",
        codename__in=[codename for perms in NEWSROOM_PERMISSIONS.values() for codename, _ in perms],
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("articles", "0003_load_countries"),
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(sync_roles, remove_roles)]
