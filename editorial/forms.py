"""Forms of the editorial tools: the article form's safeguards, and the bulk actions' questions."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from articles.importing import accepted
from articles.models import Article, Section, Topic
from articles.pictures import ALT_TEXT_NEEDED, needs_alt_text
from articles.tagkinds import TagKind, names_from_string
from newsroom.dates import validate_in_range
from newstext import normalise_name

from . import history
from .tagging import resolve_topics
from .widgets import DateTimeLocalInput, TopicNameInput, TopicTokensWidget

CONFLICT_MESSAGE = (
    "Someone else saved this article after you opened it. Your changes have not been saved, "
    "so that theirs are not lost: copy anything you need, then reload the article."
)


def _same_text(text: str) -> str:
    """Text as a form posts it and as it is stored compare alike (line endings)."""
    return text.replace("\r\n", "\n").strip()


def _quoted(names: list[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)


# The article's own text fields that "Apply my changes on top of the newer version" can carry over.
APPLICABLE_FIELDS = tuple(
    name
    for name in ("headline", "slug", "standfirst", "body", "publication", "image_alt", "image_credit")
    if name in {field.name for field in Article._meta.concrete_fields}
)


@dataclass(frozen=True)
class MyChange:
    """A field where the refused save differs from the newer version: mine, theirs, and the choice."""

    name: str
    label: str
    mine: str
    newer: str
    changed_by_me: bool  # differs from the version I opened (False when that version is not known)

    @property
    def diff(self):
        return history.word_diff(self.newer, self.mine)


class Conflict:
    """What changed between the version an editor opened and the one stored now."""

    def __init__(self, article: Article, opened_at: datetime | None, *, posted=None) -> None:
        self.article = article
        self.reload_url = reverse("admin:articles_article_change", args=[article.pk])
        self.apply_url = reverse("admin:articles_article_apply_mine", args=[article.pk])
        self.newer_token = article.updated_at.isoformat()
        opened = history.version_saved_at(article, opened_at) if opened_at else None
        was = opened.field_dict if opened else {}
        self.mine = [
            MyChange(
                name=name,
                label=str(Article._meta.get_field(name).verbose_name).capitalize(),
                mine=posted[name],
                newer=str(getattr(article, name) or ""),
                changed_by_me=bool(opened)
                and _same_text(posted[name]) != _same_text(str(was.get(name) or "")),
            )
            for name in APPLICABLE_FIELDS
            if posted is not None
            and name in posted
            and _same_text(posted[name]) != _same_text(str(getattr(article, name) or ""))
        ]
        self.changes = (
            history.compare(history.snapshot_of_version(opened), history.snapshot_of_article(article))
            if opened
            else None
        )
        revisions = [v.revision for v in history.versions_of(article.pk)[:20]]
        self.saves = [r for r in revisions if opened_at is None or r.date_created > opened_at]


class PlainNewlinesField(forms.CharField):
    """Text as stored: browsers post a textarea's lines ending in CR LF, the importer writes LF.

    Without this, the first save of an imported article changed its body (every line
    ending) and its history said so although nobody had touched it.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


