"""The import page of the article admin: upload archive documents, follow their import, see its report.

An upload becomes an import job for the task workers (``editorial.tasks``); its
page shows a progress bar, kept current by polling a small JSON view (or by
reloading, without JavaScript), then the same report as the import command's.
A check of a few documents ("Check only") writes nothing and is answered at once.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.cache import never_cache

from articles.importing import Source, Status, import_batch

from .. import imports, permissions
from ..forms import ImportDocumentsForm
from ..models import ImportJob
from ..tasks import start_import

# How often the job page asks for progress, in milliseconds; without JavaScript it reloads every few seconds.
POLL_MS = 1000
RELOAD_SECONDS = 3
# Articles the "View the imported articles" link lists at most: their ids go in its address.
IMPORTED_LINK_MAX = 200


class ImportMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="articles_article_import"),
            path("import/<int:job_id>/", view(self.import_job_view), name="articles_article_import_job"),
            path(
                "import/<int:job_id>/progress/",
                view(never_cache(self.import_progress_view)),
                name="articles_article_import_progress",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload archive documents: an import is queued as a job, a small check is answered at once."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        rows = []
        editor = permissions.can_publish(request.user)
        if request.method == "POST" and not editor and ({"publish", "overwrite"} & set(request.POST)):
            raise PermissionDenied("Only an editor can publish imported articles or replace editors' work.")
        form = ImportDocumentsForm(request.POST or None, request.FILES or None, editor=editor)
        if request.method == "POST" and form.is_valid():
            publish, dry_run = form.cleaned_data.get("publish", False), form.cleaned_data["dry_run"]
            overwrite = form.cleaned_data.get("overwrite", False)
            section = form.cleaned_data["section"]
            limit = settings.NEWSROOM_IMPORT_MAX_BYTES  # one byte more tells a file is too large
            uploads = [
                imports.Upload(name=upload.name, data=upload.read(limit + 1))
                for upload in form.cleaned_data["documents"]
            ]
            if not (dry_run and len(uploads) <= imports.CHECK_NOW_LIMIT):
                job = start_import(
                    uploads,
                    user=request.user,
                    publish=publish,
                    dry_run=dry_run,
                    overwrite=overwrite,
                    section=section,
                )
                return redirect("admin:articles_article_import_job", job.pk)
            batch = import_batch(
                [Source(name=u.name, data=u.data) for u in uploads],
                dry_run=True,
                publish=publish,
                overwrite=overwrite,
                section=section,
                rights=permissions.import_rights(request.user),
            )
            rows = [imports.result_row(result, dry_run=True) for result in batch]
        context = {
            **self.import_context(request, "Import documents"),
            "form": form,
            "rows": rows,
            "summary": summary(rows, dry_run=True) if rows else None,
        }
        return TemplateResponse(request, "admin/articles/article/import.html", context)

    def import_job_view(self, request, job_id):
        """An import job's progress while it runs, and its report once it ends."""
        job = self.import_job(request, job_id)
        progress = imports.progress(job)
        ended = job.state in (ImportJob.State.FINISHED, ImportJob.State.STOPPED)
        rows = imports.report_rows(job) if ended else []
        imported = [row.article_id for row in rows if row.article_id is not None]
        context = {
            **self.import_context(request, "Check of documents" if job.dry_run else "Import of documents"),
            "job": job,
            "progress": progress,
            "ended": ended,
            "rows": rows,
            "summary": summary(rows, dry_run=job.dry_run) if ended else None,
            "poll_ms": POLL_MS,
            "reload_seconds": RELOAD_SECONDS,
            "progress_url": reverse("admin:articles_article_import_progress", args=[job.pk]),
            "imported_url": (
                reverse("admin:articles_article_changelist") + "?id__in=" + ",".join(map(str, imported))
                if imported and len(imported) <= IMPORTED_LINK_MAX
                else ""
            ),
        }
        return TemplateResponse(request, "admin/articles/article/import_job.html", context)

    def import_progress_view(self, request, job_id):
        """How far a job is, as JSON for the job page's progress bar: a constant number of queries."""
        job = self.import_job(request, job_id)
        progress = imports.progress(job)
        return JsonResponse(
            {
                "state": job.state.value,
                "state_label": job.state.label,
                "total": progress.total,
                "done": progress.done,
                "failed": progress.failed,
                "label": progress.label,
                "ended": job.state in (ImportJob.State.FINISHED, ImportJob.State.STOPPED),
            }
        )

    def import_job(self, request, job_id) -> ImportJob:
        """The job, for whoever may import and either started it or may publish (editors see every job)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob, pk=job_id)
        if job.created_by_id != request.user.pk and not permissions.can_publish(request.user):
            raise PermissionDenied
        return job

    def import_context(self, request, title: str) -> dict:
        return {**self.admin_site.each_context(request), "title": title, "opts": self.model._meta}


def summary(rows: list[imports.ReportRow], *, dry_run: bool) -> dict:
    """The report's one-line summary, e.g. "9 imported, 1 failed.", and whether it calls for attention."""
    failed = sum(row.status == Status.ERROR for row in rows)
    conflicts = sum(row.status == Status.CONFLICT for row in rows)
    done = sum(bool(row.status) for row in rows) - failed - conflicts
    verb = "checked" if dry_run else "imported"
    kept = f", {conflicts} in conflict (changed in the CMS: kept as editors left them)" if conflicts else ""
    return {
        "text": f"{done} {verb}, {failed} failed{kept}.",
        "warning": bool(failed or conflicts) or done < len(rows),
    }
