"""Fronts: the pages that lead with a story, the home page and each section's front."""

from dataclasses import dataclass

from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.expressions import RawSQL
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

    Two queries whatever the number of sections or the archive's size: the
    sections, and the ``BLOCK_SIZE`` newest of each section read down the
    (section, status, time) index, the parts joined by UNION ALL; a top-level
    section's block is the newest of its own and its subsections' parts.
    """
    sections = list(Section.objects.all())
    top_of = {section.pk: section.parent_id or section.pk for section in sections}
    if not sections:
        return []
    published = Article.objects.published().exclude(pk__in=leaving_out).order_by("-published_at", "-pk")
    # Each part is the published() queryset's own SQL; SQLite takes a LIMIT inside UNION only in a
    # subquery, which Django's union() does not write, so the parts are joined here.
    parts = [published.filter(section=section.pk).values("pk")[:BLOCK_SIZE].query for section in sections]
    compiled = [part.sql_with_params() for part in parts]
    union = " UNION ALL ".join(f"SELECT * FROM ({sql}) AS part{n}" for n, (sql, _) in enumerate(compiled))  # noqa: S608
    params = [param for _, part_params in compiled for param in part_params]
    newest = Article.objects.filter(pk__in=RawSQL(union, params)).only(  # noqa: S611  (querysets' own SQL)
        "pk", "slug", "headline", "published_at", "section_id"
    )
    by_top: dict[int, list] = {}
    for article in newest.order_by("-published_at", "-pk"):
        by_top.setdefault(top_of[article.section_id], []).append(article)
    return [Block(section, by_top[section.pk][:BLOCK_SIZE]) for section in sections if section.pk in by_top]


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
