"""Forms of the editorial tools: the article form's safeguards, and the bulk actions' questions."""

from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.importing import accepted
from articles.models import Article, Topic
from articles.pictures import ALT_TEXT_NEEDED, needs_alt_text
from articles.tagkinds import TagKind
from newsroom.dates import validate_in_range
from newstext import normalise_name

from . import history
from .tagging import resolve_topic_names
from .widgets import DateTimeLocalInput, TopicNameInput, TopicsWidget

CONFLICT_MESSAGE = (
    "Someone else saved this article after you opened it. Your changes have not been saved, "
    "so that theirs are not lost: copy anything you need, then reload the article."
)


class Conflict:
    """What changed between the version an editor opened and the one stored now."""

    def __init__(self, article: Article, opened_at: datetime | None) -> None:
        self.article = article
        self.reload_url = reverse("admin:articles_article_change", args=[article.pk])
        opened = history.version_saved_at(article, opened_at) if opened_at else None
        self.changes = (
            history.compare(history.snapshot_of_version(opened), history.snapshot_of_article(article))
            if opened
            else None
        )
        revisions = [v.revision for v in history.versions_of(article.pk)[:20]]
        self.saves = [r for r in revisions if opened_at is None or r.date_created > opened_at]


class EditorialArticleForm(forms.ModelForm):
    """The article form's safeguards: edit conflicts, publication times, topic names.

    ``edit_token`` is the ``updated_at`` of the article when the form was opened.
    A save whose token is not the stored ``updated_at`` any more is refused.
    """

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: Conflict | None = None
        if self.instance.pk:
            self.initial.setdefault("edit_token", self.instance.updated_at.isoformat())
        if "topics" in self.fields:
            self.fields["topics"].widget = TopicsWidget(attrs={"class": "vTextField"})
            self.fields["topics"].help_text = (
                "Comma-separated. Existing topics are suggested as you type; "
                "a topic that was merged or renamed is replaced by the one it became."
            )

    def clean_topics(self):
        return resolve_topic_names(self.cleaned_data["topics"])

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_conflict(cleaned.get("edit_token") or "")
        status = cleaned.get("status", self.instance.status)
        published_at = cleaned.get("published_at", self.instance.published_at)
        if "_schedule" in self.data and "published_at" in self.fields:
            if not published_at or published_at <= timezone.now():
                self.add_error(
                    "published_at", "To schedule the article, set a publication time in the future."
                )
        elif status == Article.Status.PUBLISHED and not published_at and "_publish" not in self.data:
            self.add_error(
                "published_at", "A published article needs a publication time: set one, or use “Publish now”."
            )
        self._check_lead_picture(cleaned, status)
        return cleaned

    def _check_lead_picture(self, cleaned: dict, status: str) -> None:
        """A picture goes on a published (or scheduled) article only with alt text."""
        if "lead_image" not in self.fields or not needs_alt_text(cleaned.get("lead_image")):
            return
        going_live = "_publish" in self.data or "_schedule" in self.data
        stays_live = status == Article.Status.PUBLISHED and "_unpublish" not in self.data
        if going_live or stays_live:
            self.add_error("lead_image", ALT_TEXT_NEEDED)

    def _check_conflict(self, token: str) -> None:
        # Lock the row: of two saves racing, the second waits and then sees the first's time.
        stored = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        try:
            opened_at = datetime.fromisoformat(token) if token else None
        except ValueError:
            opened_at = None
        if stored is not None and opened_at != stored:
            self.instance.updated_at = stored
            self.conflict = Conflict(Article.objects.get(pk=self.instance.pk), opened_at)
            raise ValidationError(CONFLICT_MESSAGE, code="conflict")


class TopicForm(forms.ModelForm):
    """The topic admin's form: names are unique whatever their case, and say what to do instead."""

    class Meta:
        model = Topic
        fields = ["name", "slug"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Topic.objects.filter(name_key=normalise_name(name)).exclude(pk=self.instance.pk).first()
        if clash:
            raise ValidationError(
                f"There is already a topic called “{clash.name}”. To combine the two, select both "
                "in the topic list and use “Merge selected topics”."
            )
        return name


class ScheduleForm(forms.Form):
    at = forms.DateTimeField(
        label="Publication time",
        widget=DateTimeLocalInput,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[validate_in_range],
        help_text="Wall-clock time in the newsroom's time zone. The articles go live by themselves then.",
    )

    def clean_at(self):
        at = self.cleaned_data["at"]
        if at <= timezone.now():
            raise ValidationError("Pick a time in the future.")
        return at


class TopicNameForm(forms.Form):
    name = forms.CharField(
        label="Topic",
        max_length=100,
        widget=TopicNameInput(attrs={"class": "vTextField"}),
        help_text="An existing topic, or a new one to create.",
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip().strip(",").strip()
        if not name:
            raise ValidationError("Type a topic.")
        return name


class TagChoiceForm(forms.Form):
    """Pick one tag of a kind from a list; the field is named after the kind ("topic", "country")."""

    def __init__(self, *args, kind: TagKind, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields[kind.singular] = forms.ModelChoiceField(queryset=tags, label=kind.singular.capitalize())

    @property
    def tag(self):
        return self.cleaned_data[self.kind.singular]


class MergeTopicsForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        label="Keep this topic",
        widget=forms.RadioSelect,
        help_text="The other selected topics are merged into it and deleted; their pages redirect to it.",
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = topics


class SharePreviewForm(forms.Form):
    VALIDITY = {
        "1h": ("1 hour", timedelta(hours=1)),
        "1d": ("1 day", timedelta(days=1)),
        "3d": ("3 days", timedelta(days=3)),
        "7d": ("7 days", timedelta(days=7)),
    }
    valid_for = forms.ChoiceField(
        label="Link works for",
        choices=[(key, label) for key, (label, _) in VALIDITY.items()],
        initial="1d",
        help_text="Editing the article revokes the link at once.",
    )

    def lifetime(self) -> timedelta:
        return self.VALIDITY[self.cleaned_data["valid_for"]][1]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accepted()}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportDocumentsForm(forms.Form):
    documents = MultipleFileField(
        label="Documents",
        help_text="One or more archive documents (.txt). Each is imported whole or not at all.",
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish now",
        help_text="Leave unticked to import as drafts for checking first.",
    )
    dry_run = forms.BooleanField(
        required=False,
        label="Check only",
        help_text="Read the documents and report, without saving anything.",
    )
