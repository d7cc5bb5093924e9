"""The roles as a matrix: anonymous, writer, tagger, editor, superuser × each admin action."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article, Topic
from tests.factories import ArticleFactory

from .helpers import article_form, body_text, form_data

pytestmark = pytest.mark.django_db

EVERYONE = ("anonymous", "Writer", "Tagger", "Editor", "superuser")
ALLOWED, REFUSED, LOGIN = "allowed", "refused", "login"


def client_for(client_as, who):
    return client_as(None if who == "anonymous" else who)


def outcome(response) -> str:
    if response.status_code == 302 and reverse("admin:login") in response["Location"]:
        return LOGIN
    if response.status_code == 403:
        return REFUSED
    assert response.status_code in (200, 302), response.status_code
    return ALLOWED


def expect(table: dict[str, str]) -> list[tuple[str, str]]:
    """Anonymous is always sent to the login page."""
    return [("anonymous", LOGIN), *table.items()]


def test_groups_have_exactly_the_permissions_of_their_jobs():
    def perms(group):
        return sorted(
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=group).permissions.all()
        )

    assert perms("Tagger") == [
        "articles.add_topic",
        "articles.tag_article",
        "articles.view_article",
        "articles.view_country",
        "articles.view_frontitem",
        "articles.view_page",
        "articles.view_section",
        "articles.view_topic",
    ]
    writer, editor = set(perms("Writer")), set(perms("Editor"))
    assert "articles.publish_article" not in writer
    assert "articles.change_topic" not in writer and "articles.delete_topic" not in writer
    # Writers pick existing topics; editors and taggers create them (issue 14).
    assert editor - writer == {
        "articles.add_topic",
        "articles.publish_article",
        "articles.change_topic",
        "articles.delete_topic",
        # Sections are the site's structure: editors manage them, writers only choose one.
        "articles.add_section",
        "articles.change_section",
        "articles.delete_section",
        # So is the front page's running order.
        "articles.add_frontitem",
        "articles.change_frontitem",
        "articles.delete_frontitem",
        # And the site's own pages (about, contact, privacy).
        "articles.add_page",
        "articles.change_page",
        "articles.delete_page",
        "people.delete_author",
        "people.delete_person",
        "images.delete_image",
    }
    assert {"images.view_image", "images.add_image", "images.change_image"} <= writer


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": ALLOWED, "Tagger": ALLOWED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_article_list(client_as, who, expected):
    response = client_for(client_as, who).get(reverse("admin:articles_article_changelist"))
    assert outcome(response) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": ALLOWED, "Tagger": REFUSED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_add_form(client_as, who, expected):
    response = client_for(client_as, who).get(reverse("admin:articles_article_add"))
    assert outcome(response) == expected


def add_form(client) -> dict:
    """What the role's own add form posts when left as it is (nothing, if the role may not see it)."""
    response = client.get(reverse("admin:articles_article_add"))
    return form_data(response.content.decode(), "article_form") if response.status_code == 200 else {}


def own_form(client, article) -> dict:
    """What the role's own change form posts unchanged (nothing, if the role may not see it)."""
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    return form_data(response.content.decode(), "article_form") if response.status_code == 200 else {}


def new_article_data(**extra):
    data = {
        "headline": "A new story",
        "slug": "a-new-story",
        "standfirst": "Summary",
        "blocks-TOTAL_FORMS": 1,
        "blocks-INITIAL_FORMS": 0,
        "blocks-0-position": 0,
        "blocks-0-kind": "text",
        "blocks-0-html": "<p>Para one.</p><p>Para two.</p>",
        "blocks-0-size": "inline",
        "publication": "The Northern Ledger",
        "topics": "",
        "lead_image": "",
        "lead_image_caption": "",
    }
    for prefix in ("bylines", "related_links", "quotes"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return data | extra


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": ALLOWED, "Tagger": REFUSED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_create_a_draft(client_as, who, expected):
    client = client_for(client_as, who)
    response = client.post(reverse("admin:articles_article_add"), add_form(client) | new_article_data())
    assert outcome(response) == expected
    assert Article.objects.filter(slug="a-new-story").exists() == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": REFUSED, "Tagger": REFUSED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_create_a_published_article(client_as, who, expected):
    client = client_for(client_as, who)
    data = new_article_data(status="published", published_at_0="2020-01-01", published_at_1="10:00")
    response = client.post(reverse("admin:articles_article_add"), add_form(client) | data)
    assert outcome(response) == expected
    assert Article.objects.published().filter(slug="a-new-story").exists() == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("who", "state", "expected"),
    [
        ("anonymous", "draft", LOGIN),
        ("Writer", "draft", ALLOWED),
        ("Writer", "published", REFUSED),
        ("Writer", "scheduled", REFUSED),
        ("Tagger", "draft", REFUSED),
        ("Tagger", "published", REFUSED),
        ("Editor", "draft", ALLOWED),
        ("Editor", "published", ALLOWED),
        ("superuser", "published", ALLOWED),
    ],
)
def test_change_the_body(client_as, who, state, expected):
    article = ArticleFactory(**{state: True} if state != "published" else {})
    client = client_for(client_as, who)
    data = (
        own_form(client, article) | body_text("Rewritten.") | {"edit_token": article.updated_at.isoformat()}
    )
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert outcome(response) == expected
    article.refresh_from_db()
    assert (article.body_text == "Rewritten.") == (expected == ALLOWED)


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": REFUSED, "Tagger": ALLOWED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_change_the_topics_of_a_published_article(client_as, who, expected):
    article = ArticleFactory()
    client = client_for(client_as, who)
    Topic.objects.create(name="Energy")
    data = own_form(client, article) | {"topics": "Energy", "edit_token": article.updated_at.isoformat()}
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert outcome(response) == expected
    assert [t.name for t in article.topics.all()] == (["Energy"] if expected == ALLOWED else [])


