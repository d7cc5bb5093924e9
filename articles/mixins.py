"""What every public view of articles shares: the published queryset, paging, previews."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from .models import Article


class PublishedArticlesMixin:
    """A paginated list of the articles readers may see."""

    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        return Article.objects.published().for_listing()


class StaffPreviewMixin:
    """Lets staff who may edit articles see drafts on the real template, never cached."""

    preview_permission = "articles.change_article"

    def can_preview(self) -> bool:
        user = self.request.user
        return user.is_authenticated and user.is_staff and user.has_perm(self.preview_permission)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("is_preview"):
            add_never_cache_headers(response)
        return response
