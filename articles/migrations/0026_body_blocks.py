"""The body becomes an ordered list of blocks; each article's plain-text body becomes one text block.

Forwards: ``Article.body`` is renamed ``body_text`` (from now on the blocks' words, kept from
the blocks) and each article's paragraphs become one text block holding a ``<p>`` per
paragraph, the text escaped and its line breaks kept as ``<br>``, so nothing is lost.
Backwards: each article's body text is made again from its text blocks (and fact boxes), and
the blocks go. The conversions are written out here rather than imported, so that this
migration keeps doing what it did when the app's code changes.
"""

import re
from html import escape, unescape

import django.db.models.deletion
from django.db import migrations, models

PARAGRAPH_BREAK = "\n\n"


def paragraphs(text):
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split(PARAGRAPH_BREAK) if p.strip()]


def paragraph_html(texts):
    return "\n".join(f"<p>{escape(text, quote=False).replace(chr(10), '<br>')}</p>" for text in texts)


# An element holding no other block element: the paragraph of a list item, not the item.
_ELEMENT = re.compile(r"<(p|h2|h3|li|blockquote)>((?:(?!<(?:p|h2|h3|li|blockquote)>).)*?)</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def html_text(html):
    """The text of each paragraph-like element of a block's HTML, line breaks restored."""
    found = []
    for _, inner in _ELEMENT.findall(html or ""):
        text = unescape(_TAG.sub("", inner.replace("<br>", "\n"))).strip()
        if text:
            found.append(text)
    return found


def to_blocks(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    BodyBlock = apps.get_model("articles", "BodyBlock")
    blocks = []
    for pk, text in Article.objects.exclude(body_text="").values_list("pk", "body_text").iterator():
        found = paragraphs(text)
        if found:
            blocks.append(BodyBlock(article_id=pk, position=0, kind="text", html=paragraph_html(found)))
        if len(blocks) >= 500:
            BodyBlock.objects.bulk_create(blocks)
            blocks = []
    BodyBlock.objects.bulk_create(blocks)


def to_plain_text(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    BodyBlock = apps.get_model("articles", "BodyBlock")
    texts = {}
    for block in BodyBlock.objects.filter(kind__in=["text", "aside"]).order_by(
        "article_id", "position", "pk"
    ):
        words = texts.setdefault(block.article_id, [])
        if block.kind == "aside" and block.title:
            words.append(block.title)
        words.extend(html_text(block.html))
    for pk, words in texts.items():
        Article.objects.filter(pk=pk).update(body_text=PARAGRAPH_BREAK.join(words))
    BodyBlock.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0025_correction"),
        ("images", "0001_image_library"),
        ("people", "0005_person_redirect"),
    ]

    operations = [
        migrations.RenameField(model_name="article", old_name="body", new_name="body_text"),
        migrations.AlterField(
            model_name="article",
            name="body_text",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="The body's words, from its blocks.",
                verbose_name="body text",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="body_headings",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="The body's subheadings, from its blocks.",
                verbose_name="body subheadings",
            ),
        ),
        migrations.CreateModel(
            name="BodyBlock",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveIntegerField(default=0)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("text", "Text"),
                            ("image", "Image"),
                            ("quote", "Pull quote"),
                            ("embed", "Embed"),
                            ("aside", "Fact box"),
                        ],
                        default="text",
                        max_length=10,
                    ),
                ),
                (
                    "html",
                    models.TextField(
                        blank=True,
                        help_text="Paragraphs, subheadings, bold, italic, links, lists and block quotes.",
                        verbose_name="text",
                    ),
                ),
                ("title", models.CharField(blank=True, help_text="The fact box's heading.", max_length=200)),
                (
                    "caption",
                    models.CharField(
                        blank=True,
                        help_text="Leave empty to show the library's caption; write one for this story to override it.",
                        max_length=1000,
                    ),
                ),
                (
                    "size",
                    models.CharField(
                        choices=[
                            ("inline", "Inline (the text's width)"),
                            ("wide", "Wide"),
                            ("full", "Full width"),
                        ],
                        default="inline",
                        max_length=10,
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        blank=True,
                        help_text="The words quoted, without quotation marks.",
                        verbose_name="words",
                    ),
                ),
                (
                    "speaker",
                    models.CharField(
                        blank=True, help_text="Who said it, as readers should see it.", max_length=200
                    ),
                ),
                (
                    "url",
                    models.URLField(
                        blank=True,
                        help_text="The post, video or chart's address on one of: YouTube, Vimeo, X, Instagram, TikTok, Bluesky, Datawrapper, Flourish.",
                        max_length=500,
                        verbose_name="address",
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="blocks",
                        to="articles.article",
                    ),
                ),
                (
                    "image",
                    models.ForeignKey(
                        blank=True,
                        help_text="A picture from the library.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="images.image",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        help_text="The speaker's page, if they have one.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="people.person",
                    ),
                ),
                (
                    "quote",
                    models.ForeignKey(
                        blank=True,
                        help_text="Pick one of the article's quotes, or leave empty and type the words and the speaker.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="articles.quote",
                        verbose_name="from the article's quotes",
                    ),
                ),
            ],
            options={
                "verbose_name": "body block",
                "ordering": ["position", "pk"],
                "indexes": [
                    models.Index(fields=["article", "position"], name="bodyblock_article_position_idx")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("kind__in", ["text", "image", "quote", "embed", "aside"])),
                        name="bodyblock_kind_known",
                    )
                ],
            },
        ),
        migrations.RunPython(to_blocks, to_plain_text),
    ]
