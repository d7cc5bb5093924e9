"""History on the article admin (django-reversion): the revision list, comparing two states, reverting.

What a revision records and how two states compare is ``editorial.history``;
these views ask who may look or restore, and show it.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from reversion.models import Version

from articles.bodytext import refresh_body_text
from articles.models import Article

from .. import history, permissions


class HistoryMixin:
    object_history_template = "editorial/admin/history.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/", view(self.compare_view), name="articles_article_compare"
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Reading the form saves nothing: no revision (and no transaction) to open for it, as
        # Django opens none for a GET either. A save still runs in VersionAdmin's revision.
        if request.method in ("GET", "HEAD"):
            return self.changeform_view(request, object_id, form_url, extra_context)
        return super().change_view(request, object_id, form_url, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """The article form, for editing or for reviewing a revision before restoring it.

        The article is loaded here only when a save or a revert needs it before the form is made
        (Django loads its own for the form). The form's extra context (``form_context``) is built
        only when the form is shown: a save that succeeds redirects and needs none of it.
        """
        extra_context = dict(extra_context or {})
        version = extra_context.get("editorial_version")
        stored = None
        if object_id and (request.method == "POST" or version is not None):
            stored = self.get_object(request, unquote(object_id))
        if version is not None and stored is not None:
            # Reverting: the revision's tags, by name, join the reverted fields and inlines.
            history.restore_tags(stored, version.revision)
        if request.method == "POST" and (stored is not None or object_id is None):
            self.refuse_fields_out_of_reach(request, stored)
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if version is not None and stored is not None and request.method == "POST":
            # The revert put the revision's blocks back itself, not the form: derive their words.
            refresh_body_text([stored.pk])
        context = getattr(response, "context_data", None)
        if version is None and context is not None and not response.is_rendered:
            # The article as stored (a refused save's form holds what was posted), or as shown.
            shown = stored if stored is not None else context.get("original")
            context.update(self.form_context(request, shown, form=context["adminform"].form))
        return response

    def form_context(self, request, obj, form=None) -> dict:
        context = super().form_context(request, obj, form)
        if obj is not None:
            context["compare_url"] = reverse("admin:articles_article_compare", args=[obj.pk])
        return context

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not permissions.can_edit_content(request.user, obj):
            raise PermissionDenied
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        refused = self.revert_refusal(request, version, current=obj)
        if refused:
            self.message_user(request, refused, messages.ERROR)
            return redirect("admin:articles_article_history", obj.pk)
        return super().revision_view(
            request, object_id, version_id, {**(extra_context or {}), "editorial_version": version}
        )

    def recover_view(self, request, version_id, extra_context=None):
        if not (self.has_add_permission(request) and request.user.has_perm(permissions.CHANGE)):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(Article), pk=version_id)
        refused = self.revert_refusal(request, version, current=None)
        if refused:
            self.message_user(request, refused, messages.ERROR)
            return redirect("admin:articles_article_recoverlist")
        return super().recover_view(
            request, version_id, {**(extra_context or {}), "editorial_version": version}
        )

    def revert_refusal(self, request, version, *, current) -> str:
        """Why this user may not restore ``version`` now, or ''."""
        data = version.field_dict
        if not permissions.can_publish(request.user):
            now = (current.status, current.published_at) if current else (Article.Status.DRAFT, None)
            if (data.get("status"), data.get("published_at")) != now:
                return "Only an editor can restore a version with another publication status or time."
        problems = history.revert_problems(version)
        return " ".join(["This version cannot be restored:", *problems]) if problems else ""

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        can_revert = obj is not None and permissions.can_edit_content(request.user, obj)
        versions = list(history.versions_of(unquote(object_id)))
        context = {
            "versions": versions,
            "can_revert": can_revert,
            "compare_url": reverse("admin:articles_article_compare", args=[object_id]),
        }
        return super().history_view(request, object_id, {**context, **(extra_context or {})})

    def compare_view(self, request, object_id):
        """Two states of an article side by side: two revisions, or a revision and the current one."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        versions = history.versions_of(obj.pk)
        ids = [request.GET.get("from"), request.GET.get("to")]
        chosen = {str(v.pk): v for v in versions.filter(pk__in=[i for i in ids if i and i.isdigit()])}
        if not ids[0] or ids[0] not in chosen or (ids[1] not in chosen and ids[1] not in ("current", None)):
            self.message_user(request, "Choose two versions to compare.", messages.WARNING)
            return redirect("admin:articles_article_history", obj.pk)
        old = chosen[ids[0]]
        new = chosen.get(ids[1])
        if new is not None and new.pk < old.pk:
            old, new = new, old
        new_snapshot = history.snapshot_of_version(new) if new else history.snapshot_of_article(obj)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare versions of “{obj}”",
            "opts": self.opts,
            "original": obj,
            "old": old,
            "new": new,
            "changes": history.compare(history.snapshot_of_version(old), new_snapshot),
            "can_revert": permissions.can_edit_content(request.user, obj),
        }
        return TemplateResponse(request, "editorial/admin/compare.html", context)
