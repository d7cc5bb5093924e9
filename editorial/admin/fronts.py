"""The front page's running order: editors choose the lead and top stories, in order."""

from django.contrib import admin

from articles.models import FRONT_SIZE


class FrontItemAdmin(admin.ModelAdmin):
    list_display = ["position", "article", "state"]
    list_display_links = ["article"]
    list_editable = ["position"]
    autocomplete_fields = ["article"]
    list_select_related = ["article"]
    fields = ["article", "position"]

    def changelist_view(self, request, extra_context=None):
        note = (
            f"The first {FRONT_SIZE} published stories here lead the home page, in order (0 leads); "
            "places left over go to the newest stories."
        )
        return super().changelist_view(request, {"subtitle": note, **(extra_context or {})})

    @admin.display(description="state")
    def state(self, obj):
        return obj.article.state.label
