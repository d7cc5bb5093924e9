"""Slugs that stay unique within a model's table."""

from django.utils.text import slugify


def plain_slug(text: str, *, max_length: int = 200) -> str:
    """The slug of ``text`` before any suffix, short enough to take one."""
    return slugify(text, allow_unicode=True)[: max_length - 10].strip("-") or "item"


def unique_slug(instance, text: str, *, field: str = "slug", max_length: int = 200) -> str:
    """A slug for ``text``, suffixed ``-2``, ``-3``… until no other row uses it."""
    base = plain_slug(text, max_length=max_length)
    model = type(instance)
    candidate, n = base, 1
    others = model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager
    while others.filter(**{field: candidate}).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate
