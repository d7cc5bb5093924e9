"""The importer writes the document's paragraphs as one text block, and every reader of the body
(search, quotes, suggestions, reading time) reads the blocks' words."""

import pytest

from articles import body
from articles.models import Article, BodyBlock
from newstext import parse_document

from .test_load import run_import

pytestmark = pytest.mark.django_db


def test_the_paragraphs_become_one_text_block_of_escaped_paragraphs(archive_document):
    document = parse_document(archive_document.text())
    (line,), status = run_import(archive_document.path)
    article = Article.objects.get()
    (block,) = article.blocks.all()

    assert status == 0
    assert block.kind == BodyBlock.Kind.TEXT
    assert block.html.count("<p>") == archive_document.paragraphs == line["paragraph_count"]
    assert block.html == body.paragraph_html(document.paragraphs)
    # Byte for byte the document's text, once the escaping is read back.
    assert body.html_paragraphs(block.html) == list(document.paragraphs)
    assert article.body_text == body.PARAGRAPH_BREAK.join(document.paragraphs)


def test_importing_again_keeps_one_text_block(archive_document, tmp_path):
    run_import(archive_document.path)
    (line,), _ = run_import(archive_document.path)
    assert line["status"] == "unchanged"
    assert BodyBlock.objects.count() == 1


def test_quotes_are_still_found_in_the_blocks_words(archive_document):
    (line,), _ = run_import(archive_document.path)
    article = Article.objects.get()
    assert line["quotes"]
    # Each quote is in the paragraph it was found in (counted from one).
    for quote in article.quotes.all():
        assert quote.text[:30] in article.paragraphs[quote.paragraph - 1]


def test_markup_in_a_document_is_escaped_in_its_block(archive_document, tmp_path):
    text = archive_document.text().replace(
        archive_document.phrase, f"<script>{archive_document.phrase}</script>", 1
    )
    path = tmp_path / "markup.txt"
    path.write_text(text, encoding="utf-8")
    run_import(path)
    html = Article.objects.get().blocks.get().html
    assert f"&lt;script&gt;{archive_document.phrase}&lt;/script&gt;" in html
    assert "<script>" not in html
