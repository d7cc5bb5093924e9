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


def unique_slugs(model, texts: list[str], *, field: str = "slug", max_length: int = 200) -> list[str]:
    """Slugs for new rows of ``model`` made from ``texts``, as ``unique_slug`` would give them one by one.

    One query finds which plain slugs are taken; only a taken one (or one that
    two of the texts share) costs further queries, to find its suffix.
    """
    manager = model._default_manager
    bases = [plain_slug(text, max_length=max_length) for text in texts]
    taken = set(manager.filter(**{f"{field}__in": set(bases)}).values_list(field, flat=True))
    slugs = []
    for base in bases:
        candidate, n = base, 1
        while candidate in taken or (n > 1 and manager.filter(**{field: candidate}).exists()):
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        slugs.append(candidate)
    return slugs
