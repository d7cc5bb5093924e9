"""The body's blocks on the article form: one stacked inline, in the blocks' order.

Each block shows the fields of its kind only (``FIELDS_BY_KIND``, by ``body-blocks.js``); rich
text is edited in django-prose-editor (ProseMirror), configured with the sanitiser's elements
and cleaned by the same sanitiser on save. Blocks are added by kind, removed with the admin's
own delete box, and reordered by dragging or with the "Move up"/"Move down" buttons, which the
script keeps in the hidden ``position`` fields.
"""

from django import forms
from django.contrib import admin
from django.forms.models import ModelChoiceIterator
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget

from articles import body, sanitise
from articles.bodytext import refresh_body_text
from articles.models import FIELDS_BY_KIND, BodyBlock, Quote
from images.admin import ImageChooserMixin

from .. import permissions
from .formsets import PartsInline
from .inlines import URL_FIELD

# What the editor offers: exactly what the sanitiser keeps (articles/sanitise.py).
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(sanitise.URL_SCHEMES)},
}


class BlockTextField(ProseEditorFormField):
    """Rich text as stored: a browser posts its line breaks as CRLF, and an untouched block is no change."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


class BodyBlockForm(forms.ModelForm):
    html = BlockTextField(
        label="Text",
        required=False,
        config={"extensions": EDITOR_EXTENSIONS},
        sanitize=sanitise.sanitise_html,
        widget=AdminProseEditorWidget,
        help_text=BodyBlock._meta.get_field("html").help_text,
    )

    class Meta:
        model = BodyBlock
        fields = [
            "position",
            "kind",
            "html",
            "title",
            "image",
            "caption",
            "size",
            "quote",
            "text",
            "speaker",
            "person",
            "url",
        ]
        widgets = {"position": forms.HiddenInput}


class SharedChoiceIterator(ModelChoiceIterator):
    """Choices read once for every form of a formset (the field's copies share ``shared_choices``),
    not once per block form and once more for the empty form that adds a block."""

    def __iter__(self):
        shared = self.field.shared_choices
        if not shared:
            shared.extend(super().__iter__())
        yield from shared

    def __len__(self):
        return len(list(self))


class BodyBlockInline(PartsInline, ImageChooserMixin, admin.StackedInline):
    """The blocks are the article's words: whoever may change its words may change them (no
    permission of their own, so the roles need nothing new)."""

    model = BodyBlock
    form = BodyBlockForm
    extra = 0
    formfield_overrides = URL_FIELD
    autocomplete_fields = ["person"]
    fields = BodyBlockForm.Meta.fields
    verbose_name = "block"
    verbose_name_plural = "body"
    template = "admin/articles/article/body_blocks.html"
    fields_by_kind = {kind.value: list(names) for kind, names in FIELDS_BY_KIND.items()}
    kinds = BodyBlock.Kind.choices

    class Media:
        css = {"all": ["editorial/body-blocks.css"]}
        js = ["editorial/body-blocks.js"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # A pull quote is picked from this article's own quotes.
        quotes = formset.form.base_fields["quote"]
        quotes.iterator, quotes.shared_choices = SharedChoiceIterator, []
        quotes.queryset = (
            Quote.objects.filter(article=obj).select_related("speaker") if obj else Quote.objects.none()
        )
        return formset

    def _may_edit(self, request, obj) -> bool:
        user = request.user
        if obj is None:
            return user.has_perm("articles.add_article") or user.has_perm("articles.change_article")
        return user.has_perm("articles.change_article") and permissions.can_edit_content(user, obj)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or self._may_edit(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request, obj)


class BodyBlocksMixin:
    """Saves the blocks together, then the article's words once (not once per block, and not at all
    when no block changed); shows the body's words, read only, to those who may only tag (they see
    no inlines)."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)  # type: ignore[misc]
        if obj is not None and self.tags_only(request, obj):  # type: ignore[attr-defined]
            (name, options), *rest = fieldsets
            fieldsets = [(name, {**options, "fields": [*options["fields"], "body_text"]}), *rest]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "body_text"]  # type: ignore[misc]

    def save_related(self, request, form, formsets, change):
        with body.text_refreshed_by_caller():
            super().save_related(request, form, formsets, change)  # type: ignore[misc]
        # The stored words derive from the blocks: read again when a block was written or removed.
        written = (
            fs.new_objects or fs.changed_objects or fs.deleted_objects
            for fs in formsets
            if fs.model is BodyBlock
        )
        if not change or any(written):
            refresh_body_text([form.instance.pk])
