"""The readers' pages: home, article, the listings by topic, country, author and person, quotes, search."""

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from . import indexes, public, search, structured
from .mixins import PublishedArticlesMixin, StaffPreviewMixin
from .models import Article, Quote, Topic
from .tagkinds import TOPICS, TagKind


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["popular_topics"] = (
            Topic.objects.annotate(
                n=Count(
                    "tagged_articles",
                    filter=Q(tagged_articles__content_object__in=Article.objects.published()),
                )
            )
            .filter(n__gt=0)
            .order_by("-n", "name")[:12]
        )
        return context


class ArticleDetailView(StaffPreviewMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        articles = Article.objects.all() if self.can_preview() else Article.objects.published()
        return articles.for_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["is_preview"] = not article.is_live
        context["more_on_this_story"] = Article.objects.published().sharing_tags_with(article)
        context["structured_data"] = structured.as_script_json(structured.news_article(article, self.request))
        context["share_image"] = structured.share_image(article, self.request)
        return context


class TagArticlesView(PublishedArticlesMixin, ListView):
    """Published articles carrying one tag of a kind (a topic, a country)."""

    kind: TagKind | None = None
    template_name = "articles/tag_list.html"

    def get(self, request, *args, **kwargs):
        # A tag only unpublished work carries is, for readers, a tag that does not exist.
        self.tag = public.tags(self.kind).filter(slug=kwargs["slug"]).first()
        if self.tag is None and self.kind.former_slug_field:
            # A tag that was renamed: its old address leads to the new one.
            moved = self.kind.model.objects.filter(**{self.kind.former_slug_field: kwargs["slug"]}).first()
            if moved is not None:
                return HttpResponsePermanentRedirect(moved.get_absolute_url())
        if self.tag is None:
            raise Http404(f"No {self.kind.singular} at this address.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(**{self.kind.name: self.tag})

    def get_context_data(self, **kwargs):
        slug = {"slug": self.tag.slug}
        return super().get_context_data(
            tag=self.tag,
            kind=self.kind,
            feed_url=reverse(self.kind.feed_url_name, kwargs=slug),
            atom_url=reverse(self.kind.atom_url_name, kwargs=slug),
            **kwargs,
        )


class AuthorView(PublishedArticlesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        # An author only in drafts has no public page: it would name who files what, from where.
        self.author = get_object_or_404(public.authors(), slug=self.kwargs["slug"])
        return super().get_queryset().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class PersonView(PublishedArticlesMixin, ListView):
    template_name = "articles/person_detail.html"

    def get_queryset(self):
        # Someone named only in drafts has no public page: the page would give the story away.
        self.person = get_object_or_404(public.people(), slug=self.kwargs["slug"])
        return super().get_queryset().filter(people=self.person)

    def get_context_data(self, **kwargs):
        quotes = (
            Quote.objects.presented()
            .filter(speaker=self.person, article__in=Article.objects.published())
            .select_related("article")
            .order_by("-article__published_at", "position")
        )
        return super().get_context_data(person=self.person, quotes=quotes, **kwargs)


class QuoteListView(ListView):
    """Every quote from a published article, searchable by its words and by its speaker."""

    template_name = "articles/quote_list.html"
    context_object_name = "quotes"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        self.q = self.request.GET.get("q", "").strip()
        self.speaker = self.request.GET.get("speaker", "").strip()
        quotes = Quote.objects.presented().filter(article__in=Article.objects.published())
        quotes = quotes.select_related("speaker", "article")
        if self.q:
            quotes = quotes.filter(text__icontains=self.q)
        if self.speaker:
            quotes = quotes.filter(Q(speaker__name__icontains=self.speaker) | Q(speaker__slug=self.speaker))
        return quotes.order_by("-article__published_at", "article_id", "position")

    def get_context_data(self, **kwargs):
        return super().get_context_data(q=self.q, speaker=self.speaker, **kwargs)


class SearchView(PublishedArticlesMixin, ListView):
    """Published articles matching the reader's words, best first, with highlighted snippets."""

    template_name = "articles/search.html"

    def get_queryset(self):
        self.query = search.clean_query(self.request.GET.get("q", ""))
        return search.with_snippets(search.search_articles(self.query).for_listing(), self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        for article in context["articles"]:
            article.snippet = search.snippet(article, self.query)
        return context


class LetterIndexView(TemplateView):
    """Names A to Z (a letter at a time) with the number of their published articles."""

    template_name = "articles/letter_index.html"
    title = ""
    description = ""
    url_name = ""

    def names(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        index = indexes.letter_index(
            self.names(), url_name=self.url_name, letter=self.request.GET.get("letter")
        )
        return super().get_context_data(index=index, title=self.title, description=self.description, **kwargs)


class TopicIndexView(LetterIndexView):
    title, description, url_name = "Topics", "Every topic we have written about, A to Z.", TOPICS.url_name

    def names(self):
        return indexes.topics_with_articles()


class AuthorIndexView(LetterIndexView):
    title, description, url_name = "Authors", "Our journalists and contributors, A to Z.", "articles:author"

    def names(self):
        return indexes.authors_with_articles()


class PersonIndexView(LetterIndexView):
    title = "People and organisations"
    description = "The people and organisations in our reporting, A to Z."
    url_name = "articles:person"

    def names(self):
        return indexes.people_with_articles()


class CountryIndexView(TemplateView):
    template_name = "articles/country_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(regions=indexes.countries_by_region(), **kwargs)
