"""The site's navigation: the top-level sections, in the editors' order."""

from django import template

from ..models import Section

register = template.Library()


@register.inclusion_tag("includes/section_nav.html")
def section_nav():
    """One query, made when a page is rendered (pages are cached until the content changes)."""
    return {"sections": Section.objects.top_level().only("name", "slug")}
