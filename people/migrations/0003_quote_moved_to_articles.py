"""Quotes are article content: the model moves to the articles app, its table stays.

State only: ``articles.0006_quote_moved_from_people`` takes the model over with
the same table, ``people_quote``.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_drop_redundant_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Quote")]),
    ]
