"""After a refused second save: apply my changes on top of the newer version, field by field.

The refusal page lists each of the article's text fields where what I posted
differs from the newer version, ticked when I changed it. "Apply my changes on
top of the newer version" posts the same form here: the ticked fields take my
text, everything else (the other fields, bylines, links, quotes, tags) stays as
the newer version has it, and the result is saved as a revision that says so.
"""

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path
from django.views.decorators.http import require_POST

from articles.models import Article

from .. import permissions
from ..forms import APPLICABLE_FIELDS


class ApplyMineMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/apply-mine/",
                view(require_POST(self.apply_mine_view)),
                name="articles_article_apply_mine",
            ),
            *super().get_urls(),
        ]

    def apply_mine_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not permissions.can_edit_content(request.user, obj):
            raise PermissionDenied
        chosen = [name for name in request.POST.getlist("_keep_mine") if name in APPLICABLE_FIELDS]
        change_url = redirect("admin:articles_article_change", obj.pk)
        with transaction.atomic():
            stored = Article.objects.select_for_update().get(pk=obj.pk)
            if request.POST.get("_newer_token") != stored.updated_at.isoformat():
                self.message_user(
                    request,
                    "The article was saved again meanwhile: nothing was applied. Compare once more.",
                    messages.ERROR,
                )
                return change_url
            if not chosen:
                self.message_user(request, "No field was chosen: the newer version is open.", messages.INFO)
                return change_url
            form_class = forms.modelform_factory(Article, fields=chosen)
            form = form_class(request.POST, instance=stored)
            if not form.is_valid():
                errors = "; ".join(f"{name}: {' '.join(e)}" for name, e in form.errors.items())
                self.message_user(request, f"Your changes could not be applied: {errors}", messages.ERROR)
                return change_url
            labels = [str(Article._meta.get_field(name).verbose_name) for name in chosen]
            with reversion.create_revision():
                form.save()
                reversion.set_user(request.user)
                reversion.set_comment(f"Applied on top of the newer version: {', '.join(labels)}.")
        self.message_user(
            request,
            f"Your {', '.join(labels)} were applied on top of the newer version and saved.",
            messages.SUCCESS,
        )
        return change_url
