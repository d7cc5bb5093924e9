"""Draft → scheduled → published → unpublished: every transition, in the verbs and in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import publishing
from articles.models import Article
from articles.publishing import TransitionError
from tests.factories import ArticleFactory

from .helpers import article_form

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)


def stored(article) -> Article:
    return Article.objects.get(pk=article.pk)


@pytest.mark.parametrize(
    ("kwargs", "state"),
    [
        ({"draft": True}, Article.State.DRAFT),
        ({"scheduled": True}, Article.State.SCHEDULED),
        ({}, Article.State.PUBLISHED),
        ({"status": "draft"}, Article.State.UNPUBLISHED),
    ],
)
def test_state(kwargs, state):
    assert ArticleFactory(**kwargs).state == state


def test_draft_is_published_now():
    article = ArticleFactory(draft=True)
    result = publishing.publish_now([article])
    assert result.changed == [article] and result.skipped == []
    assert stored(article).state == Article.State.PUBLISHED
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_draft_is_scheduled_and_stays_hidden_until_its_time():
    article = ArticleFactory(draft=True)
    at = timezone.now() + HOUR
    publishing.schedule([article], at=at)
    assert stored(article).published_at == at
    assert stored(article).state == Article.State.SCHEDULED
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_scheduled_article_goes_live_by_itself_when_its_time_comes():
    article = ArticleFactory(scheduled=True)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    # No job runs: once the clock passes published_at, the same query shows it.
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_scheduled_article_published_now_goes_live_at_once():
    article = ArticleFactory(scheduled=True)
    before = timezone.now()
    publishing.publish_now([article])
    assert before <= stored(article).published_at <= timezone.now()
    assert stored(article).state == Article.State.PUBLISHED


def test_scheduled_article_is_rescheduled():
    article = ArticleFactory(scheduled=True)
    at = timezone.now() + timedelta(days=3)
    publishing.schedule([article], at=at)
    assert stored(article).published_at == at


def test_scheduled_article_is_unscheduled_back_to_draft():
    article = ArticleFactory(scheduled=True)
    publishing.unpublish([article])
    assert stored(article).state == Article.State.DRAFT


def test_published_article_is_unpublished_and_keeps_its_time():
    article = ArticleFactory()
    first = article.published_at
    result = publishing.unpublish([article])
    assert result.changed == [article]
    assert stored(article).status == Article.Status.DRAFT
    assert stored(article).published_at == first
    assert stored(article).state == Article.State.UNPUBLISHED
    assert not Article.objects.published().exists()


def test_republishing_keeps_the_first_publication_time():
    first = timezone.now() - timedelta(days=10)
    article = ArticleFactory(status="draft", published_at=first)
    publishing.publish_now([article])
    assert stored(article).published_at == first
    assert stored(article).is_live


def test_unpublished_article_is_scheduled_again():
    article = ArticleFactory(status="draft", published_at=timezone.now() - timedelta(days=10))
    at = timezone.now() + HOUR
    publishing.schedule([article], at=at)
    assert stored(article).state == Article.State.SCHEDULED


def test_publishing_a_live_article_changes_nothing():
    article = ArticleFactory()
    result = publishing.publish_now([article])
    assert result.changed == [] and result.skipped == [article]
    assert stored(article).published_at == article.published_at


def test_a_live_article_is_not_scheduled():
    article = ArticleFactory()
    result = publishing.schedule([article], at=timezone.now() + HOUR)
    assert result.skipped == [article]
    assert stored(article).is_live


def test_unpublishing_a_draft_changes_nothing():
    article = ArticleFactory(draft=True)
    assert publishing.unpublish([article]).skipped == [article]


@pytest.mark.parametrize("at", [timedelta(0), -HOUR])
def test_schedule_refuses_a_time_that_is_not_in_the_future(at):
    with pytest.raises(TransitionError, match="Pick a time in the future to schedule an article."):
        publishing.schedule([ArticleFactory(draft=True)], at=timezone.now() + at)


# The change form's buttons --------------------------------------------------------------


def change(client, article, **data):
    form = article_form(client, article)
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), form | data)


def test_editor_publishes_from_the_form(editor):
    article = ArticleFactory(draft=True)
    response = change(editor, article, _publish="Save and publish now", headline="Final headline")
    assert response.status_code == 302
    assert stored(article).is_live
    assert stored(article).headline == "Final headline"


def test_editor_schedules_from_the_form(editor):
    article = ArticleFactory(draft=True)
    at = timezone.localtime(timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    response = change(
        editor,
        article,
        _schedule="Save and schedule",
        published_at_0=at.strftime("%d/%m/%Y"),
        published_at_1=at.strftime("%H:%M:%S"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert stored(article).published_at == at
    assert stored(article).state == Article.State.SCHEDULED


def test_scheduling_from_the_form_needs_a_future_time(editor):
    article = ArticleFactory(draft=True)
    response = change(editor, article, _schedule="Save and schedule")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["published_at"] == [
        "To schedule the article, set a publication time in the future."
    ]
    assert stored(article).state == Article.State.DRAFT


def test_editor_unpublishes_from_the_form(editor):
    article = ArticleFactory()
    change(editor, article, _unpublish="Save and unpublish")
    assert stored(article).state == Article.State.UNPUBLISHED


def test_published_status_without_a_time_is_refused_with_a_message(editor):
    article = ArticleFactory(draft=True)
    response = change(editor, article, status="published", published_at_0="", published_at_1="")
    assert response.context["adminform"].form.errors["published_at"] == [
        "A published article needs a publication time: set one, or use “Publish now”."
    ]


def test_buttons_offered_follow_the_state(editor, writer):
    def buttons(client, article):
        html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
        return [name for name in ("_publish", "_schedule", "_unpublish") if f'name="{name}"' in html]

    assert buttons(editor, ArticleFactory(draft=True)) == ["_publish", "_schedule"]
    assert buttons(editor, ArticleFactory(scheduled=True)) == ["_publish", "_schedule", "_unpublish"]
    assert buttons(editor, ArticleFactory()) == ["_unpublish"]
    assert buttons(writer, ArticleFactory(draft=True)) == []


def test_writer_sees_status_and_time_read_only(writer):
    html = writer.get(
        reverse("admin:articles_article_change", args=[ArticleFactory(draft=True).pk])
    ).content.decode()
    assert 'name="status"' not in html
    assert 'name="published_at_0"' not in html
    assert 'name="headline"' in html


@pytest.mark.parametrize(
    "crafted",
    [
        {"_publish": "Save and publish now"},
        {"_schedule": "Save and schedule"},
        {"status": "published"},
        {"published_at_0": "01/01/2020", "published_at_1": "10:00:00"},
    ],
    ids=lambda crafted: next(iter(crafted)),
)
def test_writer_crafted_publish_is_refused(writer, crafted):
    article = ArticleFactory(draft=True)
    response = change(writer, article, **crafted)
    assert response.status_code == 403
    assert stored(article).state == Article.State.DRAFT
    assert stored(article).published_at is None


def test_writer_crafted_publish_on_the_add_form_is_refused(writer):
    data = {
        "headline": "Sneaky",
        "slug": "sneaky",
        "status": "published",
        "published_at_0": "01/01/2020",
        "published_at_1": "10:00:00",
    }
    for prefix in ("bylines", "related_links", "quotes"):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    response = writer.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 403
    assert not Article.objects.filter(slug="sneaky").exists()


# Bulk actions and the Scheduled page ------------------------------------------------------


def test_schedule_action_asks_for_a_time_first(editor):
    article = ArticleFactory(draft=True)
    response = editor.post(
        reverse("admin:articles_article_changelist"), {"action": "schedule", "_selected_action": [article.pk]}
    )
    assert response.status_code == 200
    assert response.templates[0].name == "editorial/admin/action_form.html"
    assert 'type="datetime-local"' in response.content.decode()
    assert stored(article).state == Article.State.DRAFT


def test_schedule_action_schedules_at_the_wall_clock_time(editor):
    articles = [ArticleFactory(draft=True), ArticleFactory(draft=True), ArticleFactory()]
    response = editor.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "schedule",
            "_selected_action": [a.pk for a in articles],
            "apply": "1",
            "at": "2199-03-01T09:30",
        },
        follow=True,
    )
    expected = timezone.make_aware(timezone.datetime(2199, 3, 1, 9, 30))
    assert [stored(a).state for a in articles] == [
        Article.State.SCHEDULED,
        Article.State.SCHEDULED,
        Article.State.PUBLISHED,
    ]
    assert stored(articles[0]).published_at == expected
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Scheduled 2 article(s) to go live on 1 March 2199, 09:30.",
        "1 article(s) live: unpublish them first to schedule them.",
    ]


def test_schedule_action_refuses_a_past_time(editor):
    article = ArticleFactory(draft=True)
    response = editor.post(
        reverse("admin:articles_article_changelist"),
        {"action": "schedule", "_selected_action": [article.pk], "apply": "1", "at": "2001-01-01T09:00"},
    )
    assert response.context["form"].errors["at"] == ["Pick a time in the future."]
    assert stored(article).state == Article.State.DRAFT


def test_scheduled_page_lists_what_goes_live_when(editor):
    now = timezone.now()
    later = ArticleFactory(headline="Later", published_at=now + timedelta(days=2))
    sooner = ArticleFactory(headline="Sooner", published_at=now + HOUR)
    ArticleFactory(headline="Live")
    ArticleFactory(headline="Draft", draft=True)
    response = editor.get(reverse("admin:articles_article_scheduled"))
    listed = [article for _, articles in response.context["days"] for article in articles]
    assert listed == [sooner, later]
    assert "Scheduled articles" in response.content.decode()


@pytest.mark.parametrize(
    ("state", "headlines"),
    [("draft", ["d"]), ("scheduled", ["s"]), ("published", ["p"]), ("unpublished", ["u"])],
)
def test_workflow_state_filter(editor, state, headlines):
    ArticleFactory(headline="d", draft=True)
    ArticleFactory(headline="s", scheduled=True)
    ArticleFactory(headline="p")
    ArticleFactory(headline="u", status="draft")
    response = editor.get(reverse("admin:articles_article_changelist"), {"state": state})
    assert [a.headline for a in response.context["cl"].result_list] == headlines
