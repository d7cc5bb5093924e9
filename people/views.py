from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.mixins import PublishedArticlesMixin
from articles.models import Article

from .models import Author, Person, Quote


class AuthorView(PublishedArticlesMixin, ListView):
    template_name = "people/author_detail.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        return super().get_queryset().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class PersonView(PublishedArticlesMixin, ListView):
    template_name = "people/person_detail.html"

    def get_queryset(self):
        # Someone named only in drafts has no public page: the page would give the story away.
        published = Article.objects.published()
        self.person = get_object_or_404(
            Person.objects.filter(Q(articles__in=published) | Q(quotes__article__in=published)).distinct(),
            slug=self.kwargs["slug"],
        )
        return super().get_queryset().filter(people=self.person)

    def get_context_data(self, **kwargs):
        quotes = (
            Quote.objects.filter(speaker=self.person, article__in=Article.objects.published())
            .select_related("article")
            .order_by("-article__published_at", "position")
        )
        return super().get_context_data(person=self.person, quotes=quotes, **kwargs)


class QuoteListView(ListView):
    """Every quote from a published article, searchable by its words and by its speaker."""

    template_name = "people/quote_list.html"
    context_object_name = "quotes"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        self.q = self.request.GET.get("q", "").strip()
        self.speaker = self.request.GET.get("speaker", "").strip()
        quotes = Quote.objects.filter(article__in=Article.objects.published())
        quotes = quotes.select_related("speaker", "article")
        if self.q:
            quotes = quotes.filter(text__icontains=self.q)
        if self.speaker:
            quotes = quotes.filter(Q(speaker__name__icontains=self.speaker) | Q(speaker__slug=self.speaker))
        return quotes.order_by("-article__published_at", "article_id", "position")

    def get_context_data(self, **kwargs):
        return super().get_context_data(q=self.q, speaker=self.speaker, **kwargs)
