"""The tag vocabularies' own admins: topics (rename, merge, suggest, clean up), countries, redirects."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from articles.models import Topic

from .. import tagging
from ..forms import MergeTopicsForm, TopicForm


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


class TopicAdmin(admin.ModelAdmin):
    """Rename (the old address redirects), merge, suggest as you type, clean up unused topics."""

    form = TopicForm
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_topics", "delete_unused_topics"]
    change_list_template = "editorial/admin/topic_change_list.html"

    def has_merge_permission(self, request):
        user = request.user
        return user.has_perm("articles.change_topic") and user.has_perm("articles.delete_topic")

    def get_list_filter(self, request):
        return [TopicInUseFilter, *super().get_list_filter(request)]

    # The stored count (articles.counts: published or scheduled articles), not a count of the
    # whole tag table on every page of the list.
    @admin.display(description="articles", ordering="released_articles")
    def article_count(self, obj):
        return obj.released_articles

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
            topics = Topic.objects.filter(name__icontains=term).order_by("-released_articles", "name")[:10]
        return JsonResponse({"results": [{"name": t.name, "count": t.released_articles} for t in topics]})

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


class TopicRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "old_name", "topic", "created_at"]
    search_fields = ["old_slug", "old_name", "topic__name"]
    list_select_related = ["topic"]
    autocomplete_fields = ["topic"]


class CountryAdmin(admin.ModelAdmin):
    """The ISO list is loaded by a migration: staff can browse it but not add to it."""

    list_display = ["name", "code", "article_count"]
    search_fields = ["name", "code"]
    readonly_fields = ["name", "code", "slug"]

    # The stored count (articles.counts), as the topics' list shows: no count of the tag table.
    @admin.display(description="articles", ordering="released_articles")
    def article_count(self, obj):
        return obj.released_articles

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
