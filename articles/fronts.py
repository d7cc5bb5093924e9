"""Fronts: the pages that lead with a story, the home page and each section's front."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import ListView

from .mixins import PublishedArticlesMixin
from .models import Section


class SectionFrontView(PublishedArticlesMixin, ListView):
    """A section's front: its lead story, then the latest, of the section and its subsections."""

    template_name = "articles/section_front.html"

    def get(self, request, *args, **kwargs):
        self.section = get_object_or_404(Section.objects.select_related("parent"), slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().in_section(self.section).order_by("-published_at", "-pk")

    def get_context_data(self, **kwargs):
        slug = {"slug": self.section.slug}
        context = super().get_context_data(
            section=self.section,
            subsections=self.section.children.all() if self.section.parent_id is None else [],
            feed_url=reverse("articles:section-feed", kwargs=slug),
            atom_url=reverse("articles:section-feed-atom", kwargs=slug),
            **kwargs,
        )
        articles = list(context["articles"])
        # The first page leads with the newest story; later pages are the list that follows it.
        lead = articles[0] if articles and context["page_obj"].number == 1 else None
        context["lead"], context["latest"] = lead, articles[1:] if lead else articles
        return context
