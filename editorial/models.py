"""What the editorial tools keep: where merged topics went, each revision's tags, and import jobs."""

from django.conf import settings
from django.db import models
from reversion.models import Revision

from articles.importing import Status


class TopicRedirect(models.Model):
    """An old topic address that now leads to the topic it was merged into or renamed to."""

    old_slug = models.SlugField(
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text="The slug of the topic page that no longer exists.",
    )
    old_name = models.CharField(max_length=100, help_text="The topic's name before the merge or rename.")
    topic = models.ForeignKey(
        "articles.Topic",
        on_delete=models.CASCADE,
        related_name="redirects",
        help_text="Where readers and old links are sent now.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = "topic redirect"

    def __str__(self):
        return f"{self.old_slug} → {self.topic.slug}"


class RevisionTags(models.Model):
    """An article's topics and countries as a revision saw them, by name.

    Kept by name rather than by row so that a revision still reads, compares and
    reverts after its topics were merged, renamed or cleaned up.
    """

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="article_tags")
    article_id = models.BigIntegerField(db_index=True)
    topics = models.JSONField(default=list, help_text="Topic names, in alphabetical order.")
    countries = models.JSONField(default=list, help_text="ISO 3166-1 alpha-2 codes, sorted.")

    class Meta:
        verbose_name = "revision tags"
        verbose_name_plural = "revision tags"
        constraints = [
            models.UniqueConstraint(fields=["revision", "article_id"], name="revision_tags_unique"),
        ]

    def __str__(self):
        return f"tags of article {self.article_id} in revision {self.revision_id}"


class ImportJob(models.Model):
    """Documents uploaded on the import page, imported by the task workers (``editorial.imports``)."""

    class State(models.TextChoices):
        QUEUED = "queued", "waiting for a worker"
        RUNNING = "running", "importing"
        FINISHED = "finished", "finished"
        STOPPED = "stopped", "stopped"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    publish = models.BooleanField(default=False, help_text="Whether the imported articles are published.")
    dry_run = models.BooleanField(default=False, help_text="Only checked: nothing was saved.")
    section = models.ForeignKey(
        "articles.Section",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The section the imported articles are put in; none: left as they are.",
    )
    overwrite = models.BooleanField(
        default=False, help_text="Whether articles changed in the CMS since their import were replaced."
    )
    total = models.PositiveIntegerField(help_text="Documents uploaded.")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True, help_text="Why the job stopped before its last document.")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "import job"

    def __str__(self):
        return f"import job {self.pk} ({self.total} documents)"

    @property
    def state(self) -> "ImportJob.State":
        if self.finished_at is not None:
            return self.State.STOPPED if self.error else self.State.FINISHED
        return self.State.QUEUED if self.started_at is None else self.State.RUNNING


class ImportedDocument(models.Model):
    """One document of an import job: the upload until it is imported, then what became of it."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="documents")
    position = models.PositiveIntegerField(help_text="Its place in the upload, from 0.")
    name = models.TextField(help_text="The uploaded file's name; the importer recognises documents by it.")
    # Kept in the database, which every worker reaches, and emptied in the transaction that
    # imports the document: an upload that rolls back or a document imported leaves no file behind.
    data = models.BinaryField(blank=True, help_text="The uploaded bytes, until the document is imported.")
    status = models.CharField(
        max_length=16,
        blank=True,
        choices=[(status.value, status.value) for status in Status],
        help_text="What the import did; empty while the document waits.",
    )
    error = models.TextField(blank=True)
    article = models.ForeignKey("articles.Article", on_delete=models.SET_NULL, null=True, related_name="+")
    details = models.JSONField(default=dict, help_text="The report's columns: headline and counts.")

    class Meta:
        verbose_name = "imported document"
        constraints = [
            # A document is recorded once: a second run of the same job cannot import it again.
            models.UniqueConstraint(fields=["job", "position"], name="imported_document_once"),
        ]

    def __str__(self):
        return self.name


class EditingPresence(models.Model):
    """Someone has an article's form open: kept current by the form while it is open (no lock)."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(help_text="The form last said it is open.")

    class Meta:
        verbose_name = "editing presence"
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="editing_presence_once"),
        ]
        indexes = [models.Index(fields=["article", "-seen_at"], name="editing_presence_recent_idx")]

    def __str__(self):
        return f"{self.user} on article {self.article_id}"
