"""Search that ignores accents and finds authors and people by name (PostgreSQL).

Creates the text search configuration ``newsroom``: English, with the
``unaccent`` dictionary before the stemmer, so "jacui" finds "Jacuí". (unaccent
is a trusted extension: a database owner may create it.) Then every article's
search vector is rebuilt as the code builds it now, with the names of its
authors and people, in batches.
"""

from django.db import migrations

from articles.search import CONFIG, UPDATE_VECTORS_SQL

BATCH = 2000

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
END $$;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT id FROM articles_article ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
        for start in range(0, len(ids), BATCH):
            cursor.execute(UPDATE_VECTORS_SQL, [ids[start : start + BATCH]])


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_country_printed_names"),
        ("people", "0003_quote_moved_to_articles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
