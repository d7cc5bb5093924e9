"""Who else has an article open: kept current by the form, shown as a notice (no lock)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial import presence
from editorial.models import EditingPresence
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_opening_the_form_shows_who_else_has_it_open(client_as):
    article = ArticleFactory(draft=True)
    url = reverse("admin:articles_article_change", args=[article.pk])
    alice, bob = client_as("Editor", username="alice"), client_as("Writer", username="bob")
    assert "Also editing now" not in alice.get(url).content.decode()
    html = bob.get(url).content.decode()
    assert "Also editing now: <strong>alice</strong>" in html


def test_the_form_beats_and_leaves(client_as):
    article = ArticleFactory(draft=True)
    beat = reverse("admin:articles_article_presence", args=[article.pk])
    alice, bob = client_as("Editor", username="alice"), client_as("Editor", username="bob")
    alice.post(beat)
    assert [o["name"] for o in bob.post(beat).json()["others"]] == ["alice"]
    alice.post(beat, {"gone": "1"})
    assert bob.post(beat).json()["others"] == []


def test_someone_silent_for_a_while_is_gone(make_user):
    article = ArticleFactory(draft=True)
    alice, bob = make_user("Editor"), make_user("Editor")
    presence.here(article_id=article.pk, user=alice)
    EditingPresence.objects.update(
        seen_at=timezone.now() - timedelta(seconds=presence.GONE_AFTER_SECONDS + 1)
    )
    assert presence.others(article_id=article.pk, user=bob) == []


def test_presence_needs_a_post_and_a_staff_member_who_may_see_the_article(client_as, client):
    article = ArticleFactory(draft=True)
    beat = reverse("admin:articles_article_presence", args=[article.pk])
    assert client_as("Editor").get(beat).status_code == 405
    assert client.post(beat).status_code == 302  # to the admin's sign-in
