"""The people admin, with the editors' tools for records that are one human: merge, and likely duplicates.

``people.admin.PersonAdmin`` is the people app's own admin; merging moves quotes and
article links, which belong to the articles app, so it is added here, above both.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from people.admin import PersonAdmin
from people.models import Person

from .. import people


class MergePeopleForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        label="Keep this record",
        widget=forms.RadioSelect,
        help_text="The others' quotes, articles and names (as aliases) move to it; "
        "their pages redirect to it.",
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = people


class PersonMergeAdmin(PersonAdmin):
    actions = ["merge_people"]
    change_list_template = "editorial/admin/person_change_list.html"

    def has_merge_permission(self, request):
        return request.user.has_perm("people.change_person") and request.user.has_perm("people.delete_person")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("duplicates/", view(self.duplicates_view), name="people_person_duplicates"),
            *super().get_urls(),
        ]

    @admin.action(description="Merge selected people (the same human)…", permissions=["merge"])
    def merge_people(self, request, queryset):
        selected = queryset.order_by("name")
        if selected.count() < 2:
            self.message_user(request, "Select two or more people to merge.", messages.WARNING)
            return None
        form = MergePeopleForm(request.POST if "apply" in request.POST else None, people=selected)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            result = people.merge_people(keep=keep, others=[p for p in selected if p.pk != keep.pk])
            self.message_user(
                request,
                f"Merged {', '.join(f'“{n}”' for n in result.merged)} into “{result.into}”: "
                f"{result.quotes} quote(s) and {result.articles} article(s) moved; the old pages redirect.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge people",
            "opts": self.opts,
            "form": form,
            "objects": selected,
            "action": "merge_people",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "editorial/admin/action_form.html", context)

    def duplicates_view(self, request):
        """Pairs that may be one human, each with a button to merge them."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "Likely duplicate people",
            "opts": self.opts,
            "pairs": people.likely_duplicates(),
            "can_merge": self.has_merge_permission(request),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "editorial/admin/person_duplicates.html", context)


class PersonRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "old_name", "person", "created_at"]
    search_fields = ["old_slug", "old_name", "person__name"]
    list_select_related = ["person"]
    autocomplete_fields = ["person"]
