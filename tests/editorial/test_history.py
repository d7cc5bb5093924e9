"""Every admin save keeps a revision of the article and what it owns; compare, revert, recover."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Quote, RelatedLink, Topic
from editorial import history
from editorial.models import RevisionTags
from editorial.tagging import merge_topics
from people.models import Person
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    BylineFactory,
    PersonFactory,
    QuoteFactory,
    RelatedLinkFactory,
    country,
)

from .helpers import article_form, body_text, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = ArticleFactory(draft=True, headline="Delta floods", body="Water rose.")
    BylineFactory(
        article=article, author=AuthorFactory(name="Ana Souza"), location="Porto Alegre", position=0
    )
    RelatedLinkFactory(article=article, title="Earlier floods", position=0)
    QuoteFactory(article=article, speaker=PersonFactory(name="Rui Lima"), text="We were ready.", position=0)
    article.topics.add("Floods")
    article.countries.add(country("BR"))
    return article


def save(client, article, **changes):
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]), article_form(client, article) | changes
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Article.objects.get(pk=article.pk)


def versions(article):
    return list(Version.objects.get_for_object(article))


def test_every_save_keeps_a_revision_following_bylines_links_quotes_and_tags(editor, article):
    save(editor, article)
    save(editor, article, **body_text("Water rose fast."))
    assert len(versions(article)) == 2
    revision = versions(article)[0].revision
    models = sorted(v.content_type.model for v in revision.version_set.all())
    assert models == ["article", "bodyblock", "byline", "quote", "relatedlink"]
    tags = RevisionTags.objects.get(revision=revision, article_id=article.pk)
    assert (tags.topics, tags.countries) == (["Floods"], ["BR"])


def test_workflow_and_tag_actions_keep_revisions_too(editor, article):
    changelist = reverse("admin:articles_article_changelist")
    editor.post(changelist, {"action": "publish_now", "_selected_action": [article.pk]})
    editor.post(
        changelist, {"action": "add_topic", "_selected_action": [article.pk], "apply": "1", "name": "Brazil"}
    )
    latest = versions(article)[0]
    assert latest.field_dict["status"] == "published"
    assert RevisionTags.objects.get(revision=latest.revision).topics == ["Brazil", "Floods"]


def test_history_page_lists_revisions_with_compare_and_restore(editor, article):
    save(editor, article)
    save(editor, article, **body_text("Changed."))
    response = editor.get(reverse("admin:articles_article_history", args=[article.pk]))
    html = response.content.decode()
    assert [v.pk for v in response.context["versions"]] == [v.pk for v in versions(article)]
    assert html.count('name="from"') == 2
    assert html.count('name="to"') == 3  # two revisions and the current article
    assert reverse("admin:articles_article_revision", args=[article.pk, versions(article)[1].pk]) in html


def test_compare_two_revisions_field_by_field(editor, article):
    save(editor, article)
    save(
        editor,
        article,
        headline="Delta floods recede",
        **body_text("Water fell."),
        topics="Floods, Recovery",
        new_topics="Recovery",
    )
    new, old = versions(article)
    response = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"from": old.pk, "to": new.pk}
    )
    changes = [(c.label, c.old, c.new) for c in response.context["changes"]]
    assert changes == [
        ("Headline", "Delta floods", "Delta floods recede"),
        ("Body", "Water rose.", "Water fell."),
        ("Topics", "Floods", "Floods, Recovery"),
    ]
    html = response.content.decode()
    assert "Delta floods<ins> recede</ins>" in html
    assert "Water <del>rose.</del><ins>fell.</ins>" in html


def test_compare_a_revision_with_the_current_article(editor, article):
    save(editor, article)
    Quote.objects.filter(article=article).update(text="We were not ready.")
    response = editor.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"from": versions(article)[0].pk, "to": "current"},
    )
    assert [(c.label, c.old, c.new) for c in response.context["changes"]] == [
        ("Quotes", "Rui Lima: “We were ready.”", "Rui Lima: “We were not ready.”")
    ]


def test_revert_restores_text_bylines_links_quotes_and_tags(editor, article):
    save(editor, article)
    old = versions(article)[0]
    changed = save(editor, article, **body_text("Rewritten."), topics="Politics", new_topics="Politics")
    changed.bylines.all().delete()
    RelatedLink.objects.filter(article=article).delete()
    changed.countries.clear()

    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    form = editor.get(url)
    assert form.status_code == 200
    assert "Water rose." in form.content.decode()
    # Opening the revert form changes nothing until it is saved.
    assert Article.objects.get(pk=article.pk).body_text == "Rewritten."

    response = editor.post(url, form_data(form.content.decode(), "article_form"))
    assert response.status_code == 302
    restored = Article.objects.get(pk=article.pk)
    assert restored.body_text == "Water rose."
    assert [(b.author.name, b.location) for b in restored.bylines.all()] == [("Ana Souza", "Porto Alegre")]
    assert [link.title for link in restored.related_links.all()] == ["Earlier floods"]
    assert [q.text for q in restored.quotes.all()] == ["We were ready."]
    assert [t.name for t in restored.topics.all()] == ["Floods"]
    assert [c.code for c in restored.countries.all()] == ["BR"]
    assert versions(article)[0].revision.get_comment().startswith("Reverted to previous version")


def test_revert_maps_a_topic_merged_since_to_the_topic_it_became(editor, article):
    save(editor, article)
    old = versions(article)[0]
    merge_topics(sources=[Topic.objects.get(name="Floods")], into=Topic.objects.create(name="Flooding"))
    article.topics.clear()
    url = reverse("admin:articles_article_revision", args=[article.pk, old.pk])
    form = form_data(editor.get(url).content.decode(), "article_form")
    assert form["topics"] == "Flooding"
    assert editor.post(url, form).status_code == 302
    assert [t.name for t in Article.objects.get(pk=article.pk).topics.all()] == ["Flooding"]


def test_writer_may_not_restore_a_revision_with_another_status(client_as, article):
    editor, writer = client_as("Editor"), client_as("Writer")
    save(editor, article, _publish="Save and publish now")
    published_version = versions(article)[0]
    editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    response = writer.get(
        reverse("admin:articles_article_revision", args=[article.pk, published_version.pk]), follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Only an editor can restore a version with another publication status or time."
    ]
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_a_revision_naming_a_deleted_person_is_not_restored(editor, article):
    save(editor, article)
    old = versions(article)[0]
    Quote.objects.filter(article=article).delete()
    Person.objects.filter(name="Rui Lima").delete()
    response = editor.get(reverse("admin:articles_article_revision", args=[article.pk, old.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]][-1] == (
        "This version cannot be restored: It names 1 person(s) who have since been deleted."
    )


def test_recover_a_deleted_article_with_everything_it_owned(editor, article):
    save(editor, article)
    editor.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()

    recover_list = editor.get(reverse("admin:articles_article_recoverlist"))
    deleted = list(recover_list.context["deleted"])
    assert [v.object_repr for v in deleted] == ["Delta floods"]
    url = reverse("admin:articles_article_recover", args=[deleted[0].pk])
    form = form_data(editor.get(url).content.decode(), "article_form")
    assert not Article.objects.filter(pk=article.pk).exists()
    assert editor.post(url, form).status_code == 302
    recovered = Article.objects.get(pk=article.pk)
    assert recovered.headline == "Delta floods"
    assert [b.author.name for b in recovered.bylines.all()] == ["Ana Souza"]
    assert [q.text for q in recovered.quotes.all()] == ["We were ready."]
    assert [t.name for t in recovered.topics.all()] == ["Floods"]
    assert [c.code for c in recovered.countries.all()] == ["BR"]


def test_tagger_may_not_revert_or_recover(client_as, article):
    editor, tagger = client_as("Editor"), client_as("Tagger")
    save(editor, article)
    version = versions(article)[0]
    assert (
        tagger.get(reverse("admin:articles_article_revision", args=[article.pk, version.pk])).status_code
        == 403
    )
    assert tagger.get(reverse("admin:articles_article_recover", args=[version.pk])).status_code == 403


def test_word_diff_escapes_html():
    assert str(history.word_diff("<b>old</b>", "<b>new</b>")) == (
        "<del>&lt;b&gt;old&lt;/b&gt;</del><ins>&lt;b&gt;new&lt;/b&gt;</ins>"
    )
