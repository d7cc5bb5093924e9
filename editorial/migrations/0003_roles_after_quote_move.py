"""The roles again, now that quotes belong to the articles app.

On a new database the roles migration may run before or after the quote's
move (``articles.0006``); either way the quote's content type ends up as
``articles.quote`` here, with the roles' permissions on it. ``sync_roles`` here
is also what tests call to put the groups back after a transactional test
empties the tables.
"""

import importlib

from django.db import migrations

roles = importlib.import_module("editorial.migrations.0002_roles")
MODELS = {**roles.MODELS, "quote": ("articles", "quote", "quote")}


def move_quote_content_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="articles", model="quote").exists():
        ContentType.objects.filter(app_label="people", model="quote").update(app_label="articles")


def sync_roles(apps, schema_editor=None):
    move_quote_content_type(apps)
    roles.sync_roles(apps, schema_editor, models=MODELS)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles"),
        ("articles", "0007_article_permissions_in_meta"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
