"""Two people edit one article: the second save is refused, shows what changed, and loses nothing."""

import pytest
from django.urls import reverse

from articles.models import Article
from editorial import history
from tests.factories import ArticleFactory

from .helpers import article_form, body_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(editor):
    article = ArticleFactory(draft=True, headline="Grid holds in cold snap", body="First paragraph.")
    # A first save through the admin keeps a revision of the state both editors open.
    editor.post(url(article), article_form(editor, article))
    return Article.objects.get(pk=article.pk)


def url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_second_save_is_refused_and_nothing_is_overwritten(client_as, article):
    alice, bob = client_as("Editor"), client_as("Editor")
    alice_form, bob_form = article_form(alice, article), article_form(bob, article)

    first = alice.post(url(article), alice_form | {"headline": "Grid holds as cold snap deepens"})
    assert first.status_code == 302

    second = bob.post(url(article), bob_form | body_text("Bob's rewrite."))
    assert second.status_code == 200
    form = second.context["adminform"].form
    assert form.non_field_errors() == [
        "Someone else saved this article after you opened it. Your changes have not been saved, "
        "so that theirs are not lost: copy anything you need, then reload the article."
    ]
    stored = Article.objects.get(pk=article.pk)
    assert stored.headline == "Grid holds as cold snap deepens"
    assert stored.body_text == "First paragraph."


def test_refusal_shows_what_changed_and_who_saved(client_as, article):
    alice, bob = client_as("Editor", username="alice"), client_as("Editor", username="bob")
    bob_form = article_form(bob, article)
    alice.post(url(article), article_form(alice, article) | {"headline": "Grid holds as cold snap deepens"})

    response = bob.post(url(article), bob_form | body_text("Bob's rewrite."))
    conflict = response.context["adminform"].form.conflict
    assert [(c.label, c.old, c.new) for c in conflict.changes] == [
        ("Headline", "Grid holds in cold snap", "Grid holds as cold snap deepens")
    ]
    assert [r.user.username for r in conflict.saves] == ["alice"]
    html = response.content.decode()
    assert "Saved by someone else while you were editing" in html
    assert "Grid holds <del>in</del><ins>as</ins> cold snap<ins> deepens</ins>" in html
    assert f'<a class="button" href="{url(article)}">Reload the article</a>' in html
    # Bob's text is still in the form for him to copy.
    assert "Bob&#x27;s rewrite." in html


def test_after_reloading_the_save_goes_through(client_as, article):
    alice, bob = client_as("Editor"), client_as("Editor")
    bob_form = article_form(bob, article)
    alice.post(url(article), article_form(alice, article) | {"headline": "New headline"})
    assert bob.post(url(article), bob_form | body_text("Bob's rewrite.")).status_code == 200

    reloaded = article_form(bob, article)
    assert bob.post(url(article), reloaded | body_text("Bob's rewrite.")).status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.body_text) == ("New headline", "Bob's rewrite.")


def test_a_publish_action_meanwhile_also_counts_as_a_change(client_as, article):
    editor, writer = client_as("Editor"), client_as("Writer")
    writer_form = article_form(writer, article)
    editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
    )
    response = writer.post(url(article), writer_form | {"body": "Too late."})
    # The article is published now, so the writer may not change it at all.
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).body_text == "First paragraph."


def test_a_bulk_tag_change_meanwhile_is_not_overwritten(client_as, article):
    editor, tagger = client_as("Editor"), client_as("Tagger")
    editor_form = article_form(editor, article)
    tagger.post(
        reverse("admin:articles_article_changelist"),
        {"action": "add_topic", "_selected_action": [article.pk], "apply": "1", "name": "Energy"},
    )
    response = editor.post(url(article), editor_form | {"body": "Edited."})
    assert response.status_code == 200
    conflict = response.context["adminform"].form.conflict
    assert [(c.label, c.old, c.new) for c in conflict.changes] == [("Topics", "", "Energy")]
    assert [t.name for t in article.topics.all()] == ["Energy"]


@pytest.mark.parametrize("token", ["", "not a time", "2001-01-01T00:00:00+00:00"])
def test_a_missing_or_stale_token_is_refused(editor, article, token):
    response = editor.post(
        url(article), article_form(editor, article) | {"edit_token": token, "standfirst": "x"}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.conflict is not None
    assert Article.objects.get(pk=article.pk).standfirst == article.standfirst


def test_my_changes_are_applied_on_top_of_the_newer_version_field_by_field(client_as, article):
    alice, bob = client_as("Editor", username="alice"), client_as("Editor", username="bob")
    bob_form = article_form(bob, article)
    alice.post(url(article), article_form(alice, article) | {"headline": "Alice's headline"})
    refused = bob.post(
        url(article), bob_form | {"publication": "Bob's paper", "standfirst": "Bob's standfirst."}
    )
    conflict = refused.context["adminform"].form.conflict
    # Bob changed the publication and standfirst; his headline is only older, not a change of his.
    assert {c.name: c.changed_by_me for c in conflict.mine} == {
        "headline": False,
        "standfirst": True,
        "publication": True,
    }
    html = refused.content.decode()
    assert "Apply my changes on top of the newer version" in html
    assert 'value="headline" id="keep-mine-headline">' in html  # not ticked

    apply_url = reverse("admin:articles_article_apply_mine", args=[article.pk])
    data = bob_form | {"publication": "Bob's paper", "standfirst": "Bob's standfirst."}
    data |= {"_keep_mine": ["publication"], "_newer_token": conflict.newer_token}
    assert bob.post(apply_url, data).status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.publication, stored.standfirst) == (
        "Alice's headline",
        "Bob's paper",
        article.standfirst,
    )
    latest = history.versions_of(article.pk)[0]
    assert latest.revision.get_comment() == "Applied on top of the newer version: publication."
    assert latest.revision.user.username == "bob"


def test_applying_after_yet_another_save_applies_nothing(client_as, article):
    alice, bob = client_as("Editor"), client_as("Editor")
    bob_form = article_form(bob, article)
    alice.post(url(article), article_form(alice, article) | {"headline": "Alice's headline"})
    conflict = bob.post(url(article), bob_form | {"standfirst": "Bob's."}).context["adminform"].form.conflict
    alice.post(url(article), article_form(alice, article) | {"headline": "Alice again"})
    apply_url = reverse("admin:articles_article_apply_mine", args=[article.pk])
    data = bob_form | {
        "standfirst": "Bob's.",
        "_keep_mine": ["standfirst"],
        "_newer_token": conflict.newer_token,
    }
    bob.post(apply_url, data)
    assert Article.objects.get(pk=article.pk).standfirst == article.standfirst


def test_a_writer_cannot_apply_onto_a_live_article(client_as):
    live = ArticleFactory(headline="Live")
    writer = client_as("Writer")
    apply_url = reverse("admin:articles_article_apply_mine", args=[live.pk])
    response = writer.post(apply_url, {"headline": "Mine", "_keep_mine": ["headline"]})
    assert response.status_code == 403
