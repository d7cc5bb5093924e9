"""Keep related links pointing at the articles they name, and cached pages fresh."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from newsroom.cache import bump_content_version
from people.models import Author, Person, Quote

from .models import Article, Byline, Country, RelatedLink, TaggedCountry, TaggedTopic, Topic
from .services import find_link_target, resolve_links_around


@receiver(post_save, sender=Article)
def resolve_inbound_links(sender, instance, raw=False, **kwargs):
    if not raw:
        resolve_links_around(instance)
        # A link written by a transaction committing at the same time is invisible here;
        # whichever of the two commits last looks again and finds the other's rows.
        transaction.on_commit(partial(resolve_links_around, instance), robust=True)


@receiver(pre_save, sender=RelatedLink)
def resolve_link_target(sender, instance, raw=False, **kwargs):
    if not raw and instance.target_id is None:
        instance.target = find_link_target(instance)


CONTENT_MODELS = (
    *(Article, Byline, RelatedLink, Topic, Country, TaggedTopic, TaggedCountry),
    *(Author, Person, Quote),
)


def content_changed(sender, raw=False, **kwargs):
    # After commit: a page rendered meanwhile from the old rows must not be cached as new.
    if not raw:
        transaction.on_commit(bump_content_version)


for model in CONTENT_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"content-save-{model.__name__}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-delete-{model.__name__}")
m2m_changed.connect(content_changed, sender=Article.people.through, dispatch_uid="content-article-people")
