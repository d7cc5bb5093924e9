from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from taggit.models import Tag

from editorial.admin import ArticlePartInline, EditorialArticleAdmin, EditorialTopicAdmin
from editorial.forms import EditorialArticleForm
from people.models import Quote

from .forms import ImportDocumentsForm
from .importing.load import import_document
from .models import Article, Byline, Country, RelatedLink, Topic

# Newsroom tags with its own Topic and Country models; taggit's generic Tag is unused.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


class TagInUseFilter(admin.SimpleListFilter):
    """Offers only the tags some article carries, not the whole vocabulary."""

    tag_model = None
    lookup = None

    def lookups(self, request, model_admin):
        tags = self.tag_model.objects.filter(tagged_articles__isnull=False).distinct().order_by("name")
        return [(tag.slug, tag.name) for tag in tags]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.lookup}__slug": self.value()})
        return queryset


class TopicFilter(TagInUseFilter):
    title = "topic"
    parameter_name = "topic"
    tag_model = Topic
    lookup = "topics"


class CountryFilter(TagInUseFilter):
    title = "country"
    parameter_name = "country"
    tag_model = Country
    lookup = "countries"


class BylineInline(ArticlePartInline, admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["position", "author", "location", "role"]
    verbose_name = "author"
    verbose_name_plural = "byline (authors in order)"


class RelatedLinkInline(ArticlePartInline, admin.StackedInline):
    model = RelatedLink
    fk_name = "article"
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    autocomplete_fields = ["target"]
    fields = [("position", "published_at"), "title", "standfirst", "byline", ("url", "target"), "image"]


class QuoteInline(ArticlePartInline, admin.TabularInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["position", "speaker", "text", "paragraph", "partial"]


class ArticleAdminForm(EditorialArticleForm):
    countries = forms.ModelMultipleChoiceField(
        queryset=Country.objects.all(),
        required=False,
        widget=FilteredSelectMultiple("countries", is_stacked=False),
        help_text="Countries central to the story, from the ISO 3166 list.",
    )

    class Meta:
        model = Article
        fields = ["countries"]  # the admin adds the rest from its fieldsets


@admin.register(Article)
class ArticleAdmin(EditorialArticleAdmin):
    form = ArticleAdminForm
    list_display = ["headline", "status_label", "published_at", "author_names", "topic_names", "updated_at"]
    list_filter = ["status", TopicFilter, CountryFilter, "authors", "published_at"]
    search_fields = ["headline", "standfirst", "body", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["people"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [BylineInline, RelatedLinkInline, QuoteInline]
    actions = [
        *("publish_now", "schedule", "unpublish"),
        *("add_topic", "remove_topic", "add_country", "remove_country"),
    ]
    list_per_page = 50
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "body"]}),
        ("Publishing", {"fields": ["status", "published_at", "publication", ("created_at", "updated_at")]}),
        ("Tags", {"fields": ["topics", "countries", "people"]}),
        ("Main image", {"fields": ["image", "image_alt", "image_credit"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics").for_listing()

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
            limit = settings.NEWSROOM_IMPORT_MAX_BYTES
            for upload in form.cleaned_data["documents"]:
                # Read one byte past the limit: enough to know the file is too large.
                data = upload.read(limit + 1)
                with self.create_revision(request):  # one revision, and one transaction, per document
                    results.append(
                        import_document(
                            data,
                            path=upload.name,
                            publish=form.cleaned_data["publish"],
                            dry_run=form.cleaned_data["dry_run"],
                            max_bytes=limit,
                        )
                    )
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

    @admin.display(description="status", ordering="status")
    def status_label(self, obj):
        if obj.status == Article.Status.PUBLISHED and not obj.is_live:
            return "Scheduled"
        return obj.get_status_display()

    @admin.display(description="authors")
    def author_names(self, obj):
        return ", ".join(byline.author.name for byline in obj.bylines.all())  # in byline order

    @admin.display(description="topics")
    def topic_names(self, obj):
        return ", ".join(topic.name for topic in obj.topics.all())


@admin.register(Topic)
class TopicAdmin(EditorialTopicAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("tagged_articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """The ISO list is loaded by a migration: staff can browse it but not add to it."""

    list_display = ["name", "code", "article_count"]
    search_fields = ["name", "code"]
    readonly_fields = ["name", "code", "slug"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count("tagged_articles", filter=Q(tagged_articles__isnull=False)))
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RelatedLink)
class RelatedLinkAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "article", "position", "published_at", "target"]
    search_fields = ["title", "byline", "article__headline"]
    list_filter = [("target", admin.EmptyFieldListFilter), "published_at"]
    autocomplete_fields = ["article", "target"]
    list_select_related = ["article", "target"]
