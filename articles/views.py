from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

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
        context["is_preview"] = not self.object.is_live
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
        return super().get_context_data(tag=self.tag, tag_kind=self.tag_model._meta.verbose_name, **kwargs)


class TopicView(TagArticlesView):
    tag_model = Topic
    lookup = "topics"


class CountryView(TagArticlesView):
    tag_model = Country
    lookup = "countries"
