"""The image library's task: making a picture's renditions beside the site, never in a request.

Saving a picture (an upload, a new focal point) queues ``make_renditions`` once the save
commits (``receivers.py``); a worker (``manage.py run_worker``) makes the files. Until then
pages show the stored picture at its own size (``images.pictures``): the right picture and no
layout shift, only heavier for those few seconds. The task then marks every cached page stale
(``newsroom.cache``), so pages are rendered again with the renditions' ``srcset``.

Safe to run again (the convention in ``newsroom.tasks``): renditions already in the storage
are kept, and a picture deleted meanwhile is nothing to do.
"""

from django.db import transaction
from django_tasks import task

from newsroom.cache import bump_content_version

from . import renditions
from .models import Image


@task()
def make_renditions(image_id: int) -> int:
    """Make the renditions ``image_id`` lacks; returns how many files were written."""
    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return 0
    result = renditions.make_renditions(image)
    if not result.skipped:
        bump_content_version()  # pages showing the stored picture can now show the renditions
    return result.made


def queue_renditions(image: Image) -> None:
    """Queue the renditions of a saved picture, once the transaction that saved it commits.

    After commit, not in the transaction as ``newsroom.tasks`` suggests: the task then also
    sees the file the save wrote, and a save that rolls back (a refused form, a test that never
    commits) queues nothing.
    """
    pk = image.pk
    transaction.on_commit(lambda: make_renditions.enqueue(pk), robust=True)
