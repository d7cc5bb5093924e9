"""What every public view of articles shares: the published queryset, paging, previews."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from .models import Article
from .pagination import ListingPaginator

# What no listing shows, and what is the largest part of an article's row.
UNLISTED_FIELDS = ("body_text", "body_headings", "search_vector")


class PublishedArticlesMixin:
    """A paginated list of the articles readers may see, latest first (ties by id, so pages never overlap)."""

    context_object_name = "articles"
    paginator_class = ListingPaginator

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        return (
            Article.objects.published().for_listing().defer(*UNLISTED_FIELDS).order_by("-published_at", "-pk")
        )


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
