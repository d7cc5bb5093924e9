from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView

from . import search, structured
from .mixins import PublishedArticlesMixin, StaffPreviewMixin
from .models import Article, Country, Topic


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
        context["share_image"] = structured.share_image_url(article, self.request)
        return context


class TagArticlesView(PublishedArticlesMixin, ListView):
    """Published articles carrying one topic or country."""

    tag_model = None
    lookup = None
    template_name = "articles/tag_list.html"

    def get_queryset(self):
        self.tag = get_object_or_404(self.tag_model, slug=self.kwargs["slug"])
        return super().get_queryset().filter(**{self.lookup: self.tag})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tag=self.tag,
            tag_kind=self.tag_model._meta.verbose_name,
            feed_url=reverse(f"articles:{self.feed_name}", kwargs={"slug": self.tag.slug}),
            atom_url=reverse(f"articles:{self.feed_name}-atom", kwargs={"slug": self.tag.slug}),
            **kwargs,
        )


class TopicView(TagArticlesView):
    tag_model = Topic
    lookup = "topics"
    feed_name = "topic-feed"


class CountryView(TagArticlesView):
    tag_model = Country
    lookup = "countries"
    feed_name = "country-feed"


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
