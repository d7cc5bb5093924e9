"""The data migration of plain-text bodies to blocks: nothing lost, and it runs backwards."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BODIES = [
    "One paragraph.",
    "First.\n\nSecond, with <b>markup</b> & an ampersand.\n\nThird\nwith a line break.",
    "Quotes: “curly” and \"straight\", and 'single'; < and > signs.",
    "",
]


def migration_names() -> tuple[tuple[str, str], tuple[str, str]]:
    """The blocks migration and the one before it, whatever number a merge gives it."""
    graph = MigrationExecutor(connection).loader.graph
    (target,) = [key for key in graph.nodes if key[0] == "articles" and key[1].endswith("_body_blocks")]
    (before,) = [key for key in graph.node_map[target].parents if key[0] == "articles"]
    return before, target


def migrate(to=None):
    """Migrate to ``to`` (every app's latest when None); the apps as they were there."""
    executor = MigrationExecutor(connection)
    targets = [to] if to else executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(to).apps if to else None


@pytest.mark.django_db(transaction=True)
def test_bodies_become_text_blocks_with_nothing_lost_and_come_back():
    before, blocks = migration_names()
    try:
        old = migrate(before)
        Article = old.get_model("articles", "Article")
        ids = [
            Article.objects.create(
                headline=f"Story {i}", slug=f"story-{i}", body=text, headline_key=f"story {i}"
            ).pk
            for i, text in enumerate(BODIES)
        ]

        new = migrate(blocks)
        BodyBlock = new.get_model("articles", "BodyBlock")
        stored = {pk: list(BodyBlock.objects.filter(article_id=pk).values_list("kind", "html")) for pk in ids}
        assert stored[ids[0]] == [("text", "<p>One paragraph.</p>")]
        assert stored[ids[1]] == [
            (
                "text",
                "<p>First.</p>\n<p>Second, with &lt;b&gt;markup&lt;/b&gt; &amp; an ampersand.</p>\n"
                "<p>Third<br>with a line break.</p>",
            )
        ]
        assert stored[ids[3]] == []
        # The words, as the app reads them from the blocks, are the old body's.
        from articles import body  # noqa: PLC0415

        for pk, text in zip(ids, BODIES, strict=True):
            words = [p for _, html in stored[pk] for p in body.html_paragraphs(html)]
            assert words == body.paragraphs(text)

        back = migrate(before)
        restored = dict(back.get_model("articles", "Article").objects.values_list("pk", "body"))
        assert [restored[pk] for pk in ids] == BODIES
    finally:
        migrate()
