"""What happens when content is saved or deleted: every receiver of the articles app, with its reason.

Connected once, by ``ArticlesConfig.ready()``. Writes that send no signals
(``bulk_create``, ``QuerySet.update``, raw SQL) must do these things themselves:
``links.resolve_links_around``, ``search.update_search_vectors``, ``counts.recount`` and
``newsroom.cache.bump_content_version``.
"""

from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from newsroom.cache import bump_content_version, set_schedule
from people.models import Author, Person

from . import body, counts, search, tasks
from .bodytext import refresh_body_text
from .links import find_link_target, resolve_links_around
from .models import (
    Article,
    BodyBlock,
    Byline,
    Correction,
    FrontItem,
    Page,
    Quote,
    RelatedLink,
    Section,
)
from .tagkinds import TAG_KINDS, kind_of


def resolve_inbound_links(sender, instance, raw=False, **kwargs):
    """A saved article may be the target some related links name, and its own links may now resolve."""
    if not raw:
        resolve_links_around(instance)
        # A link written by a transaction committing at the same time is invisible here;
        # whichever of the two commits last looks again and finds the other's rows.
        transaction.on_commit(partial(resolve_links_around, instance), robust=True)


def resolve_link_target(sender, instance, raw=False, **kwargs):
    """A new related link points at the article its title names, when there is one."""
    if not raw and instance.target_id is None:
        instance.target = find_link_target(instance)


def byline_changed(sender, instance, raw=False, **kwargs):
    """An author joined or left an article's byline: their name is among its searched words."""
    if not raw and not search.vector_update_deferred():
        search.update_search_vectors([instance.article_id])


def article_people_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """People were linked to or unlinked from an article: their names are among its searched words."""
    if action not in {"post_add", "post_remove", "post_clear"} or search.vector_update_deferred():
        return
    if not reverse:
        search.update_search_vectors([instance.pk])
    elif pk_set:
        search.update_search_vectors(pk_set)
    else:  # cleared from the person's side: every article that named them was already read below
        search.update_search_vectors(Article.people.through.objects.filter(person=instance).values("article"))


def remember_name(sender, instance, raw=False, **kwargs):
    """Keep the stored name of an author or person about to be saved, to tell a rename."""
    if not raw and instance.pk:
        instance._stored_name = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()


def name_changed(sender, instance, created=False, raw=False, **kwargs):
    """A renamed author or person changes the words of every article that names them."""
    if raw or created or getattr(instance, "_stored_name", instance.name) == instance.name:
        return
    if sender is Author:
        search.update_search_vectors(Byline.objects.filter(author=instance).values("article"))
    else:
        search.update_search_vectors(Article.people.through.objects.filter(person=instance).values("article"))


def content_changed(sender, raw=False, **kwargs):
    """Cached readers' pages show this: they are stale once the change commits."""
    # After commit (once per transaction): a page rendered meanwhile from the old rows
    # must not be cached as new.
    if not raw:
        bump_content_version()


def next_publication_time() -> datetime | None:
    """When readers' pages next change with no write: the next scheduled article goes live."""
    return Article.objects.scheduled().aggregate(next=Min("published_at"))["next"]


def article_words_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    """The article's headline, standfirst or body may have changed: its search vector follows."""
    if raw or (update_fields is not None and not search.SEARCHED_FIELDS & set(update_fields)):
        return
    if search.vector_update_deferred():
        return  # the writer updates the vector itself once its tags are in
    search.update_search_vectors([instance.pk])


def block_changed(sender, instance, raw=False, **kwargs):
    """A body block was saved or deleted: the article's stored words and search vector follow."""
    if not raw and not body.refresh_deferred():
        refresh_body_text([instance.article_id])


def tagging_changed(sender, instance, raw=False, **kwargs):
    """A tag was added to or removed from an article (taggit saves and deletes these rows)."""
    if not raw:
        search.update_search_vectors([instance.content_object_id])


def remember_counted_target(sender, instance, raw=False, **kwargs):
    """Keep what a byline or quote about to be saved pointed at: a count may move from one to another."""
    if not raw and instance.pk:
        target = counts.count_of(sender).target
        instance._stored_target = sender.objects.filter(pk=instance.pk).values_list(target, flat=True).first()


def link_changed(sender, instance, raw=False, **kwargs):
    """A tag, byline or quote was saved or deleted: the stored count of what it points at follows."""
    if not raw:
        count = counts.count_of(sender)
        ids = {getattr(instance, f"{count.target}_id"), getattr(instance, "_stored_target", None)}
        counts.recount(count, [pk for pk in ids if pk is not None])


