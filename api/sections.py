"""The section of an article, as the API gives it, and the ``section`` filter."""

from django.db.models import Q, QuerySet

from articles.models import Section


def section_data(section: Section | None, request) -> dict | None:
    """``{"name", "slug", "url", "parent"}`` (the parent's slug, or None at the top); None: no section."""
    if section is None:
        return None
    return {
        "name": section.name,
        "slug": section.slug,
        "url": request.build_absolute_uri(section.get_absolute_url()),
        "parent": section.parent.slug if section.parent_id else None,
    }


def in_section(articles: QuerySet, slug: str) -> QuerySet:
    """The articles of the section ``slug`` and of its subsections (an unknown slug: none)."""
    return articles.filter(Q(section__slug=slug) | Q(section__parent__slug=slug))
