"""The admin side of the editorial tools: base classes the article and topic admins build on.

``articles/admin.py`` keeps the article and topic admins' fields and lists;
these bases add the newsroom's rules and tools around them:

* roles enforced on the server (``editorial.permissions``): read-only fields,
  and a refusal (403) of any posted field the user may not change, however the
  request was made;
* the publishing workflow as buttons on the form and bulk actions on the list,
  and the "Scheduled" page;
* history (django-reversion) with a field-by-field comparison of two revisions;
* edit-conflict detection (``editorial.forms.EditorialArticleForm``);
* shareable preview links;
* tagging tools: bulk topic and country actions, the needs-tagging filter,
  detected countries and people offered on the form, topic merge and clean-up.

Each action only asks its question, calls a function in ``editorial`` and reports.
"""

import copy
import re
from collections import defaultdict

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.models import Article, Country, TaggedCountry, TaggedTopic, Topic

from . import history, permissions, tagging, workflow
from .forms import (
    CountryChoiceForm,
    MergeTopicsForm,
    ScheduleForm,
    SharePreviewForm,
    TopicChoiceForm,
    TopicForm,
    TopicNameForm,
)
from .models import TopicRedirect
from .previews import make_preview_link
from .suggestions import suggest_for

TRANSITION_BUTTONS = {
    "_publish": "Save and publish now",
    "_schedule": "Save and schedule",
    "_unpublish": "Save and unpublish",
}
# Keys a browser posts for one field: the date and time halves, the "clear" box of a file.
_FIELD_KEY_RE = re.compile(r"(?:_[01]|-clear)$")


class WorkflowStateFilter(admin.SimpleListFilter):
    title = "workflow state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [(state.value, state.label) for state in workflow.State]

    def queryset(self, request, queryset):
        now = timezone.now()
        published, draft = Article.Status.PUBLISHED, Article.Status.DRAFT
        if self.value() == workflow.State.DRAFT:
            return queryset.filter(status=draft).exclude(published_at__lte=now)
        if self.value() == workflow.State.SCHEDULED:
            return queryset.filter(status=published, published_at__gt=now)
        if self.value() == workflow.State.PUBLISHED:
            return queryset.filter(status=published, published_at__lte=now)
        if self.value() == workflow.State.UNPUBLISHED:
            return queryset.filter(status=draft, published_at__lte=now)
        return queryset


class NeedsTaggingFilter(admin.SimpleListFilter):
    title = "needs tagging"
    parameter_name = "needs_tagging"

    def lookups(self, request, model_admin):
        return [("any", "No topic or no country"), ("topic", "No topic"), ("country", "No country")]

    def queryset(self, request, queryset):
        has_topic = Exists(TaggedTopic.objects.filter(content_object=OuterRef("pk")))
        has_country = Exists(TaggedCountry.objects.filter(content_object=OuterRef("pk")))
        if self.value() == "any":
            return tagging.needs_tagging(queryset)
        if self.value() == "topic":
            return queryset.filter(~has_topic)
        if self.value() == "country":
            return queryset.filter(~has_country)
        return queryset


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