class EditorialArticleForm(forms.ModelForm):
    """The article form's safeguards: edit conflicts, publication times, topic names.

    ``edit_token`` is the ``updated_at`` of the article when the form was opened.
    A save whose token is not the stored ``updated_at`` any more is refused.
    """

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    new_topics = forms.CharField(
        label="New topics to create",
        required=False,
        widget=forms.TextInput(attrs={"class": "vTextField", "autocomplete": "off"}),
        help_text="A topic that does not exist yet is created only when it is named here too "
        "(the topic box does it for you when you choose “Create new topic”). Comma-separated.",
    )
    review_note = forms.CharField(
        label="Note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text="Submitting for review: a note for the editor (optional). "
        "Sending back: what the writer should do (required); they see it on the article.",
    )
    # Whether this user may create topics (the admin sets it from the permission ``articles.add_topic``).
    may_create_topics = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: Conflict | None = None
        self.stored: Article | None = None  # the article as stored, locked, once the form is clean
        if self.instance.pk:
            self.initial.setdefault("edit_token", self.instance.updated_at.isoformat())
        if "topics" in self.fields:
            self.fields["topics"].widget = TopicTokensWidget(
                attrs={"class": "vTextField"}, may_create=self.may_create_topics
            )
            self.fields["topics"].help_text = (
                "Each topic whole, e.g. “Ukraine war” (separate them with commas when typing without "
                "the suggestions). Existing topics are suggested as you type; a topic that was merged "
                "or renamed is replaced by the one it became."
            )

    def clean_topics(self):
        topics = resolve_topics(self.cleaned_data["topics"])
        names = list(topics)
        new = [name for name, topic in topics.items() if topic is None]
        if new and not self.may_create_topics:
            raise ValidationError(
                f"No topic is called {_quoted(new)}: choose existing topics from the suggestions. "
                "Only editors and taggers create new topics."
            )
        confirmed = {normalise_name(n) for n in names_from_string(self.data.get("new_topics", ""))}
        unconfirmed = [name for name in new if normalise_name(name) not in confirmed]
        if unconfirmed:
            raise ValidationError(
                f"{_quoted(unconfirmed)} would be new: choose “Create new topic” in the suggestions, "
                "or name it under “New topics to create”, to create it; or choose an existing topic."
            )
        return names

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_conflict(cleaned.get("edit_token") or "")
        if "_send_back" in self.data and not (cleaned.get("review_note") or "").strip():
            self.add_error(
                "review_note", "Say what needs doing: the writer sees your comment on the article."
            )
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

    def _save_m2m(self):
        # Django writes every many-to-many field and tag kind again; an unchanged one is left as it
        # is here, since each write tells the revision to read the whole article again.
        opts = self._meta
        for field in self.instance._meta.many_to_many:
            name = field.name
            if name not in self.cleaned_data or (opts.fields and name not in opts.fields):
                continue
            if (opts.exclude and name in opts.exclude) or self._relation_unchanged(field):
                continue
            field.save_form_data(self.instance, self.cleaned_data[name])

    def _relation_unchanged(self, field) -> bool:
        """The posted objects (or tag names) of ``field`` are those the article had when read."""
        if not self.instance.pk or field.name not in self.initial:
            return False

        by_name = isinstance(field, TaggableManager)  # tags may be posted by name

        def keys(values):
            return {v if isinstance(v, str) else (v.name if by_name else v.pk) for v in values or []}

        return keys(self.initial[field.name]) == keys(self.cleaned_data[field.name])

    def _check_lead_picture(self, cleaned: dict, status: str) -> None:
        """A picture goes on a published (or scheduled) article only with alt text."""
        if "lead_image" not in self.fields or not needs_alt_text(cleaned.get("lead_image")):
            return
        going_live = "_publish" in self.data or "_schedule" in self.data
        stays_live = status == Article.Status.PUBLISHED and "_unpublish" not in self.data
        if going_live or stays_live:
            self.add_error("lead_image", ALT_TEXT_NEEDED)

    def _check_conflict(self, token: str) -> None:
        # Lock the row: of two saves racing, the second waits and then sees the first's time. The
        # row as stored is kept (``self.stored``): the admin compares the save with it.
        self.stored = Article.objects.select_for_update().filter(pk=self.instance.pk).first()
        stored = self.stored.updated_at if self.stored is not None else None
        try:
            opened_at = datetime.fromisoformat(token) if token else None
        except ValueError:
            opened_at = None
        if stored is not None and opened_at != stored:
            self.instance.updated_at = stored
            posted = {name: self.data[name] for name in APPLICABLE_FIELDS if name in self.data}
            self.conflict = Conflict(self.stored, opened_at, posted=posted)
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
    section = forms.ModelChoiceField(
        queryset=Section.objects.select_related("parent"),
        required=False,
        empty_label="No section (new articles get none; existing ones keep theirs)",
        help_text="The archive's documents name no section: choose one to put every imported article in it.",
    )
    overwrite = forms.BooleanField(
        required=False,
        label="Replace articles changed in the CMS",
        help_text="An article editors changed since its import is otherwise kept as they left it and "
        "reported as a conflict. Replaced versions stay in the article's history. Editors only.",
    )
    dry_run = forms.BooleanField(
        required=False,
        label="Check only",
        help_text="Read the documents and report, without saving anything.",
    )

    def __init__(self, *args, editor: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not editor:  # a writer sees only what a writer may do; the view refuses the rest
            del self.fields["publish"], self.fields["overwrite"]
