"""Fronts: the pages that lead with a story, the home page and each section's front."""

from dataclasses import dataclass

from django.db.models import F, Prefetch, Window, prefetch_related_objects
from django.db.models.functions import Coalesce, RowNumber
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import ListView

from .mixins import KeysetPagesMixin
from .models import FRONT_SIZE, Article, Byline, Section
from .views import HomeView


class SectionFrontView(KeysetPagesMixin, ListView):
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


# Stories in each section's block on the home page.
BLOCK_SIZE = 3


@dataclass
class Block:
    section: Section
    articles: list


def front_stories() -> list:
    """The lead and top stories: the editors' front list in its order, then the newest.

    Three queries whatever the archive's size: the chosen stories (a handful of
    rows), the newest (read down the publication index), and their bylines. (One
    query ordered by the front's position first sorted every published article.)
    """
    published = Article.objects.published().select_related("lead_image", "section__parent")
    chosen = list(published.filter(front_item__isnull=False).order_by("front_item__position")[:FRONT_SIZE])
    newest = published.order_by("-published_at", "-pk")[:FRONT_SIZE]
    shown = {article.pk for article in chosen}
    stories = (chosen + [article for article in newest if article.pk not in shown])[:FRONT_SIZE]
    prefetch_related_objects(stories, Prefetch("bylines", queryset=Byline.objects.select_related("author")))
    return stories


def section_blocks(*, leaving_out: list[int]) -> list[Block]:
    """The newest stories of each top-level section (its subsections' included), in the navigation's order.

    Two queries whatever the number of sections: the sections, and one ranking of
    articles within each top-level section (a window function).
    """
    sections = list(Section.objects.top_level())
    top = Coalesce("section__parent_id", "section_id")
    ranked = (
        Article.objects.published()
        .filter(section__isnull=False)
        .exclude(pk__in=leaving_out)
        .select_related("section")
        .annotate(
            top_section=top,
            rank=Window(RowNumber(), partition_by=[top], order_by=[F("published_at").desc(), F("pk").desc()]),
        )
        .filter(rank__lte=BLOCK_SIZE)
        .order_by("top_section", "rank")
    )
    by_section: dict[int, list] = {}
    for article in ranked:
        by_section.setdefault(article.top_section, []).append(article)
    return [Block(section, by_section[section.pk]) for section in sections if section.pk in by_section]


class FrontPageView(HomeView):
    """The home page: the lead story and top stories, a block per section, then the latest list.

    Its first page costs a fixed number of queries, and it is cached until the content changes.
    Later pages are the latest list alone.
    """

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["page_obj"].number != 1:
            return {**context, "latest": context["articles"]}
        stories = front_stories()
        shown = [article.pk for article in stories]
        blocks = section_blocks(leaving_out=shown)
        shown += [article.pk for block in blocks for article in block.articles]
        return {
            **context,
            "lead": stories[0] if stories else None,
            "top_stories": stories[1:],
            "blocks": blocks,
            # The latest list goes on through the pages; on this one it leaves out what is shown above.
            "latest": [article for article in context["articles"] if article.pk not in shown],
        }
