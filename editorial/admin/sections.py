"""The sections' admin: a two-level tree (World › Europe) that editors keep in order."""

from django.contrib import admin
from django.db.models import Count


class SectionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "position", "article_count"]
    list_editable = ["position"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "parent", "position", "description"]
    ordering = ["parent__position", "parent__name", "position", "name"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent").annotate(n=Count("articles"))

    @admin.display(description="articles", ordering="n")
    def article_count(self, obj):
        return obj.n
