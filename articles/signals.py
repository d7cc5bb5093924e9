"""Keep related links pointing at the articles they name."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from .models import Article, RelatedLink
from .services import find_link_target, resolve_links_to


@receiver(post_save, sender=Article)
def resolve_inbound_links(sender, instance, raw=False, **kwargs):
    if not raw:
        resolve_links_to(instance)


@receiver(pre_save, sender=RelatedLink)
def resolve_link_target(sender, instance, raw=False, **kwargs):
    if not raw and instance.target_id is None:
        instance.target = find_link_target(instance)
