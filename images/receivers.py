"""What happens around an image's save and delete, each with why."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from . import renditions, tasks, usage
from .models import Image


@receiver(post_save, sender=Image, dispatch_uid="images.make_renditions")
def make_renditions_on_save(sender, instance, raw=False, **kwargs):
    # Pages show renditions, not the upload: a worker makes the missing ones once the picture
    # is committed (``tasks.make_renditions``), never the request that saved it.
    if not raw and not instance.renditions_ready:
        tasks.queue_renditions(instance)


@receiver(pre_delete, sender=Image, dispatch_uid="images.refuse_delete_in_use")
def refuse_delete_in_use(sender, instance, **kwargs):
    # A picture on a live page is not deleted from under it, whichever way the delete comes
    # (Image.delete() and the queryset's delete() refuse earlier, outside any transaction).
    usage.check_deletable([instance.pk])


@receiver(post_delete, sender=Image, dispatch_uid="images.delete_files")
def delete_files_on_delete(sender, instance, **kwargs):
    # A deleted picture leaves no file behind; only once the delete is committed, so a rolled-back
    # delete keeps its files.
    transaction.on_commit(lambda: renditions.delete_files(instance), robust=True)
