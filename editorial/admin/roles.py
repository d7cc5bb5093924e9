"""Roles on the article admin, enforced on the server (rules in ``editorial.permissions``).

A field the user may not change is read-only on the form, and a request that
posts it anyway is refused (403) rather than quietly saved without it, however
the request was made. The workflow fields and tag-only access are checked again
when the article is saved, since a form cannot be trusted with them alone.
"""

import copy
import re

from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied

from articles.models import Article

from .. import permissions

# Keys a browser posts for one field: the date and time halves, the "clear" box of a file.
_FIELD_KEY_RE = re.compile(r"(?:_[01]|-clear)$")


class ArticlePartInline:
    """For the article's inlines (bylines, related links, quotes): editable only with the article."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (
            obj is None or permissions.can_edit_content(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or permissions.can_edit_content(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or permissions.can_edit_content(request.user, obj)
        )


class RolesMixin:
    """Who may see, change, publish, tag and delete which article, and which of its fields."""

    def has_publish_permission(self, request):
        return permissions.can_publish(request.user)

    def has_tag_permission(self, request):
        return permissions.can_tag(request.user)

    def has_change_permission(self, request, obj=None):
        return permissions.can_tag(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return permissions.can_delete(request.user, obj)

    def tags_only(self, request, obj=None) -> bool:
        """The user may change this article's tags and nothing else."""
        user = request.user
        return permissions.can_tag(user, obj) and not permissions.can_edit_content(user, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.tags_only(request, obj):
            everything = (
                flatten_fieldsets(self.fieldsets) if self.fieldsets else self.get_fields(request, obj)
            )
            readonly += [f for f in everything if f not in permissions.TAG_FORM_FIELDS and f not in readonly]
        elif not permissions.can_publish(request.user):
            readonly += [f for f in ("status", "published_at") if f not in readonly]
        return readonly

    def get_prepopulated_fields(self, request, obj=None):
        readonly = set(self.get_readonly_fields(request, obj))
        return {
            field: sources
            for field, sources in super().get_prepopulated_fields(request, obj).items()
            if field not in readonly
        }

    def get_fieldsets(self, request, obj=None):
        fieldsets = copy.deepcopy(super().get_fieldsets(request, obj))
        if obj is not None and self.has_change_permission(request, obj):
            name, options = fieldsets[0]
            options["fields"] = [*options["fields"], "edit_token"]
        return fieldsets

    def get_inline_instances(self, request, obj=None):
        if self.tags_only(request, obj):
            return []
        return super().get_inline_instances(request, obj)

    def _editable_keys(self, request, obj) -> tuple[set[str], set[str]]:
        """The model fields and inline prefixes this user may post for ``obj``."""
        fields = set(flatten_fieldsets(self.get_fieldsets(request, obj)))
        fields -= set(self.get_readonly_fields(request, obj))
        prefixes = {
            inline.get_formset(request, obj).get_default_prefix()
            for inline in self.get_inline_instances(request, obj)
        }
        return fields, prefixes

    def refuse_fields_out_of_reach(self, request, obj) -> None:
        """Raise PermissionDenied when the POST carries a field this user may not change."""
        fields, prefixes = self._editable_keys(request, obj)
        model_fields = {
            f.name for f in Article._meta.get_fields() if getattr(f, "concrete", False) or f.many_to_many
        }
        all_prefixes = {f.get_accessor_name() for f in Article._meta.related_objects}
        refused = set()
        for key in request.POST:
            name = _FIELD_KEY_RE.sub("", key)
            if name in model_fields and name not in fields:
                refused.add(name)
            prefix = key.split("-", 1)[0]
            if "-" in key and prefix in all_prefixes and prefix not in prefixes:
                refused.add(prefix)
        if refused:
            raise PermissionDenied(f"You may not change: {', '.join(sorted(refused))}.")

    def check_save_allowed(self, request, obj, original) -> None:
        """What the form cannot be trusted with alone: the workflow fields and tag-only access.

        ``original`` is the article as stored (None for a new one)."""
        user = request.user
        if not permissions.can_publish(user):
            if original is None:
                if obj.status != Article.Status.DRAFT or obj.published_at is not None:
                    raise PermissionDenied("Only an editor can publish or schedule an article.")
            elif (obj.status, obj.published_at) != (original.status, original.published_at):
                raise PermissionDenied("Only an editor can publish, schedule or unpublish an article.")
        if original is not None and self.tags_only(request, original):
            for field in Article._meta.concrete_fields:
                if field.name != "updated_at" and getattr(obj, field.attname) != getattr(
                    original, field.attname
                ):
                    raise PermissionDenied("Taggers may change topics and countries only.")

    def save_related(self, request, form, formsets, change):
        if change and self.tags_only(request, form.instance):
            extra = set(form.changed_data) - {*permissions.TAG_FORM_FIELDS, "edit_token"}
            if extra or any(formset.has_changed() for formset in formsets):
                raise PermissionDenied("Taggers may change topics and countries only.")
        super().save_related(request, form, formsets, change)
