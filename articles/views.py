"""The readers' pages: home, article, the listings by topic, country, author and person, quotes, search."""

from django.conf import settings
from django.db.models import Exists, OuterRef, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView, TemplateView

from people.models import PersonRedirect

from . import fragments, indexes, public, search, structured
from .mixins import KeysetPagesMixin, PublishedArticlesMixin, StaffPreviewMixin
from .models import Article, Page, Quote, Topic, page_prefetches
from .pagination import ListingPaginator
from .tagkinds import TOPICS, TagKind

# The topics the home page lists.
POPULAR_TOPICS = 12


class HomeView(KeysetPagesMixin, ListView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # By the stored counts (articles.counts), not a count of the archive's tags. Only
        # topics with a published article are shown, checked for the leading ones alone
        # (twice as many as shown: a topic only scheduled work carries is passed over).
        leading = Topic.objects.filter(released_articles__gt=0).order_by("-released_articles", "name")
        context["popular_topics"] = (
            public.tags(TOPICS)
            .filter(pk__in=leading.values("pk")[: 2 * POPULAR_TOPICS])
            .order_by("-released_articles", "name")[:POPULAR_TOPICS]
        )
        return context


class ArticleDetailView(StaffPreviewMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # The relations are read in get_context_data, only when the page's parts are not kept.
        articles = Article.objects.all() if self.can_preview() else Article.objects.published()
        return articles.select_related("lead_image")  # the page's head shares its picture

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["is_preview"] = preview = not article.is_live
        context["fragment_vary"] = vary = fragments.vary_on(self.request, article, preview=preview)
        context["fragment_seconds"] = settings.NEWSROOM_FRAGMENT_CACHE_SECONDS
        if not fragments.are_cached(vary):
            prefetch_related_objects([article], *page_prefetches())
        # Lazy: evaluated only where a fragment is rendered.
        context["more_on_this_story"] = SimpleLazyObject(
            lambda: list(Article.objects.published().sharing_tags_with(article))
        )
        context["structured_data"] = lambda: structured.as_script_json(
            structured.with_corrections(structured.news_article(article, self.request), article)
        )
        context["share_image"] = structured.share_image(article, self.request)
        return context


class TagArticlesView(KeysetPagesMixin, ListView):
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


class AuthorView(KeysetPagesMixin, ListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        # An author only in drafts has no public page: it would name who files what, from where.
        self.author = get_object_or_404(public.authors(), slug=self.kwargs["slug"])
        return super().get_queryset().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


# The quotes a person's page shows; the rest are on the quotes page, filtered by speaker.
PERSON_QUOTES = 10


class PersonView(KeysetPagesMixin, ListView):
    template_name = "articles/person_detail.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A person record merged into another: its address leads there, permanently.
            moved = PersonRedirect.objects.filter(old_slug=kwargs["slug"]).select_related("person").first()
            if moved is not None and public.people().filter(pk=moved.person_id).exists():
                return HttpResponsePermanentRedirect(moved.person.get_absolute_url())
            raise

    def get_queryset(self):
        # Someone named only in drafts has no public page: the page would give the story away.
        self.person = get_object_or_404(public.people(), slug=self.kwargs["slug"])
        return super().get_queryset().filter(people=self.person)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(person=self.person, **kwargs)
        # The latest of their quotes, on the first page; every quote is on the paginated quotes page.
        quotes = []
        if context["page_obj"].number == 1:
            # Their quotes in the latest articles that quote them (read down the publication
            # index, not every quote of someone quoted in half the archive), and one more article.
            theirs = Quote.objects.presented().filter(speaker=self.person)
            latest = (
                Article.objects.published()
                .filter(Exists(theirs.filter(article=OuterRef("pk"))))
                .order_by("-published_at", "-pk")
                .values("pk")[: PERSON_QUOTES + 1]
            )
            quotes = list(
                theirs.filter(article__in=latest)
                .select_related("article")
                .only("text", "article__slug", "article__headline", "article__published_at")
                .order_by("-article__published_at", "-article_id", "position")
            )
        context["quotes"] = quotes[:PERSON_QUOTES]
        context["more_quotes"] = len(quotes) > PERSON_QUOTES
        return context


class QuoteListView(ListView):
    """Every quote from a published article, searchable by its words and by its speaker."""

    template_name = "articles/quote_list.html"
    context_object_name = "quotes"
    paginator_class = ListingPaginator

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_PAGE_SIZE

    def get_queryset(self):
        self.q = self.request.GET.get("q", "").strip()
        self.speaker = self.request.GET.get("speaker", "").strip()
        quotes = public.quotes().select_related("speaker", "article")
        if self.q:
            quotes = quotes.filter(text__icontains=self.q)
        if self.speaker:
            quotes = quotes.by_speaker(self.speaker)
        return quotes.order_by("-article__published_at", "article_id", "position")

    def get_context_data(self, **kwargs):
        return super().get_context_data(q=self.q, speaker=self.speaker, **kwargs)


class SearchView(PublishedArticlesMixin, ListView):
    """Published articles matching the reader's words, best first, with highlighted snippets."""

    template_name = "articles/search.html"

    def get_queryset(self):
        self.query = search.clean_query(self.request.GET.get("q", ""))
        self.results = search.results(self.query)
        return search.with_snippets(self.results.articles.for_listing(), self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        context["results"] = self.results
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


class PageView(DetailView):
    """A page of the site's own (about, contact, privacy), as editors wrote it."""

    model = Page
    template_name = "articles/page.html"
    context_object_name = "page"
