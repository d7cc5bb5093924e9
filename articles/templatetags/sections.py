"""The site's navigation: the top-level sections, in the editors' order."""

from django import template

from newsroom.cache import DATABASE_DOWN

from ..models import Section

register = template.Library()


@register.inclusion_tag("includes/section_nav.html")
def section_nav():
    """One query, made when a page is rendered (pages are cached until the content changes).

    The 503 page is rendered with this navigation while the database is away: then it lists none.
    """
    try:
        sections = list(Section.objects.top_level().only("name", "slug"))
    except DATABASE_DOWN:
        sections = []
    return {"sections": sections}
