"""The import page of the article admin: upload archive documents and see the import command's report."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse

from articles.importing import Source, import_batch

from ..forms import ImportDocumentsForm


class ImportMixin:
    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="articles_article_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload archive documents and see the same report as the import command."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        results = []
        form = ImportDocumentsForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            limit = settings.NEWSROOM_IMPORT_MAX_BYTES  # one byte more tells a file is too large
            uploads = form.cleaned_data["documents"]
            sources = [Source(name=upload.name, data=upload.read(limit + 1)) for upload in uploads]
            batch = import_batch(
                sources,
                publish=form.cleaned_data["publish"],
                dry_run=form.cleaned_data["dry_run"],
                each_document=lambda: self.create_revision(request),  # one revision per document
            )
            results = list(batch)
            failed = sum(not r.ok for r in results)
            level = messages.WARNING if failed else messages.SUCCESS
            verb = "checked" if form.cleaned_data["dry_run"] else "imported"
            self.message_user(request, f"{len(results) - failed} {verb}, {failed} failed.", level)
        imported = [r.article.pk for r in results if r.article is not None]
        context = {
            **self.admin_site.each_context(request),
            "title": "Import documents",
            "opts": self.model._meta,
            "form": form,
            "results": results,
            "imported_url": (
                reverse("admin:articles_article_changelist") + "?id__in=" + ",".join(map(str, imported))
                if imported
                else ""
            ),
        }
        return TemplateResponse(request, "admin/articles/article/import.html", context)
