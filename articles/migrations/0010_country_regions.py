"""Each country's continent, for the countries index (from countryinfo, through articles.countries)."""

from django.db import migrations, models

from articles.countries import sync_countries


def fill_regions(apps, schema_editor):
    sync_countries(apps.get_model("articles", "Country"))


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0009_search_accents_and_names'),
    ]

    operations = [
        migrations.AddField(
            model_name='country',
            name='region',
            field=models.CharField(blank=True, help_text='The continent, for the countries index.', max_length=50),
        ),
        migrations.RunPython(fill_regions, migrations.RunPython.noop),
    ]
