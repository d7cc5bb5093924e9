"""Slugs that stay unique within a model's table."""

from django.utils.text import slugify


def unique_slug(instance, text: str, *, field: str = "slug", max_length: int = 200) -> str:
    """A slug for ``text``, suffixed ``-2``, ``-3``… until no other row uses it."""
    base = slugify(text, allow_unicode=True)[: max_length - 10].strip("-") or "item"
    model = type(instance)
    candidate, n = base, 1
    others = model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager
    while others.filter(**{field: candidate}).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate
