"""Which quotes readers see as the speaker's words: one rule (newstext.presents_quote), stored per quote."""

from django.db import migrations, models

from newstext import presents_quote


def mark(apps, schema_editor):
    Quote = apps.get_model("articles", "Quote")
    hidden = [
        pk
        for pk, text, partial in Quote.objects.filter(partial=True).values_list("pk", "text", "partial").iterator()
        if not presents_quote(text=text, partial=partial)
    ]
    Quote.objects.filter(pk__in=hidden).update(presented=False)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0010_country_regions'),
    ]

    operations = [
        migrations.AddField(
            model_name='quote',
            name='presented',
            field=models.BooleanField(default=True, editable=False, help_text="Shown to readers as the speaker's words: not a partial quote of one or two words."),
        ),
        migrations.RunPython(mark, migrations.RunPython.noop),
    ]
