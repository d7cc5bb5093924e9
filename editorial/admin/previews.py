"""Shareable preview links on the article admin: a signed link that shows a draft (``editorial.previews``)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .. import permissions
from ..forms import SharePreviewForm
from ..previews import make_preview_link


class PreviewMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/share-preview/",
                view(self.share_preview_view),
                name="articles_article_share",
            ),
            *super().get_urls(),
        ]

    def form_context(self, request, obj, form=None) -> dict:
        context = super().form_context(request, obj, form)
        if obj is not None and request.user.has_perm(permissions.CHANGE) and not obj.is_live:
            context["share_url"] = reverse("admin:articles_article_share", args=[obj.pk])
        return context

    def share_preview_view(self, request, object_id):
        """Make a signed link that shows this draft to someone without an account."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not request.user.has_perm(permissions.CHANGE):
            raise PermissionDenied
        form = SharePreviewForm(request.POST or None)
        link = None
        if request.method == "POST" and form.is_valid():
            link = make_preview_link(obj, valid_for=form.lifetime())
        context = {
            **self.admin_site.each_context(request),
            "title": f"Share a preview of “{obj}”",
            "opts": self.opts,
            "original": obj,
            "form": form,
            "link": link,
            "link_url": request.build_absolute_uri(link.path) if link else "",
        }
        return TemplateResponse(request, "editorial/admin/share_preview.html", context)
