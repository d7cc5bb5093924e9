"""The body's blocks on the article form: one stacked inline, in the blocks' order."""

from django.contrib import admin

from articles import body
from articles.bodytext import refresh_body_text
from articles.models import BodyBlock

from .. import permissions
from .inlines import URL_FIELD


class BodyBlockInline(admin.StackedInline):
    """The blocks are the article's words: whoever may change its words may change them (no
    permission of their own, so the roles need nothing new)."""

    model = BodyBlock
    extra = 0
    formfield_overrides = URL_FIELD
    autocomplete_fields = ["person"]
    fields = [
        "position",
        "kind",
        "html",
        "title",
        "image",
        ("caption", "size"),
        "quote",
        "text",
        ("speaker", "person"),
        "url",
    ]
    verbose_name = "block"
    verbose_name_plural = "body (blocks in order)"

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
    """Saves the blocks together, then the article's words once (not once per block); shows the
    body's words, read only, to those who may only tag (they see no inlines)."""

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
        refresh_body_text([form.instance.pk])
