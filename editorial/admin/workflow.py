"""The publishing workflow on the article admin: buttons on the form, bulk actions, the Scheduled page.

Each button and action asks its question, calls a verb of ``articles.publishing``
and reports; the rules about who may are in ``editorial.permissions``.
"""

from collections import defaultdict

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format

from articles import publishing
from articles.models import Article

from .. import permissions
from ..forms import ScheduleForm

TRANSITION_BUTTONS = {
    "_publish": "Save and publish now",
    "_schedule": "Save and schedule",
    "_unpublish": "Save and unpublish",
}
# The buttons an editor sees in each state.
BUTTONS_BY_STATE = {
    Article.State.DRAFT: ["_publish", "_schedule"],
    Article.State.UNPUBLISHED: ["_publish", "_schedule"],
    Article.State.SCHEDULED: ["_publish", "_schedule", "_unpublish"],
    Article.State.PUBLISHED: ["_unpublish"],
}
WHEN_FORMAT = "j F Y, H:i"


class WorkflowStateFilter(admin.SimpleListFilter):
    title = "workflow state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Article.State.choices

    def queryset(self, request, queryset):
        if self.value() in Article.State.values:
            return queryset.in_state(self.value())
        return queryset


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), WHEN_FORMAT)


class WorkflowMixin:
    def requested_transition(self, request) -> str | None:
        return next((name for name in TRANSITION_BUTTONS if name in request.POST), None)

    def save_model(self, request, obj, form, change):
        self.check_save_allowed(request, obj, change)
        transition = self.requested_transition(request)
        if transition and not permissions.can_publish(request.user):
            raise PermissionDenied("Only an editor can publish, schedule or unpublish an article.")
        if "published_at" in form.changed_data:
            obj.dated_by_import = False  # an editor gave it its time
        super().save_model(request, obj, form, change)
        if transition == "_publish":
            if not self._refused(request, publishing.publish_now([obj])):
                self.message_user(request, f"“{obj}” is published.", messages.SUCCESS)
        elif transition == "_schedule":
            if not self._refused(request, publishing.schedule([obj], at=obj.published_at)):
                self.message_user(
                    request,
                    f"“{obj}” is scheduled to go live on {_when(obj.published_at)}.",
                    messages.SUCCESS,
                )
        elif transition == "_unpublish":
            publishing.unpublish([obj])
            self.message_user(
                request, f"“{obj}” is unpublished: readers can no longer see it.", messages.SUCCESS
            )

    def form_context(self, request, obj) -> dict:
        context = super().form_context(request, obj)
        state = obj.state if obj else None
        buttons = []
        if permissions.can_publish(request.user) and self.has_change_permission(request, obj):
            names = BUTTONS_BY_STATE[state] if state else BUTTONS_BY_STATE[Article.State.DRAFT]
            buttons = [(name, TRANSITION_BUTTONS[name]) for name in names]
        return {**context, "workflow_buttons": buttons, "workflow_state": state}

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("scheduled/", view(self.scheduled_view), name="articles_article_scheduled"),
            *super().get_urls(),
        ]

    def scheduled_view(self, request):
        """What goes live when, soonest first, by day."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        days = defaultdict(list)
        for article in publishing.scheduled_articles():
            days[timezone.localdate(article.published_at)].append(article)
        context = {
            **self.admin_site.each_context(request),
            "title": "Scheduled articles",
            "opts": self.opts,
            "days": sorted(days.items()),
            "now": timezone.now(),
        }
        return TemplateResponse(request, "editorial/admin/scheduled.html", context)

    def _refused(self, request, result) -> bool:
        """Tell the editor which articles were not ready to go live, and why; whether any were."""
        for refusal in result.refused:
            self.message_user(request, str(refusal), messages.ERROR)
        return bool(result.refused)

    def _report(self, request, result, *, done: str, skipped: str) -> None:
        self.message_user(request, done.format(n=len(result.changed)), messages.SUCCESS)
        self._refused(request, result)
        if result.skipped:
            self.message_user(request, f"{len(result.skipped)} article(s) {skipped}.", messages.WARNING)

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        result = publishing.publish_now(queryset)
        self._report(
            request, result, done="Published {n} article(s).", skipped="already live: left as they were"
        )

    @admin.action(description="Schedule selected articles…", permissions=["publish"])
    def schedule(self, request, queryset):
        form = ScheduleForm(self.posted(request))
        if form.is_valid():
            at = form.cleaned_data["at"]
            result = publishing.schedule(queryset, at=at)
            done = f"Scheduled {{n}} article(s) to go live on {_when(at)}."
            self._report(request, result, done=done, skipped="live: unpublish them first to schedule them")
            return None
        return self.ask(request, queryset, form, title="Schedule articles", action="schedule")

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        result = publishing.unpublish(queryset)
        self._report(request, result, done="Unpublished {n} article(s).", skipped="already drafts")
