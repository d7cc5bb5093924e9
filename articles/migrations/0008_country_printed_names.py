"""Countries as the newsroom prints them ("Russia", "Palestine", "DR Congo"), the ISO name kept
for search, the former address kept for a redirect, and Kosovo (XK) on the list.

The list and the style are ``articles.countries``; migration 0009 rebuilds the
search vectors, which hold the countries' names.
"""

from django.db import migrations, models

from articles.countries import sync_countries


def apply_style(apps, schema_editor):
    sync_countries(apps.get_model("articles", "Country"))


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
