"""Tagging at scale: bulk tag changes, merging and renaming topics, cleaning up unused ones.

Topic names compare by their key (``newsroom.names``; the database holds that rule), and a
topic that was merged away or renamed is still understood by its old name:
typing it tags the article with the topic it became.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from articles import counts
from articles.models import Article, TaggedTopic, Topic
from articles.tagkinds import TAG_KINDS, TOPICS, TagKind
from articles.tasks import reindex
from newstext import normalise_name

from .models import TopicRedirect


def lacking(kind: TagKind, queryset=None):
    """Articles with no tag of ``kind``."""
    queryset = Article.objects.all() if queryset is None else queryset
    return queryset.filter(~Exists(kind.through.objects.filter(content_object=OuterRef("pk"))))


def needs_tagging(queryset=None):
    """Articles that lack a tag of some kind (no topic, or no country)."""
    queryset = Article.objects.all() if queryset is None else queryset
    missing = Q()
    for kind in TAG_KINDS:
        missing |= Q(~Exists(kind.through.objects.filter(content_object=OuterRef("pk"))))
    return queryset.filter(missing)


def find_topic(name: str) -> Topic | None:
    """The topic called ``name`` in any case, or the one a topic of that name became."""
    return find_topics([name])[name.strip()]


def find_topics(names: Iterable[str]) -> dict[str, Topic | None]:
    """``find_topic`` of each name (stripped), the existing topics read with one query."""
    names = [name.strip() for name in names]
    keys = {normalise_name(name) for name in names}
    existing = {topic.name_key: topic for topic in Topic.objects.filter(name_key__in=keys)} if keys else {}
    found: dict[str, Topic | None] = {}
    for name in names:
        topic = existing.get(normalise_name(name))
        if topic is None and name not in found:
            redirect = TopicRedirect.objects.filter(old_name__iexact=name).select_related("topic").first()
            topic = redirect.topic if redirect else None
        found.setdefault(name, topic)
    return found


def resolve_topics(names: Iterable[str]) -> dict[str, Topic | None]:
    """Names as they should be stored (existing topics' own spelling, old names replaced), each
    with its topic, or None for a name no topic has."""
    resolved: dict[str, tuple[str, Topic | None]] = {}
    for name, topic in find_topics(names).items():
        final = topic.name if topic else name
        if final:
            resolved.setdefault(normalise_name(final), (final, topic))
    return dict(resolved.values())


def resolve_topic_names(names: Iterable[str]) -> list[str]:
    """Names as they should be stored: existing topics' own spelling, old names replaced."""
    return list(resolve_topics(names))


@dataclass(frozen=True)
class TagChange:
    changed: int  # articles whose tags changed
    unchanged: int  # articles that already had (or lacked) the tag
    created: bool = False  # a new topic was created for the change


def _touch(articles: Iterable[Article]) -> None:
    # A tag change is a change to the article: it gets a revision (inside an admin
    # request) and a new updated_at, so an edit form opened before it cannot overwrite it.
    for article in articles:
        article.save(update_fields=["updated_at"])


def _retag(articles: Iterable[Article], *, kind: TagKind, tag, add: bool) -> tuple[int, int]:
    """Add ``tag`` to (or remove it from) each article of ``articles`` that lacks (or has) it.

    Returns the number of articles changed and left alone.
    """
    articles = list(articles)
    carrying = kind.through.objects.filter(tag=tag, content_object__in=articles)
    tagged = set(carrying.values_list("content_object_id", flat=True))
    changed = [a for a in articles if (a.pk in tagged) != add]
    for article in changed:
        manager = kind.manager(article)
        if add:
            manager.add(tag)
        else:
            manager.remove(tag)
    _touch(changed)
    return len(changed), len(articles) - len(changed)


@transaction.atomic
def add_tag(articles: Iterable[Article], *, kind: TagKind, tag) -> TagChange:
    """Tag each of ``articles`` with ``tag`` (of ``kind``) that does not carry it yet."""
    return TagChange(*_retag(articles, kind=kind, tag=tag, add=True))


@transaction.atomic
def remove_tag(articles: Iterable[Article], *, kind: TagKind, tag) -> TagChange:
    """Take ``tag`` (of ``kind``) off each of ``articles`` that carries it."""
    return TagChange(*_retag(articles, kind=kind, tag=tag, add=False))


@transaction.atomic
def add_topic(articles: Iterable[Article], *, name: str) -> TagChange:
    """Tag articles with the topic called ``name``, creating it when there is none."""
    topic = find_topic(name)
    created = topic is None
    if created:
        topic = Topic.objects.create(name=name.strip())
    changed, unchanged = _retag(articles, kind=TOPICS, tag=topic, add=True)
    return TagChange(changed=changed, unchanged=unchanged, created=created)


@dataclass(frozen=True)
class MergeResult:
    into: Topic
    merged: list[str]  # names of the topics merged away
    retagged: int  # articles that now carry ``into`` instead of a merged topic


def redirect_old_address(*, old_slug: str, old_name: str, topic: Topic) -> None:
    """Send ``old_slug``'s page, and anything already sent there, to ``topic``."""
    if old_slug == topic.slug:
        return
    TopicRedirect.objects.filter(topic__slug=old_slug).update(topic=topic)
    TopicRedirect.objects.update_or_create(old_slug=old_slug, defaults={"old_name": old_name, "topic": topic})


def forget_redirect_to(slug: str) -> None:
    """A live topic owns ``slug`` again: its page must not redirect any more."""
    TopicRedirect.objects.filter(old_slug=slug).delete()


@transaction.atomic
def merge_topics(*, sources: Iterable[Topic], into: Topic) -> MergeResult:
    """Re-tag every article of ``sources`` with ``into`` and delete ``sources``, all or nothing.

    Each merged topic's page redirects permanently to ``into``'s from then on.
    """
    sources = [topic for topic in sources if topic.pk != into.pk]
    # Lock the topics involved so that a concurrent merge or rename waits for this one.
    list(Topic.objects.select_for_update().filter(pk__in=[into.pk, *(t.pk for t in sources)]))
    affected = list(TaggedTopic.objects.filter(tag__in=sources).values_list("content_object_id", flat=True))
    retagged = 0
    for source in sources:
        already = TaggedTopic.objects.filter(tag=into).values("content_object_id")
        moving = TaggedTopic.objects.filter(tag=source)
        retagged += moving.exclude(content_object_id__in=already).update(tag=into)
        moving.delete()  # the articles that carried both topics
        redirect_old_address(old_slug=source.slug, old_name=source.name, topic=into)
        source.delete()
    # QuerySet.update sends no signals: the moved articles' search text still names the old topic.
    # Beyond a few hundred articles, tasks queued with this transaction re-index them.
    reindex(affected)
    counts.recount(
        counts.TOPIC_ARTICLES, [into.pk]
    )  # the moved tags went by QuerySet.update, which sends no signal
    return MergeResult(into=into, merged=[t.name for t in sources], retagged=retagged)


def record_rename(topic: Topic, *, old_slug: str, old_name: str) -> None:
    forget_redirect_to(topic.slug)
    if old_slug != topic.slug:
        redirect_old_address(old_slug=old_slug, old_name=old_name, topic=topic)


def orphan_topics():
    """Topics no article carries."""
    return Topic.objects.filter(~Q(Exists(TaggedTopic.objects.filter(tag=OuterRef("pk")))))


@transaction.atomic
def delete_orphan_topics(topics=None) -> list[str]:
    """Delete the unused topics (of ``topics``, or all of them); returns their names."""
    orphans = orphan_topics()
    if topics is not None:
        orphans = orphans.filter(pk__in=[t.pk for t in topics])
    names = list(orphans.order_by("name").values_list("name", flat=True))
    orphans.delete()
    return names
