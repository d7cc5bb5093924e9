"""What the article admin's mixins share: the form's extra context, and the question page of an action."""

from django.contrib import admin
from django.template.response import TemplateResponse


class ArticleAdminBase:
    """The end of the mixins' chains; each mixin adds to ``form_context`` and calls ``super()``."""

    def form_context(self, request, obj, form=None) -> dict:
        """Extra context for the article form, built by each mixin in turn: ``obj`` is the article
        as stored (None for a new one), ``form`` the article form being shown."""
        return {}

    def ask(self, request, queryset, form, *, title: str, action: str):
        """The intermediate page of an action that needs an answer (like Django's delete confirmation)."""
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "form": form,
            "objects": queryset,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "editorial/admin/action_form.html", context)

    def posted(self, request):
        """The action's answer, once the question page was submitted."""
        return request.POST if "apply" in request.POST else None
