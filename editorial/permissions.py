"""Who may do what to an article, decided from permissions, never from group names.

The three roles are groups (created by ``editorial/migrations/0002_roles.py``):

* Writer: view, add and change articles, but only while they are drafts; delete
  drafts that never went out; no publishing.
* Editor: everything a writer may do, on any article, plus ``publish_article``
  (publish, schedule, unpublish), deleting anything, and the topic vocabulary
  (rename, merge, clean up).
* Tagger: ``view_article`` and ``tag_article``: sees every article, changes
  only its topics and countries.

``publish_article`` and ``tag_article`` are custom permissions on the Article
content type, so they read ``articles.publish_article`` wherever Django checks
permissions. A superuser has them all.
"""

from articles.importing import ImportRights
from articles.models import Article
from articles.publishing import SUBMITTABLE, submitter_id
from articles.tagkinds import TAG_KINDS

PUBLISH = "articles.publish_article"
TAG = "articles.tag_article"
CHANGE = "articles.change_article"
DELETE = "articles.delete_article"

# The only article fields a tagger may change.
TAG_FIELDS = tuple(kind.name for kind in TAG_KINDS)
# The form fields of tagging: the tag fields, and the confirmation of new topics.
TAG_FORM_FIELDS = (*TAG_FIELDS, "new_topics")
# Creating a topic is deliberate, and the vocabulary's keepers' (editors and taggers) job.
ADD_TOPIC = "articles.add_topic"
# The states in which a writer may still change an article: it is not live and not scheduled.
WRITABLE_STATES = (Article.State.DRAFT, Article.State.UNPUBLISHED)


def can_publish(user) -> bool:
    """Publish, schedule and unpublish: the editor's job."""
    return user.is_active and user.has_perm(PUBLISH)


def is_draft(article: Article | None) -> bool:
    """A new article, or one readers cannot see and that is not waiting to go live."""
    return article is None or article.state in WRITABLE_STATES


def can_edit_content(user, article: Article | None = None) -> bool:
    """Change an article's words and bylines: editors always, writers while it is a draft."""
    if not (user.is_active and user.has_perm(CHANGE)):
        return False
    return can_publish(user) or is_draft(article)


def can_tag(user, article: Article | None = None) -> bool:
    """Change an article's topics and countries."""
    return (user.is_active and user.has_perm(TAG)) or can_edit_content(user, article)


def import_rights(user) -> ImportRights:
    """What ``user`` may do by importing: the same as on the form (add; publish; change which states)."""
    editor = can_publish(user)
    return ImportRights(
        user_id=user.pk,
        add=user.is_active and user.has_perm("articles.add_article"),
        publish=editor,
        change_states=None
        if editor and user.has_perm(CHANGE)
        else (frozenset(WRITABLE_STATES) if user.is_active and user.has_perm(CHANGE) else frozenset()),
    )


def can_submit_for_review(user, article: Article | None) -> bool:
    """Writers (and editors) submit a draft they may edit; editors then approve it or send it back."""
    return can_edit_content(user, article) and (article is None or article.state in SUBMITTABLE)


def can_withdraw(user, article: Article | None) -> bool:
    """Take an article out of review, back to draft: the writer who submitted it, or an editor."""
    if article is None or article.state != Article.State.IN_REVIEW:
        return False
    if not (user.is_active and user.has_perm(CHANGE)):
        return False
    return can_publish(user) or submitter_id(article) == user.pk


def can_create_topics(user) -> bool:
    return user.is_active and user.has_perm(ADD_TOPIC)


def can_delete(user, article: Article | None = None) -> bool:
    """Delete: editors anything, writers only a draft that was never published or scheduled."""
    if not (user.is_active and user.has_perm(DELETE)):
        return False
    if article is None or can_publish(user):
        return True
    return article.state == Article.State.DRAFT and article.published_at is None
