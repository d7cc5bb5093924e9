"""A writer takes an article they submitted back out of review, to keep editing: transitions × roles."""

import pytest
from django.test import Client
from django.urls import reverse

from articles import publishing
from articles.models import Article, ReviewStep
from editorial import history, permissions
from tests.factories import ArticleFactory

from .helpers import article_form

pytestmark = pytest.mark.django_db

STATES = {
    "draft": {"draft": True},
    "in review": {"in_review": True},
    "scheduled": {"scheduled": True},
    "published": {},
    "unpublished": {"status": "draft"},
}


def stored(article) -> Article:
    return Article.objects.get(pk=article.pk)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def withdraw_url(article) -> str:
    return reverse("admin:articles_article_withdraw", args=[article.pk])


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def submitted(make_user):
    """An article its writer (``wanda``) submitted for review, and the users around it."""
    writer = make_user("Writer", username="wanda")
    article = ArticleFactory(draft=True, headline="Port strike spreads")
    publishing.submit_for_review([article], by=writer, note="Ready")
    users = {
        "its writer": writer,
        "another writer": make_user("Writer", username="walter"),
        "editor": make_user("Editor", username="edna"),
        "tagger": make_user("Tagger"),
    }
    return stored(article), users


@pytest.mark.parametrize(
    ("who", "allowed"), [("its writer", True), ("another writer", False), ("editor", True), ("tagger", False)]
)
def test_who_may_withdraw_an_article_in_review(submitted, who, allowed):
    article, users = submitted
    assert permissions.can_withdraw(users[who], article) is allowed
    response = signed_in(users[who]).post(withdraw_url(article))
    assert response.status_code == (302 if allowed else 403)
    assert stored(article).state == (Article.State.DRAFT if allowed else Article.State.IN_REVIEW)


@pytest.mark.parametrize("state", [s for s in STATES if s != "in review"])
def test_only_an_article_in_review_is_withdrawn(make_user, state):
    editor = make_user("Editor")
    article = ArticleFactory(**STATES[state])
    before = stored(article).state
    assert not permissions.can_withdraw(editor, article)
    assert publishing.withdraw([article], by=editor).skipped == [article]
    assert signed_in(editor).post(withdraw_url(article)).status_code == 403
    assert stored(article).state == before
    assert not article.review_steps.filter(kind=ReviewStep.Kind.WITHDRAWN).exists()


def test_withdrawing_an_unpublished_article_in_review_gives_it_back_its_state(make_user):
    writer = make_user("Writer")
    article = ArticleFactory(status="draft")  # it was live once
    publishing.submit_for_review([article], by=writer)
    publishing.withdraw([stored(article)], by=writer)
    assert stored(article).state == Article.State.UNPUBLISHED


def test_the_writer_withdraws_from_the_form_and_can_edit_again(submitted):
    article, users = submitted
    writer = signed_in(users["its writer"])
    html = writer.get(change_url(article)).content.decode()
    assert 'name="headline"' not in html  # in review: read-only to the writer
    button = 'name="_withdraw" value="Withdraw from review" class="workflow-button" formaction="{}"'
    assert button.format(withdraw_url(article)) in html
    assert writer.get(withdraw_url(article)).status_code == 405  # a change is a POST

    response = writer.post(withdraw_url(article), follow=True)
    assert response.redirect_chain == [(change_url(article), 302)]
    html = response.content.decode()
    assert "is withdrawn from review: it is a draft again" in html
    assert 'name="headline"' in html and 'name="_submit_review"' in html
    assert "Withdrawn from review</strong> by wanda" in html
    assert not publishing.review_queue().filter(pk=article.pk).exists()

    steps = [(s.kind, s.by) for s in reversed(article.review_steps.all())]
    assert steps == [("submitted", users["its writer"]), ("withdrawn", users["its writer"])]
    (latest, *_) = history.versions_of(article.pk)
    assert latest.revision.get_comment() == "Withdrawn from review, back to draft."
    assert latest.revision.user == users["its writer"]


def test_another_writer_sees_no_withdraw_button(submitted):
    article, users = submitted
    html = signed_in(users["another writer"]).get(change_url(article)).content.decode()
    assert 'name="_withdraw"' not in html


def test_an_editor_withdraws_with_the_form_and_keeps_what_they_typed(submitted):
    article, users = submitted
    editor = signed_in(users["editor"])
    data = article_form(editor, article) | {"standfirst": "Edited while in review.", "_withdraw": "1"}
    assert editor.post(change_url(article), data).status_code == 302
    article = stored(article)
    assert (article.state, article.standfirst) == (Article.State.DRAFT, "Edited while in review.")
    assert article.review_steps.first().kind == ReviewStep.Kind.WITHDRAWN
    assert (
        history.versions_of(article.pk)[0]
        .revision.get_comment()
        .endswith("Withdrawn from review, back to draft.")
    )


def test_a_writer_cannot_post_withdraw_through_the_form_of_an_article_in_review(submitted):
    article, users = submitted
    writer = signed_in(users["another writer"])
    assert writer.post(change_url(article), {"_withdraw": "1"}).status_code == 403
    assert stored(article).state == Article.State.IN_REVIEW


def test_a_withdrawn_article_is_submitted_again(submitted):
    article, users = submitted
    publishing.withdraw([article], by=users["its writer"])
    assert publishing.submit_for_review([stored(article)], by=users["its writer"]).changed
    assert stored(article).state == Article.State.IN_REVIEW
