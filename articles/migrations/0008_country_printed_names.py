"""Countries as the newsroom prints them ("Russia", "Palestine", "DR Congo"), the ISO name kept
for search, the former address kept for a redirect, and Kosovo (XK) on the list.

The list and the style are ``articles.countries``; the tagged articles' search
vectors are rebuilt, since they hold the countries' names.
"""

from django.db import migrations, models

from articles.countries import sync_countries
from articles.search import UPDATE_VECTORS_SQL  # the vector as the code builds it now


def apply_style(apps, schema_editor):
    sync_countries(apps.get_model("articles", "Country"))
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT content_object_id FROM articles_taggedcountry")
            ids = [row[0] for row in cursor.fetchall()]
            if ids:
                cursor.execute(UPDATE_VECTORS_SQL, [ids])


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0007_article_permissions_in_meta'),
    ]

    operations = [
        migrations.AddField(
            model_name='country',
            name='former_slug',
            field=models.SlugField(allow_unicode=True, blank=True, help_text='The address the country had before its printed name changed; it redirects here.', max_length=100),
        ),
        migrations.AddField(
            model_name='country',
            name='iso_name',
            field=models.CharField(blank=True, help_text="ISO 3166-1's own name; searched too.", max_length=100, verbose_name='ISO name'),
        ),
        migrations.RunPython(apply_style, migrations.RunPython.noop),
    ]
