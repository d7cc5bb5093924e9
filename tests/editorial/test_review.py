"""Review before publishing: submit with a note, the queue, approve or send back; roles decide (issue 14)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article, ReviewStep
from articles.publishing import TransitionError
from editorial import history
from tests.factories import ArticleFactory

from .helpers import article_form

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def press(client, article, button, **fields):
    return client.post(change_url(article), article_form(client, article) | {button: "1", **fields})


def stored(article):
    return Article.objects.get(pk=article.pk)


def comments(article):
    return [v.revision.get_comment() for v in history.versions_of(article.pk)]


# The verbs and the queryset vocabulary ----------------------------------------------------


def test_in_review_is_a_state_of_its_own_and_hidden_from_readers():
    article = ArticleFactory(in_review=True)
    assert article.state == Article.State.IN_REVIEW
    assert list(Article.objects.in_review()) == [article]
    assert list(Article.objects.in_state("review")) == [article]
    assert not Article.objects.published().exists()
    assert not Article.objects.drafts().exists()


def test_submit_then_send_back_then_approve(make_user):
    writer, editor = make_user("Writer"), make_user("Editor")
    article = ArticleFactory(draft=True)
    assert publishing.submit_for_review([article], by=writer, note="Ready, I think").changed == [article]
    assert stored(article).state == Article.State.IN_REVIEW
    publishing.send_back([article], by=editor, comment="Check the second quote.")
    assert stored(article).state == Article.State.DRAFT
    publishing.submit_for_review([article], by=writer)
    publishing.publish_now([stored(article)], by=editor)
    assert stored(article).is_live
    steps = [(s.kind, s.by, s.note) for s in reversed(article.review_steps.all())]
    assert steps == [
        ("submitted", writer, "Ready, I think"),
        ("sent_back", editor, "Check the second quote."),
        ("submitted", writer, ""),
        ("approved", editor, ""),
    ]
    assert comments(article) == [
        "Published.",
        "Submitted for review.",
        "Sent back to the writer: Check the second quote.",
        "Submitted for review: Ready, I think",
    ]


def test_sending_back_needs_a_comment():
    with pytest.raises(TransitionError):
        publishing.send_back([ArticleFactory(in_review=True)], comment="  ")


def test_only_drafts_are_submitted():
    live = ArticleFactory()
    assert publishing.submit_for_review([live]).skipped == [live]


def test_scheduling_an_article_in_review_approves_it(make_user):
    article = ArticleFactory(in_review=True)
    publishing.schedule([article], at=timezone.now() + timezone.timedelta(days=1), by=make_user("Editor"))
    assert stored(article).state == Article.State.SCHEDULED
    assert article.review_steps.get().kind == ReviewStep.Kind.APPROVED


# The admin: buttons × roles ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "state", "buttons"),
    [
        ("Writer", {"draft": True}, ["_submit_review"]),
        ("Writer", {"in_review": True}, []),
        ("Writer", {}, []),
        ("Editor", {"in_review": True}, ["_publish", "_schedule", "_send_back", "_withdraw"]),
        ("Editor", {"draft": True}, ["_publish", "_schedule"]),
        ("Tagger", {"draft": True}, []),
    ],
)
def test_the_buttons_each_role_sees(client_as, role, state, buttons):
    article = ArticleFactory(**state)
    html = client_as(role).get(change_url(article)).content.decode()
    names = ("_submit_review", "_publish", "_schedule", "_unpublish", "_send_back", "_withdraw")
    shown = [name for name in names
             if f'name="{name}"' in html]  # fmt: skip
    assert shown == buttons


def test_a_writer_submits_with_a_note_and_the_editor_sees_it_in_the_queue(client_as):
    writer, editor = client_as("Writer", username="wanda"), client_as("Editor")
    article = ArticleFactory(draft=True, headline="Port strike spreads")
    response = press(writer, article, "_submit_review", review_note="Lawyers have read it.")
    assert response.status_code == 302
    assert stored(article).state == Article.State.IN_REVIEW

    queue = editor.get(reverse("admin:articles_article_review")).content.decode()
    assert "Port strike spreads" in queue
    assert "wanda" in queue and "Lawyers have read it." in queue
    assert (
        reverse("admin:articles_article_review")
        in editor.get(reverse("admin:articles_article_changelist")).content.decode()
    )


def test_a_writer_cannot_edit_an_article_in_review_nor_approve_it(client_as):
    writer = client_as("Writer")
    article = ArticleFactory(in_review=True)
    assert 'name="headline"' not in writer.get(change_url(article)).content.decode()
    data = {"headline": "Changed", "_publish": "1"}
    assert writer.post(change_url(article), data).status_code == 403
    assert stored(article).state == Article.State.IN_REVIEW


def test_a_writer_cannot_press_an_editors_button(client_as):
    writer = client_as("Writer")
    article = ArticleFactory(draft=True)
    assert press(writer, article, "_send_back", review_note="x").status_code == 403


def test_the_editor_sends_it_back_and_the_writer_sees_the_comment(client_as):
    writer, editor = client_as("Writer"), client_as("Editor", username="edna")
    article = ArticleFactory(in_review=True)
    refused = press(editor, article, "_send_back")
    assert refused.status_code == 200
    assert "review_note" in refused.context["adminform"].form.errors
    assert press(editor, article, "_send_back", review_note="Shorten the standfirst.").status_code == 302
    assert stored(article).state == Article.State.DRAFT

    html = writer.get(change_url(article)).content.decode()
    assert "Sent back</strong> by edna" in html
    assert "<q>Shorten the standfirst.</q>" in html
    assert comments(article)[0].endswith("Sent back to the writer: Shorten the standfirst.")


def test_the_editor_approves_and_publishes(client_as):
    editor = client_as("Editor")
    article = ArticleFactory(in_review=True)
    assert press(editor, article, "_publish").status_code == 302
    assert stored(article).is_live
    assert article.review_steps.get().kind == ReviewStep.Kind.APPROVED
    assert comments(article)[0] == "Published."
