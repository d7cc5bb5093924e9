"""Articles published at their import time, because the archive document carried no date."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0011_quote_presented'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='dated_by_import',
            field=models.BooleanField(default=False, help_text='Its publication time is when it was imported: the archive document carried no date. Such an article stays out of the news sitemap; set the real time to put it right.', verbose_name='dated by its import'),
        ),
    ]
