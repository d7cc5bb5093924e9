from django.contrib import admin

from .forms import PersonForm
from .models import Author, Person


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "location", "article_count"]
    search_fields = ["name", "role", "location"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]  # autocomplete pages it

    # Stored counts of published or scheduled articles (kept by articles.counts), not a count of the
    # link table on every page of the list.
    @admin.display(description="articles", ordering="released_articles")
    def article_count(self, obj):
        return obj.released_articles


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    form = PersonForm
    list_display = ["name", "kind", "description", "quote_count"]
    list_filter = ["kind"]
    search_fields = ["name", "description", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]  # autocomplete pages it

    @admin.display(description="quotes", ordering="released_quotes")
    def quote_count(self, obj):
        return obj.released_quotes