class EditorialArticleAdmin(VersionAdmin):
    """Roles, workflow, history, conflicts, previews and tagging tools for the article admin."""

    object_history_template = "editorial/admin/history.html"
    tagger_list_display = ["headline", "standfirst_excerpt", "topic_names", "country_names", "status_label"]

    # Permissions --------------------------------------------------------------------------

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
            readonly += [f for f in everything if f not in permissions.TAG_FIELDS and f not in readonly]
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
        """Raise PermissionDenied when the POST carries a field this user may not change.

        The form ignores such fields anyway; refusing the request says so instead of
        quietly saving the rest.
        """
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

    def check_save_allowed(self, request, obj, change) -> None:
        """What the form cannot be trusted with alone: the workflow fields and tag-only access."""
        user = request.user
        original = Article.objects.filter(pk=obj.pk).first() if change else None
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

    # Saving ---------------------------------------------------------------------------------

    def requested_transition(self, request) -> str | None:
        return next((name for name in TRANSITION_BUTTONS if name in request.POST), None)

    def save_model(self, request, obj, form, change):
        self.check_save_allowed(request, obj, change)
        transition = self.requested_transition(request)
        if transition and not permissions.can_publish(request.user):
            raise PermissionDenied("Only an editor can publish, schedule or unpublish an article.")
        super().save_model(request, obj, form, change)
        if transition == "_publish":
            workflow.publish_now([obj])
            self.message_user(request, f"“{obj}” is published.", messages.SUCCESS)
        elif transition == "_schedule":
            workflow.schedule([obj], at=obj.published_at)
            when = date_format(timezone.localtime(obj.published_at), "j F Y, H:i")
            self.message_user(request, f"“{obj}” is scheduled to go live on {when}.", messages.SUCCESS)
        elif transition == "_unpublish":
            workflow.unpublish([obj])
            self.message_user(
                request, f"“{obj}” is unpublished: readers can no longer see it.", messages.SUCCESS
            )

    def save_related(self, request, form, formsets, change):
        if change and self.tags_only(request, form.instance):
            extra = set(form.changed_data) - {*permissions.TAG_FIELDS, "edit_token"}
            if extra or any(formset.has_changed() for formset in formsets):
                raise PermissionDenied("Taggers may change topics and countries only.")
        super().save_related(request, form, formsets, change)

    # Views ----------------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("scheduled/", view(self.scheduled_view), name="articles_article_scheduled"),
            path(
                "<path:object_id>/history/compare/", view(self.compare_view), name="articles_article_compare"
            ),
            path(
                "<path:object_id>/share-preview/",
                view(self.share_preview_view),
                name="articles_article_share",
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        version = extra_context.get("editorial_version")
        if version is not None and obj is not None:
            # Reverting: the revision's tags, by name, join the reverted fields and inlines.
            history.restore_tags(obj, version.revision)
        if request.method == "POST" and (obj is not None or object_id is None):
            self.refuse_fields_out_of_reach(request, obj)
        if version is None:
            extra_context.update(self.form_context(request, obj))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def form_context(self, request, obj) -> dict:
        user = request.user
        context = {"workflow_buttons": [], "workflow_state": workflow.state_of(obj) if obj else None}
        if permissions.can_publish(user) and self.has_change_permission(request, obj):
            state = context["workflow_state"]
            names = ["_publish", "_schedule"]
            if state == workflow.State.SCHEDULED:
                names = ["_publish", "_schedule", "_unpublish"]
            elif state == workflow.State.PUBLISHED:
                names = ["_unpublish"]
            context["workflow_buttons"] = [(name, TRANSITION_BUTTONS[name]) for name in names]
        if obj is not None:
            if permissions.can_tag(user, obj):
                context["suggestions"] = suggest_for(obj)
            if user.has_perm(permissions.CHANGE) and not obj.is_live:
                context["share_url"] = reverse("admin:articles_article_share", args=[obj.pk])
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

    def scheduled_view(self, request):
        """What goes live when, soonest first, by day."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        days = defaultdict(list)
        for article in workflow.scheduled_articles():
            days[timezone.localdate(article.published_at)].append(article)
        context = {
            **self.admin_site.each_context(request),
            "title": "Scheduled articles",
            "opts": self.opts,
            "days": sorted(days.items()),
            "now": timezone.now(),
        }
        return TemplateResponse(request, "editorial/admin/scheduled.html", context)

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

    # List -----------------------------------------------------------------------------------

    def get_list_display(self, request):
        if self.tags_only(request):
            return self.tagger_list_display
        return super().get_list_display(request)

    def get_list_filter(self, request):
        return [WorkflowStateFilter, NeedsTaggingFilter, *super().get_list_filter(request)]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description="standfirst")
    def standfirst_excerpt(self, obj):
        return obj.standfirst if len(obj.standfirst) <= 160 else obj.standfirst[:157] + "…"

    @admin.display(description="countries")
    def country_names(self, obj):
        return ", ".join(country.name for country in obj.countries.all())

    # Actions --------------------------------------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                EditorialArticleAdmin.delete_drafts_or_any,
                "delete_selected",
                delete_selected.short_description,
            )
        return actions

    def delete_drafts_or_any(self, request, queryset):
        refused = [a for a in queryset if not self.has_delete_permission(request, a)]
        if refused:
            self.message_user(
                request,
                "Only an editor can delete an article that was published or scheduled: "
                f"{len(refused)} selected.",
                messages.ERROR,
            )
            return None
        return delete_selected(self, request, queryset)

    def _report(self, request, result, *, done: str, skipped: str) -> None:
        self.message_user(request, done.format(n=len(result.changed)), messages.SUCCESS)
        if result.skipped:
            self.message_user(request, f"{len(result.skipped)} article(s) {skipped}.", messages.WARNING)

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        result = workflow.publish_now(queryset)
        self._report(
            request, result, done="Published {n} article(s).", skipped="already live: left as they were"
        )

    @admin.action(description="Schedule selected articles…", permissions=["publish"])
    def schedule(self, request, queryset):
        form = ScheduleForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            result = workflow.schedule(queryset, at=form.cleaned_data["at"])
            when = date_format(timezone.localtime(form.cleaned_data["at"]), "j F Y, H:i")
            done = f"Scheduled {{n}} article(s) to go live on {when}."
            self._report(request, result, done=done, skipped="live: unpublish them first to schedule them")
            return None
        return self.ask(request, queryset, form, title="Schedule articles", action="schedule")

    @admin.action(description="Unpublish selected articles", permissions=["publish"])
    def unpublish(self, request, queryset):
        result = workflow.unpublish(queryset)
        self._report(request, result, done="Unpublished {n} article(s).", skipped="already drafts")

    def taggable(self, request, queryset) -> list[Article]:
        return [article for article in queryset if permissions.can_tag(request.user, article)]

    def _report_tags(self, request, change, *, verb: str, tag: str, queryset, articles) -> None:
        refused = queryset.count() - len(articles)
        self.message_user(request, f"{verb} “{tag}”: {change.changed} article(s) changed.", messages.SUCCESS)
        if refused:
            self.message_user(
                request, f"Not yours to tag (published): {refused} article(s).", messages.WARNING
            )

    @admin.action(description="Add a topic to selected articles…", permissions=["tag"])
    def add_topic(self, request, queryset):
        form = TopicNameForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            name = form.cleaned_data["name"]
            if tagging.find_topic(name) is None and not request.user.has_perm("articles.add_topic"):
                form.add_error("name", "There is no such topic, and you may not create topics.")
            else:
                articles = self.taggable(request, queryset)
                change = tagging.add_topic(articles, name=name)
                topic = tagging.find_topic(name)
                self._report_tags(
                    request, change, verb="Added topic", tag=topic, queryset=queryset, articles=articles
                )
                return None
        return self.ask(request, queryset, form, title="Add a topic", action="add_topic")

    def _retag_from_choice(self, request, queryset, form, *, field, change, verb, title, action):
        """The shared steps of the bulk actions that pick one topic or country from a list."""
        if not form.is_valid():
            return self.ask(request, queryset, form, title=title, action=action)
        articles = self.taggable(request, queryset)
        tag = form.cleaned_data[field]
        result = change(articles, **{field: tag})
        self._report_tags(request, result, verb=verb, tag=tag, queryset=queryset, articles=articles)
        return None

    def _posted(self, request):
        return request.POST if "apply" in request.POST else None

    @admin.action(description="Remove a topic from selected articles…", permissions=["tag"])
    def remove_topic(self, request, queryset):
        topics = (
            Topic.objects.filter(tagged_articles__content_object__in=queryset).distinct().order_by("name")
        )
        form = TopicChoiceForm(self._posted(request), topics=topics)
        return self._retag_from_choice(
            request, queryset, form, field="topic", change=tagging.remove_topic, verb="Removed topic",
            title="Remove a topic", action="remove_topic",
        )  # fmt: skip

    @admin.action(description="Add a country to selected articles…", permissions=["tag"])
    def add_country(self, request, queryset):
        form = CountryChoiceForm(self._posted(request), countries=Country.objects.all())
        return self._retag_from_choice(
            request, queryset, form, field="country", change=tagging.add_country, verb="Added country",
            title="Add a country", action="add_country",
        )  # fmt: skip

    @admin.action(description="Remove a country from selected articles…", permissions=["tag"])
    def remove_country(self, request, queryset):
        countries = (
            Country.objects.filter(tagged_articles__content_object__in=queryset).distinct().order_by("name")
        )
        form = CountryChoiceForm(self._posted(request), countries=countries)
        return self._retag_from_choice(
            request, queryset, form, field="country", change=tagging.remove_country, verb="Removed country",
            title="Remove a country", action="remove_country",
        )  # fmt: skip

    def ask(self, request, queryset, form, *, title: str, action: str):
        """The intermediate page of an action that needs an answer (like Django's delete confirmation)."""
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "form": form,
            "objects": queryset,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "editorial/admin/action_form.html", context)


class TopicInUseFilter(admin.SimpleListFilter):
    title = "use"
    parameter_name = "use"

    def lookups(self, request, model_admin):
        return [("used", "On articles"), ("unused", "On no article")]

    def queryset(self, request, queryset):
        orphans = tagging.orphan_topics().values("pk")
        if self.value() == "unused":
            return queryset.filter(pk__in=orphans)
        if self.value() == "used":
            return queryset.exclude(pk__in=orphans)
        return queryset


class EditorialTopicAdmin(admin.ModelAdmin):
    """Rename (the old address redirects), merge, suggest as you type, clean up unused topics."""

    form = TopicForm
    actions = ["merge_topics", "delete_unused_topics"]
    change_list_template = "editorial/admin/topic_change_list.html"

    def has_merge_permission(self, request):
        user = request.user
        return user.has_perm("articles.change_topic") and user.has_perm("articles.delete_topic")

    def get_list_filter(self, request):
        return [TopicInUseFilter, *super().get_list_filter(request)]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("suggest/", view(self.suggest_view), name="articles_topic_suggest"),
            path("clean-up/", view(self.cleanup_view), name="articles_topic_cleanup"),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        old = Topic.objects.filter(pk=obj.pk).values("slug", "name").first() if change else None
        super().save_model(request, obj, form, change)
        if old is None:
            tagging.forget_redirect_to(obj.slug)
        else:
            tagging.record_rename(obj, old_slug=old["slug"], old_name=old["name"])
            if old["slug"] != obj.slug:
                self.message_user(
                    request, f"The old address /{old['slug']}/ now redirects here.", messages.INFO
                )

    def suggest_view(self, request):
        """Existing topics whose names contain ``q``, most used first, as JSON."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").strip()
        topics = Topic.objects.none()
        if term:
            topics = (
                Topic.objects.filter(name__icontains=term)
                .annotate(count=Count("tagged_articles"))
                .order_by("-count", "name")[:10]
            )
        return JsonResponse({"results": [{"name": t.name, "count": t.count} for t in topics]})

    @admin.action(description="Merge selected topics…", permissions=["merge"])
    def merge_topics(self, request, queryset):
        topics = queryset.order_by("name")
        if topics.count() < 2:
            self.message_user(request, "Select two or more topics to merge.", messages.WARNING)
            return None
        form = MergeTopicsForm(request.POST if "apply" in request.POST else None, topics=topics)
        if form.is_valid():
            result = tagging.merge_topics(sources=list(topics), into=form.cleaned_data["into"])
            self.message_user(
                request,
                f"Merged {', '.join(f'“{n}”' for n in result.merged)} into “{result.into}”: "
                f"{result.retagged} article(s) re-tagged. The old topic pages redirect to it.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge topics",
            "opts": self.opts,
            "form": form,
            "objects": topics,
            "action": "merge_topics",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "editorial/admin/action_form.html", context)

    @admin.action(description="Delete selected topics that no article uses", permissions=["delete"])
    def delete_unused_topics(self, request, queryset):
        selected = list(queryset)
        names = tagging.delete_orphan_topics(selected)
        kept = len(selected) - len(names)
        self.message_user(request, f"Deleted {len(names)} unused topic(s).", messages.SUCCESS)
        if kept:
            self.message_user(request, f"Kept {kept} topic(s) still on articles.", messages.WARNING)

    def cleanup_view(self, request):
        """Every topic no article uses, deleted after a confirmation."""
        if not self.has_delete_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            names = tagging.delete_orphan_topics()
            self.message_user(request, f"Deleted {len(names)} unused topic(s).", messages.SUCCESS)
            return redirect("admin:articles_topic_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": "Clean up unused topics",
            "opts": self.opts,
            "orphans": tagging.orphan_topics().order_by("name"),
        }
        return TemplateResponse(request, "editorial/admin/topic_cleanup.html", context)


@admin.register(TopicRedirect)
class TopicRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "old_name", "topic", "created_at"]
    search_fields = ["old_slug", "old_name", "topic__name"]
    list_select_related = ["topic"]
    autocomplete_fields = ["topic"]