def run_action(client, action, articles, **extra):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles], **extra},
    )


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": REFUSED, "Tagger": REFUSED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
@pytest.mark.parametrize(
    ("action", "start", "extra", "done"),
    [
        ("publish_now", "draft", {}, lambda a: a.is_live),
        (
            "schedule",
            "draft",
            {"apply": "1", "at": "2199-01-01T09:00"},
            lambda a: a.status == "published" and a.published_at.year == 2199,
        ),
        ("unpublish", "published", {}, lambda a: a.status == "draft"),
    ],
)
def test_workflow_actions(client_as, who, expected, action, start, extra, done):
    article = ArticleFactory(draft=start == "draft")
    client = client_for(client_as, who)
    response = run_action(client, action, [article], **extra)
    article.refresh_from_db()
    assert done(article) == (expected == ALLOWED)
    if who == "anonymous":
        assert outcome(response) == LOGIN
    elif expected == REFUSED:
        # An action the role lacks is not offered, and posting it does nothing.
        page = client.get(reverse("admin:articles_article_changelist")).content.decode()
        assert f'value="{action}"' not in page


@pytest.mark.parametrize(
    ("who", "state", "expected"),
    [
        ("anonymous", "draft", LOGIN),
        ("Writer", "draft", ALLOWED),
        ("Writer", "published", REFUSED),
        ("Writer", "scheduled", REFUSED),
        ("Tagger", "draft", REFUSED),
        ("Editor", "published", ALLOWED),
        ("superuser", "published", ALLOWED),
    ],
)
def test_delete(client_as, who, state, expected):
    article = ArticleFactory(**{state: True} if state != "published" else {})
    url = reverse("admin:articles_article_delete", args=[article.pk])
    response = client_for(client_as, who).post(url, {"post": "yes"})
    assert outcome(response) == expected
    assert Article.objects.filter(pk=article.pk).exists() == (expected != ALLOWED)


def test_writer_cannot_bulk_delete_a_published_article(writer):
    draft, live = ArticleFactory(draft=True), ArticleFactory()
    response = run_action(writer, "delete_selected", [draft, live], post="yes")
    assert response.status_code == 302
    assert Article.objects.filter(pk__in=[draft.pk, live.pk]).count() == 2
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Only an editor can delete an article that was published or scheduled: 1 selected."]


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": ALLOWED, "Tagger": ALLOWED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
@pytest.mark.parametrize("page", ["history", "scheduled", "suggest"])
def test_read_only_pages(client_as, who, expected, page):
    article = ArticleFactory()
    url = {
        "history": reverse("admin:articles_article_history", args=[article.pk]),
        "scheduled": reverse("admin:articles_article_scheduled"),
        "suggest": reverse("admin:articles_topic_suggest") + "?q=war",
    }[page]
    assert outcome(client_for(client_as, who).get(url)) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": ALLOWED, "Tagger": REFUSED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
@pytest.mark.parametrize("page", ["share", "recoverlist"])
def test_writing_pages(client_as, who, expected, page):
    article = ArticleFactory(draft=True)
    url = {
        "share": reverse("admin:articles_article_share", args=[article.pk]),
        "recoverlist": reverse("admin:articles_article_recoverlist"),
    }[page]
    assert outcome(client_for(client_as, who).get(url)) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": REFUSED, "Tagger": REFUSED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_topic_clean_up_page(client_as, who, expected):
    response = client_for(client_as, who).get(reverse("admin:articles_topic_cleanup"))
    assert outcome(response) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": REFUSED, "Tagger": REFUSED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_topic_merge(client_as, who, expected):
    keep, old = Topic.objects.create(name="Ukraine war"), Topic.objects.create(name="War in Ukraine")
    response = client_for(client_as, who).post(
        reverse("admin:articles_topic_changelist"),
        {"action": "merge_topics", "_selected_action": [keep.pk, old.pk], "apply": "1", "into": keep.pk},
    )
    if who == "anonymous":
        assert outcome(response) == LOGIN
    assert Topic.objects.filter(pk=old.pk).exists() == (expected != ALLOWED)


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": REFUSED, "Tagger": ALLOWED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_bulk_add_topic_to_a_published_article(client_as, who, expected):
    article = ArticleFactory()
    response = run_action(client_for(client_as, who), "add_topic", [article], apply="1", name="Energy")
    if who == "anonymous":
        assert outcome(response) == LOGIN
    assert [t.name for t in article.topics.all()] == (["Energy"] if expected == ALLOWED else [])


@pytest.mark.parametrize(
    ("who", "expected"),
    expect({"Writer": ALLOWED, "Tagger": REFUSED, "Editor": ALLOWED, "superuser": ALLOWED}),
)
def test_revert_form(client_as, editor, who, expected):
    article = ArticleFactory(draft=True)
    editor.post(reverse("admin:articles_article_change", args=[article.pk]), article_form(editor, article))
    version = article_versions(article)[0]
    url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
    assert outcome(client_for(client_as, who).get(url)) == expected


def article_versions(article):
    from reversion.models import Version

    return list(Version.objects.get_for_object(article))
