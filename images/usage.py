"""Where pictures are used, as the apps that use them say: the library itself knows no users.

An app that shows pictures registers one *finder* when it starts (``AppConfig.ready``)::

    from images import usage

    @usage.register
    def article_usages(image_ids):
        for article in Article.objects.filter(lead_image__in=image_ids):
            yield usage.Usage(
                image_id=article.lead_image_id,
                label=f"Article “{article.headline}”",
                url=reverse("admin:articles_article_change", args=[article.pk]),
                blocks_deletion=article.is_live,
            )

A finder takes a collection of image ids and returns the uses of those images. A use that
``blocks_deletion`` (a live article) makes deleting the image fail with ``ImageInUse``,
whichever way it is deleted; the admin shows those uses instead of deleting. Other uses (a
draft) are listed on the image's page. A foreign key with ``on_delete=PROTECT`` works too,
through Django's own machinery; a finder also covers references Django cannot see (ids in a
JSON body) and the live/draft distinction.
"""

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from django.db.models import ProtectedError


@dataclass(frozen=True)
class Usage:
    image_id: int
    label: str  # for an editor: “Article “Minsk talks stall””
    url: str = ""  # where the user is edited, when there is such a page
    blocks_deletion: bool = True


Finder = Callable[[Collection[int]], Iterable[Usage]]

# Filled once per process at start-up, the same in every process: not shared mutable state.
_finders: list[Finder] = []


def register(finder: Finder) -> Finder:
    """Add a finder (usable as a decorator); registering the same one twice is harmless."""
    if finder not in _finders:
        _finders.append(finder)
    return finder


def unregister(finder: Finder) -> None:
    if finder in _finders:
        _finders.remove(finder)


def usages(image_ids: Collection[int]) -> list[Usage]:
    """Every registered use of these images, in the order the finders give them."""
    ids = set(image_ids)
    if not ids:
        return []
    return [use for finder in _finders for use in finder(ids) if use.image_id in ids]


def blocking_usages(image_ids: Collection[int]) -> list[Usage]:
    return [use for use in usages(image_ids) if use.blocks_deletion]


class ImageInUse(ProtectedError):
    """Deleting these images would take them off live pages."""

    def __init__(self, uses: list[Usage]):
        self.uses = uses
        labels = "; ".join(use.label for use in uses)
        super().__init__(f"This image is in use and cannot be deleted: {labels}.", uses)


def check_deletable(image_ids: Collection[int]) -> None:
    """Raise ``ImageInUse`` when any of these images may not be deleted."""
    blocking = blocking_usages(image_ids)
    if blocking:
        raise ImageInUse(blocking)
