"""The public corrections page and its feeds: every correction and clarification of published articles."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.generic import ListView

from . import public

FEED_SIZE = 30


class CorrectionListView(ListView):
    """Corrections and clarifications, newest first, each with its article."""

    template_name = "articles/corrections.html"
    context_object_name = "corrections"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        return public.corrections()


class CorrectionsFeed(Feed):
    """The corrections page as RSS: one item per correction, linking to it on its article."""

    def title(self):
        return f"{settings.NEWSROOM_NAME}: corrections and clarifications"

    def link(self):
        return reverse("articles:corrections")

    def description(self):
        return f"Corrections and clarifications to {settings.NEWSROOM_NAME}'s articles, newest first."

    def get_feed(self, obj, request):
        self.request = request
        return super().get_feed(obj, request)

    def items(self):
        return public.corrections()[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.article.headline}"

    def item_description(self, item):
        return item.text

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_absolute_url())


class CorrectionsAtomFeed(CorrectionsFeed):
    feed_type = Atom1Feed
    subtitle = CorrectionsFeed.description
