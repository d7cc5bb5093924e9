"""The parts of an article edited on its form: bylines, related links, quotes."""

from adminsortable2.admin import SortableStackedInline, SortableTabularInline
from django.contrib import admin
from django.db import models

from articles.models import MAX_RELATED_LINKS, Byline, Correction, Quote, RelatedLink
from images.admin import ImageChooserMixin

from .. import permissions
from .formsets import PartsInline
from .ordering import OrderedInline, RowsKnownInline
from .roles import ArticlePartInline

URL_FIELD = {models.URLField: {"assume_scheme": "https"}}


class BylineInline(ArticlePartInline, RowsKnownInline, OrderedInline, PartsInline, SortableTabularInline):
    model = Byline
    row_related = ("author", "article")
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["author", "location", "role", "position"]
    verbose_name = "author"
    verbose_name_plural = "byline (authors in order)"


class RelatedLinkInline(
    ArticlePartInline, RowsKnownInline, OrderedInline, PartsInline, ImageChooserMixin, SortableStackedInline
):
    model = RelatedLink
    row_related = ("target",)
    fk_name = "article"
    extra = 0
    max_num = MAX_RELATED_LINKS
    formfield_overrides = URL_FIELD
    autocomplete_fields = ["target"]
    fields = [
        "title",
        "published_at",
        "standfirst",
        "byline",
        ("url", "publication"),
        "target",
        "image",
        "position",
    ]


class QuoteInline(ArticlePartInline, RowsKnownInline, OrderedInline, PartsInline, SortableTabularInline):
    model = Quote
    row_related = ("speaker",)
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["speaker", "text", "paragraph", "partial", "position"]


class CorrectionInline(PartsInline, admin.StackedInline):
    """Corrections and clarifications, appended by editors to an article that went out.

    Never deleted: a change to one is kept in the article's history (its revisions
    follow the corrections) and shown to readers as "amended".
    """

    model = Correction
    extra = 0
    can_delete = False
    fields = [("kind", "at"), "text", "changes_story"]
    verbose_name = "correction or clarification"
    verbose_name_plural = "corrections and clarifications"

    def _editor_on_published(self, request, obj) -> bool:
        return permissions.can_publish(request.user) and obj is not None and obj.published_at is not None

    def has_add_permission(self, request, obj=None):
        return self._editor_on_published(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editor_on_published(request, obj)

    def get_queryset(self, request):
        # Django asks for view permission without the article; the article decides (below).
        return Correction.objects.all()

    def has_view_permission(self, request, obj=None):
        # Only on an article that went out: a new article or a draft has nothing to correct.
        return (
            obj is not None
            and obj.published_at is not None
            and request.user.has_perm("articles.view_article")
        )

    def has_delete_permission(self, request, obj=None):
        return False


class RelatedLinkAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELD
    list_display = ["title", "article", "position", "published_at", "target"]
    search_fields = ["title", "byline", "article__headline"]
    list_filter = [("target", admin.EmptyFieldListFilter), "published_at"]
    autocomplete_fields = ["article", "target"]
    list_select_related = ["article", "target"]


class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "article", "partial"]
    list_filter = ["partial", "speaker__kind"]
    search_fields = ["text", "speaker__name", "article__headline"]
    autocomplete_fields = ["speaker", "article"]
    list_select_related = ["speaker", "article"]
