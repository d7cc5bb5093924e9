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
        self.person = get_object_or_404(Person, slug=self.kwargs["slug"])
        return super().get_queryset().filter(people=self.person)

    def get_context_data(self, **kwargs):
        quotes = (
            Quote.objects.filter(speaker=self.person, article__in=Article.objects.published())
            .select_related("article")
            .order_by("-article__published_at", "position")
        )
        return super().get_context_data(person=self.person, quotes=quotes, **kwargs)
