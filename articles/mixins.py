"""What every public view of articles shares: the published queryset, paging, previews."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404
from django.utils.cache import add_never_cache_headers

from .models import Article
from .pagination import KeysetPaginator, ListingPaginator

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


class KeysetPagesMixin(PublishedArticlesMixin):
    """A listing in publication order: numbered first pages, then pages after a cursor (``?after=<id>``)."""

    paginator_class = KeysetPaginator
    cursor_kwarg = "after"

    def paginate_queryset(self, queryset, page_size):
        cursor = self.request.GET.get(self.cursor_kwarg)
        if not cursor:
            return super().paginate_queryset(queryset, page_size)
        if self.request.GET.get(self.page_kwarg):
            raise Http404("A page has a number or a cursor, not both.")
        paginator = self.get_paginator(queryset, page_size)
        try:
            page = paginator.page_after(cursor)
        except InvalidPage as error:
            raise Http404(f"No such page: {error}") from error
        return paginator, page, page.object_list, True


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
