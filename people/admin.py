from django.contrib import admin
from django.db.models import Count

from .forms import PersonForm
from .models import Author, Person


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "location", "article_count"]
    search_fields = ["name", "role", "location"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]  # the annotated queryset drops Meta.ordering; autocomplete pages it

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("bylines"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    form = PersonForm
    list_display = ["name", "kind", "description", "quote_count"]
    list_filter = ["kind"]
    search_fields = ["name", "description", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]  # the annotated queryset drops Meta.ordering; autocomplete pages it

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count
