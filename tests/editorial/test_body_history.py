"""History of a block body: revisions compare it block by block, and restoring brings the blocks back."""

import pytest
from django.urls import reverse

from articles.models import Article, BodyBlock

from .helpers import form_data
from .test_history import article, save, versions  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def add_blocks(**fields) -> dict:
    """Form data adding a fact box and an embed after the article's one text block."""
    data = {"blocks-TOTAL_FORMS": 3}
    for index, block in (
        (1, {"kind": "aside", "title": "Key facts", "html": "<p>Two dead.</p>"}),
        (2, {"kind": "embed", "url": YOUTUBE}),
    ):
        data |= {f"blocks-{index}-position": index, f"blocks-{index}-size": "inline"}
        data |= {f"blocks-{index}-{name}": value for name, value in block.items()}
    return data | fields


def test_compare_shows_the_body_block_by_block(editor, article):  # noqa: F811
    save(editor, article)
    save(editor, article, **add_blocks())
    new, old = versions(article)
    response = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"from": old.pk, "to": new.pk}
    )
    (change,) = [c for c in response.context["changes"] if c.label == "Body"]
    assert change.old == "Water rose."
    assert change.new == f"Water rose.\n\n[Fact box: Key facts]\nTwo dead.\n\n[Embed: {YOUTUBE}]"
    assert (
        str(change.diff)
        == f"Water rose.<ins>\n\n[Fact box: Key facts]\nTwo dead.\n\n[Embed: {YOUTUBE}]</ins>"
    )


def test_restoring_a_revision_brings_its_blocks_back_and_its_words(editor, article):  # noqa: F811
    save(editor, article, **add_blocks())
    old = versions(article)[0]
    BodyBlock.objects.filter(article=article, kind="embed").delete()
    BodyBlock.objects.filter(article=article, kind="text").update(html="<p>Rewritten.</p>")
    BodyBlock.objects.create(article=article, position=5, kind="quote", text="Never again", speaker="A mayor")

    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    form = editor.get(url)
    response = editor.post(url, form_data(form.content.decode(), "article_form"))

    assert response.status_code == 302
    restored = Article.objects.get(pk=article.pk)
    assert list(restored.blocks.values_list("kind", "html", "title", "url")) == [
        ("text", "<p>Water rose.</p>", "", ""),
        ("aside", "<p>Two dead.</p>", "Key facts", ""),
        ("embed", "", "", YOUTUBE),
    ]
    assert restored.body_text == "Water rose.\n\nKey facts\n\nTwo dead."
