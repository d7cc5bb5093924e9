"""The story body: an ordered list of blocks, each one of a few kinds, in one table.

One table (rather than one per kind) keeps the article page at one query for the whole body,
whatever its mix of kinds, and lets history follow the body as it follows bylines. Each kind
uses its own few columns (``FIELDS_BY_KIND``); the rest stay empty.

==========  =====================================================================
kind        columns
==========  =====================================================================
text        html (sanitised rich text)
image       image (from the library), caption (overrides the library's), size
quote       text, speaker (a name), person (their page, if any), quote (the
            article's quote it was taken from, if any)
embed       url (from an allow-listed provider; see ``articles.embeds``)
aside       title, html (sanitised rich text)
==========  =====================================================================
"""

from django.core.exceptions import ValidationError
from django.db import models

from .. import embeds
from ..sanitise import sanitise_html
from .constraints import CheckConstraint
from .relations import FetchedRelationsExist


class BodyBlock(FetchedRelationsExist, models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", "Text"
        IMAGE = "image", "Image"
        QUOTE = "quote", "Pull quote"
        EMBED = "embed", "Embed"
        ASIDE = "aside", "Fact box"

    class Size(models.TextChoices):
        INLINE = "inline", "Inline (the text's width)"
        WIDE = "wide", "Wide"
        FULL = "full", "Full width"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="blocks", db_index=False
    )  # the (article, position) index serves its look-ups
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    html = models.TextField(
        "text",
        blank=True,
        help_text="Paragraphs, subheadings, bold, italic, links, lists and block quotes.",
    )
    title = models.CharField(max_length=200, blank=True, help_text="The fact box's heading.")
    image = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="A picture from the library.",
    )
    caption = models.CharField(
        max_length=1000,
        blank=True,
        help_text="Leave empty to show the library's caption; write one for this story to override it.",
    )
    size = models.CharField(max_length=10, choices=Size.choices, default=Size.INLINE)
    quote = models.ForeignKey(
        "articles.Quote",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="from the article's quotes",
        help_text="Pick one of the article's quotes, or leave empty and type the words and the speaker.",
    )
    text = models.TextField("words", blank=True, help_text="The words quoted, without quotation marks.")
    speaker = models.CharField(max_length=200, blank=True, help_text="Who said it, as readers should see it.")
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The speaker's page, if they have one.",
    )
    url = models.URLField(
        "address",
        max_length=500,
        blank=True,
        help_text=f"The post, video or chart's address on one of: {embeds.supported_providers()}.",
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "body block"
        indexes = [models.Index(fields=["article", "position"], name="bodyblock_article_position_idx")]
        constraints = [
            CheckConstraint(
                condition=models.Q(kind__in=["text", "image", "quote", "embed", "aside"]),
                name="bodyblock_kind_known",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.position + 1}"

    def clean(self):
        self.html = sanitise_html(self.html)
        if self.quote_id is not None:
            # A quote picked from the article's is copied, so the block keeps its words if the
            # quotes are found again (re-import, re-extraction) and this one goes.
            self.text, self.person = self.quote.text, self.quote.speaker
            self.speaker = self.speaker or self.quote.speaker.name
        errors = {}
        if self.kind in (self.Kind.TEXT, self.Kind.ASIDE) and not self.html:
            errors["html"] = "Write the text of this block, or remove the block."
        if self.kind == self.Kind.ASIDE and not self.title:
            errors["title"] = "Give the fact box a heading."
        if self.kind == self.Kind.IMAGE and self.image_id is None:
            errors["image"] = "Choose a picture, or remove the block."
        if self.kind == self.Kind.QUOTE:
            if not self.text:
                errors["text"] = "Pick one of the article's quotes or type the words."
            if not self.speaker:
                errors["speaker"] = "Say who said it."
        if self.kind == self.Kind.EMBED and embeds.match(self.url) is None:
            errors["url"] = (
                f"Newsroom cannot embed this address. Embeds come from: {embeds.supported_providers()}."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def embed(self) -> embeds.Embed | None:
        return embeds.match(self.url) if self.kind == self.Kind.EMBED else None

    @property
    def shown_caption(self) -> str:
        if self.caption:
            return self.caption
        return self.image.caption if self.image is not None else ""


# The columns each kind uses (the admin shows these; the API and history read these).
FIELDS_BY_KIND = {
    BodyBlock.Kind.TEXT: ("html",),
    BodyBlock.Kind.IMAGE: ("image", "caption", "size"),
    BodyBlock.Kind.QUOTE: ("quote", "text", "speaker", "person"),
    BodyBlock.Kind.EMBED: ("url",),
    BodyBlock.Kind.ASIDE: ("title", "html"),
}
