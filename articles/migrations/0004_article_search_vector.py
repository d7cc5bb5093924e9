"""Add Article.search_vector; on PostgreSQL, index it with GIN and fill it in.

The column exists on every database so that the model is the same everywhere.
The GIN index and the stored vectors only mean something on PostgreSQL, so
they are made by a RunPython step that does nothing elsewhere. The index is
not part of the migration state (nor of the model's Meta): SQLite cannot build
a GIN index, and it would rebuild every index of the state each time a later
migration remakes the articles table.

The backfill repeats, in SQL, what articles.search.update_search_vectors
does with the ORM, so that this migration stays independent of later code.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

INDEX_NAME = "article_search_vector_gin"

BACKFILL = """
UPDATE articles_article AS a SET search_vector =
    setweight(to_tsvector('english', coalesce(a.headline, '')), 'A')
    || setweight(to_tsvector('english', coalesce(a.standfirst, '')), 'B')
    || setweight(to_tsvector('english', coalesce((
        SELECT string_agg(t.name, ' ' ORDER BY t.name) FROM articles_taggedtopic tt
        JOIN articles_topic t ON t.id = tt.tag_id WHERE tt.content_object_id = a.id
    ), '')), 'B')
    || setweight(to_tsvector('english', coalesce((
        SELECT string_agg(c.name, ' ' ORDER BY c.name) FROM articles_taggedcountry tc
        JOIN articles_country c ON c.id = tc.tag_id WHERE tc.content_object_id = a.id
    ), '')), 'B')
    || setweight(to_tsvector('english', coalesce(a.body, '')), 'C')
"""


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON articles_article USING gin (search_vector)"
    )
    schema_editor.execute(BACKFILL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_load_countries"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
