"""Every import makes a revision (django-reversion) of the article it stored, with a comment saying what.

The importer opens its own revisions, by whoever imports (``ImportRights.user_id``),
so that the command, the admin's import jobs and the sample loader all leave the
same history, and a deleted imported article can be recovered. When a re-import
replaces a version editors changed (``--overwrite``), that version is first kept
as a revision of its own.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import reversion
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, prefetch_related_objects

from articles.models import Article, Byline, Quote

from .rights import ImportRights


@contextmanager
def import_revision(rights: ImportRights) -> Iterator[None]:
    """A revision around one document's store; ``record`` adds the article to it."""
    if not reversion.is_registered(Article):
        yield
        return
    with reversion.create_revision():
        if rights.user_id is not None:
            reversion.set_user(get_user_model()._default_manager.filter(pk=rights.user_id).first())
        yield


def record(article: Article, *, comment: str) -> None:
    if reversion.is_registered(Article) and reversion.is_active():
        # The revision follows the parts and names each by its author or speaker: fetched in three queries.
        for name in ("bylines", "related_links", "quotes"):
            getattr(article, "_prefetched_objects_cache", {}).pop(name, None)
        prefetch_related_objects(
            [article],
            Prefetch("bylines", queryset=Byline.objects.select_related("author")),
            "related_links",
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
        )
        reversion.add_to_revision(article)
        reversion.set_comment(comment)


def keep_editors_version(article: Article, *, rights: ImportRights, source_name: str) -> None:
    """Keep ``article`` as editors left it, as a revision of its own, before an import replaces it."""
    with import_revision(rights):
        record(article, comment=f"The editors' version, before the re-import of {source_name} replaced it.")
