"""The publishing workflow on the article admin: buttons on the form, bulk actions, the Scheduled page,
and the review: "Submit for review", the "Waiting for review" queue, "Send back to the writer",
"Withdraw from review" (the writer's own article in review is read-only to them, so their button
posts to a view of its own, ``withdraw_view``; an editor's saves the form first, like the others).

Each button and action asks its question, calls a verb of ``articles.publishing``
and reports; the rules about who may are in ``editorial.permissions``.
"""

from collections import defaultdict

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from articles import publishing
from articles.models import Article

from .. import permissions
from ..forms import ScheduleForm

TRANSITION_BUTTONS = {
    "_submit_review": "Save and submit for review",
    "_publish": "Save and publish now",
    "_schedule": "Save and schedule",
    "_unpublish": "Save and unpublish",
    "_send_back": "Send back to the writer",
    "_withdraw": "Withdraw from review",
}
# The buttons an editor sees in each state.
BUTTONS_BY_STATE = {
    Article.State.DRAFT: ["_publish", "_schedule"],
    Article.State.IN_REVIEW: ["_publish", "_schedule", "_send_back", "_withdraw"],
    Article.State.UNPUBLISHED: ["_publish", "_schedule"],
    Article.State.SCHEDULED: ["_publish", "_schedule", "_unpublish"],
    Article.State.PUBLISHED: ["_unpublish"],
}
# What only an editor may do; a writer may submit for review.
EDITOR_TRANSITIONS = {"_publish", "_schedule", "_unpublish", "_send_back"}
WITHDRAWN = "“{}” is withdrawn from review: it is a draft again, for its writer to keep editing."
# How many of an article's review steps its form shows.
REVIEW_STEPS_SHOWN = 5
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
        # The article as stored: the form locked and read it to refuse a conflicting save.
        original = None
        if change:
            original = getattr(form, "stored", None) or Article.objects.filter(pk=obj.pk).first()
        self.check_save_allowed(request, obj, original)
        transition = self.requested_transition(request)
        if transition in EDITOR_TRANSITIONS and not permissions.can_publish(request.user):
            raise PermissionDenied("Only an editor can publish, schedule, unpublish or send back an article.")
        if transition == "_submit_review" and not permissions.can_submit_for_review(request.user, original):
            raise PermissionDenied("Only a draft you may edit can be submitted for review.")
        if transition == "_withdraw" and not permissions.can_withdraw(request.user, original):
            raise PermissionDenied("Only its writer or an editor can withdraw an article from review.")
        if "published_at" in form.changed_data:
            obj.dated_by_import = False  # an editor gave it its time
        super().save_model(request, obj, form, change)
        note = form.cleaned_data.get("review_note", "")
        if transition == "_submit_review":
            publishing.submit_for_review([obj], by=request.user, note=note)
            self.message_user(request, f"“{obj}” is waiting for an editor's review.", messages.SUCCESS)
        elif transition == "_send_back":
            publishing.send_back([obj], by=request.user, comment=note)
            self.message_user(
                request, f"“{obj}” is back with its writer, with your comment.", messages.SUCCESS
            )
        elif transition == "_withdraw":
            publishing.withdraw([obj], by=request.user)
            self.message_user(request, WITHDRAWN.format(obj), messages.SUCCESS)
        elif transition == "_publish":
            if not self._refused(request, publishing.publish_now([obj], by=request.user)):
                self.message_user(request, f"“{obj}” is published.", messages.SUCCESS)
        elif transition == "_schedule":
            if not self._refused(request, publishing.schedule([obj], at=obj.published_at, by=request.user)):
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

    def log_change(self, request, obj, message):
        """The revision's comment names the step taken ("Published.") beside the fields changed."""
        step = reversion.get_comment() if reversion.is_active() else ""
        entry = super().log_change(request, obj, message)
        if step and reversion.is_active():
            reversion.set_comment(publishing.joined_comment(entry.get_change_message(), step))
        return entry

    def form_context(self, request, obj, form=None) -> dict:
        context = super().form_context(request, obj, form)
        state = obj.state if obj else None
        names = self.transitions_for(request, obj)
        # A button on a form its user may not save posts elsewhere: withdrawing the writer's own article.
        own_view = obj is not None and not self.has_change_permission(request, obj)
        buttons = [
            (name, TRANSITION_BUTTONS[name], self.withdraw_url(obj) if own_view else "") for name in names
        ]
        steps = list(obj.review_steps.select_related("by")[:REVIEW_STEPS_SHOWN]) if obj else []
        return {**context, "workflow_buttons": buttons, "workflow_state": state, "review_steps": steps}

    def transitions_for(self, request, obj) -> list[str]:
        """The workflow buttons this user sees on ``obj``'s form (a new article when ``obj`` is None)."""
        user = request.user
        if permissions.can_publish(user) and self.has_change_permission(request, obj):
            return BUTTONS_BY_STATE[obj.state if obj else Article.State.DRAFT]
        if permissions.can_submit_for_review(user, obj):
            return ["_submit_review"]
        if permissions.can_withdraw(user, obj):
            return ["_withdraw"]
        return []

    def get_fieldsets(self, request, obj=None):
        """A "Review" box with the note, for whoever may submit the article or send it back."""
        fieldsets = super().get_fieldsets(request, obj)
        names = self.transitions_for(request, obj)
        if {"_submit_review", "_send_back"} & set(names):
            label = "Comment for the writer" if "_send_back" in names else "Review"
            fieldsets = [*fieldsets, (label, {"fields": ["review_note"], "classes": ["review-note"]})]
        return fieldsets

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("scheduled/", view(self.scheduled_view), name="articles_article_scheduled"),
            path("review/", view(self.review_view), name="articles_article_review"),
            path("<int:pk>/withdraw/", view(self.withdraw_view), name="articles_article_withdraw"),
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

    def review_view(self, request):
        """Waiting for review: what writers submitted, longest-waiting first, with who and when."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        articles = list(publishing.review_queue())
        context = {
            **self.admin_site.each_context(request),
            "title": "Waiting for review",
            "opts": self.opts,
            "articles": [(a, a.submissions[0] if a.submissions else None) for a in articles],
            "can_review": permissions.can_publish(request.user),
        }
        return TemplateResponse(request, "editorial/admin/review_queue.html", context)

    def withdraw_url(self, article) -> str:
        return reverse("admin:articles_article_withdraw", args=[article.pk])

    @method_decorator(require_POST)
    def withdraw_view(self, request, pk):
        """The writer's "Withdraw from review": their article in review goes back to draft, to edit."""
        article = get_object_or_404(Article, pk=pk)
        if not permissions.can_withdraw(request.user, article):
            raise PermissionDenied("Only its writer or an editor can withdraw an article from review.")
        with reversion.create_revision():
            reversion.set_user(request.user)
            publishing.withdraw([article], by=request.user)
        self.message_user(request, WITHDRAWN.format(article), messages.SUCCESS)
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))

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
        result = publishing.publish_now(queryset, by=request.user)
        self._report(
            request, result, done="Published {n} article(s).", skipped="already live: left as they were"
        )

    @admin.action(description="Schedule selected articles…", permissions=["publish"])
    def schedule(self, request, queryset):
        form = ScheduleForm(self.posted(request))
        if form.is_valid():
            at = form.cleaned_data["at"]
            result = publishing.schedule(queryset, at=at, by=request.user)
            done = f"Scheduled {{n}} article(s) to go live on {_when(at)}."
            self._report(request, result, done=done, skipped="live: unpublish them first to schedule them")
            return None
        return self.ask(request, queryset, form, title="Schedule articles", action="schedule")

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        result = publishing.unpublish(queryset)
        self._report(request, result, done="Unpublished {n} article(s).", skipped="already drafts")
