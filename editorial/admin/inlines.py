"""The parts of an article edited on its form: bylines, related links, quotes."""

from django.contrib import admin
from django.db import models

from articles.models import MAX_RELATED_LINKS, Byline, Quote, RelatedLink
from images.admin import ImageChooserMixin

from .roles import ArticlePartInline

URL_FIELD = {models.URLField: {"assume_scheme": "https"}}


class BylineInline(ArticlePartInline, admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["position", "author", "location", "role"]
    verbose_name = "author"
    verbose_name_plural = "byline (authors in order)"


class RelatedLinkInline(ArticlePartInline, ImageChooserMixin, admin.StackedInline):
    model = RelatedLink
    fk_name = "article"
    extra = 0
    max_num = MAX_RELATED_LINKS
    formfield_overrides = URL_FIELD
    autocomplete_fields = ["target"]
    fields = [("position", "published_at"), "title", "standfirst", "byline", ("url", "target"), "image"]


class QuoteInline(ArticlePartInline, admin.TabularInline):
    model = Quote
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["position", "speaker", "text", "paragraph", "partial"]


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