def article_people_counted(sender, instance, action, reverse, pk_set, **kwargs):
    """People were linked to or unlinked from an article: their stored counts follow."""
    if action == "pre_clear" and not reverse:  # who they were is gone after the clear
        instance._cleared_people = list(
            sender.objects.filter(article=instance).values_list("person", flat=True)
        )
    elif action in {"post_add", "post_remove", "post_clear"}:
        if reverse:
            ids = [instance.pk]
        else:
            ids = pk_set if action != "post_clear" else instance.__dict__.pop("_cleared_people", [])
        counts.recount(counts.PERSON_ARTICLES, ids)


def article_deleting(sender, instance, **kwargs):
    """An article about to go leaves its people first: the cascade sends no signal for that link table."""
    links = Article.people.through.objects.filter(article=instance)
    people = list(links.values_list("person", flat=True))
    if people:
        links.delete()
        counts.recount(counts.PERSON_ARTICLES, people)


def article_status_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """An article may have been published or unpublished: the stored counts of all it links to follow."""
    if raw or created or (update_fields is not None and "status" not in update_fields):
        return
    if instance.status_changed():
        counts.recount_articles([instance.pk])
    instance.status_saved()


def tag_renamed(sender, instance, created=False, raw=False, **kwargs):
    """A renamed tag changes the words of every article that carries it."""
    if not raw and not created:
        through = kind_of(sender).through
        # Possibly thousands of articles: beyond a few hundred, tasks re-index them.
        tasks.reindex(through.objects.filter(tag=instance).values("content_object"))


def correction_changed(sender, instance, raw=False, **kwargs):
    """A correction made or changed is a change to its article: readers see a new modified time."""
    if raw:
        return
    article = Article.objects.filter(pk=instance.article_id).first()
    if article is not None:
        # A save (not an update) so that an admin revision open now records the new time too.
        article.save(update_fields=["updated_at"])


CONTENT_MODELS = (
    *(Article, BodyBlock, Byline, RelatedLink, Quote, Correction, Section, FrontItem, Page, Author, Person),
    *(kind.model for kind in TAG_KINDS),
    *(kind.through for kind in TAG_KINDS),
)


def connect() -> None:
    post_save.connect(resolve_inbound_links, sender=Article, dispatch_uid="articles-resolve-inbound-links")
    pre_save.connect(resolve_link_target, sender=RelatedLink, dispatch_uid="articles-resolve-link-target")
    post_save.connect(article_words_changed, sender=Article, dispatch_uid="search-article-saved")
    post_save.connect(article_status_saved, sender=Article, dispatch_uid="counts-article-saved")
    pre_delete.connect(article_deleting, sender=Article, dispatch_uid="counts-article-deleting")
    for count in counts.COUNTS:
        if count.link is Article.people.through:
            continue  # an m2m table: m2m_changed below
        uid = f"counts-{count.link.__name__}"
        if count.link in (Byline, Quote):  # taggit never points a tag row elsewhere
            pre_save.connect(remember_counted_target, sender=count.link, dispatch_uid=f"{uid}-saving")
        post_save.connect(link_changed, sender=count.link, dispatch_uid=f"{uid}-saved")
        post_delete.connect(link_changed, sender=count.link, dispatch_uid=f"{uid}-deleted")
    m2m_changed.connect(
        article_people_counted, sender=Article.people.through, dispatch_uid="counts-article-people"
    )
    post_save.connect(correction_changed, sender=Correction, dispatch_uid="article-correction-saved")
    post_save.connect(byline_changed, sender=Byline, dispatch_uid="search-byline-saved")
    post_delete.connect(byline_changed, sender=Byline, dispatch_uid="search-byline-deleted")
    post_save.connect(block_changed, sender=BodyBlock, dispatch_uid="body-block-saved")
    post_delete.connect(block_changed, sender=BodyBlock, dispatch_uid="body-block-deleted")
    m2m_changed.connect(
        article_people_changed, sender=Article.people.through, dispatch_uid="search-article-people"
    )
    for model in (Author, Person):
        pre_save.connect(remember_name, sender=model, dispatch_uid=f"search-{model.__name__}-name")
        post_save.connect(name_changed, sender=model, dispatch_uid=f"search-{model.__name__}-renamed")
    for kind in TAG_KINDS:
        uid = kind.through.__name__
        post_save.connect(tagging_changed, sender=kind.through, dispatch_uid=f"search-{uid}-saved")
        post_delete.connect(tagging_changed, sender=kind.through, dispatch_uid=f"search-{uid}-deleted")
        post_save.connect(tag_renamed, sender=kind.model, dispatch_uid=f"search-{kind.model.__name__}-saved")
    for model in CONTENT_MODELS:
        post_save.connect(content_changed, sender=model, dispatch_uid=f"content-save-{model.__name__}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-delete-{model.__name__}")
    m2m_changed.connect(content_changed, sender=Article.people.through, dispatch_uid="content-article-people")
    set_schedule(next_publication_time)
