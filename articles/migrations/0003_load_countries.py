"""Load every current ISO 3166-1 country from pycountry, the maintained ISO data package."""

import pycountry
from django.db import migrations
from django.utils.text import slugify


def country_rows():
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        yield country.alpha_2, name, slugify(name)


def load_countries(apps, schema_editor):
    Country = apps.get_model("articles", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        Country(code=code, name=name, slug=slug) for code, name, slug in country_rows() if code not in existing
    )


def unload_countries(apps, schema_editor):
    apps.get_model("articles", "Country").objects.filter(tagged_articles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_initial")]

    operations = [migrations.RunPython(load_countries, unload_countries)]
