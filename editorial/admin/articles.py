"""The article admin, composed from the editorial mixins (roles, workflow, history, previews, …)."""

from adminsortable2.admin import SortableAdminBase
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelectMultiple, FilteredSelectMultiple
from django.db import models
from reversion.admin import VersionAdmin

from articles.models import Article, Country
from images.admin import ImageChooserMixin

from ..forms import EditorialArticleForm, PlainNewlinesField
from .base import ArticleAdminBase
from .blocks import BodyBlockInline, BodyBlocksMixin
from .conflicts import ApplyMineMixin
from .history import HistoryMixin
from .importing import ImportMixin
from .inlines import BylineInline, CorrectionInline, QuoteInline, RelatedLinkInline
from .ordering import KnownChoicesAutocompleteMultiple
from .presence import PresenceMixin
from .previews import PreviewMixin
from .roles import RolesMixin
from .tagging import TAG_ACTIONS, TAG_FILTERS, NeedsTaggingFilter, RecentAuthorFilter, TaggingMixin
from .workflow import WorkflowMixin, WorkflowStateFilter


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The people's box names those linked from the objects the form read for its initial value.
        people = self.fields.get("people")
        wrapper = people.widget if people is not None and hasattr(people.widget, "widget") else None
        if wrapper is not None and isinstance(wrapper.widget, AutocompleteSelectMultiple):
            widget = wrapper.widget
            known = {str(person.pk): person for person in self.initial.get("people") or []}
            wrapper.widget = KnownChoicesAutocompleteMultiple(
                widget.field, widget.admin_site, attrs=widget.attrs, choices=widget.choices, known=known
            )


class ArticleChangeList(ChangeList):
    """The list's rows come with their bylines and tags; the form reads its own, so it does not."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return queryset.prefetch_related("topics", "countries").for_listing()


class ArticleAdmin(
    RolesMixin,
    WorkflowMixin,
    HistoryMixin,
    PreviewMixin,
    TaggingMixin,
    ImportMixin,
    PresenceMixin,
    ApplyMineMixin,
    BodyBlocksMixin,
    ImageChooserMixin,
    ArticleAdminBase,
    SortableAdminBase,
    VersionAdmin,
):
    form = ArticleAdminForm
    formfield_overrides = {models.TextField: {"form_class": PlainNewlinesField}}
    list_display = ["headline", "status_label", "published_at", "author_names", "topic_names", "updated_at"]
    tagger_list_display = ["headline", "standfirst_excerpt", "topic_names", "country_names", "status_label"]
    list_filter = [
        *(WorkflowStateFilter, NeedsTaggingFilter, "status", "section"),
        *(*TAG_FILTERS, RecentAuthorFilter, "published_at"),
    ]
    show_full_result_count = False  # one count of the archive per page is enough
    search_fields = ["headline", "standfirst", "body_text", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["people"]
    readonly_fields = ["created_at", "updated_at", "dated_by_import"]
    inlines = [BodyBlockInline, BylineInline, RelatedLinkInline, QuoteInline, CorrectionInline]
    actions = ["publish_now", "schedule", "unpublish", *TAG_ACTIONS]
    list_per_page = 50
    # Named: VersionAdmin has a change list template of its own.
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = [
        (None, {"fields": ["section", "headline", "slug", "standfirst"]}),
        ("Lead picture", {"fields": ["lead_image", "lead_image_caption"]}),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "published_at",
                    "dated_by_import",
                    "publication",
                    ("created_at", "updated_at"),
                ]
            },
        ),
        ("Tags", {"fields": ["topics", "countries", "people"]}),
    ]

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_list_display(self, request):
        if self.tags_only(request):
            return self.tagger_list_display
        return super().get_list_display(request)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                ArticleAdmin.delete_drafts_or_any,
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

    @admin.display(description="status", ordering="status")
    def status_label(self, obj):
        return obj.state.label

    @admin.display(description="authors")
    def author_names(self, obj):
        return ", ".join(byline.author.name for byline in obj.bylines.all())  # in byline order

    @admin.display(description="topics")
    def topic_names(self, obj):
        return ", ".join(topic.name for topic in obj.topics.all())

    @admin.display(description="countries")
    def country_names(self, obj):
        return ", ".join(country.name for country in obj.countries.all())

    @admin.display(description="standfirst")
    def standfirst_excerpt(self, obj):
        return obj.standfirst if len(obj.standfirst) <= 160 else obj.standfirst[:157] + "…"
