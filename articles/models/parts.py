"""What an article is made of besides its own fields: bylines, related links and quotes."""

from django.db import models

from newsroom.dates import ReadableDateTimeField, validate_in_range
from newstext import normalise_name, normalise_title, parse_byline, presents_quote
from people.models import Person

from .relations import FetchedRelationsExist


class Byline(FetchedRelationsExist, models.Model):
    """One author's place in an article's byline, in order."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bylines", db_index=False
    )
    author = models.ForeignKey("people.Author", on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)
    location = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where the author filed this story from, e.g. “Dnipro, Ukraine”.",
    )
    role = models.CharField(
        max_length=200, blank=True, help_text="The author's role as printed in this byline."
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_author_unique"),
        ]

    def __str__(self):
        return f"{self.author} on {self.article}"

    @property
    def credit(self) -> str:
        return self.location or self.role or self.author.credit


# The most related links an article keeps. A curated "Related Content" list holds a handful (the
# archive's run to about ten); a hundred is far past any real one, keeps the article page and its
# report bounded, and stays well inside the positions a small integer holds.
MAX_RELATED_LINKS = 100


class RelatedLink(FetchedRelationsExist, models.Model):
    """A curated link from an article to another piece, kept in the editor's order."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="related_links", db_index=False
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    title_key = models.CharField(max_length=300, editable=False)  # indexed in Meta
    standfirst = models.TextField(blank=True)
    byline = models.CharField(
        max_length=300,
        blank=True,
        help_text="As printed, e.g. “Andrew Roth in Moscow and Peter Beaumont in Lviv”.",
    )
    authors = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="The byline parsed into names with location or role.",
    )
    published_at = ReadableDateTimeField(null=True, blank=True, validators=[validate_in_range])
    url = models.URLField(blank=True, help_text="For a piece outside this site.")
    publication = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where the piece appeared, e.g. “BBC News”. Left empty: the article's own publication.",
    )
    image = models.ForeignKey(
        "images.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="related_links",
        verbose_name="picture",
        help_text="For a piece outside this site. A link to an article here shows that article's "
        "lead picture.",
    )
    target = models.ForeignKey(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_links",
        help_text="The article on this site the link points to; found from the title when left empty.",
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="related_link_position_unique"),
        ]
        indexes = [models.Index(fields=["title_key"], name="related_link_title_key_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title_key = normalise_title(self.title)
        if self.byline:
            # The byline as typed in the admin is read as the importer reads it: names, places, roles.
            self.authors = [
                {"name": a.name, "location": a.location, "role": a.role} for a in parse_byline(self.byline)
            ]
        super().save(*args, **kwargs)

    @property
    def is_here(self) -> bool:
        """The link leads to an article readers can see on this site."""
        return bool(self.target_id and self.target.is_live)

    @property
    def href(self) -> str:
        """Where the link goes: the internal article when resolved, else the external URL."""
        if self.is_here:
            return self.target.get_absolute_url()
        return self.url

    @property
    def picture(self):
        """The card's picture: the lead picture of the article it resolves to, when readers can see
        that article, else the link's own (for a piece elsewhere). Reads ``select_related`` rows."""
        if self.target_id and self.target.is_live and self.target.lead_image_id:
            return self.target.lead_image
        return self.image


class QuoteQuerySet(models.QuerySet):
    def presented(self):
        """The quotes readers see as their speakers' words (``newstext.presents_quote``)."""
        return self.filter(presented=True)

    def by_speaker(self, speaker: str):
        """Quotes whose speaker's name contains ``speaker`` (compared by name key), or whose slug it is.

        What the quotes page and the API's ``speaker`` filter both accept: “shraibman”, “Artyom
        Shraibman” or the slug ``artyom-shraibman``.
        """
        # A person's page links here with their slug: then that one person, through the speaker index.
        person = Person.objects.filter(slug=speaker).only("pk").first()
        if person is not None:
            return self.filter(speaker=person)
        key = normalise_name(speaker)
        by_name = models.Q(speaker__name_key__contains=key) if key else models.Q(pk__in=[])
        return self.filter(by_name | models.Q(speaker__slug=speaker))


class Quote(FetchedRelationsExist, models.Model):
    """Words a person or organisation said, as the article reports them.

    Article content: it goes with its article, is edited on the article's form
    and is kept in the article's history. Its table keeps the name it had when
    quotes belonged to the people app.
    """

    # Both keys are served by the indexes in Meta, which they lead.
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="quotes", db_index=False
    )
    speaker = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="quotes", db_index=False
    )
    text = models.TextField(help_text="The quoted words, without quotation marks.")
    position = models.PositiveIntegerField(
        default=0, help_text="Order of the quote in the article (0 is first)."
    )
    paragraph = models.PositiveIntegerField(
        null=True, blank=True, help_text="Body paragraph (counting from 1) where the quote starts."
    )
    partial = models.BooleanField(
        default=False, help_text="A few words quoted inside a sentence, not a full statement."
    )
    presented = models.BooleanField(
        default=True,
        editable=False,
        help_text="Shown to readers as the speaker's words: not a partial quote of one or two words.",
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        db_table = "people_quote"
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="quote_position_unique"),
        ]
        indexes = [models.Index(fields=["speaker", "article"], name="people_quot_speaker_ab5b0d_idx")]

    def __str__(self):
        words = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.speaker}: “{words}”"

    def save(self, *args, **kwargs):
        self.presented = presents_quote(text=self.text, partial=self.partial)
        super().save(*args, **kwargs)
